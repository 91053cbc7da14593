import { resolveCaller, type ApiKeyRecord, type ApiKeyRepository } from '@switchyard/accounting';
import { GatewayError } from '@switchyard/core';
import { defaultTenant } from '../config/gateway-config.js';
import { gatewayErrors } from '../errors/gateway-errors.js';
import { presentedKey, type ApiKeyAuthenticator } from './api-key-authenticator.js';
import { constantTimeEquals } from './constant-time-equals.js';

/**
 * Who made the request: the master key, a key from the config file, a virtual key from the
 * database (with its limits and budget), or nobody in the loopback-only open mode.
 */
export type RequestCaller =
  | { readonly kind: 'master'; readonly tenantId: string }
  | { readonly kind: 'configured'; readonly name: string; readonly tenantId: string }
  | { readonly kind: 'key'; readonly key: ApiKeyRecord; readonly tenantId: string }
  | { readonly kind: 'anonymous'; readonly tenantId: string };

export interface ResolveRequestCallerOptions {
  readonly authenticator: ApiKeyAuthenticator;
  readonly masterKey: string | undefined;
  /** The virtual keys (opened with the store; throws 503 before that). */
  readonly repository: () => ApiKeyRepository;
}

function authUnavailable(cause: unknown): GatewayError {
  return new GatewayError({
    status: 503,
    type: 'service_unavailable',
    code: 'auth_unavailable',
    message: 'The key store is unavailable; the request was not authenticated. Retry shortly.',
    headers: { 'retry-after': '1' },
    isRetryable: true,
    cause,
  });
}

/**
 * Master key and configured keys first (constant time, no database), then the virtual keys in the
 * database. Unknown, revoked and expired keys are the same 401; a database failure is a 503 (fails closed).
 */
export async function resolveRequestCaller(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  options: ResolveRequestCallerOptions,
): Promise<RequestCaller> {
  if (options.authenticator.open) return { kind: 'anonymous', tenantId: defaultTenant };
  const presented = presentedKey(headers);
  if (presented === undefined) throw gatewayErrors.missingApiKey();
  const configured = options.authenticator.authenticate(headers);
  if (configured.ok) {
    const isMaster = options.masterKey !== undefined && options.masterKey !== '' && constantTimeEquals(presented, options.masterKey);
    if (isMaster) return { kind: 'master', tenantId: configured.principal.tenant };
    const name = configured.principal.kind === 'key' ? configured.principal.name : 'anonymous';
    return { kind: 'configured', name, tenantId: configured.principal.tenant };
  }
  let caller;
  try {
    caller = await resolveCaller(presented, { repository: options.repository(), masterKey: undefined });
  } catch (error) {
    if (GatewayError.isInstance(error)) throw error;
    throw authUnavailable(error);
  }
  if (caller?.kind !== 'key') throw gatewayErrors.invalidApiKey();
  return { kind: 'key', key: caller.key, tenantId: caller.key.tenantId };
}
