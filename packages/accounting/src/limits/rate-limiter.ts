/** Per-minute limits of one subject (a key); `null` means unlimited. */
export interface RateLimitPolicy {
  readonly rpm: number | null;
  readonly tpm: number | null;
}

export interface RateLimitRequest {
  /** Who is limited, e.g. the key id. Counters of different subjects never mix. */
  readonly subject: string;
  readonly policy: RateLimitPolicy;
  /** Tokens this request is expected to use (estimated input + reserved output); 0 when unknown. */
  readonly tokens: number;
}

/** Everything the response headers need, for both dimensions. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Which limit refused the request; undefined when allowed. */
  readonly limitedBy: 'requests' | 'tokens' | undefined;
  readonly requests: RateLimitWindowState | undefined;
  readonly tokens: RateLimitWindowState | undefined;
  /** Milliseconds until retrying can succeed (0 when allowed). */
  readonly retryAfterMs: number;
}

export interface RateLimitWindowState {
  readonly limit: number;
  readonly remaining: number;
  /** Milliseconds until the window resets. */
  readonly resetMs: number;
}

export interface RateLimiter {
  readonly kind: 'in-process' | 'redis';
  /** Counts the request (1 request, `tokens` tokens) when both fit; a refused request is not counted. */
  acquire(request: RateLimitRequest): Promise<RateLimitDecision>;
  /** Corrects the token count once real usage is known (`actual - estimated`; may be negative). Never refuses. */
  adjustTokens(subject: string, policy: RateLimitPolicy, delta: number): Promise<void>;
  close(): Promise<void>;
}

/** Fixed one-minute windows aligned to the clock (the same on every instance). */
export const rateLimitWindowMs = 60_000;

/** The pure admission rule both implementations apply to the counters of the current window. */
export function decide(
  policy: RateLimitPolicy,
  used: { readonly requests: number; readonly tokens: number },
  tokens: number,
  resetMs: number,
): RateLimitDecision {
  const requestsOver = policy.rpm !== null && used.requests + 1 > policy.rpm;
  const tokensOver = policy.tpm !== null && tokens > 0 && used.tokens + tokens > policy.tpm;
  const allowed = !requestsOver && !tokensOver;
  const counted = allowed ? { requests: used.requests + 1, tokens: used.tokens + tokens } : used;
  const state = (limit: number | null, value: number): RateLimitWindowState | undefined =>
    limit === null ? undefined : { limit, remaining: Math.max(limit - value, 0), resetMs };
  return {
    allowed,
    limitedBy: requestsOver ? 'requests' : tokensOver ? 'tokens' : undefined,
    requests: state(policy.rpm, counted.requests),
    tokens: state(policy.tpm, counted.tokens),
    retryAfterMs: allowed ? 0 : resetMs,
  };
}
