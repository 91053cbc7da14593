/**
 * The admission of the request that queued a background run, stored with the run (`accounting`
 * column) so the worker meters it like a foreground request: one request row under `requestId`,
 * the budget reservation settled when the run ends. Never carries a key's secret or hash.
 */
export interface RunAccounting {
  /** The ledger's request id (the HTTP request that queued the run). */
  readonly requestId: string;
  readonly tenantId: string;
  /** The virtual key that was admitted (its limits are reloaded by id); null for the master key, configured keys and open mode. */
  readonly keyId: string | null;
  /** The public model name the client asked for. */
  readonly model: string;
  /** Tokens counted against the key's tpm at admission (corrected to the real count when the run ends). */
  readonly estimatedTokens: number;
  /** The budget reservation taken at admission; null when the key has no budget. */
  readonly reservation: RunReservation | null;
}

export interface RunReservation {
  readonly id: string;
  readonly amountUsd: number;
  /** ISO timestamp of the budget period the reservation counts against. */
  readonly periodStart: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the column defensively: `null` for a missing or malformed value (rows queued before migration 0004). */
export function runAccountingFrom(value: unknown): RunAccounting | null {
  if (!isRecord(value)) return null;
  const { requestId, tenantId, keyId, model, estimatedTokens, reservation } = value;
  if (typeof requestId !== 'string' || typeof tenantId !== 'string' || typeof model !== 'string') return null;
  if (keyId !== null && typeof keyId !== 'string') return null;
  const parsedReservation =
    isRecord(reservation) && typeof reservation['id'] === 'string' && typeof reservation['amountUsd'] === 'number' && typeof reservation['periodStart'] === 'string'
      ? { id: reservation['id'], amountUsd: reservation['amountUsd'], periodStart: reservation['periodStart'] }
      : null;
  return {
    requestId,
    tenantId,
    keyId,
    model,
    estimatedTokens: typeof estimatedTokens === 'number' && Number.isFinite(estimatedTokens) ? estimatedTokens : 0,
    reservation: parsedReservation,
  };
}
