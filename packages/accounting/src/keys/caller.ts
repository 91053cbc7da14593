import type { ApiKeyRecord } from './api-key-record.js';
import type { ApiKeyRepository } from './api-key-repository.js';
import { authenticateKey } from './authenticate-key.js';
import { hashApiKey, hashesEqual } from './generate-api-key.js';

/** Who is calling: the operator's master key, or a virtual key. */
export type Caller = { readonly kind: 'master' } | { readonly kind: 'key'; readonly key: ApiKeyRecord };

export interface ResolveCallerOptions {
  readonly repository: ApiKeyRepository;
  /** The configured master key; when unset, nobody is the master. */
  readonly masterKey: string | undefined;
  readonly now?: Date;
}

/** The caller a presented key identifies, or `undefined` (answer 401). The master key is compared in constant time. */
export async function resolveCaller(presented: string, options: ResolveCallerOptions): Promise<Caller | undefined> {
  if (options.masterKey !== undefined && options.masterKey !== '' && hashesEqual(hashApiKey(presented), hashApiKey(options.masterKey))) {
    return { kind: 'master' };
  }
  const key = await authenticateKey(options.repository, presented, options.now);
  return key === undefined ? undefined : { kind: 'key', key };
}
