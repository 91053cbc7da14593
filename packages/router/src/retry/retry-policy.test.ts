import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryAfterOf } from './parse-retry-after.js';
import { backoffDelay, defaultRetryPolicy, type RetryPolicy } from './retry-policy.js';

const now = Date.parse('2026-11-22T10:00:00Z');

describe('parseRetryAfter', () => {
  it.each<[string, Record<string, string> | undefined, number | undefined]>([
    ['seconds', { 'retry-after': '3' }, 3000],
    ['fractional seconds', { 'retry-after': '0.5' }, 500],
    ['an HTTP date', { 'retry-after': 'Sun, 22 Nov 2026 10:00:07 GMT' }, 7000],
    ['a date in the past', { 'retry-after': 'Sun, 22 Nov 2026 09:00:00 GMT' }, 0],
    ['retry-after-ms wins', { 'retry-after': '3', 'retry-after-ms': '120' }, 120],
    ['case-insensitive names', { 'Retry-After-Ms': '250' }, 250],
    ['garbage', { 'retry-after': 'soon' }, undefined],
    ['a negative number', { 'retry-after': '-1' }, undefined],
    ['nothing', {}, undefined],
    ['no headers', undefined, undefined],
  ])('%s', (_name, headers, expected) => {
    expect(parseRetryAfter(headers, now)).toBe(expected);
  });

  it('reads a GatewayError', () => {
    const error = new GatewayError({ status: 429, type: 'rate_limit_error', message: 'slow down', headers: { 'retry-after': '2' } });
    expect(retryAfterOf(error, now)).toBe(2000);
    expect(retryAfterOf(new Error('x'), now)).toBeUndefined();
    expect(retryAfterOf(undefined, now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  const policy: RetryPolicy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };
  it.each<[string, number, number | undefined, number, number | undefined]>([
    ['round 1, random 1 → the base', 1, undefined, 1, 100],
    ['round 2 doubles', 2, undefined, 1, 200],
    ['round 3 doubles again', 3, undefined, 1, 400],
    ['capped at maxDelayMs', 10, undefined, 1, 1000],
    ['full jitter: random 0 → 0', 3, undefined, 0, 0],
    ['full jitter: half', 3, undefined, 0.5, 200],
    ['retry-after is a floor', 1, 3000, 0.5, 3000],
    ['a jitter above the retry-after wins', 10, 10, 0.9, 900],
    ['retry-after beyond the policy → give up', 1, 6000, 0.5, undefined],
  ])('%s', (_name, round, retryAfter, random, expected) => {
    expect(backoffDelay(round, retryAfter, policy, () => random)).toBe(expected);
  });
});

describe('defaultRetryPolicy (an interactive gateway behind a retrying SDK)', () => {
  it('waits for a short retry-after but hands a long one back to the client', () => {
    expect(backoffDelay(1, 5_000, defaultRetryPolicy, () => 0)).toBe(5_000);
    expect(backoffDelay(1, 30_000, defaultRetryPolicy, () => 0)).toBeUndefined();
  });

  it('keeps every backoff short and the whole retrying well under a minute', () => {
    expect(backoffDelay(10, undefined, defaultRetryPolicy, () => 1)).toBeLessThanOrEqual(2_000);
    expect(defaultRetryPolicy.maxTotalMs).toBeLessThanOrEqual(20_000);
    expect(defaultRetryPolicy.maxRetryAfterMs).toBeLessThanOrEqual(20_000);
  });
});
