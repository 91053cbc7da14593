import type { Admission, UsageTokens } from '@switchyard/accounting';
import { GatewayError } from '@switchyard/core';
import { computeCost, type AttemptRecord, type CostEstimateRequest } from '@switchyard/router';
import type { Logger } from 'pino';
import type { RequestCaller } from '../auth/resolve-request-caller.js';
import type { GatewayAccounting } from './gateway-accounting.js';
import { tableEntryFor, worstCaseFor, type WorstCase } from './price-for.js';
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
  readonly body: CostEstimateRequest & { readonly user?: unknown; readonly safety_identifier?: unknown; readonly metadata?: unknown; readonly tags?: unknown };
}

export interface RequestMeter {
  /**
   * Admits the request (allow-list 403, rate limit 429, budget 402) before `execute` reaches the
   * upstream, then writes one attempt row and one request row, exactly once, for JSON answers,
   * failures and streams (also cut short: what was produced is billed).
   */
  meter<T>(call: MeteredCall, execute: () => Promise<T>): Promise<T>;
  /** Headers for the response: `x-ratelimit-*`, the cost for a JSON answer, the routing headers. */
  readonly responseHeaders: Readonly<Record<string, string>>;
  setResponseHeader(name: string, value: string): void;
  /** The deployment the router picked (recorded in the ledger instead of the first candidate). */
  noteDeployment(deployment: { readonly name: string; readonly provider: string }): void;
  /** The router's record of one upstream attempt (failed ones get their own ledger row). */
  noteAttempt(record: AttemptRecord): void;
  /**
   * Writes the request row (totals over every metered call of the request: a compaction summary
   * and the answer are one request) and settles the budget. Called once the response is over.
   */
  close(): Promise<void>;
}

export interface RequestMeterOptions {
  readonly caller: RequestCaller;
  readonly accounting: () => GatewayAccounting;
  readonly requestId: string;
  readonly tenantId: string;
  readonly logger: Logger;
}

const charactersPerOutputToken = 4;

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function terminalStatusOf(event: unknown): string | undefined {
  const type = (event as { type?: unknown }).type;
  if (type === 'response.failed') return 'failed';
  if (type === 'response.incomplete') return 'incomplete';
  if (type === 'error') return 'failed';
  return undefined;
}

export function createRequestMeter(options: RequestMeterOptions): RequestMeter {
  const responseHeaders: Record<string, string> = {};
  const { caller, requestId, tenantId, logger } = options;
  const none: UsageTokens = { inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0 };

  let served: { readonly name: string; readonly provider: string } | undefined;
  let attempts: AttemptRecord[] = [];
  let admission: Admission | undefined;
  let admitted = false;
  let attemptNumber = 0;
  let firstCall: MeteredCall | undefined;
  let totals: UsageTokens = none;
  let totalCostUsd = 0;
  let finalStatus = 'completed';
  let finalErrorCode: string | null = null;
  let closed = false;
  const started = Date.now();

  const baseOf = (call: MeteredCall) => ({
    user: typeof call.body.user === 'string' ? call.body.user : typeof call.body.safety_identifier === 'string' ? call.body.safety_identifier : null,
    tags: Array.isArray(call.body.tags) ? call.body.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    metadata: stringRecord(call.body.metadata),
  });

  /** One call is over: its attempt rows, and its usage added to the request's totals. */
  const recordCall = async (call: MeteredCall, callStarted: number, prices: WorstCase['prices'], tokens: UsageTokens, status: string, errorCode: string | null): Promise<number> => {
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
    const rows = allFailed ? failedRows : [...failedRows, row];
    attempts = [];
    try {
      const accounting = options.accounting();
      for (const attemptRow of rows) {
        attemptNumber += 1;
        if (admission !== undefined) await accounting.requests.recordAttempt(admission, { ...attemptRow, attemptNumber });
        else await accounting.ledger.recordAttempt({ ...attemptRow, attemptNumber, requestId, tenantId, keyId: null, model: call.clientModel });
      }
    } catch (error) {
      logger.error({ requestId, err: error }, 'writing the usage ledger failed');
    }
    return costUsd;
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
    async close() {
      if (closed || firstCall === undefined) return;
      closed = true;
      const row = {
        ...totals,
        ...baseOf(firstCall),
        costUsd: Math.round(totalCostUsd * 1e12) / 1e12,
        deployment: served?.name ?? `${firstCall.providerName}/${firstCall.upstreamModel}`,
        provider: served?.provider ?? firstCall.providerName,
        latencyMs: Date.now() - started,
        status: finalStatus,
        errorCode: finalErrorCode,
      };
      try {
        const accounting = options.accounting();
        if (admission !== undefined) await accounting.requests.finish(admission, row);
        else await accounting.ledger.recordRequest({ ...row, requestId, tenantId, keyId: null, model: firstCall.clientModel });
      } catch (error) {
        // The answer was paid for already; an open reservation is settled at its worst case later.
        logger.error({ requestId, err: error }, 'writing the usage ledger failed');
      }
    },
    async meter<T>(call: MeteredCall, execute: () => Promise<T>): Promise<T> {
      const accounting = options.accounting();
      const entry = tableEntryFor(call.providerKinds, call.upstreamModel);
      const worst = worstCaseFor(call.body, entry, call.upstreamModel, call.providerName);
      if (!admitted && caller.kind === 'key') {
        admission = await accounting.requests.admit({
          requestId,
          key: caller.key,
          model: call.clientModel,
          estimatedTokens: worst.inputTokens + worst.outputTokens,
          worstCaseCostUsd: worst.usd,
        });
        Object.assign(responseHeaders, admission.headers);
      }
      admitted = true;
      firstCall ??= call;
      const callStarted = Date.now();

      let result: T;
      try {
        result = await execute();
      } catch (error) {
        const code = GatewayError.isInstance(error) ? error.code : null;
        await recordCall(call, callStarted, worst.prices, none, 'failed', code ?? 'upstream_error');
        throw error;
      }
      if (!isAsyncIterable(result)) {
        const usage = usageOf(result) ?? { ...none, inputTokens: worst.inputTokens };
        const status = typeof (result as { status?: unknown }).status === 'string' ? String((result as { status: string }).status) : 'completed';
        await recordCall(call, callStarted, worst.prices, usage, status, null);
        responseHeaders[costHeader] = totalCostUsd.toFixed(8);
        return result;
      }
      const source = result;
      async function* metered(): AsyncGenerator<unknown> {
        let usage: UsageTokens | undefined;
        let characters = 0;
        let status = 'completed';
        let errorCode: string | null = null;
        let ended = false;
        try {
          for await (const event of source) {
            usage = streamEventUsage(event) ?? usage;
            characters += streamEventTextLength(event);
            status = terminalStatusOf(event) ?? status;
            yield event;
          }
          ended = true;
        } catch (error) {
          status = 'failed';
          errorCode = GatewayError.isInstance(error) ? (error.code ?? 'upstream_error') : 'upstream_error';
          throw error;
        } finally {
          if (!ended && errorCode === null) status = 'cancelled';
          // A stream without usage (cut, or a chat stream without include_usage) bills what it produced.
          const billed = usage ?? { ...none, inputTokens: worst.inputTokens, outputTokens: Math.ceil(characters / charactersPerOutputToken) };
          await recordCall(call, callStarted, worst.prices, billed, status, errorCode);
        }
      }
      return metered() as T;
    },
  };
}
