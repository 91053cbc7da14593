import { exampleArguments, isRecord } from '../openai/derive-fake-answer.js';
import type { FakeAnswerScript } from '../openai/fake-behaviour.js';
import { countTokens, splitIntoPieces } from '../openai/split-into-pieces.js';
import type { FakeCohereAnswerScript, FakeCohereSource } from './fake-cohere-answer-script.js';

export interface CohereCitationPlan {
  start: number;
  end: number;
  text: string;
  sources: FakeCohereSource[];
}

/** One fake Cohere answer, before it is rendered as JSON or SSE. */
export interface CohereAnswerPlan {
  thinking: string | undefined;
  toolPlan: string | undefined;
  text: string | undefined;
  toolCalls: Array<{ id: string; name: string; arguments: string }>;
  citations: CohereCitationPlan[];
  finishReason: string;
  usage: { billed_units: { input_tokens: number; output_tokens: number }; tokens: { input_tokens: number; output_tokens: number } };
}

interface Digest {
  lastUserText: string | undefined;
  /** Tool results after the last assistant turn, in order. */
  toolResults: Array<{ callId: string; output: string }>;
  tools: Array<{ name: string; parameters: unknown }>;
  inputText: string;
}

/** Reads what the default answer needs from a Cohere v2 request body. */
function digest(body: Record<string, unknown>): Digest {
  const messages = Array.isArray(body.messages) ? body.messages.filter(isRecord) : [];
  let lastUserText: string | undefined;
  let toolResults: Digest['toolResults'] = [];
  let inputText = '';
  for (const message of messages) {
    const text = contentText(message.content);
    inputText += text;
    if (message.role === 'user') {
      lastUserText = text;
      toolResults = [];
    } else if (message.role === 'assistant') toolResults = [];
    else if (message.role === 'tool') toolResults.push({ callId: String(message.tool_call_id), output: text });
  }
  const tools = (Array.isArray(body.tools) ? body.tools : [])
    .filter(isRecord)
    .map((tool) => (isRecord(tool.function) ? { name: String(tool.function.name), parameters: tool.function.parameters } : undefined))
    .filter((tool) => tool !== undefined);
  return { lastUserText, toolResults, tools, inputText };
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter(isRecord)
    .map((part) => (typeof part.text === 'string' ? part.text : isRecord(part.document) && typeof part.document.data === 'string' ? part.document.data : ''))
    .join('');
}

/** Scripted parts from the shared `FakeAnswerScript` (used by `enqueue({kind:'answer', …})`). */
export function cohereScriptFromFakeAnswer(script: FakeAnswerScript | undefined): FakeCohereAnswerScript | undefined {
  if (script === undefined) return undefined;
  return {
    ...(script.text === undefined ? {} : { text: script.text }),
    ...(script.reasoning === undefined ? {} : { thinking: script.reasoning.summary }),
    ...(script.toolCalls === undefined
      ? {}
      : { toolCalls: script.toolCalls.map((call) => ({ name: call.name, ...(call.arguments === undefined ? {} : { arguments: call.arguments }), ...(call.callId === undefined ? {} : { id: call.callId }) })) }),
  };
}

/**
 * The deterministic default, overridden field by field by a script:
 * - `call <tool>` in the last user message (for each function tool named so) → a tool plan and
 *   tool calls with arguments made from the tool's schema (several → parallel calls);
 * - after tool results → `Tool said: <output>` with a citation of each output (tool sources);
 * - `document` in the last user message → `Echo: …` citing a document that has a URL;
 * - otherwise `Echo: <last user text>`; reasoning models (`thinking` not disabled) think first;
 * - `max_tokens` smaller than the answer cuts it (`MAX_TOKENS`); a `stop_sequences` entry in it cuts it (`STOP_SEQUENCE`);
 * - `response_format: json_object` answers JSON (built from `json_schema` when given).
 */
