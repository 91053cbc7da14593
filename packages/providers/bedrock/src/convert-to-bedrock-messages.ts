import type {
  FunctionCallOutputItemParam,
  FunctionToolCall,
  InputContent,
  InputItem,
  InputMessage,
  InputMessageContentPart,
  InputParam,
  ReasoningItemParam,
} from '@switchyard/contract';
import { GatewayError, isInputMessage, unresolvedItemReferenceError, type Warning } from '@switchyard/core';
import type { BedrockContentBlock, BedrockDocument, BedrockMessage, BedrockSystemContentBlock, BedrockToolResultContentBlock } from './bedrock-api.js';
import { decodeBedrockReasoning } from './bedrock-reasoning-content.js';
import { convertBedrockDocument, convertBedrockImage } from './convert-bedrock-media.js';

export interface BedrockConversation {
  readonly system: BedrockSystemContentBlock[];
  readonly messages: BedrockMessage[];
  readonly warnings: Warning[];
  /** The conversation holds toolUse / toolResult blocks (Bedrock then requires a toolConfig). */
  readonly hasToolBlocks: boolean;
  /** Names of the tools the history's toolUse blocks call, in first-use order. */
  readonly historyToolNames: string[];
}

interface State {
  readonly system: BedrockSystemContentBlock[];
  readonly messages: Array<{ role: 'user' | 'assistant'; content: BedrockContentBlock[] }>;
  readonly warnings: Warning[];
  hasToolBlocks: boolean;
  readonly historyToolNames: string[];
  documents: number;
}

/**
 * Turns `instructions` + Responses `input` into Bedrock's `system` and `messages`. System and
 * developer messages join `system`; consecutive turns of one role merge into one message (Bedrock
 * requires strict user/assistant alternation); `function_call` → `toolUse` in the assistant turn,
 * `function_call_output` → `toolResult` in the user turn; this adapter's reasoning items become the
 * exact `reasoningContent` blocks they came from.
 */
export function convertToBedrockMessages(input: InputParam | undefined, instructions: string | null | undefined): BedrockConversation {
  const state: State = { system: [], messages: [], warnings: [], hasToolBlocks: false, historyToolNames: [], documents: 0 };
  if (typeof instructions === 'string' && instructions !== '') state.system.push({ text: instructions });
  if (typeof input === 'string') append(state, 'user', [{ text: input }]);
  else input?.forEach((item, index) => convertItem(item, `input[${index}]`, state));
  const { system, messages, warnings, hasToolBlocks, historyToolNames } = state;
  return { system, messages, warnings, hasToolBlocks, historyToolNames };
}

function append(state: State, role: 'user' | 'assistant', blocks: BedrockContentBlock[]): void {
  if (blocks.length === 0) return;
  const last = state.messages.at(-1);
  if (last !== undefined && last.role === role) last.content.push(...blocks);
  else state.messages.push({ role, content: [...blocks] });
}

function warn(state: State, parameter: string, reason: string): void {
  state.warnings.push({ type: 'unsupported-parameter', parameter, message: `${parameter}: ${reason}.` });
}

function convertItem(item: InputItem, path: string, state: State): void {
  if (isInputMessage(item)) {
    convertMessage(item, path, state);
    return;
  }
  if (item.type === 'item_reference' || item.type === undefined || item.type === null) throw unresolvedItemReferenceError(path);
  switch (item.type) {
    case 'function_call':
      state.hasToolBlocks = true;
      if (!state.historyToolNames.includes(item.name)) state.historyToolNames.push(item.name);
      append(state, 'assistant', [{ toolUse: { toolUseId: item.call_id, name: item.name, input: parseArguments(item, path) } }]);
      return;
    case 'function_call_output':
      state.hasToolBlocks = true;
      append(state, 'user', [{ toolResult: { toolUseId: item.call_id, content: toolResultContent(item, path, state) } }]);
      return;
    case 'reasoning':
      convertReasoning(item, path, state);
      return;
    default:
      warn(state, path, `${String(item.type)} items cannot be sent to Bedrock and were dropped`);
  }
}

