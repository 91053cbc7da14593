import type { Admission, UsageTokens } from '@switchyard/accounting';
import { GatewayError } from '@switchyard/core';
import { computeCost, type AttemptRecord, type Router } from '@switchyard/router';
import type { Logger } from 'pino';
import type { RequestCaller } from '../auth/resolve-request-caller.js';
import { attemptRowsOf } from './attempt-rows-of.js';
import { callAttributionOf, noAttribution } from './call-attribution-of.js';
import type { GatewayAccounting } from './gateway-accounting.js';
import { LedgerWriteQueue } from './ledger-write-queue.js';
import { meterStream } from './meter-stream.js';
import { costHeader, type MeteredCall, type MeterOutcome, type RequestMeter, type ResumedAdmission, type ServedDeployment } from './request-meter.js';
import { runReservationOf } from './run-reservation-of.js';
import { tableDeployment } from './table-deployment.js';
import { addedUsage, noUsage, usageOf } from './usage-of.js';
import { worstCaseOfRoute, worstCaseOver } from './worst-case-of-route.js';

export interface RequestMeterOptions {
  readonly caller: RequestCaller;
  readonly accounting: () => GatewayAccounting;
  readonly requestId: string;
  readonly tenantId: string;
  readonly logger: Logger;
  /** Lists the route's candidates so the reservation covers the priciest (absent: the named provider only). */
  readonly router?: Router | undefined;
  /** Set by the background worker: the request was admitted when the run was queued. */
  readonly resumed?: ResumedAdmission | undefined;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * The meter of one client request (see `RequestMeter`): admits it once over its route's worst
 * case, bills each metered call at the prices of the deployment that served it (else the named
 * provider's table row), and writes its attempt rows and one request row to the ledger after the
 * answer. A resumed background run is not admitted again and numbers its attempts after those
 * already written.
 */
export function createRequestMeter(options: RequestMeterOptions): RequestMeter {
  const responseHeaders: Record<string, string> = {};
  const { caller, requestId, tenantId, logger, resumed } = options;
  const keyId = caller.kind === 'key' ? caller.key.id : (resumed?.keyId ?? null);
  const ledger = new LedgerWriteQueue({ accounting: options.accounting, requestId, logger });

  let served: ServedDeployment | undefined;
  let attempts: AttemptRecord[] = [];
  let admission: Admission | undefined = resumed?.admission;
  let admitted = resumed !== undefined;
  let estimatedTokens = 0;
  let admittedModel = resumed?.model ?? '';
  let handedOff = false;
  let attemptNumber = resumed?.lastAttemptNumber ?? 0;
  let firstCall: MeteredCall | undefined;
  let totals: UsageTokens = noUsage;
  let totalCostUsd = 0;
  let finalStatus = 'completed';
  let finalErrorCode: string | null = null;
  let closed = false;
  const started = Date.now();

  const admit = async (call: MeteredCall): Promise<void> => {
    if (admitted) return;
    const worst = worstCaseOfRoute(call, { caller, router: options.router, logger });
    estimatedTokens = worst.tokens;
    admittedModel = call.clientModel;
    if (caller.kind === 'key') {
      admission = await options.accounting().requests.admit({
        requestId,
        key: caller.key,
        model: call.clientModel,
        estimatedTokens: worst.tokens,
        worstCaseCostUsd: worst.usd,
      });
      Object.assign(responseHeaders, admission.headers);
    }
    admitted = true;
  };

  /** One call is over: its usage added to the request's totals, its attempt rows queued for writing. */
  const recordCall = (call: MeteredCall, callStarted: number, tokens: UsageTokens, status: string, errorCode: string | null): void => {
    const prices = served === undefined ? tableDeployment(call.providerKinds, call.upstreamModel, call.providerName).prices : served.prices;
    const costUsd = prices === undefined ? 0 : computeCost(tokens, prices).totalUsd;
    totals = addedUsage(totals, tokens);
    totalCostUsd += costUsd;
    finalStatus = status;
    finalErrorCode = errorCode;
    const answered = {
      ...tokens,
      ...callAttributionOf(call),
      costUsd,
      deployment: served?.name ?? `${call.providerName}/${call.upstreamModel}`,
      provider: served?.provider ?? call.providerName,
      latencyMs: Date.now() - callStarted,
      status,
      errorCode,
    };
    const rows = attemptRowsOf(answered, attempts).map((row) => ({ ...row, attemptNumber: (attemptNumber += 1) }));
    attempts = [];
    const held = admission;
    void ledger.enqueue('attempt', async (accounting) => {
      for (const row of rows) {
        if (held !== undefined) await accounting.requests.recordAttempt(held, row);
        else await accounting.ledger.recordAttempt({ ...row, requestId, tenantId, keyId, model: call.clientModel });
      }
    });
  };

  const writeRequestRow = (outcome: MeterOutcome | undefined): Promise<void> => {
    const call = firstCall;
    const reserved = outcome?.billReservation === true ? (admission?.reservation?.amountUsd ?? 0) : 0;
    const row = {
      ...totals,
      ...(call === undefined ? noAttribution : callAttributionOf(call)),
      costUsd: Math.round(Math.max(totalCostUsd, reserved) * 1e12) / 1e12,
      deployment: served?.name ?? (call === undefined ? null : `${call.providerName}/${call.upstreamModel}`),
      provider: served?.provider ?? call?.providerName ?? null,
      latencyMs: Date.now() - started,
      status: outcome?.status ?? finalStatus,
      errorCode: outcome === undefined ? finalErrorCode : outcome.errorCode,
    };
    const model = call?.clientModel ?? resumed?.model ?? 'unknown';
    const held = admission;
    return ledger.enqueue('request', async (accounting) => {
      if (held !== undefined) await accounting.requests.finish(held, row);
      else await accounting.ledger.recordRequest({ ...row, requestId, tenantId, keyId, model });
    });
  };

  return {
    responseHeaders,
    setResponseHeader(name, value) {
      responseHeaders[name] = value;
    },
    noteDeployment(deployment) {
      served = deployment;
    },
    noteAttempt(attempt) {
      attempts.push(attempt);
    },
    admit,
    runAccounting() {
      if (!admitted) return undefined;
      return { requestId, tenantId, keyId, model: admittedModel, estimatedTokens, reservation: runReservationOf(admission?.reservation) };
    },
    handOff() {
      handedOff = true;
    },
    async close(outcome) {
      if (!closed && !handedOff) {
        const held = admission;
        // A run admitted when it was queued is billed once, even when it failed before any call.
        if (firstCall !== undefined || resumed !== undefined) void writeRequestRow(outcome);
        // Admitted but no model was called (e.g. a storage error before dispatch): free the reservation.
        else if (held !== undefined) void ledger.enqueue('release', (accounting) => accounting.requests.abandon(held));
      }
      closed = true;
      await ledger.room();
    },
    written: () => ledger.written(),
    async meter<T>(call: MeteredCall, execute: () => Promise<T>): Promise<T> {
      await admit(call);
      firstCall ??= call;
      const callStarted = Date.now();
      const inputEstimate = worstCaseOver(call.body, [tableDeployment(call.providerKinds, call.upstreamModel, call.providerName)]).inputTokens;

      let result: T;
      try {
        result = await execute();
      } catch (error) {
        const code = GatewayError.isInstance(error) ? error.code : null;
        recordCall(call, callStarted, noUsage, 'failed', code ?? 'upstream_error');
        throw error;
      }
      if (!isAsyncIterable(result)) {
        const usage = usageOf(result) ?? { ...noUsage, inputTokens: inputEstimate };
        const status = typeof (result as { status?: unknown }).status === 'string' ? String((result as { status: string }).status) : 'completed';
        recordCall(call, callStarted, usage, status, null);
        responseHeaders[costHeader] = totalCostUsd.toFixed(8);
        return result;
      }
      return meterStream(result, inputEstimate, (end) => recordCall(call, callStarted, end.usage, end.status, end.errorCode)) as T;
    },
  };
}
