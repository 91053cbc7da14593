/**
 * How long an upstream asked us to wait, in ms: `retry-after-ms` (milliseconds) wins over
 * `retry-after` (seconds, or an HTTP date). Header names are matched case-insensitively.
 */
export function parseRetryAfter(headers: Readonly<Record<string, string>> | undefined, now: number = Date.now()): number | undefined {
  if (headers === undefined) return undefined;
  const lookup = (name: string): string | undefined => {
    for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value.trim();
    return undefined;
  };
  const milliseconds = lookup('retry-after-ms');
  if (milliseconds !== undefined && /^\d+(\.\d+)?$/.test(milliseconds)) return Math.ceil(Number(milliseconds));
  const retryAfter = lookup('retry-after');
  if (retryAfter === undefined || retryAfter === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number(retryAfter) * 1000);
  if (!/[a-z]/i.test(retryAfter)) return undefined; // a negative or malformed number, not an HTTP date
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** The retry-after of an error thrown by an attempt, when it carries one (`GatewayError.headers`). */
export function retryAfterOf(error: unknown, now: number = Date.now()): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const headers = (error as { headers?: unknown }).headers;
  if (typeof headers !== 'object' || headers === null) return undefined;
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (typeof value === 'string') strings[key] = value;
  return parseRetryAfter(strings, now);
}
