import { randomUUID } from 'node:crypto';

const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a sane incoming `x-request-id`; otherwise generates `req_<32 hex>`. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  if (typeof incoming === 'string' && acceptable.test(incoming)) return incoming;
  return `req_${randomUUID().replaceAll('-', '')}`;
}
