import { randomBytes } from 'node:crypto';
import { AdminForbiddenError } from '../errors/admin-forbidden-error.js';
import { InvalidAdminRequestError } from '../errors/invalid-admin-request-error.js';
import { KeyNotFoundError } from '../errors/key-not-found-error.js';
import type { ApiKeyRecord } from '../keys/api-key-record.js';
import type { ApiKeyRepository } from '../keys/api-key-repository.js';
import type { Caller } from '../keys/caller.js';
import { generateApiKey } from '../keys/generate-api-key.js';
import type { AdminKey, AdminKeyCreated, AdminKeyList } from './admin-wire.js';
import { parseCreateKeyBody, parseUpdateKeyBody } from './parse-key-bodies.js';

/** The handlers behind `/v1/admin/keys`. Every method checks the caller FIRST: only the master key passes. */
export interface KeyAdmin {
  createKey(caller: Caller, body: unknown): Promise<AdminKeyCreated>;
  listKeys(caller: Caller, query?: { readonly tenant?: string }): Promise<AdminKeyList>;
  getKey(caller: Caller, keyId: string): Promise<AdminKey>;
  updateKey(caller: Caller, keyId: string, body: unknown): Promise<AdminKey>;
  revokeKey(caller: Caller, keyId: string): Promise<AdminKey>;
}

/** Throws 403 unless the caller is the master key. Virtual keys, whatever their role, never pass. */
export function requireMasterKey(caller: Caller): void {
  if (caller.kind !== 'master') throw new AdminForbiddenError();
}

function seconds(date: Date | null): number | null {
  return date === null ? null : Math.floor(date.getTime() / 1000);
}

export function toAdminKey(record: ApiKeyRecord): AdminKey {
  return {
    id: record.id,
    object: 'api_key',
    name: record.name,
    tenant: record.tenantId,
    prefix: record.prefix,
    role: record.role,
    allowed_models: record.allowedModels === null ? null : [...record.allowedModels],
    rpm: record.rpm,
    tpm: record.tpm,
    budget: record.budget === null ? null : { limit_usd: record.budget.limitUsd, period: record.budget.period },
    expires_at: seconds(record.expiresAt),
    revoked_at: seconds(record.revokedAt),
    created_at: seconds(record.createdAt) ?? 0,
    metadata: { ...record.metadata },
  };
}

function checkKeyId(keyId: string): void {
  if (!/^key_[A-Za-z0-9_-]{1,64}$/.test(keyId)) throw new KeyNotFoundError(keyId);
}

export function createKeyAdmin(repository: ApiKeyRepository): KeyAdmin {
  const existing = async (keyId: string): Promise<ApiKeyRecord> => {
    checkKeyId(keyId);
    const record = await repository.get(keyId);
    if (record === undefined) throw new KeyNotFoundError(keyId);
    return record;
  };
  return {
    async createKey(caller, body) {
      requireMasterKey(caller);
      const input = parseCreateKeyBody(body);
      const secret = generateApiKey();
      const record = await repository.insert({
        id: `key_${randomBytes(12).toString('hex')}`,
        tenantId: input.tenantId,
        name: input.name,
        keyHash: secret.hash,
        prefix: secret.prefix,
        role: 'user',
        allowedModels: input.allowedModels,
        rpm: input.rpm,
        tpm: input.tpm,
        budget: input.budget,
        expiresAt: input.expiresAt,
        metadata: input.metadata,
      });
      return { ...toAdminKey(record), key: secret.plaintext };
    },
    async listKeys(caller, query = {}) {
      requireMasterKey(caller);
      if (query.tenant !== undefined && (query.tenant === '' || query.tenant.length > 256)) {
        throw new InvalidAdminRequestError("'tenant' must be a non-empty string.", 'tenant');
      }
      const records = await repository.list(query.tenant === undefined ? {} : { tenantId: query.tenant });
      return { object: 'list', data: records.map(toAdminKey) };
    },
    async getKey(caller, keyId) {
      requireMasterKey(caller);
      return toAdminKey(await existing(keyId));
    },
    async updateKey(caller, keyId, body) {
      requireMasterKey(caller);
      const changes = parseUpdateKeyBody(body);
      await existing(keyId);
      const updated = await repository.update(keyId, changes);
      if (updated === undefined) throw new KeyNotFoundError(keyId);
      return toAdminKey(updated);
    },
    async revokeKey(caller, keyId) {
      requireMasterKey(caller);
      await existing(keyId);
      const revoked = await repository.revoke(keyId);
      if (revoked === undefined) throw new KeyNotFoundError(keyId);
      return toAdminKey(revoked);
    },
  };
}
