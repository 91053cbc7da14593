import { buildResponseObject, type ResponseUsageShape } from './build-response-object.js';
import type { FakeAnswerPlan } from './derive-fake-answer.js';
import { countTokens, splitEvenly, splitIntoPieces } from './split-into-pieces.js';

type EventBody = Record<string, unknown>;

export interface RenderedResponse {
  /** Every stream event, `type` and `sequence_number` included, in wire order. */
  events: EventBody[];
  /** The final `Response` object (what the JSON answer returns, and what `response.completed` carries). */
  response: EventBody;
}

export interface RenderResponsesOptions {
  request: Record<string, unknown>;
  plan: FakeAnswerPlan;
  inputTokens: number;
  nextId: (prefix: string) => string;
}

/** Renders one answer as the exact Responses API event sequence and final object. */
export function renderResponsesAnswer(options: RenderResponsesOptions): RenderedResponse {
  const { request, plan, nextId } = options;
  const id = nextId('resp');
  const createdAt = Math.floor(Date.now() / 1000);
  const budget = typeof request.max_output_tokens === 'number' ? request.max_output_tokens : Number.POSITIVE_INFINITY;
  const events: EventBody[] = [];
  const emit = (type: string, fields: EventBody): void => {
    events.push({ type, sequence_number: events.length, ...fields });
  };
  const snapshot = (status: 'in_progress' | 'queued'): EventBody =>
    buildResponseObject(request, { id, createdAt, status, output: [], usage: null });
  if (request.background === true) {
    emit('response.created', { response: snapshot('queued') });
    emit('response.queued', { response: snapshot('queued') });
  } else {
    emit('response.created', { response: snapshot('in_progress') });
  }
  emit('response.in_progress', { response: snapshot('in_progress') });

  const output: EventBody[] = [];
  let outputTokens = 0;
  let reasoningTokens = 0;
  let incomplete = false;

  if (plan.reasoningSummary !== undefined) {
    const itemId = nextId('rs');
    const outputIndex = output.length;
    const pieces = splitIntoPieces(plan.reasoningSummary);
    reasoningTokens = pieces.length;
    outputTokens += pieces.length;
    emit('response.output_item.added', { output_index: outputIndex, item: { id: itemId, type: 'reasoning', summary: [] } });
    const where = { item_id: itemId, output_index: outputIndex, summary_index: 0 };
    emit('response.reasoning_summary_part.added', { ...where, part: { type: 'summary_text', text: '' } });
    for (const delta of pieces) emit('response.reasoning_summary_text.delta', { ...where, delta });
    emit('response.reasoning_summary_text.done', { ...where, text: plan.reasoningSummary });
    emit('response.reasoning_summary_part.done', { ...where, part: { type: 'summary_text', text: plan.reasoningSummary } });
    const item = { id: itemId, type: 'reasoning', summary: [{ type: 'summary_text', text: plan.reasoningSummary }] };
    emit('response.output_item.done', { output_index: outputIndex, item });
    output.push(item);
  }

  if (plan.text !== undefined) {
    const itemId = nextId('msg');
    const outputIndex = output.length;
    let pieces = splitIntoPieces(plan.text);
    if (outputTokens + pieces.length > budget) {
      pieces = pieces.slice(0, Math.max(0, budget - outputTokens));
      incomplete = true;
    }
    outputTokens += pieces.length;
    const text = pieces.join('');
    emit('response.output_item.added', {
      output_index: outputIndex,
      item: { id: itemId, type: 'message', status: 'in_progress', content: [], role: 'assistant' },
    });
    const where = { item_id: itemId, output_index: outputIndex, content_index: 0 };
    emit('response.content_part.added', { ...where, part: { type: 'output_text', annotations: [], logprobs: [], text: '' } });
    for (const delta of pieces) emit('response.output_text.delta', { ...where, delta, logprobs: [] });
    emit('response.output_text.done', { ...where, text, logprobs: [] });
    const part = { type: 'output_text', annotations: [], logprobs: [], text };
    emit('response.content_part.done', { ...where, part });
    const item = { id: itemId, type: 'message', status: incomplete ? 'incomplete' : 'completed', content: [part], role: 'assistant' };
    emit('response.output_item.done', { output_index: outputIndex, item });
    output.push(item);
  }

  for (const call of incomplete ? [] : plan.toolCalls) {
    const callTokens = countTokens(call.arguments);
    if (outputTokens + callTokens > budget) {
      incomplete = true;
      break;
    }
    outputTokens += callTokens;
    const itemId = nextId('fc');
    const outputIndex = output.length;
    const base = { id: itemId, type: 'function_call', call_id: call.callId ?? nextId('call'), name: call.name };
    emit('response.output_item.added', { output_index: outputIndex, item: { ...base, status: 'in_progress', arguments: '' } });
    for (const delta of splitEvenly(call.arguments, 6)) {
      emit('response.function_call_arguments.delta', { item_id: itemId, output_index: outputIndex, delta });
    }
    emit('response.function_call_arguments.done', {
      item_id: itemId,
      output_index: outputIndex,
      name: call.name,
      arguments: call.arguments,
    });
    const item = { ...base, status: 'completed', arguments: call.arguments };
    emit('response.output_item.done', { output_index: outputIndex, item });
    output.push(item);
  }

  const usage: ResponseUsageShape = {
    input_tokens: options.inputTokens,
    input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: reasoningTokens },
    total_tokens: options.inputTokens + outputTokens,
  };
  const response = buildResponseObject(request, {
    id,
    createdAt,
    status: incomplete ? 'incomplete' : 'completed',
    output,
    usage,
    ...(incomplete ? { incompleteReason: 'max_output_tokens' as const } : {}),
  });
  emit(incomplete ? 'response.incomplete' : 'response.completed', { response });
  return { events, response };
}
