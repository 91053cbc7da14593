import type { Admission, UsageTokens } from '@switchyard/accounting';
import { GatewayError } from '@switchyard/core';
import { computeCost, type CostEstimateRequest } from '@switchyard/router';
import type { Logger } from 'pino';
import type { RequestCaller } from '../auth/resolve-request-caller.js';
import type { GatewayAccounting } from './gateway-accounting.js';
import { tableEntryFor, worstCaseFor } from './price-for.js';
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
  /** Headers for the response: `x-ratelimit-*`, and the cost for a JSON answer. */
  readonly responseHeaders: Readonly<Record<string, string>>;
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

  return {
    responseHeaders,
    async meter<T>(call: MeteredCall, execute: () => Promise<T>): Promise<T> {
      const accounting = options.accounting();
      const entry = tableEntryFor(call.providerKinds, call.upstreamModel);
      const worst = worstCaseFor(call.body, entry, call.upstreamModel, call.providerName);
      let admission: Admission | undefined;
      if (caller.kind === 'key') {
        admission = await accounting.requests.admit({
          requestId,
          key: caller.key,
          model: call.clientModel,
          estimatedTokens: worst.inputTokens + worst.outputTokens,
          worstCaseCostUsd: worst.usd,
        });
        Object.assign(responseHeaders, admission.headers);
      }
      const user = typeof call.body.user === 'string' ? call.body.user : typeof call.body.safety_identifier === 'string' ? call.body.safety_identifier : null;
      const tags = Array.isArray(call.body.tags) ? call.body.tags.filter((tag): tag is string => typeof tag === 'string') : [];
      const started = Date.now();
      let recorded = false;

      const record = async (tokens: UsageTokens, status: string, errorCode: string | null): Promise<number> => {
        const costUsd = worst.prices === undefined ? 0 : computeCost(tokens, worst.prices).totalUsd;
        if (recorded) return costUsd;
        recorded = true;
        const row = {
          ...tokens,
          costUsd,
          deployment: `${call.providerName}/${call.upstreamModel}`,
          provider: call.providerName,
          user,
          tags,
          metadata: stringRecord(call.body.metadata),
          latencyMs: Date.now() - started,
          status,
          errorCode,
        };
        try {
          if (admission !== undefined) {
            await accounting.requests.recordAttempt(admission, { ...row, attemptNumber: 1 });
            await accounting.requests.finish(admission, row);
          } else {
            const base = { ...row, requestId, tenantId, keyId: null, model: call.clientModel };
            await accounting.ledger.recordAttempt({ ...base, attemptNumber: 1 });
            await accounting.ledger.recordRequest(base);
          }
        } catch (error) {
          // The answer was paid for already; an open reservation is settled at its worst case later.
          logger.error({ requestId, err: error }, 'writing the usage ledger failed');
        }
        return costUsd;
      };
      const none: UsageTokens = { inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0 };

      let result: T;
      try {
        result = await execute();
      } catch (error) {
        const code = GatewayError.isInstance(error) ? error.code : null;
        await record(none, 'failed', code ?? 'upstream_error');
        throw error;
      }
      if (!isAsyncIterable(result)) {
        const usage = usageOf(result) ?? { ...none, inputTokens: worst.inputTokens };
        const status = typeof (result as { status?: unknown }).status === 'string' ? String((result as { status: string }).status) : 'completed';
        const costUsd = await record(usage, status, null);
        responseHeaders[costHeader] = costUsd.toFixed(8);
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
          await record(billed, status, errorCode);
        }
      }
      return metered() as T;
    },
  };
}
