/** Token counts of one attempt or one request (cached ⊆ input, reasoning ⊆ output, as OpenAI counts them). */
export interface UsageTokens {
  readonly inputTokens: number;
  readonly cachedInputTokens: number;
  readonly outputTokens: number;
  readonly reasoningTokens: number;
}

interface UsageEntryBase extends UsageTokens {
  readonly requestId: string;
  readonly tenantId: string;
  readonly keyId: string | null;
  /** The public model name the client asked for. */
  readonly model: string;
  readonly deployment: string | null;
  readonly provider: string | null;
  /** The request's `user` / `safety_identifier` (end-user tracking). */
  readonly user: string | null;
  readonly tags: readonly string[];
  readonly metadata: Readonly<Record<string, string>>;
  readonly costUsd: number;
  readonly latencyMs: number | null;
  /** `completed`, `incomplete`, `failed`, `cancelled`… (free text, as the gateway reports it). */
  readonly status: string;
  readonly errorCode: string | null;
}

/** One upstream call. `attemptNumber` counts from 1 within the request. */
export interface AttemptEntry extends UsageEntryBase {
  readonly attemptNumber: number;
}

/** The client request as a whole: totals over its attempts (what the client is billed). */
export type RequestEntry = UsageEntryBase;

export interface RecordOutcome {
  /** False when the row already existed (a retry of the write): nothing was written twice. */
  readonly recorded: boolean;
}
