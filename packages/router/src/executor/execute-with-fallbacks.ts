import { GatewayError, UpstreamError } from '@switchyard/core';
import type { DeploymentStats } from '../balancing/deployment-stats.js';
import type { RandomSource } from '../balancing/weighted-shuffle.js';
import { classifyError, transientErrorClasses, type ErrorClass } from '../errors/classify-error.js';
import { noDeploymentAvailableError } from '../errors/routing-errors.js';
import type { HealthTracker } from '../health/health-tracker.js';
import type { Deployment } from '../registry/deployment.js';
import { retryAfterOf } from '../retry/parse-retry-after.js';
import { backoffDelay, defaultRetryPolicy, type RetryPolicy } from '../retry/retry-policy.js';
import { abortableSleep } from './abortable-sleep.js';
import { attemptTarget, type AttemptRecord } from './attempt-record.js';
import { CandidateExclusions } from './candidate-exclusions.js';
import { attemptTimeoutError, runWithAttemptTimeout } from './run-with-attempt-timeout.js';

export interface AttemptContext {
  /** 1-based, across candidates and rounds. */
  readonly attemptNumber: number;
  readonly round: number;
  /** Aborted when the caller's signal aborts, or when the attempt has no output after `policy.attemptTimeoutMs`. */
  readonly signal: AbortSignal;
  /**
   * Whether a deployment of another provider is still allowed after this one: only then should an
   * answer blocked by a content policy before any output be thrown as a `content_policy` failure
   * (see `peekStreamParts(parts, { blockedAsError })`) rather than returned as the answer.
   */
  readonly anotherProviderRemains: boolean;
}

export interface ExecuteWithFallbacksOptions<T> {
  /** Ordered deployments (see `planCandidates`). */
  readonly candidates: readonly Deployment[];
  /**
   * Calls one deployment. Must resolve only once the upstream produced its first output part (peek
   * streams before anything reaches the client) and throw otherwise: nothing is retried after it resolves.
   */
  readonly attempt: (deployment: Deployment, context: AttemptContext) => Promise<T>;
  readonly policy?: Partial<RetryPolicy> | undefined;
  readonly health?: HealthTracker | undefined;
  /** The client's abort signal: stops waiting and attempting at once. */
  readonly signal?: AbortSignal | undefined;
  /** Called after every attempt, successful or not (the usage ledger writes one row per attempt). */
  readonly onAttempt?: ((record: AttemptRecord) => void) | undefined;
  /** Records each successful attempt's time to first output for `lowest-latency` and `provider.sort: latency`. */
  readonly stats?: DeploymentStats | undefined;
  readonly sleep?: ((milliseconds: number, signal?: AbortSignal) => Promise<void>) | undefined;
  readonly now?: (() => number) | undefined;
  readonly random?: RandomSource | undefined;
}

export interface ExecuteResult<T> {
  readonly value: T;
  readonly deployment: Deployment;
  readonly attempts: readonly AttemptRecord[];
}

function statusesOf(error: unknown): Pick<AttemptRecord, 'status' | 'upstreamStatus'> {
  if (!GatewayError.isInstance(error)) return { status: undefined, upstreamStatus: undefined };
  return { status: error.status, upstreamStatus: error instanceof UpstreamError ? error.upstreamStatus : undefined };
}

/** Classes after which no other deployment is tried: the request itself is at fault, or the caller left. */
const finalClasses: ReadonlySet<ErrorClass> = new Set(['client_error', 'internal', 'aborted']);

/**
 * Tries the candidates in order, falling to the next on a rate limit, 5xx, timeout (including an
 * attempt with no output after `policy.attemptTimeoutMs`, which is aborted) or connection
 * failure (and cooling the deployment down through `health`), on a context-window failure only to
 * candidates with a larger window, on a content-policy refusal only to other providers. After a pass,
 * waits (exponential backoff with full jitter, never less than the upstream's retry-after) and makes
 * another pass, within `policy.maxRetries`, `maxAttempts` and `maxTotalMs`. A client error (400, 401,
 * 403, 404…) is thrown at once. When everything fails, the last error is thrown.
 */
export async function executeWithFallbacks<T>(options: ExecuteWithFallbacksOptions<T>): Promise<ExecuteResult<T>> {
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.policy };
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const { health, signal } = options;
  const started = now();
  const attempts: AttemptRecord[] = [];
  const exclusions = new CandidateExclusions();
  let eligible = [...options.candidates];
  let lastError: unknown;

  const record = (entry: AttemptRecord): void => {
    attempts.push(entry);
    options.onAttempt?.(entry);
  };

  for (let round = 0; round <= policy.maxRetries && eligible.length > 0; round += 1) {
    if (round > 0) {
      const delay = backoffDelay(round, retryAfterOf(lastError, now()), policy, options.random);
      if (delay === undefined || now() - started + delay > policy.maxTotalMs) break;
      await sleep(delay, signal);
    }
    // Health is advisory: a failing store (Redis down) must not fail the request.
    const cooling = health === undefined ? new Set<string>() : await health.coolingDown(eligible.map((deployment) => deployment.name)).catch(() => new Set<string>());
    const healthy = eligible.filter((deployment) => !cooling.has(deployment.name));
    // When every candidate is cooling down, trying them beats failing without a single attempt.
    const pass = healthy.length > 0 ? healthy : eligible;
    for (const deployment of pass) {
      if (!exclusions.allows(deployment)) continue;
      if (signal?.aborted === true) throw signal.reason;
      if (attempts.length >= policy.maxAttempts || (attempts.length > 0 && now() - started >= policy.maxTotalMs)) {
        throw lastError ?? noDeploymentAvailableError();
      }
      const attemptStarted = now();
      const attemptNumber = attempts.length + 1;
      const anotherProviderRemains = eligible.some((other) => other.providerKind !== deployment.providerKind && other.provider !== deployment.provider && exclusions.allows(other));
      try {
        const value = await runWithAttemptTimeout((attemptSignal) => options.attempt(deployment, { attemptNumber, round, signal: attemptSignal, anotherProviderRemains }), {
          timeoutMs: policy.attemptTimeoutMs,
          signal,
          timeoutError: () => attemptTimeoutError(deployment, policy.attemptTimeoutMs),
        });
        const latencyMs = now() - attemptStarted;
        record({ ...attemptTarget(deployment), attemptNumber, round, outcome: 'success', status: 200, upstreamStatus: undefined, latencyMs });
        options.stats?.recordTimeToFirstToken(deployment.name, latencyMs);
        await health?.recordSuccess(deployment.name).catch(() => undefined);
        return { value, deployment, attempts };
      } catch (error) {
        const errorClass = classifyError(error, signal);
        record({
          ...attemptTarget(deployment),
          attemptNumber,
          round,
          outcome: 'failure',
          ...statusesOf(error),
          latencyMs: now() - attemptStarted,
          errorClass,
          errorMessage: error instanceof Error ? error.message : String(error),
        });
        if (finalClasses.has(errorClass)) throw error;
        lastError = error;
        if (errorClass === 'context_window_exceeded') exclusions.contextWindowExceeded(deployment);
        else if (errorClass === 'content_policy') exclusions.refused(deployment);
        else if (transientErrorClasses.has(errorClass)) {
          await health?.recordFailure(deployment.name, { errorClass, retryAfterMs: retryAfterOf(error, now()) }).catch(() => undefined);
        }
      }
    }
    eligible = eligible.filter((deployment) => exclusions.allows(deployment));
  }
  throw lastError ?? noDeploymentAvailableError();
}
