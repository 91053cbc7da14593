import type { Admission } from '@switchyard/accounting';
import type { AttemptRecord, CostEstimateRequest, ModelPrices } from '@switchyard/router';
import type { RunAccounting } from '@switchyard/store';

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

/** The deployment the router picked for a call: its ledger name, its provider and its own prices. */
export interface ServedDeployment {
  readonly name: string;
  readonly provider: string;
  readonly prices?: ModelPrices | undefined;
}

/** Admission, pricing and ledger rows of one client request (built by `createRequestMeter`). */
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
  noteDeployment(deployment: ServedDeployment): void;
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
