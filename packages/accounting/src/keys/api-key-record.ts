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
  /** `null`: every model; otherwise exactly these public model names. */
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

/** True when the key may call `model` (its allow-list is absent or names it). */
export function isModelAllowed(record: Pick<ApiKeyRecord, 'allowedModels'>, model: string): boolean {
  return record.allowedModels === null || record.allowedModels.includes(model);
}
