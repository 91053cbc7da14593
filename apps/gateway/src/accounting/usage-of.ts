import type { UsageTokens } from '@switchyard/accounting';

type Json = Readonly<Record<string, unknown>>;

function record(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

/**
 * Token counts from a `usage` object in either wire shape: Responses (`input_tokens`,
 * `output_tokens`, `*_details`) or Chat Completions (`prompt_tokens`, `completion_tokens`).
 * `undefined` when there is no usage object.
 */
export function usageOf(container: unknown): UsageTokens | undefined {
  const usage = record(record(container)?.['usage']);
  if (usage === undefined) return undefined;
  if ('input_tokens' in usage || 'output_tokens' in usage) {
    return {
      inputTokens: count(usage['input_tokens']),
      cachedInputTokens: count(record(usage['input_tokens_details'])?.['cached_tokens']),
      outputTokens: count(usage['output_tokens']),
      reasoningTokens: count(record(usage['output_tokens_details'])?.['reasoning_tokens']),
    };
  }
  return {
    inputTokens: count(usage['prompt_tokens']),
    cachedInputTokens: count(record(usage['prompt_tokens_details'])?.['cached_tokens']),
    outputTokens: count(usage['completion_tokens']),
    reasoningTokens: count(record(usage['completion_tokens_details'])?.['reasoning_tokens']),
  };
}

/** Usage carried by one stream event: a Responses terminal event's `response.usage`, or a chat chunk's `usage`. */
export function streamEventUsage(event: unknown): UsageTokens | undefined {
  const value = record(event);
  if (value === undefined) return undefined;
  return usageOf(value['response']) ?? usageOf(value);
}

/** Characters of output text one stream event carries (for billing a stream cut before its usage arrived). */
export function streamEventTextLength(event: unknown): number {
  const value = record(event);
  if (value === undefined) return 0;
  if (typeof value['delta'] === 'string') return value['delta'].length;
  const choices = value['choices'];
  if (!Array.isArray(choices)) return 0;
  let length = 0;
  for (const choice of choices) {
    const delta = record(record(choice)?.['delta']);
    if (typeof delta?.['content'] === 'string') length += delta['content'].length;
    if (typeof delta?.['reasoning_content'] === 'string') length += delta['reasoning_content'].length;
  }
  return length;
}

/** Zero tokens: a failed call, a failed attempt of the router. */
export const noUsage: UsageTokens = { inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0 };

/** The token counts of two calls added up (a request's totals over its calls). */
export function addedUsage(first: UsageTokens, second: UsageTokens): UsageTokens {
  return {
    inputTokens: first.inputTokens + second.inputTokens,
    cachedInputTokens: first.cachedInputTokens + second.cachedInputTokens,
    outputTokens: first.outputTokens + second.outputTokens,
    reasoningTokens: first.reasoningTokens + second.reasoningTokens,
  };
}
