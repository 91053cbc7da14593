import type { Admission } from '@switchyard/accounting';
import type { Router } from '@switchyard/router';
import type { StoredResponse } from '@switchyard/store';
import type { Logger } from 'pino';
import type { RequestCaller } from '../auth/resolve-request-caller.js';
import type { GatewayAccounting } from './gateway-accounting.js';
import { createRequestMeter } from './create-request-meter.js';
import type { RequestMeter } from './request-meter.js';
import { reservationOf } from './run-reservation-of.js';

export interface CreateRunMeterOptions {
  readonly accounting: () => GatewayAccounting;
  readonly router: Router | undefined;
  readonly logger: Logger;
}

export interface RunMeter {
  readonly meter: RequestMeter;
  /** The key's current allow-list (undefined: every model), for the run's routing. */
  readonly allowedModels: readonly string[] | undefined;
}

/**
 * The meter of a background run, from the admission stored when it was queued: the key is
 * reloaded by id for its limits (a key revoked meanwhile still finishes an admitted run), nothing
 * is admitted again, attempt rows continue after those already written (a reclaimed run), and the
 * request row goes under the queuing request's id. A run queued before migration 0004 (no stored
 * admission) is recorded without a key under `req_<response id>`.
 */
export async function createRunMeter(run: StoredResponse, options: CreateRunMeterOptions): Promise<RunMeter> {
  const stored = run.accounting;
  const accounting = options.accounting();
  const requestId = stored?.requestId ?? `req_${run.id.replace(/^resp_/, '')}`;
  const tenantId = stored?.tenantId ?? run.tenantId;
  const key = stored?.keyId == null ? undefined : await accounting.keys.get(stored.keyId);
  if (stored?.keyId != null && key === undefined) {
    options.logger.warn({ responseId: run.id, keyId: stored.keyId }, 'the key that queued this background run is gone; recording its usage without limits');
  }
  const admission: Admission | undefined =
    key === undefined || stored === null
      ? undefined
      : { requestId, key, model: stored.model, estimatedTokens: stored.estimatedTokens, headers: {}, reservation: reservationOf(stored.reservation, key.id) };
  const caller: RequestCaller = key === undefined ? { kind: 'anonymous', tenantId } : { kind: 'key', key, tenantId };
  const meter = createRequestMeter({
    caller,
    accounting: options.accounting,
    requestId,
    tenantId,
    logger: options.logger,
    router: options.router,
    resumed: {
      admission,
      keyId: stored?.keyId ?? null,
      model: stored?.model ?? run.model,
      lastAttemptNumber: await accounting.ledger.lastAttemptNumber(requestId),
    },
  });
  return { meter, allowedModels: key?.allowedModels ?? undefined };
}
