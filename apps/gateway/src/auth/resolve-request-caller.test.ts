import type { ApiKeyRepository } from '@switchyard/accounting';
import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../config/validate-config.js';
import { ApiKeyAuthenticator } from './api-key-authenticator.js';
import { resolveRequestCaller } from './resolve-request-caller.js';

const config = validateConfig({ auth: { master_key: 'sk-master', keys: [{ key: 'sk-team', name: 'team', tenant: 'team' }] } });
const failingRepository = {
  findByHash: async () => {
    throw new Error('connection refused');
  },
} as unknown as ApiKeyRepository;
const options = { authenticator: new ApiKeyAuthenticator(config.auth), masterKey: 'sk-master', repository: () => failingRepository };
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('resolveRequestCaller', () => {
  it('recognises the master key and configured keys without touching the database', async () => {
    await expect(resolveRequestCaller(bearer('sk-master'), options)).resolves.toEqual({ kind: 'master', tenantId: 'default' });
    await expect(resolveRequestCaller(bearer('sk-team'), options)).resolves.toEqual({ kind: 'configured', name: 'team', tenantId: 'team' });
  });

  it('fails closed with 503 when the key store cannot be read', async () => {
    const error = await resolveRequestCaller(bearer('sk-sy-somekey'), options).catch((caught: unknown) => caught);
    expect(GatewayError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 503, type: 'service_unavailable', headers: { 'retry-after': '1' } });
    expect((error as Error).message).not.toContain('sk-sy-somekey');
  });

  it('answers 401 for a missing key', async () => {
    await expect(resolveRequestCaller({}, options)).rejects.toMatchObject({ status: 401 });
  });
});
