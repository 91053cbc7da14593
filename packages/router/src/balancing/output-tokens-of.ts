function record(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function countIn(usage: unknown): number | undefined {
  const fields = record(usage);
  const count = fields?.['output_tokens'] ?? fields?.['completion_tokens'];
  return typeof count === 'number' && Number.isFinite(count) && count >= 0 ? count : undefined;
}

/**
 * The output token count an OpenAI-wire answer reports, for throughput statistics: a Responses
 * object or a terminal Responses event (`response.completed` / `.incomplete` carry `response.usage.output_tokens`),
 * a chat completion or the chat chunk that carries `usage.completion_tokens`. Undefined for
 * anything else (deltas, chunks without usage).
 */
export function outputTokensOf(answer: unknown): number | undefined {
  const fields = record(answer);
  if (fields === undefined) return undefined;
  return countIn(fields['usage']) ?? countIn(record(fields['response'])?.['usage']);
}
