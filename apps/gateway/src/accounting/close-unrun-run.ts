import type { StoredResponse } from '@switchyard/store';
import type { Logger } from 'pino';
import { createRunMeter } from './create-run-meter.js';
import type { GatewayAccounting } from './gateway-accounting.js';

export interface CloseUnrunRunOptions {
  readonly accounting: () => GatewayAccounting;
  readonly logger: Logger;
}

/** True for a background run that became terminal before any worker claimed it (cancelled while queued). */
export function isUnrunRun(run: StoredResponse): boolean {
  return run.background && run.attempts === 0 && run.accounting !== null && run.status === 'cancelled';
}

/**
 * Closes the accounting of a background run no worker will ever run (cancelled while queued):
 * one request row at cost 0 with status `cancelled`, and its budget reservation settled at 0. Off
 * the response path (tracked with the ledger writes, drained on shutdown); idempotent, so a
 * repeated cancel changes nothing.
 */
export function closeUnrunRun(run: StoredResponse, options: CloseUnrunRunOptions): void {
  if (!isUnrunRun(run)) return;
  const closing = (async () => {
    const { meter } = await createRunMeter(run, { accounting: options.accounting, router: undefined, logger: options.logger });
    await meter.close({ status: 'cancelled', errorCode: null });
  })().catch((error: unknown) => options.logger.error({ responseId: run.id, err: error }, 'recording a run cancelled while queued failed'));
  try {
    options.accounting().pending.track(closing);
  } catch {
    // No accounting (the store is not open): nothing was admitted through it either.
  }
}
