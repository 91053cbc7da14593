import type { SqlParameter } from '@switchyard/store';
import type { RequestEntry } from './usage-entry.js';

/** The ledger's insert columns, in the order `ledgerRow` gives their values. */
export const ledgerColumns = [
  'kind', 'request_id', 'attempt_number', 'tenant_id', 'key_id', 'model', 'deployment', 'provider', 'end_user', 'tags', 'metadata',
  'input_tokens', 'cached_input_tokens', 'output_tokens', 'reasoning_tokens', 'cost_usd', 'latency_ms', 'status', 'error_code',
] as const;

/** Casts of the columns that need one in a parameter list (`tags`, `metadata`). */
const casts: Partial<Record<(typeof ledgerColumns)[number], string>> = { tags: '::jsonb', metadata: '::jsonb' };

function count(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} must be an integer, 0 or more.`);
  return value;
}

/**
 * The parameter values of one ledger row, in `ledgerColumns` order. Throws a `RangeError` on an
 * impossible count or cost (nothing is written then).
 */
export function ledgerRow(kind: 'attempt' | 'request', attemptNumber: number, entry: RequestEntry): SqlParameter[] {
  if (!Number.isFinite(entry.costUsd) || entry.costUsd < 0) throw new RangeError('costUsd must be a finite number of USD, 0 or more.');
  return [
    kind, entry.requestId, attemptNumber, entry.tenantId, entry.keyId, entry.model, entry.deployment, entry.provider, entry.user,
    JSON.stringify(entry.tags), JSON.stringify(entry.metadata),
    count(entry.inputTokens, 'inputTokens'), count(entry.cachedInputTokens, 'cachedInputTokens'),
    count(entry.outputTokens, 'outputTokens'), count(entry.reasoningTokens, 'reasoningTokens'),
    entry.costUsd, entry.latencyMs === null ? null : Math.max(Math.round(entry.latencyMs), 0), entry.status, entry.errorCode,
  ];
}

/** Checks the attempt number of an attempt row (`RangeError` unless an integer from 1). */
export function attemptNumberOf(attemptNumber: number): number {
  if (!Number.isInteger(attemptNumber) || attemptNumber < 1) throw new RangeError('attemptNumber counts from 1.');
  return attemptNumber;
}

/**
 * `INSERT … VALUES (…), (…) ON CONFLICT (request_id, kind, attempt_number) DO NOTHING` for `rowCount`
 * rows of parameters ($1… in `ledgerColumns` order, row after row), returning the keys it wrote.
 */
export function ledgerInsertStatement(rowCount: number): string {
  const tuples: string[] = [];
  for (let row = 0; row < rowCount; row += 1) {
    const base = row * ledgerColumns.length;
    tuples.push(`(${ledgerColumns.map((column, index) => `$${base + index + 1}${casts[column] ?? ''}`).join(', ')})`);
  }
  return `INSERT INTO usage_ledger (${ledgerColumns.join(', ')}) VALUES ${tuples.join(', ')}
    ON CONFLICT (request_id, kind, attempt_number) DO NOTHING
    RETURNING request_id, kind, attempt_number`;
}
