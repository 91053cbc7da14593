import type { FakeAnswerScript } from '../openai/fake-behaviour.js';
import { fakeRedactedThinkingData, fakeThinkingSignature } from './fake-anthropic-thinking.js';
import type { FakeCacheAccount } from './fake-anthropic-prompt-cache.js';
import type {
  FakeAnthropicAnswerBlock,
  FakeAnthropicBlock,
  FakeAnthropicMessageResponse,
  FakeAnthropicRequest,
  FakeAnthropicTool,
} from './fake-anthropic-types.js';

export interface DeriveFakeAnthropicMessageOptions {
  readonly messageId: string;
  readonly nextToolUseId: () => string;
  readonly cache: FakeCacheAccount;
  readonly script: FakeAnswerScript | undefined;
}

/** Words with their trailing space: the fake's tokens, and its stream pieces. */
export function splitIntoWords(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** A value matching a (simple) JSON schema: strings `"value"`, numbers 1, booleans true, nested objects. */
function sampleOf(schema: FakeAnthropicTool['input_schema'] | undefined): Record<string, unknown> {
  const sample: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    const type = Array.isArray(property.type) ? property.type[0] : property.type;
    if (type === 'number' || type === 'integer') sample[name] = 1;
    else if (type === 'boolean') sample[name] = true;
    else if (type === 'array') sample[name] = [];
    else if (type === 'object') sample[name] = sampleOf(property as FakeAnthropicTool['input_schema']);
    else sample[name] = 'value';
  }
  return sample;
}

function blocksOf(content: string | readonly FakeAnthropicBlock[]): readonly FakeAnthropicBlock[] {
  return typeof content === 'string' ? [{ type: 'text', text: content }] : content;
}

function resultText(block: FakeAnthropicBlock): string {
  if (typeof block.content === 'string') return block.content;
  return (block.content ?? []).map((part) => part.text ?? `[${part.type}]`).join('');
}

/**
 * The fake model's deterministic answer: echoes the newest user text (`Echo: …`), reports tool
 * results (`Tool results: …`), calls the tools named after "call" (`call weather and time`), a
 * forced tool with a sample of its schema, thinks first when thinking is enabled or adaptive (a signed
 * thinking block, or a redacted one when the user says "redacted"), and honours `max_tokens`
 * (counting words) and `stop_sequences`.
 */
export function deriveFakeAnthropicMessage(request: FakeAnthropicRequest, options: DeriveFakeAnthropicMessageOptions): FakeAnthropicMessageResponse {
  const last = request.messages.at(-1);
  const lastBlocks = last?.role === 'user' ? blocksOf(last.content) : [];
  const userText = lastBlocks.filter((block) => block.type === 'text').map((block) => block.text ?? '').join(' ');
  const images = lastBlocks.filter((block) => block.type === 'image').length;
  const toolResults = lastBlocks.filter((block) => block.type === 'tool_result');
  const tools = request.tools ?? [];
  const content: FakeAnthropicAnswerBlock[] = [];

  if (request.thinking?.type === 'enabled' || request.thinking?.type === 'adaptive') {
    if (/redacted/i.test(userText)) content.push({ type: 'redacted_thinking', data: fakeRedactedThinkingData });
    else {
      const thinking = `Thinking about: ${userText === '' ? 'the tool results' : userText}`;
      content.push({ type: 'thinking', thinking, signature: fakeThinkingSignature(thinking) });
    }
  }

  const calls = chooseToolCalls(request, userText, options.script);
  const single = request.tool_choice?.disable_parallel_tool_use === true;
  for (const call of single ? calls.slice(0, 1) : calls) {
    content.push({ type: 'tool_use', id: call.id ?? options.nextToolUseId(), name: call.name, input: call.input });
  }
  let stopReason: FakeAnthropicMessageResponse['stop_reason'] = calls.length > 0 ? 'tool_use' : 'end_turn';
  let stopSequence: string | null = null;
  let outputTokens = content.reduce((sum, block) => sum + (block.type === 'thinking' ? splitIntoWords(block.thinking).length : block.type === 'tool_use' ? Math.ceil(JSON.stringify(block.input).length / 4) : 1), 0);

  if (calls.length === 0) {
    let text =
      request.output_config?.format?.type === 'json_schema'
        ? JSON.stringify(sampleOf(request.output_config.format.schema))
        : (options.script?.text ??
          (toolResults.length > 0
            ? `Tool results: ${toolResults.map(resultText).join('; ')}`
            : `Echo: ${userText}${images > 0 ? ` (${images} image${images === 1 ? '' : 's'})` : ''}`));
    const stop = (request.stop_sequences ?? []).map((sequence) => ({ sequence, at: text.indexOf(sequence) })).filter((hit) => hit.at >= 0).sort((a, b) => a.at - b.at)[0];
    if (stop !== undefined) {
      text = text.slice(0, stop.at);
      stopReason = 'stop_sequence';
      stopSequence = stop.sequence;
    }
    const words = splitIntoWords(text);
    const room = Math.max(0, request.max_tokens - outputTokens);
    if (words.length > room) {
      text = words.slice(0, room).join('');
      stopReason = 'max_tokens';
      stopSequence = null;
    }
    outputTokens += Math.min(words.length, room);
    if (text !== '') content.push({ type: 'text', text });
  }

  return {
    id: options.messageId,
    type: 'message',
    role: 'assistant',
    model: request.model,
    content,
    stop_reason: stopReason,
    stop_sequence: stopSequence,
    usage: {
      input_tokens: options.cache.totalTokens - options.cache.cacheReadTokens - options.cache.cacheWriteTokens,
      cache_creation_input_tokens: options.cache.cacheWriteTokens,
      cache_read_input_tokens: options.cache.cacheReadTokens,
      output_tokens: Math.max(1, outputTokens),
    },
  };
}

interface PlannedCall {
  readonly id?: string;
  readonly name: string;
  readonly input: Record<string, unknown>;
}

function chooseToolCalls(request: FakeAnthropicRequest, userText: string, script: FakeAnswerScript | undefined): PlannedCall[] {
  const tools = request.tools ?? [];
  const choice = request.tool_choice;
  if (tools.length === 0 || choice?.type === 'none') return [];
  if (script?.toolCalls !== undefined) {
    return script.toolCalls.map((call) => ({
      ...(call.callId === undefined ? {} : { id: call.callId }),
      name: call.name,
      input: typeof call.arguments === 'string' ? (JSON.parse(call.arguments) as Record<string, unknown>) : (call.arguments ?? {}),
    }));
  }
  const byName = (name: string): FakeAnthropicTool | undefined => tools.find((tool) => tool.name === name);
  const planned = (tool: FakeAnthropicTool): PlannedCall => ({ name: tool.name, input: sampleOf(tool.input_schema) });
  if (choice?.type === 'tool') {
    const forced = byName(choice.name ?? '');
    return forced === undefined ? [] : [planned(forced)];
  }
  const named = /\bcall ([\w-]+(?:(?:,\s*|\s+and\s+)[\w-]+)*)/i.exec(userText);
  const mentioned = (named?.[1] ?? '').split(/,\s*|\s+and\s+/).map(byName).filter((tool): tool is FakeAnthropicTool => tool !== undefined);
  if (mentioned.length > 0) return mentioned.map(planned);
  const lastTool = tools.at(-1);
  if (choice?.type === 'any' && lastTool !== undefined) return [planned(lastTool)];
  return [];
}
