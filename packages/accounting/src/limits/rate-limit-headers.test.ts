import { describe, expect, it } from 'vitest';
import { formatResetDuration, rateLimitHeaders } from './rate-limit-headers.js';
import { decide } from './rate-limiter.js';

describe('formatResetDuration (OpenAI / Go duration style)', () => {
  it.each([
    [0, '0ms'], [12, '12ms'], [999, '999ms'], [1000, '1s'], [1500, '1.5s'], [59_999, '59.999s'],
    [60_000, '1m0s'], [360_000, '6m0s'], [61_250, '1m1.25s'], [3_723_000, '1h2m3s'], [12.2, '13ms'], [-5, '0ms'],
  ])('%d ms → %s', (milliseconds, expected) => {
    expect(formatResetDuration(milliseconds)).toBe(expected);
  });
});

describe('rateLimitHeaders', () => {
  it('reports both dimensions and, when refused, Retry-After in whole seconds rounded up', () => {
    const decision = decide({ rpm: 10, tpm: 1000 }, { requests: 10, tokens: 200 }, 50, 1_200);
    expect(rateLimitHeaders(decision)).toEqual({
      'x-ratelimit-limit-requests': '10',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '1.2s',
      'x-ratelimit-limit-tokens': '1000',
      'x-ratelimit-remaining-tokens': '800',
      'x-ratelimit-reset-tokens': '1.2s',
      'retry-after': '2',
      'retry-after-ms': '1200',
    });
  });

  it('counts the admitted request in remaining', () => {
    const decision = decide({ rpm: 10, tpm: 1000 }, { requests: 3, tokens: 200 }, 50, 30_000);
    expect(decision.allowed).toBe(true);
    expect(rateLimitHeaders(decision)).toMatchObject({ 'x-ratelimit-remaining-requests': '6', 'x-ratelimit-remaining-tokens': '750' });
    expect(rateLimitHeaders(decision)).not.toHaveProperty('retry-after');
  });
});
