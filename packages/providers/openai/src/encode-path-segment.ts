import { GatewayError } from '@switchyard/core';

/** Encodes an id for a URL path; rejects empty ids and dot segments that would change the path. */
export function encodePathSegment(value: string, param: string): string {
  if (value === '' || value === '.' || value === '..') {
    throw new GatewayError({ status: 400, type: 'invalid_request_error', param, message: `Invalid ${param}.` });
  }
  return encodeURIComponent(value);
}
