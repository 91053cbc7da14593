import type { CreateResponse, InputItem } from '@switchyard/contract';
import { GatewayError } from '@switchyard/core';
import { contextWindowFor } from '../tokens/context-window-for.js';
import { countTokensLocally, tokenCountMethodFor } from '../tokens/count-tokens-locally.js';

type Item = Record<string, unknown>;

/** Items that cannot open a transcript: a tool result or reasoning whose turn was dropped. */
function isOrphanAtStart(item: Item): boolean {
  return item.type === 'function_call_output' || item.type === 'custom_tool_call_output' || item.type === 'reasoning' || item.type === 'function_call';
}

function contextLengthExceeded(count: number, limit: number): GatewayError {
  return new GatewayError({
    status: 400,
    type: 'invalid_request_error',
    code: 'context_length_exceeded',
    param: 'input',
    message: `The input (about ${count} tokens) does not fit the model's context window (${limit} tokens after reserving max_output_tokens). Shorten it, or send truncation: "auto" to drop the oldest items.`,
  });
}

/**
 * `truncation` for providers that do not do it themselves (every translated or bridged provider;
 * native Responses providers get the field and apply it upstream). With a known context window:
 * `auto` drops the oldest input items (and tool results left without their call) until the count
 * fits, leaving at least the last item; `disabled` (the default) is a 400 `context_length_exceeded`
 * when a real tokenizer says it cannot fit (an estimate never rejects: the provider decides). The
 * field is then removed from the upstream body, since the gateway handled it.
 */
export function applyTruncation(body: CreateResponse, upstreamModel: string): CreateResponse {
  const window = contextWindowFor(upstreamModel);
  if (window === undefined) return body;
  const { truncation, ...rest } = body;
  const limit = window - (body.max_output_tokens ?? 0);
  const method = tokenCountMethodFor(upstreamModel);
  const items = (typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : (body.input ?? [])) as unknown as Item[];
  const fixed = countTokensLocally(body, [], method);
  const sizes = items.map((item) => countTokensLocally({}, [item], method));
  let total = fixed + sizes.reduce((sum, size) => sum + size, 0);
  if (total <= limit) return rest;
  if (truncation !== 'auto') {
    if (method === 'estimate') return rest;
    throw contextLengthExceeded(total, limit);
  }
  let start = 0;
  while (start < items.length - 1 && (total > limit || isOrphanAtStart(items[start] as Item))) {
    total -= sizes[start] ?? 0;
    start += 1;
  }
  if (total > limit && method !== 'estimate') throw contextLengthExceeded(total, limit);
  return { ...rest, input: items.slice(start) as unknown as InputItem[] };
}
