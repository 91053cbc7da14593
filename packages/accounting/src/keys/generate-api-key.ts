import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const apiKeyPrefix = 'sk-sy-';

export interface GeneratedApiKey {
  /** Shown to the creator once; never stored. */
  readonly plaintext: string;
  readonly hash: string;
  readonly prefix: string;
}

/**
 * SHA-256, not a slow password hash: the key carries 256 random bits, so there is nothing to
 * brute-force and no dictionary to defend against; a deterministic hash lets the lookup use the
 * unique index on `key_hash` (a salted scrypt would need a second identifier in the key).
 */
export function hashApiKey(plaintext: string): string {
  return createHash('sha256').update(plaintext, 'utf8').digest('hex');
}

/** `sk-sy-` followed by 32 random bytes in base64url (43 characters). */
export function generateApiKey(): GeneratedApiKey {
  const plaintext = `${apiKeyPrefix}${randomBytes(32).toString('base64url')}`;
  return { plaintext, hash: hashApiKey(plaintext), prefix: plaintext.slice(0, apiKeyPrefix.length + 4) };
}

/** Constant-time equality of two hex SHA-256 digests (false for anything of another length). */
export function hashesEqual(left: string, right: string): boolean {
  const leftBytes = Buffer.from(left, 'utf8');
  const rightBytes = Buffer.from(right, 'utf8');
  return leftBytes.length === rightBytes.length && timingSafeEqual(leftBytes, rightBytes);
}
