import { describe, expect, it } from 'vitest';
import { periodWindow } from './budget-period.js';

describe('periodWindow (UTC)', () => {
  const iso = (window: ReturnType<typeof periodWindow>) => [window.start.toISOString(), window.end?.toISOString()];

  it.each([
    ['daily', '2026-03-01T23:59:59.999Z', '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z'],
    ['weekly', '2026-03-01T12:00:00Z', '2026-02-23T00:00:00.000Z', '2026-03-02T00:00:00.000Z'],
    ['weekly', '2026-03-02T00:00:00Z', '2026-03-02T00:00:00.000Z', '2026-03-09T00:00:00.000Z'],
    ['monthly', '2026-12-31T23:00:00Z', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['total', '2026-06-15T00:00:00Z', '1970-01-01T00:00:00.000Z', undefined],
  ] as const)('%s at %s starts %s and ends %s', (period, now, start, end) => {
    expect(iso(periodWindow(period, new Date(now)))).toEqual([start, end]);
  });
});
