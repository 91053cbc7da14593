import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HealthOptions, HealthTracker } from './health-tracker.js';

export interface HealthHarness {
  /** Two trackers as two gateway instances would hold them (the same object in-process). */
  readonly here: HealthTracker;
  readonly there: HealthTracker;
  /** Lets `milliseconds` pass (a fake clock in-process, real time on Redis). */
  wait(milliseconds: number): Promise<void>;
  close(): Promise<void>;
}

/** Options every implementation is tested with: short, so the Redis run stays quick. */
export const suiteHealthOptions = { allowedFails: 3, windowMs: 400, cooldownMs: 150, maxCooldownMs: 60_000 } satisfies HealthOptions;

/** The same table of health rules, run against each implementation. */
export function defineHealthTrackerSuite(name: string, open: () => Promise<HealthHarness>): void {
  describe(`health tracker: ${name}`, () => {
    let harness: HealthHarness;
    beforeEach(async () => {
      harness = await open();
    });
    afterEach(async () => {
      await harness.close();
    });

    it('cools a deployment down at once on a 429, seen by the other instance', async () => {
      await harness.here.recordFailure('a', { errorClass: 'rate_limit' });
      expect(await harness.there.coolingDown(['a', 'b'])).toEqual(new Set(['a']));
      expect(await harness.there.cooldownRemainingMs('a')).toBeGreaterThan(0);
      expect(await harness.there.cooldownRemainingMs('b')).toBe(0);
    });

    it('honours a retry-after longer than the cooldown', async () => {
      await harness.here.recordFailure('a', { errorClass: 'rate_limit', retryAfterMs: 5_000 });
      expect(await harness.there.cooldownRemainingMs('a')).toBeGreaterThan(suiteHealthOptions.cooldownMs);
      await harness.wait(suiteHealthOptions.cooldownMs + 50);
      expect(await harness.there.coolingDown(['a'])).toEqual(new Set(['a']));
    });

    it('never shortens a longer cooldown', async () => {
      await harness.here.recordFailure('a', { errorClass: 'rate_limit', retryAfterMs: 5_000 });
      await harness.there.recordFailure('a', { errorClass: 'rate_limit' });
      expect(await harness.here.cooldownRemainingMs('a')).toBeGreaterThan(suiteHealthOptions.cooldownMs);
    });

    it('cools down after allowedFails transient failures counted across instances', async () => {
      await harness.here.recordFailure('a', { errorClass: 'server_error' });
      await harness.there.recordFailure('a', { errorClass: 'timeout' });
      expect(await harness.here.coolingDown(['a'])).toEqual(new Set());
      await harness.here.recordFailure('a', { errorClass: 'connection' });
      expect(await harness.there.coolingDown(['a'])).toEqual(new Set(['a']));
    });

    it('lets the cooldown expire', async () => {
      await harness.here.recordFailure('a', { errorClass: 'rate_limit' });
      await harness.wait(suiteHealthOptions.cooldownMs + 100);
      expect(await harness.there.coolingDown(['a'])).toEqual(new Set());
      expect(await harness.there.cooldownRemainingMs('a')).toBe(0);
    });

    it('forgets failures older than the window', async () => {
      await harness.here.recordFailure('a', { errorClass: 'server_error' });
      await harness.here.recordFailure('a', { errorClass: 'server_error' });
      await harness.wait(suiteHealthOptions.windowMs + 100);
      await harness.there.recordFailure('a', { errorClass: 'server_error' });
      expect(await harness.here.coolingDown(['a'])).toEqual(new Set());
    });

    it('ignores failures that say nothing about the deployment', async () => {
      for (const errorClass of ['client_error', 'context_window_exceeded', 'content_policy', 'aborted', 'internal'] as const) {
        for (let count = 0; count < 4; count += 1) await harness.here.recordFailure('a', { errorClass });
      }
      await harness.here.recordSuccess('a');
      expect(await harness.there.coolingDown(['a'])).toEqual(new Set());
    });

    it('keeps deployments apart and answers an empty question', async () => {
      await harness.here.recordFailure('a', { errorClass: 'rate_limit' });
      expect(await harness.there.coolingDown(['b', 'c'])).toEqual(new Set());
      expect(await harness.there.coolingDown([])).toEqual(new Set());
    });
  });
}
