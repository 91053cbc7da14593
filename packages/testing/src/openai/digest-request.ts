import { isRecord, type ConversationDigest, type FunctionToolSpec } from './derive-fake-answer.js';

/** Reads what the default answer needs from a Responses `CreateResponse` body. */
export function digestResponsesRequest(body: Record<string, unknown>): ConversationDigest {
  const tools: FunctionToolSpec[] = [];
  for (const tool of Array.isArray(body.tools) ? body.tools : []) {
    if (isRecord(tool) && tool.type === 'function' && typeof tool.name === 'string') {
      tools.push({ name: tool.name, parameters: tool.parameters });
    }
  }
  const input = body.input;
  if (typeof input === 'string') return { lastUserText: input, lastToolOutput: undefined, tools, inputText: input };
  const items = Array.isArray(input) ? input.filter(isRecord) : [];
  const last = items.at(-1);
  let lastUserText: string | undefined;
  for (const item of items) {
    if (item.role === 'user' && (item.type === undefined || item.type === 'message')) lastUserText = textOf(item.content);
  }
  const lastToolOutput =
    last !== undefined && last.type === 'function_call_output' ? stringOf(last.output) : undefined;
  const inputText = [typeof body.instructions === 'string' ? body.instructions : '', ...items.map(itemText)].join(' ');
  return { lastUserText, lastToolOutput, tools, inputText };
}

/** Reads what the default answer needs from a `CreateChatCompletionRequest` body. */
export function digestChatRequest(body: Record<string, unknown>): ConversationDigest {
  const tools: FunctionToolSpec[] = [];
  for (const tool of Array.isArray(body.tools) ? body.tools : []) {
    if (isRecord(tool) && tool.type === 'function' && isRecord(tool.function) && typeof tool.function.name === 'string') {
      tools.push({ name: tool.function.name, parameters: tool.function.parameters });
    }
  }
  const messages = Array.isArray(body.messages) ? body.messages.filter(isRecord) : [];
  let lastUserText: string | undefined;
  for (const message of messages) if (message.role === 'user') lastUserText = textOf(message.content);
  const last = messages.at(-1);
  const lastToolOutput = last !== undefined && last.role === 'tool' ? textOf(last.content) : undefined;
  return { lastUserText, lastToolOutput, tools, inputText: messages.map((message) => textOf(message.content)).join(' ') };
}

function itemText(item: Record<string, unknown>): string {
  if (item.type === 'function_call_output') return stringOf(item.output);
  if (item.type === 'function_call') return `${String(item.name)} ${String(item.arguments)}`;
  return textOf(item.content);
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter(isRecord)
    .map((part) => (typeof part.text === 'string' ? part.text : ''))
    .filter((text) => text !== '')
    .join(' ');
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : textOf(value);
}
