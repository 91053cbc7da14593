import { ModelNotAllowedError } from '../errors/model-not-allowed-error.js';
import type { BudgetStore, Reservation } from '../budgets/budget-store.js';
import { isModelAllowed } from '@switchyard/router';
import type { ApiKeyRecord } from '../keys/api-key-record.js';
import { enforceRateLimit } from '../limits/enforce-rate-limit.js';
import { rateLimitHeaders } from '../limits/rate-limit-headers.js';
import type { RateLimiter } from '../limits/rate-limiter.js';
import type { AttemptEntry, RecordOutcome, UsageTokens } from '../ledger/usage-entry.js';
import type { UsageLedger } from '../ledger/usage-ledger.js';

export interface AdmitRequest {
  readonly requestId: string;
  readonly key: ApiKeyRecord;
  /** The public model name the client asked for (checked against the key's allow-list). */
  readonly model: string;
  /** Estimated input tokens + the output tokens the request may produce (for tpm). */
  readonly estimatedTokens: number;
  /** The request's worst-case cost in USD (input estimate + max output at the priciest candidate deployment). */
  readonly worstCaseCostUsd: number;
}

export interface Admission {
  readonly requestId: string;
  readonly key: ApiKeyRecord;
  readonly model: string;
  readonly estimatedTokens: number;
  /** `x-ratelimit-*` headers for the response (empty for a key without limits). */
  readonly headers: Readonly<Record<string, string>>;
  /** Undefined when the key has no budget. */
  readonly reservation: Reservation | undefined;
}

export interface RequestOutcome extends UsageTokens {
  readonly costUsd: number;
  readonly deployment: string | null;
  readonly provider: string | null;
  readonly user: string | null;
  readonly tags: readonly string[];
  readonly metadata: Readonly<Record<string, string>>;
  readonly latencyMs: number | null;
  readonly status: string;
  readonly errorCode: string | null;
}

export interface RequestAccounting {
  /** Allow-list (403), rpm/tpm (429), then budget reservation (402), in that order. */
  admit(request: AdmitRequest): Promise<Admission>;
  /** One ledger row per upstream attempt (idempotent per attempt number). */
  recordAttempt(admission: Admission, attempt: Omit<AttemptEntry, 'requestId' | 'tenantId' | 'keyId' | 'model'>): Promise<RecordOutcome>;
  /**
   * Ends the request exactly once: writes the request row, settles the reservation to the real cost,
   * and corrects the tpm counter with the real token count. Safe to call again (nothing is doubled).
   */
  finish(admission: Admission, outcome: RequestOutcome): Promise<RecordOutcome>;
  /** The request never reached an upstream (e.g. a validation error after admission): free the reservation. */
  abandon(admission: Admission): Promise<void>;
}

export interface RequestAccountingOptions {
  readonly limiter: RateLimiter;
  readonly budgets: BudgetStore;
  readonly ledger: UsageLedger;
}

/** The per-request accounting the gateway runs around each routed call. */
export function createRequestAccounting(options: RequestAccountingOptions): RequestAccounting {
  const { limiter, budgets, ledger } = options;
  const policyOf = (key: ApiKeyRecord) => ({ rpm: key.rpm, tpm: key.tpm });
  return {
    async admit(request) {
      if (!isModelAllowed(request.model, request.key.allowedModels ?? undefined)) throw new ModelNotAllowedError(request.model);
      const decision = await enforceRateLimit(limiter, { subject: request.key.id, policy: policyOf(request.key), tokens: request.estimatedTokens });
      const reservation = request.key.budget === null
        ? undefined
        : await budgets.reserve({ reservationId: request.requestId, keyId: request.key.id, budget: request.key.budget, amountUsd: request.worstCaseCostUsd });
      return {
        requestId: request.requestId,
        key: request.key,
        model: request.model,
        estimatedTokens: request.estimatedTokens,
        headers: rateLimitHeaders(decision),
        reservation,
      };
    },
    recordAttempt: (admission, attempt) =>
      ledger.recordAttempt({ ...attempt, requestId: admission.requestId, tenantId: admission.key.tenantId, keyId: admission.key.id, model: admission.model }),
    async finish(admission, outcome) {
      const recorded = await ledger.recordRequest({
        ...outcome,
        requestId: admission.requestId,
        tenantId: admission.key.tenantId,
        keyId: admission.key.id,
        model: admission.model,
      });
      if (admission.reservation !== undefined) await budgets.settle(admission.reservation.reservationId, outcome.costUsd);
      if (recorded.recorded) {
        const actual = outcome.inputTokens + outcome.outputTokens;
        await limiter.adjustTokens(admission.key.id, policyOf(admission.key), actual - admission.estimatedTokens);
      }
      return recorded;
    },
    async abandon(admission) {
      if (admission.reservation !== undefined) await budgets.release(admission.reservation.reservationId);
    },
  };
}
