import type { ErrorClass } from '../errors/classify-error.js';

export interface HealthFailure {
  readonly errorClass: ErrorClass;
  /** The upstream's `retry-after`, in ms, when it sent one. */
  readonly retryAfterMs?: number | undefined;
}

/**
 * Per-deployment health: a deployment that fails `allowedFails` times within `windowMs`
 * (5xx, timeouts, connection errors), or answers 429, is cooled down for `cooldownMs`, or for the
 * upstream's retry-after when that is longer. Client errors, context-window and content-policy
 * failures say nothing about the deployment's health and are ignored.
 */
export interface HealthTracker {
  recordFailure(deployment: string, failure: HealthFailure): Promise<void>;
  recordSuccess(deployment: string): Promise<void>;
  /** The subset of `deployments` cooling down now. */
  coolingDown(deployments: readonly string[]): Promise<ReadonlySet<string>>;
  /** Milliseconds left of the deployment's cooldown; 0 when it is healthy. */
  cooldownRemainingMs(deployment: string): Promise<number>;
  close(): Promise<void>;
}

export interface HealthOptions {
  /** Failures within the window that trigger a cooldown (default 3). */
  readonly allowedFails?: number | undefined;
  /** Window in which failures are counted (default 60 s). */
  readonly windowMs?: number | undefined;
  /** Cooldown length (default 30 s); a longer retry-after wins. */
  readonly cooldownMs?: number | undefined;
  /** A retry-after longer than this is capped (default 10 minutes). */
  readonly maxCooldownMs?: number | undefined;
}

export interface ResolvedHealthOptions {
  readonly allowedFails: number;
  readonly windowMs: number;
  readonly cooldownMs: number;
  readonly maxCooldownMs: number;
}

export function resolveHealthOptions(options: HealthOptions = {}): ResolvedHealthOptions {
  return {
    allowedFails: Math.max(1, options.allowedFails ?? 3),
    windowMs: Math.max(1, options.windowMs ?? 60_000),
    cooldownMs: Math.max(1, options.cooldownMs ?? 30_000),
    maxCooldownMs: Math.max(1, options.maxCooldownMs ?? 600_000),
  };
}

/** What one failure does: nothing, count towards the window, or cool down at once. */
export type HealthEffect = { readonly kind: 'ignore' } | { readonly kind: 'count'; readonly cooldownMs: number } | { readonly kind: 'cooldown'; readonly cooldownMs: number };

export function healthEffectOf(failure: HealthFailure, options: ResolvedHealthOptions): HealthEffect {
  const cooldownMs = Math.min(options.maxCooldownMs, Math.max(options.cooldownMs, failure.retryAfterMs ?? 0));
  switch (failure.errorClass) {
    case 'rate_limit':
      return { kind: 'cooldown', cooldownMs };
    case 'server_error':
    case 'timeout':
    case 'connection':
    case 'conflict':
      return { kind: 'count', cooldownMs };
    default:
      return { kind: 'ignore' };
  }
}
