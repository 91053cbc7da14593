import { randomBytes } from 'node:crypto';

/**
 * A random identifier in OpenAI's style: `<prefix>_<48 hex characters>`, e.g. `resp_…`,
 * `msg_…`, `rs_…`, `fc_…`, `call_…`, `ig_…`. 192 random bits, so ids never collide in practice.
 */
export function generateId(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('hex')}`;
}
