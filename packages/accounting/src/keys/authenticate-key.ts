import type { ApiKeyRecord } from './api-key-record.js';
import type { ApiKeyRepository } from './api-key-repository.js';
import { apiKeyPrefix, hashApiKey, hashesEqual } from './generate-api-key.js';

/** Longest presented value worth hashing; anything longer cannot be a key we issued. */
const maximumKeyLength = 256;

/**
 * The live key record for a presented plaintext key, or `undefined` (unknown, malformed, revoked or
 * expired: the caller answers 401 for all alike). The value is only ever hashed and bound as a
 * parameter, never interpolated; the stored hash is compared again in constant time. Database
 * errors propagate (the gateway answers 503: auth fails closed).
 */
export async function authenticateKey(
  repository: ApiKeyRepository,
  plaintext: string,
  now: Date = new Date(),
): Promise<ApiKeyRecord | undefined> {
  // Hash even values that cannot be keys, so a malformed key costs the same as a wrong one.
  const presentedHash = hashApiKey(plaintext.slice(0, maximumKeyLength));
  if (!plaintext.startsWith(apiKeyPrefix) || plaintext.length > maximumKeyLength) return undefined;
  const record = await repository.findByHash(presentedHash);
  if (record === undefined || !hashesEqual(record.keyHash, presentedHash)) return undefined;
  if (record.revokedAt !== null) return undefined;
  if (record.expiresAt !== null && record.expiresAt.getTime() <= now.getTime()) return undefined;
  return record;
}