export function deriveCohereAnswer(body: Record<string, unknown>, script: FakeCohereAnswerScript | undefined, nextId: (prefix: string) => string): CohereAnswerPlan {
  const facts = digest(body);
  const model = typeof body.model === 'string' ? body.model : '';
  const thinkingOn = /reasoning/i.test(model) && !(isRecord(body.thinking) && body.thinking.type === 'disabled');
  let thinking = script?.thinking ?? (thinkingOn ? 'The user wants an answer; I will keep it short.' : undefined);
  let toolPlan = script?.toolPlan;
  let text = script?.text;
  let toolCalls = (script?.toolCalls ?? []).map((call) => ({
    id: call.id ?? `${call.name}_${nextId('c').slice(-12)}`,
    name: call.name,
    arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
  }));
  let citations: CohereCitationPlan[] = [];

  if (script?.toolCalls === undefined && script?.text === undefined) {
    const requested = facts.toolResults.length === 0 && facts.lastUserText !== undefined && body.tool_choice !== 'NONE'
      ? facts.tools.filter((tool) => facts.lastUserText?.includes(`call ${tool.name}`) === true)
      : [];
    if (requested.length > 0) {
      toolPlan ??= `I will call ${requested.map((tool) => tool.name).join(' and ')}.`;
      toolCalls = requested.map((tool) => ({ id: `${tool.name}_${nextId('c').slice(-12)}`, name: tool.name, arguments: JSON.stringify(exampleArguments(tool.parameters)) }));
    } else if (facts.toolResults.length > 0) {
      text = `Tool said: ${facts.toolResults.map((result) => result.output).join('; ')}`;
      citations = facts.toolResults.map((result, index) => citationOf(text as string, result.output, [{ type: 'tool', id: `${result.callId}:0`, tool_output: toolOutputOf(result.output) }], index));
    } else {
      text = jsonAnswer(body, facts.lastUserText) ?? `Echo: ${facts.lastUserText ?? ''}`;
      if (facts.lastUserText?.toLowerCase().includes('document') === true) {
        citations = [citationOf(text, 'Echo', [{ type: 'document', id: 'doc:0', document: { id: 'doc:0', title: 'Switchyard handbook', url: 'https://example.com/handbook', snippet: 'Echo is how the fake answers.' } }], 0)];
      }
    }
  }
  if (thinking === '') thinking = undefined;
  if (script?.citations !== undefined && text !== undefined) citations = script.citations.map((citation, index) => citationOf(text as string, citation.cited, citation.sources, index));

  let finishReason = script?.finishReason ?? (toolCalls.length > 0 ? 'TOOL_CALL' : 'COMPLETE');
  const stops = Array.isArray(body.stop_sequences) ? body.stop_sequences.filter((entry): entry is string => typeof entry === 'string' && entry !== '') : [];
  const stopAt = text === undefined ? -1 : Math.min(...stops.map((stop) => (text as string).indexOf(stop)).filter((index) => index >= 0), Infinity);
  if (text !== undefined && Number.isFinite(stopAt)) {
    text = text.slice(0, stopAt);
    finishReason = 'STOP_SEQUENCE';
  }
  const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : undefined;
  if (text !== undefined && maxTokens !== undefined && countTokens(text) > maxTokens) {
    text = splitIntoPieces(text).slice(0, maxTokens).join('');
    finishReason = 'MAX_TOKENS';
  }
  citations = citations.filter((citation) => text !== undefined && citation.end <= text.length);
  const outputTokens = [thinking, toolPlan, text, ...toolCalls.map((call) => call.arguments)].reduce((sum, part) => sum + (part === undefined ? 0 : countTokens(part)), 0);
  const inputTokens = countTokens(facts.inputText);
  return {
    thinking,
    toolPlan,
    text,
    toolCalls,
    citations,
    finishReason,
    usage: { billed_units: { input_tokens: inputTokens, output_tokens: outputTokens }, tokens: { input_tokens: inputTokens + 64, output_tokens: outputTokens } },
  };
}

function citationOf(text: string, cited: string, sources: FakeCohereSource[], fallbackIndex: number): CohereCitationPlan {
  const found = text.indexOf(cited);
  const start = found >= 0 ? found : fallbackIndex;
  const end = found >= 0 ? found + cited.length : fallbackIndex;
  return { start, end, text: text.slice(start, end), sources };
}

function toolOutputOf(output: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(output);
    if (isRecord(parsed)) return parsed;
  } catch {
    // not JSON: Cohere wraps plain text
  }
  return { text: output };
}

function jsonAnswer(body: Record<string, unknown>, lastUserText: string | undefined): string | undefined {
  const format = body.response_format;
  if (!isRecord(format) || format.type !== 'json_object') return undefined;
  return JSON.stringify(isRecord(format.json_schema) ? exampleArguments(format.json_schema) : { echo: lastUserText ?? '' });
}
