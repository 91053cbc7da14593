import type { AttemptEntry } from '@switchyard/accounting';
import type { AttemptRecord } from '@switchyard/router';
import { noUsage } from './usage-of.js';

/** An attempt row before it is numbered and tied to its request (ids, key and model). */
export type AttemptRow = Omit<AttemptEntry, 'requestId' | 'tenantId' | 'keyId' | 'model' | 'attemptNumber'>;

/**
 * The attempt rows of one metered call, in order: one per failed attempt of the router (no tokens
 * billed; its own deployment, provider, latency and error class, else `upstream_error`), then
 * `answered`, the row of the call itself. `answered` is left out when the call failed and every
 * attempt of the router failed: the failed attempts are then the whole story.
 */
export function attemptRowsOf(answered: AttemptRow, attempts: readonly AttemptRecord[]): readonly AttemptRow[] {
  const failedRows = attempts
    .filter((attempt) => attempt.outcome === 'failure')
    .map((attempt) => ({ ...answered, ...noUsage, costUsd: 0, deployment: attempt.deployment, provider: attempt.provider, latencyMs: attempt.latencyMs, status: 'failed', errorCode: attempt.errorClass ?? 'upstream_error' }));
  const allFailed = answered.status === 'failed' && failedRows.length > 0 && !attempts.some((attempt) => attempt.outcome === 'success');
  return allFailed ? failedRows : [...failedRows, answered];
}
