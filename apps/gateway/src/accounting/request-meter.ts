import { ModelPriceUnknownError, type Admission, type UsageTokens } from '@switchyard/accounting';
import { GatewayError } from '@switchyard/core';
import { computeCost, type AttemptRecord, type CostEstimateRequest, type Deployment, type ModelPrices, type ProviderPreferences, type Router } from '@switchyard/router';
import type { RunAccounting } from '@switchyard/store';
import type { Logger } from 'pino';
import type { RequestCaller } from '../auth/resolve-request-caller.js';
import type { GatewayAccounting } from './gateway-accounting.js';
import { tableDeployment, worstCaseOver, type WorstCase } from './price-for.js';
import { streamEventTextLength, streamEventUsage, usageOf } from './usage-of.js';

/** Response header with the request's cost in USD (JSON answers only; see the README). */
export const costHeader = 'x-switchyard-cost-usd';

/** One upstream call the meter admits, prices and records. */
export interface MeteredCall {
  readonly providerName: string;
  /** Provider kinds to look the price up with (`openai`, `anthropic`…), first match wins. */
  readonly providerKinds: readonly string[];
  readonly upstreamModel: string;
  /** The public model name the client asked for (allow-list, ledger). */
  readonly clientModel: string;
  readonly body: CostEstimateRequest & {
    readonly user?: unknown;
    readonly safety_identifier?: unknown;
    readonly metadata?: unknown;
    readonly tags?: unknown;
    readonly provider?: unknown;
  };
}

/** How a request ended, when the caller knows better than the stream (a cancelled background run). */
export interface MeterOutcome {
  readonly status: string;
  readonly errorCode: string | null;
  /**
   * What was produced is unknown (a background run whose earlier execution died mid-stream): the
   * request is billed at least its budget reservation (billing fails closed).
   */
  readonly billReservation?: boolean;
}

export interface RequestMeter {
  /**
   * Admission on its own (allow-list 403, unknown price for a budgeted key 403, rate limit 429,
   * budget reservation 402), before anything is stored or called. Runs once per request; `meter`
   * calls it when it has not run yet.
   */
  admit(call: MeteredCall): Promise<void>;
  /**
   * Admits the request (see `admit`) before `execute` reaches the upstream, then records one
   * attempt row per upstream attempt and, at `close`, one request row, exactly once, for JSON
   * answers, failures and streams (also cut short: what was produced is billed).
   */
  meter<T>(call: MeteredCall, execute: () => Promise<T>): Promise<T>;
  /** What a background run needs to be metered by the worker (after `admit`); undefined before admission. */
  runAccounting(): RunAccounting | undefined;
  /**
   * The admission now belongs to a queued background run: `close` neither writes a request row
   * nor frees the reservation (the worker settles it when the run ends).
   */
  handOff(): void;
  /** Headers for the response: `x-ratelimit-*`, the cost for a JSON answer, the routing headers. */
  readonly responseHeaders: Readonly<Record<string, string>>;
  setResponseHeader(name: string, value: string): void;
  /** The deployment the router picked (recorded in the ledger, priced at its own prices). */
  noteDeployment(deployment: { readonly name: string; readonly provider: string; readonly prices?: ModelPrices | undefined }): void;
  /** The router's record of one upstream attempt (failed ones get their own ledger row). */
  noteAttempt(record: AttemptRecord): void;
  /**
   * Queues the request row (totals over every metered call of the request: a compaction summary
   * and the answer are one request) and the budget settlement; an admission that never reached a
   * model is freed instead. Called once the response is over. The writes run after the answer,
   * tracked by the gateway's accounting (drained on shutdown): the returned promise resolves once
   * they are queued, waiting only while the backlog of pending writes is over its limit.
   */
  close(outcome?: MeterOutcome): Promise<void>;
  /** Resolves once every ledger write of this request is done (tests, housekeeping). */
  written(): Promise<void>;
}

/** A background run's admission, taken when the run was queued (the worker meters it). */
export interface ResumedAdmission {
  /** The reloaded key's admission; undefined for the master key, configured keys and open mode. */
  readonly admission: Admission | undefined;
  /** The key id as admitted (also when its record is gone). */
  readonly keyId: string | null;
  /** The client's model, for the request row of a run that failed before any upstream call. */
  readonly model: string;
  /** Attempt rows already written for this request (a run reclaimed after its worker died). */
  readonly lastAttemptNumber: number;
}

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

const charactersPerOutputToken = 4;
const none: UsageTokens = { inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0 };
/** Unpriced models already warned about (once per process and model). */
const warnedUnpriced = new Set<string>();

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function terminalStatusOf(event: unknown): string | undefined {
  const type = (event as { type?: unknown }).type;
  if (type === 'response.completed') return 'completed';
  if (type === 'response.failed') return 'failed';
  if (type === 'response.incomplete') return 'incomplete';
  if (type === 'error') return 'failed';
  return undefined;
}

