import type { SqlClient, SqlParameter } from '@switchyard/store';
import type { ApiKeyRecord, BudgetPeriod, KeyBudget, KeyRole } from './api-key-record.js';

export interface NewApiKey {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly keyHash: string;
  readonly prefix: string;
  readonly role: KeyRole;
  readonly allowedModels: readonly string[] | null;
  readonly rpm: number | null;
  readonly tpm: number | null;
  readonly budget: KeyBudget | null;
  readonly expiresAt: Date | null;
  readonly metadata: Readonly<Record<string, string>>;
}

/** The only columns an update may write: the admin allow-list. `role`, `tenant_id`, `key_hash` are not here. */
export interface ApiKeyChanges {
  readonly name?: string;
  readonly allowedModels?: readonly string[] | null;
  readonly rpm?: number | null;
  readonly tpm?: number | null;
  readonly budget?: KeyBudget | null;
  readonly expiresAt?: Date | null;
  readonly metadata?: Readonly<Record<string, string>>;
}

export interface ApiKeyRepository {
  insert(key: NewApiKey): Promise<ApiKeyRecord>;
  findByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
  get(id: string): Promise<ApiKeyRecord | undefined>;
  list(options?: { readonly tenantId?: string }): Promise<ApiKeyRecord[]>;
  update(id: string, changes: ApiKeyChanges): Promise<ApiKeyRecord | undefined>;
  /** Sets `revoked_at` once; later calls keep the first time. */
  revoke(id: string): Promise<ApiKeyRecord | undefined>;
}

interface ApiKeyRow {
  id: string;
  tenant_id: string;
  name: string;
  key_hash: string;
  prefix: string;
  role: KeyRole;
  allowed_models: string[] | null;
  rpm: number | null;
  tpm: number | null;
  budget_limit_usd: string | number | null;
  budget_period: BudgetPeriod | null;
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  metadata: Record<string, string>;
}

const columns =
  'id, tenant_id, name, key_hash, prefix, role, allowed_models, rpm, tpm, budget_limit_usd, budget_period, expires_at, revoked_at, created_at, updated_at, metadata';

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    keyHash: row.key_hash,
    prefix: row.prefix,
    role: row.role,
    allowedModels: row.allowed_models,
    rpm: row.rpm === null ? null : Number(row.rpm),
    tpm: row.tpm === null ? null : Number(row.tpm),
    budget: row.budget_limit_usd === null || row.budget_period === null ? null : { limitUsd: Number(row.budget_limit_usd), period: row.budget_period },
    expiresAt: row.expires_at === null ? null : toDate(row.expires_at),
    revokedAt: row.revoked_at === null ? null : toDate(row.revoked_at),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    metadata: row.metadata,
  };
}

function json(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}

/** Parameterised statements only; JSON travels as text cast to jsonb. */
export function createApiKeyRepository(sql: SqlClient): ApiKeyRepository {
  const one = async (text: string, parameters: SqlParameter[]): Promise<ApiKeyRecord | undefined> => {
    const result = await sql.query<ApiKeyRow>(text, parameters);
    const row = result.rows[0];
    return row === undefined ? undefined : toRecord(row);
  };
  return {
    async insert(key) {
      const record = await one(
        `INSERT INTO api_keys (id, tenant_id, name, key_hash, prefix, role, allowed_models, rpm, tpm, budget_limit_usd, budget_period, expires_at, metadata)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13::jsonb) RETURNING ${columns}`,
        [
          key.id, key.tenantId, key.name, key.keyHash, key.prefix, key.role, json(key.allowedModels), key.rpm, key.tpm,
          key.budget?.limitUsd ?? null, key.budget?.period ?? null, key.expiresAt, JSON.stringify(key.metadata),
        ],
      );
      if (record === undefined) throw new Error('INSERT … RETURNING returned no row');
      return record;
    },
    findByHash: (keyHash) => one(`SELECT ${columns} FROM api_keys WHERE key_hash = $1`, [keyHash]),
    get: (id) => one(`SELECT ${columns} FROM api_keys WHERE id = $1`, [id]),
    async list(options = {}) {
      const result = options.tenantId === undefined
        ? await sql.query<ApiKeyRow>(`SELECT ${columns} FROM api_keys ORDER BY created_at, id`)
        : await sql.query<ApiKeyRow>(`SELECT ${columns} FROM api_keys WHERE tenant_id = $1 ORDER BY created_at, id`, [options.tenantId]);
      return result.rows.map(toRecord);
    },
    update(id, changes) {
      // Fixed column list: each entry maps one allow-listed field to its column(s); nothing else can be written.
      const assignments: string[] = [];
      const parameters: SqlParameter[] = [id];
      const set = (column: string, value: SqlParameter, cast = ''): void => {
        parameters.push(value);
        assignments.push(`${column} = $${parameters.length}${cast}`);
      };
      if (changes.name !== undefined) set('name', changes.name);
      if (changes.allowedModels !== undefined) set('allowed_models', json(changes.allowedModels), '::jsonb');
      if (changes.rpm !== undefined) set('rpm', changes.rpm);
      if (changes.tpm !== undefined) set('tpm', changes.tpm);
      if (changes.budget !== undefined) {
        set('budget_limit_usd', changes.budget?.limitUsd ?? null);
        set('budget_period', changes.budget?.period ?? null);
      }
      if (changes.expiresAt !== undefined) set('expires_at', changes.expiresAt);
      if (changes.metadata !== undefined) set('metadata', JSON.stringify(changes.metadata), '::jsonb');
      assignments.push('updated_at = now()');
      return one(`UPDATE api_keys SET ${assignments.join(', ')} WHERE id = $1 RETURNING ${columns}`, parameters);
    },
    revoke: (id) =>
      one(`UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()), updated_at = now() WHERE id = $1 RETURNING ${columns}`, [id]),
  };
}
