import { createHash, timingSafeEqual } from 'node:crypto';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Compares two secrets in time independent of where they differ and of their lengths. */
export function constantTimeEquals(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}