function preferencesOf(body: MeteredCall['body']): ProviderPreferences | undefined {
  const value = body.provider;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as ProviderPreferences) : undefined;
}

function routeInput(body: MeteredCall['body']): string | readonly unknown[] | undefined {
  const input = body.input;
  return typeof input === 'string' || Array.isArray(input) ? (input as string | readonly unknown[]) : undefined;
}

export function createRequestMeter(options: RequestMeterOptions): RequestMeter {
  const responseHeaders: Record<string, string> = {};
  const { caller, requestId, tenantId, logger, resumed } = options;
  const keyId = caller.kind === 'key' ? caller.key.id : (resumed?.keyId ?? null);

  let served: { readonly name: string; readonly provider: string; readonly prices?: ModelPrices | undefined } | undefined;
  let attempts: AttemptRecord[] = [];
  let admission: Admission | undefined = resumed?.admission;
  let admitted = resumed !== undefined;
  let estimatedTokens = 0;
  let admittedModel = resumed?.model ?? '';
  let handedOff = false;
  let attemptNumber = resumed?.lastAttemptNumber ?? 0;
  let firstCall: MeteredCall | undefined;
  let totals: UsageTokens = none;
  let totalCostUsd = 0;
  let finalStatus = 'completed';
  let finalErrorCode: string | null = null;
  let closed = false;
  // The request's ledger writes run one after the other, after the answer, tracked for shutdown.
  let writes: Promise<void> = Promise.resolve();
  const started = Date.now();

  const enqueue = (what: string, write: (accounting: GatewayAccounting) => Promise<unknown>): Promise<void> => {
    const next = writes.then(async () => {
      try {
        await write(options.accounting());
      } catch (error) {
        // The answer was paid for already; an open reservation is settled at its worst case later.
        logger.error({ requestId, err: error }, `writing the usage ledger (${what}) failed`);
      }
    });
    writes = next;
    try {
      options.accounting().pending.track(next);
    } catch {
      // No accounting yet (the store is not open): the write reports the same when it runs.
    }
    return next;
  };

  const baseOf = (call: MeteredCall) => ({
    user: typeof call.body.user === 'string' ? call.body.user : typeof call.body.safety_identifier === 'string' ? call.body.safety_identifier : null,
    tags: Array.isArray(call.body.tags) ? call.body.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    metadata: stringRecord(call.body.metadata),
  });

  /** The deployments this call may reach: the router's candidates (with fallbacks), or the named provider. */
  const candidatesOf = (call: MeteredCall): readonly Deployment[] => {
    if (options.router === undefined) return [tableDeployment(call.providerKinds, call.upstreamModel, call.providerName)];
    const allowedModels = caller.kind === 'key' ? (caller.key.allowedModels ?? undefined) : undefined;
    return options.router.route({ model: call.clientModel, preferences: preferencesOf(call.body), allowedModels, input: routeInput(call.body) }).candidates;
  };

  /** The prices a call is billed at: the deployment that served it, else the named provider's table row. */
  const pricesOf = (call: MeteredCall): ModelPrices | undefined =>
    served === undefined ? tableDeployment(call.providerKinds, call.upstreamModel, call.providerName).prices : served.prices;

  const checkPrices = (call: MeteredCall, worst: WorstCase): void => {
    if (worst.unpriced.length === 0) return;
    if (caller.kind === 'key' && caller.key.budget !== null) throw new ModelPriceUnknownError(call.clientModel, worst.unpriced);
    for (const name of worst.unpriced) {
      if (warnedUnpriced.has(name)) continue;
      warnedUnpriced.add(name);
      logger.warn({ deployment: name, model: call.clientModel }, 'no price is known for this deployment: its requests are recorded at cost 0 (set prices in the configuration)');
    }
  };

  const admit = async (call: MeteredCall): Promise<void> => {
    if (admitted) return;
    const worst = worstCaseOver(call.body, candidatesOf(call));
    checkPrices(call, worst);
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
    const prices = pricesOf(call);
    const costUsd = prices === undefined ? 0 : computeCost(tokens, prices).totalUsd;
    totals = {
      inputTokens: totals.inputTokens + tokens.inputTokens,
      cachedInputTokens: totals.cachedInputTokens + tokens.cachedInputTokens,
      outputTokens: totals.outputTokens + tokens.outputTokens,
      reasoningTokens: totals.reasoningTokens + tokens.reasoningTokens,
    };
    totalCostUsd += costUsd;
    finalStatus = status;
    finalErrorCode = errorCode;
    const row = {
      ...tokens,
      ...baseOf(call),
      costUsd,
      deployment: served?.name ?? `${call.providerName}/${call.upstreamModel}`,
      provider: served?.provider ?? call.providerName,
      latencyMs: Date.now() - callStarted,
      status,
      errorCode,
    };
    // Failed attempts of the router (no tokens billed), then the attempt that answered.
    const failedRows = attempts
      .filter((attempt) => attempt.outcome === 'failure')
      .map((attempt) => ({ ...row, ...none, costUsd: 0, deployment: attempt.deployment, provider: attempt.provider, latencyMs: attempt.latencyMs, status: 'failed', errorCode: attempt.errorClass ?? 'upstream_error' }));
    const allFailed = status === 'failed' && failedRows.length > 0 && !attempts.some((attempt) => attempt.outcome === 'success');
    const rows = (allFailed ? failedRows : [...failedRows, row]).map((attemptRow) => ({ ...attemptRow, attemptNumber: (attemptNumber += 1) }));
    attempts = [];
    const held = admission;
    void enqueue('attempt', async (accounting) => {
      for (const attemptRow of rows) {
        if (held !== undefined) await accounting.requests.recordAttempt(held, attemptRow);
        else await accounting.ledger.recordAttempt({ ...attemptRow, requestId, tenantId, keyId, model: call.clientModel });
      }
    });
  };

  const writeRequestRow = (outcome: MeterOutcome | undefined): Promise<void> => {
    const call = firstCall;
    const base = call === undefined ? { user: null, tags: [], metadata: {} } : baseOf(call);
    const reserved = outcome?.billReservation === true ? (admission?.reservation?.amountUsd ?? 0) : 0;
    const row = {
      ...totals,
      ...base,
      costUsd: Math.round(Math.max(totalCostUsd, reserved) * 1e12) / 1e12,
      deployment: served?.name ?? (call === undefined ? null : `${call.providerName}/${call.upstreamModel}`),
      provider: served?.provider ?? call?.providerName ?? null,
      latencyMs: Date.now() - started,
      status: outcome?.status ?? finalStatus,
      errorCode: outcome === undefined ? finalErrorCode : outcome.errorCode,
    };
    const model = call?.clientModel ?? resumed?.model ?? 'unknown';
    const held = admission;
    return enqueue('request', async (accounting) => {
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
      const reservation = admission?.reservation;
      return {
        requestId,
        tenantId,
        keyId,
        model: admittedModel,
        estimatedTokens,
        reservation: reservation === undefined ? null : { id: reservation.reservationId, amountUsd: reservation.amountUsd, periodStart: reservation.periodStart.toISOString() },
      };
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
        else if (held !== undefined) void enqueue('release', (accounting) => accounting.requests.abandon(held));
      }
      closed = true;
      try {
        await options.accounting().pending.room();
      } catch {
        // No accounting (the store is not open): nothing to wait for.
      }
    },
    written: () => writes,
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
        recordCall(call, callStarted, none, 'failed', code ?? 'upstream_error');
        throw error;
      }
      if (!isAsyncIterable(result)) {
        const usage = usageOf(result) ?? { ...none, inputTokens: inputEstimate };
        const status = typeof (result as { status?: unknown }).status === 'string' ? String((result as { status: string }).status) : 'completed';
        recordCall(call, callStarted, usage, status, null);
        responseHeaders[costHeader] = totalCostUsd.toFixed(8);
        return result;
      }
      const source = result;
      async function* metered(): AsyncGenerator<unknown> {
        let usage: UsageTokens | undefined;
        let characters = 0;
        let status = 'completed';
        let errorCode: string | null = null;
        let terminal = false;
        let ended = false;
        try {
          for await (const event of source) {
            usage = streamEventUsage(event) ?? usage;
            characters += streamEventTextLength(event);
            const eventStatus = terminalStatusOf(event);
            if (eventStatus !== undefined) {
              status = eventStatus;
              terminal = true;
            }
            yield event;
          }
          ended = true;
        } catch (error) {
          status = 'failed';
          errorCode = GatewayError.isInstance(error) ? (error.code ?? 'upstream_error') : 'upstream_error';
          throw error;
        } finally {
          // Left before its end without a terminal event or an error: the consumer stopped reading.
          if (!ended && !terminal && errorCode === null) status = 'cancelled';
          // A stream without usage (cut, or a chat stream without include_usage) bills what it produced.
          const billed = usage ?? { ...none, inputTokens: inputEstimate, outputTokens: Math.ceil(characters / charactersPerOutputToken) };
          recordCall(call, callStarted, billed, status, errorCode);
        }
      }
      return metered() as T;
    },
  };
}
