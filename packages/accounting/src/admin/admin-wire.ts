import type { BudgetPeriod, KeyRole } from '../keys/api-key-record.js';

/** Wire shapes of the admin API (they mirror the contract's `Admin*` schemas). Times are Unix seconds. */
export interface AdminKeyBudget {
  readonly limit_usd: number;
  readonly period: BudgetPeriod;
}

export interface AdminKey {
  readonly id: string;
  readonly object: 'api_key';
  readonly name: string;
  readonly tenant: string;
  /** Display prefix of the key, e.g. `sk-sy-Ab3d`; never the key itself. */
  readonly prefix: string;
  readonly role: KeyRole;
  readonly allowed_models: string[] | null;
  readonly rpm: number | null;
  readonly tpm: number | null;
  readonly budget: AdminKeyBudget | null;
  readonly expires_at: number | null;
  readonly revoked_at: number | null;
  readonly created_at: number;
  readonly metadata: Record<string, string>;
}

export interface AdminKeyCreated extends AdminKey {
  /** The plaintext key: returned by `createAdminKey` only, never again. */
  readonly key: string;
}

export interface AdminKeyList {
  readonly object: 'list';
  readonly data: AdminKey[];
}
