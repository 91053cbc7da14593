import type { ChatDialect } from './chat-dialect.js';
import type { FakeAnswerPlan } from './derive-fake-answer.js';
import { countTokens, splitEvenly, splitIntoPieces } from './split-into-pieces.js';

type Json = Record<string, unknown>;

export interface RenderedChat {
  /** `chat.completion.chunk` objects in wire order (the `[DONE]` sentinel is added by the writer). */
  chunks: Json[];
  /** The non-streaming `chat.completion`. */
  completion: Json;
}

export interface RenderChatOptions {
  request: Json;
  plan: FakeAnswerPlan;
  promptTokens: number;
  dialect: ChatDialect;
  nextId: (prefix: string) => string;
}

/** Renders one answer as Chat Completions chunks and the equivalent non-streamed completion. */
export function renderChatAnswer(options: RenderChatOptions): RenderedChat {
  const { request, plan, dialect, nextId } = options;
  const id = nextId(dialect.idPrefix).replace(`${dialect.idPrefix}_`, `${dialect.idPrefix}-`);
  const created = Math.floor(Date.now() / 1000);
  const model = typeof request.model === 'string' ? request.model : 'gpt-4o-mini';
  const limit = firstNumber(request.max_completion_tokens, request.max_tokens) ?? Number.POSITIVE_INFINITY;
  const streamOptions = isJson(request.stream_options) ? request.stream_options : {};
  const includeUsage = streamOptions.include_usage === true || dialect.streamUsage === 'always-usage-chunk';

  const reasoningPieces =
    dialect.reasoningField !== undefined && plan.reasoningSummary !== undefined ? splitIntoPieces(plan.reasoningSummary) : [];
  let completionTokens = reasoningPieces.length;
  let finishReason: 'stop' | 'length' | 'tool_calls' = 'stop';
  let textPieces = plan.text === undefined ? [] : splitIntoPieces(plan.text);
  if (completionTokens + textPieces.length > limit) {
    textPieces = textPieces.slice(0, Math.max(0, limit - completionTokens));
    finishReason = 'length';
  }
  completionTokens += textPieces.length;
  const calls: Array<{ id: string; name: string; arguments: string }> = [];
  for (const call of finishReason === 'length' ? [] : plan.toolCalls) {
    const tokens = countTokens(call.arguments);
    if (completionTokens + tokens > limit) {
      finishReason = 'length';
      break;
    }
    completionTokens += tokens;
    calls.push({ id: call.callId ?? nextId('call'), name: call.name, arguments: call.arguments });
  }
  if (finishReason === 'stop' && calls.length > 0) finishReason = 'tool_calls';
  const text = plan.text === undefined ? null : textPieces.join('');

  const usage = {
    prompt_tokens: options.promptTokens,
    completion_tokens: completionTokens,
    total_tokens: options.promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: reasoningPieces.length,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
  const extras: Json = dialect.openaiExtras ? { service_tier: 'default', system_fingerprint: 'fp_fake0001' } : {};
  const usageOnChunks = dialect.streamUsage === 'usage-chunk' && includeUsage;
  const chunk = (choices: Json[], more: Json = {}): Json => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    ...extras,
    choices,
    ...(usageOnChunks ? { usage: null } : {}),
    ...more,
  });
  const choice = (delta: Json, finish: string | null = null): Json => ({ index: 0, delta, logprobs: null, finish_reason: finish });

  const chunks: Json[] = [chunk([choice({ role: 'assistant', content: '', refusal: null })])];
  for (const piece of reasoningPieces) chunks.push(chunk([choice({ [dialect.reasoningField as string]: piece, content: null })]));
  for (const piece of textPieces) chunks.push(chunk([choice({ content: piece })]));
  calls.forEach((call, index) => {
    chunks.push(
      chunk([choice({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] })]),
    );
    for (const piece of splitEvenly(call.arguments, 6)) {
      chunks.push(chunk([choice({ tool_calls: [{ index, function: { arguments: piece } }] })]));
    }
  });
  if (dialect.streamUsage === 'final-chunk') chunks.push(chunk([choice({}, finishReason)], { usage }));
  else if (dialect.streamUsage === 'x-groq') chunks.push(chunk([choice({}, finishReason)], { x_groq: { id: `req_${id}`, usage } }));
  else chunks.push(chunk([choice({}, finishReason)]));
  if (dialect.streamUsage !== 'final-chunk' && includeUsage) chunks.push(chunk([], { usage }));

  const message: Json = { role: 'assistant', content: calls.length > 0 && text === '' ? null : text, refusal: null, annotations: [] };
  if (dialect.reasoningField !== undefined && plan.reasoningSummary !== undefined) {
    message[dialect.reasoningField] = reasoningPieces.join('');
  }
  if (calls.length > 0) {
    message.tool_calls = calls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  const completion: Json = {
    id,
    object: 'chat.completion',
    created,
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
    usage,
    ...extras,
  };
  return { chunks, completion };
}

function firstNumber(...values: unknown[]): number | undefined {
  for (const value of values) if (typeof value === 'number') return value;
  return undefined;
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
