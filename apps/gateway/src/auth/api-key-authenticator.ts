import type { GatewayConfig } from '../config/gateway-config.js';
import { defaultTenant } from '../config/gateway-config.js';
import { constantTimeEquals } from './constant-time-equals.js';

/**
 * Who made the request: a configured key's name and tenant, or `anonymous` (the default tenant)
 * in the loopback-only open mode. Everything a request stores belongs to its tenant.
 */
export type Principal =
  | { readonly kind: 'key'; readonly name: string; readonly tenant: string }
  | { readonly kind: 'anonymous'; readonly tenant: string };

export type AuthenticationResult =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly reason: 'missing' | 'invalid' };

interface KnownKey {
  readonly key: string;
  readonly name: string;
  readonly tenant: string;
}

/** Reads the presented key: `Authorization: Bearer <key>` first, then `X-API-Key`. */
export function presentedKey(headers: Readonly<Record<string, string | string[] | undefined>>): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match?.[1] !== undefined) return match[1];
  }
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey.trim() !== '') return apiKey.trim();
  return undefined;
}

/**
 * Checks presented keys against the master key and the configured keys, comparing every
 * candidate in constant time. With no key configured at all, every request is accepted: the
 * gateway only allows that mode on a loopback address (checked at start-up).
 */
export class ApiKeyAuthenticator {
  readonly #keys: readonly KnownKey[];

  constructor(auth: GatewayConfig['auth']) {
    this.#keys = [
      ...(auth.masterKey === undefined ? [] : [{ key: auth.masterKey, name: 'master', tenant: defaultTenant }]),
      ...auth.keys,
    ];
  }

  get open(): boolean {
    return this.#keys.length === 0;
  }

  authenticate(headers: Readonly<Record<string, string | string[] | undefined>>): AuthenticationResult {
    if (this.open) return { ok: true, principal: { kind: 'anonymous', tenant: defaultTenant } };
    const presented = presentedKey(headers);
    if (presented === undefined) return { ok: false, reason: 'missing' };
    let found: KnownKey | undefined;
    for (const known of this.#keys) {
      // No early exit: every key is compared, so timing does not reveal which one matched.
      if (constantTimeEquals(presented, known.key) && found === undefined) found = known;
    }
    return found === undefined ? { ok: false, reason: 'invalid' } : { ok: true, principal: { kind: 'key', name: found.name, tenant: found.tenant } };
  }
}
