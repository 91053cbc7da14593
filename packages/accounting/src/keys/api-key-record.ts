export type KeyRole = 'admin' | 'user';
export type BudgetPeriod = 'daily' | 'weekly' | 'monthly' | 'total';

export interface KeyBudget {
  readonly limitUsd: number;
  readonly period: BudgetPeriod;
}

/** One virtual key as stored; never carries the plaintext, only its hash. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly keyHash: string;
  /** Display prefix, e.g. `sk-sy-Ab3d`. */
  readonly prefix: string;
  readonly role: KeyRole;
  /**
   * `null`: every model; otherwise exact public model names, `*`, or `provider/*` (every model of
   * that provider), read by `isModelAllowed` of `@switchyard/router`, the gateway's one allow-list rule.
   */
  readonly allowedModels: readonly string[] | null;
  readonly rpm: number | null;
  readonly tpm: number | null;
  readonly budget: KeyBudget | null;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly metadata: Readonly<Record<string, string>>;
}