function convertMessage(item: InputMessage, path: string, state: State): void {
  const parts: InputMessageContentPart[] = typeof item.content === 'string' ? [{ type: 'input_text', text: item.content }] : item.content;
  if (item.role === 'system' || item.role === 'developer') {
    if (state.messages.length > 0) {
      state.warnings.push({ type: 'other', message: `${path}: Bedrock has one system prompt; this ${item.role} message was moved into it.` });
    }
    parts.forEach((part, index) => {
      if ((part.type === 'input_text' || part.type === 'output_text') && part.text !== '') state.system.push({ text: part.text });
      else if (part.type !== 'input_text' && part.type !== 'output_text') warn(state, `${path}.content[${index}]`, 'system prompts hold text only');
    });
    return;
  }
  const role = item.role === 'assistant' ? 'assistant' : 'user';
  const blocks: BedrockContentBlock[] = [];
  parts.forEach((part, index) => {
    const block = convertPart(part, `${path}.content[${index}]`, role, state);
    if (block !== undefined) blocks.push(block);
  });
  append(state, role, blocks);
}

function convertPart(part: InputMessageContentPart, path: string, role: 'user' | 'assistant', state: State): BedrockContentBlock | undefined {
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      return part.text === '' ? undefined : { text: part.text };
    case 'refusal':
      return part.refusal === '' ? undefined : { text: part.refusal };
    case 'input_image':
    case 'input_file': {
      if (role === 'assistant') {
        warn(state, path, 'assistant turns can only replay text');
        return undefined;
      }
      const converted = part.type === 'input_image' ? convertBedrockImage(part) : convertBedrockDocument(part, state.documents++);
      if ('problem' in converted) {
        warn(state, path, `${converted.problem}; the part was dropped`);
        return undefined;
      }
      if (part.type === 'input_image' && part.detail !== undefined && part.detail !== 'auto') {
        warn(state, `${path}.detail`, `("${part.detail}") has no Bedrock equivalent; the image is sent as it is`);
      }
      return converted.block;
    }
  }
}

function parseArguments(item: FunctionToolCall, path: string): BedrockDocument {
  const text = item.arguments.trim() === '' ? '{}' : item.arguments;
  try {
    const value: unknown = JSON.parse(text);
    // JSON text always parses to a value the SDK's document type describes.
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as BedrockDocument;
  } catch {
    // reported below
  }
  throw new GatewayError({
    status: 400,
    type: 'invalid_request_error',
    code: 'invalid_value',
    param: `${path}.arguments`,
    message: `${path}.arguments must be a JSON object to be sent to Bedrock as a toolUse input.`,
  });
}

function toolResultContent(item: FunctionCallOutputItemParam, path: string, state: State): BedrockToolResultContentBlock[] {
  if (typeof item.output === 'string') return [{ text: item.output }];
  const content: BedrockToolResultContentBlock[] = [];
  item.output.forEach((part: InputContent, index) => {
    const partPath = `${path}.output[${index}]`;
    if (part.type === 'input_text') content.push({ text: part.text });
    else {
      const converted = part.type === 'input_image' ? convertBedrockImage(part) : convertBedrockDocument(part, state.documents++);
      if ('problem' in converted) warn(state, partPath, `${converted.problem}; the part was dropped`);
      else if (converted.block.image !== undefined) content.push({ image: converted.block.image });
      else if (converted.block.document !== undefined) content.push({ document: converted.block.document });
    }
  });
  return content.length === 0 ? [{ text: '' }] : content;
}

function convertReasoning(item: ReasoningItemParam, path: string, state: State): void {
  const block = typeof item.encrypted_content === 'string' ? decodeBedrockReasoning(item.encrypted_content) : undefined;
  if (block === undefined) {
    warn(state, path, 'reasoning from another provider (or without Bedrock encrypted_content) is not portable and was dropped');
    return;
  }
  append(state, 'assistant', [{ reasoningContent: block }]);
}
