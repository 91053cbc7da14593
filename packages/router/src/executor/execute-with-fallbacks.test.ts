import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { DeploymentStats } from '../balancing/deployment-stats.js';
import { createInProcessHealthTracker } from '../health/create-in-process-health-tracker.js';
import type { HealthTracker } from '../health/health-tracker.js';
import { deploymentFixture } from '../test-support/deployment-fixture.js';
import { failureError, ScriptedUpstream, type FailureKind } from '../test-support/scripted-upstream.js';
import type { AttemptRecord } from './attempt-record.js';
import { executeWithFallbacks, type ExecuteWithFallbacksOptions } from './execute-with-fallbacks.js';

// The alias `fast`: a flaky OpenAI deployment, a second OpenAI one with a larger window, an Anthropic one.
const flaky = deploymentFixture({ name: 'flaky', provider: 'openai', contextWindow: 128_000 });
const large = deploymentFixture({ name: 'large', provider: 'openai', contextWindow: 1_000_000 });
const claude = deploymentFixture({ name: 'claude', provider: 'anthropic', contextWindow: 200_000 });
const alias = [flaky, large, claude];

interface Harness {
  readonly upstream: ScriptedUpstream;
  readonly sleeps: number[];
  readonly records: AttemptRecord[];
  run(overrides?: Partial<ExecuteWithFallbacksOptions<string>>): Promise<{ value: string; deployment: string; attempts: number }>;
}

function harness(scripts: Readonly<Record<string, ReadonlyArray<FailureKind | 'ok'>>>, health?: HealthTracker): Harness {
  const upstream = new ScriptedUpstream(scripts);
  const sleeps: number[] = [];
  const records: AttemptRecord[] = [];
  return {
    upstream,
    sleeps,
    records,
    async run(overrides = {}) {
      const result = await executeWithFallbacks({
        candidates: alias,
        attempt: upstream.attempt,
        health,
        onAttempt: (record) => records.push(record),
        sleep: async (milliseconds) => {
          sleeps.push(milliseconds);
        },
        random: () => 0.5,
        ...overrides,
      });
      return { value: result.value, deployment: result.deployment.name, attempts: result.attempts.length };
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('executeWithFallbacks: one deployment of a three-deployment alias failing in every way', () => {
  it.each<[FailureKind, string, number]>([
    ['rate-limit', 'large', 2],
    ['server-500', 'large', 2],
    ['unavailable-503', 'large', 2],
    ['timeout', 'large', 2],
    ['reset', 'large', 2],
    ['context-window', 'large', 2], // only to a larger window: large (1M), not claude (200k) first anyway
    ['refusal', 'claude', 2], // only to another provider: large (openai) is skipped
  ])('%s → served by %s after %i attempts, with no wait', async (failure, servedBy, attempts) => {
    const run = harness({ flaky: [failure] });
    const result = await run.run();
    expect(result).toEqual({ value: `first output from ${servedBy}`, deployment: servedBy, attempts });
    expect(run.sleeps).toEqual([]);
    expect(run.records.map((record) => [record.deployment, record.outcome])).toEqual([
      ['flaky', 'failure'],
      [servedBy, 'success'],
    ]);
  });

  it('survives a different failure of every deployment but the last', async () => {
    const run = harness({ flaky: ['rate-limit'], large: ['reset'] });
    expect(await run.run()).toMatchObject({ deployment: 'claude', attempts: 3 });
    expect(run.records.map((record) => record.errorClass)).toEqual(['rate_limit', 'connection', undefined]);
  });

  it('falls on a context-window failure only to larger windows, and fails when none is larger', async () => {
    const run = harness({ flaky: ['context-window'] });
    await run.run({ candidates: [flaky, claude, large] });
    expect(run.upstream.calledDeployments()).toEqual(['flaky', 'claude']);
    const small = deploymentFixture({ name: 'small', contextWindow: 64_000 });
    const unknown = deploymentFixture({ name: 'unknown', contextWindow: undefined });
    const none = harness({ large: ['context-window'] });
    const error = await rejection(none.run({ candidates: [large, small, unknown] }));
    expect(error).toMatchObject({ status: 400, code: 'context_length_exceeded' });
    expect(none.upstream.calledDeployments()).toEqual(['large']);
  });

  it('falls on a refusal to another provider only, and returns the refusal when there is none', async () => {
    const run = harness({ flaky: ['refusal'] });
    const error = await rejection(run.run({ candidates: [flaky, large] }));
    expect(error).toMatchObject({ code: 'content_policy_violation' });
    expect(run.upstream.calledDeployments()).toEqual(['flaky']);
  });

  it('skips a deployment cooled down by an earlier request (shared health)', async () => {
    const health = createInProcessHealthTracker({ cooldownMs: 60_000 });
    const first = harness({ flaky: ['rate-limit'] }, health);
    expect(await first.run()).toMatchObject({ deployment: 'large', attempts: 2 });
    const second = harness({}, health);
    expect(await second.run()).toMatchObject({ deployment: 'large', attempts: 1 });
    expect(second.upstream.calledDeployments()).toEqual(['large']);
  });

  it('cools a deployment down after three 5xx across requests', async () => {
    const health = createInProcessHealthTracker({ allowedFails: 3 });
    for (const failure of ['server-500', 'unavailable-503', 'timeout'] as const) {
      expect(await harness({ flaky: [failure] }, health).run()).toMatchObject({ deployment: 'large', attempts: 2 });
    }
    expect(await harness({}, health).run()).toMatchObject({ deployment: 'large', attempts: 1 });
  });

  it('still tries cooled-down deployments when every candidate is cooling down', async () => {
    const health = createInProcessHealthTracker();
    for (const deployment of alias) await health.recordFailure(deployment.name, { errorClass: 'rate_limit' });
    expect(await harness({}, health).run()).toMatchObject({ deployment: 'flaky', attempts: 1 });
  });
});

describe('executeWithFallbacks: attempt timeout', () => {
  it('aborts an attempt with no output in time and falls to the next deployment', async () => {
    const signals: AbortSignal[] = [];
    const result = await executeWithFallbacks({
      candidates: alias,
      policy: { attemptTimeoutMs: 20 },
      attempt: async (deployment, context) => {
        signals.push(context.signal);
        // The stalled upstream ignores its signal: the timeout must not depend on it.
        if (deployment.name === 'flaky') return new Promise<string>(() => undefined);
        return `first output from ${deployment.name}`;
      },
    });
    expect(result.deployment.name).toBe('large');
    expect(result.attempts.map((attempt) => [attempt.deployment, attempt.errorClass])).toEqual([
      ['flaky', 'timeout'],
      ['large', undefined],
    ]);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[0]?.reason).toMatchObject({ status: 504, code: 'upstream_timeout' });
    // The attempt that answered keeps a live signal: its stream may outlast the timeout.
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(signals[1]?.aborted).toBe(false);
  });

  it('tells an attempt whether another provider could take over a refusal', async () => {
    const seen: Array<[string, boolean]> = [];
    const attempt = async (deployment: { name: string }, context: { anotherProviderRemains: boolean }): Promise<string> => {
      seen.push([deployment.name, context.anotherProviderRemains]);
      throw failureError('refusal');
    };
    await rejection(executeWithFallbacks({ candidates: [flaky, large, claude], attempt }));
    expect(seen).toEqual([
      ['flaky', true],
      ['claude', false],
    ]);
  });
});

describe('executeWithFallbacks: retries', () => {
  it('retries the only candidate (allow_fallbacks: false) after a jittered backoff', async () => {
    const run = harness({ flaky: ['unavailable-503', 'server-500'] });
    expect(await run.run({ candidates: [flaky], policy: { baseDelayMs: 100, maxRetries: 2 } })).toMatchObject({ deployment: 'flaky', attempts: 3 });
    expect(run.sleeps).toEqual([50, 100]); // random 0.5 of 100, then of 200
    expect(run.upstream.calls.map((call) => call.round)).toEqual([0, 1, 2]);
  });

  it('waits at least the retry-after of a 429', async () => {
    const run = harness({ flaky: ['rate-limit'] });
    expect(await run.run({ candidates: [flaky] })).toMatchObject({ attempts: 2 });
    expect(run.sleeps).toEqual([2000]);
  });

  it('gives up when the retry-after is longer than the policy accepts', async () => {
    const run = harness({ flaky: ['rate-limit'] });
    const error = await rejection(run.run({ candidates: [flaky], policy: { maxRetryAfterMs: 1000 } }));
    expect(error).toMatchObject({ status: 429 });
    expect(run.upstream.calls).toHaveLength(1);
  });

  it('makes passes over every candidate, bounded by maxRetries, then throws the last error', async () => {
    const always = Array.from({ length: 10 }, () => 'unavailable-503' as const);
    const run = harness({ flaky: always, large: always, claude: always });
    const error = await rejection(run.run({ policy: { maxRetries: 1, maxAttempts: 100 } }));
    expect(error).toMatchObject({ status: 503 });
    expect(run.upstream.calledDeployments()).toEqual(['flaky', 'large', 'claude', 'flaky', 'large', 'claude']);
    expect(run.sleeps).toHaveLength(1);
  });

  it('is bounded by maxAttempts', async () => {
    const always = Array.from({ length: 10 }, () => 'server-500' as const);
    const run = harness({ flaky: always, large: always, claude: always });
    await rejection(run.run({ policy: { maxRetries: 5, maxAttempts: 4 } }));
    expect(run.upstream.calls).toHaveLength(4);
  });

  it('is bounded by total time: no wait that would cross maxTotalMs', async () => {
    let clock = 0;
    const always = Array.from({ length: 10 }, () => 'timeout' as const);
    const run = harness({ flaky: always });
    await rejection(
      run.run({
        candidates: [flaky],
        now: () => clock,
        attempt: async (deployment, context) => {
          clock += 1_000; // each attempt takes a second
          return run.upstream.attempt(deployment, context);
        },
        policy: { maxRetries: 10, maxAttempts: 100, baseDelayMs: 1_000, maxDelayMs: 1_000, maxTotalMs: 3_500 },
        sleep: async (milliseconds) => {
          run.sleeps.push(milliseconds);
          clock += milliseconds;
        },
      }),
    );
    // Fake clock: attempt ends at 1 s, wait to 1.5 s, attempt ends at 2.5 s, wait to 3 s, attempt ends at 4 s;
    // the next wait would end past 3.5 s, so no fourth attempt.
    expect(run.upstream.calls).toHaveLength(3);
    expect(run.sleeps).toEqual([500, 500]);
  });

  it.each<[FailureKind, number]>([
    ['bad-request', 400],
    ['unauthorized', 401],
  ])('neither retries nor falls back from %s', async (failure, status) => {
    const run = harness({ flaky: [failure] });
    const error = await rejection(run.run());
    expect(error).toMatchObject({ status });
    expect(run.upstream.calls).toHaveLength(1);
    expect(run.records[0]).toMatchObject({ outcome: 'failure', errorClass: 'client_error', status });
  });

  it('stops at once when the caller aborts during a backoff', async () => {
    const controller = new AbortController();
    const run = harness({ flaky: ['server-500', 'server-500'] });
    const error = await rejection(
      run.run({
        candidates: [flaky],
        signal: controller.signal,
        sleep: async () => {
          controller.abort(new Error('client went away'));
          throw controller.signal.reason;
        },
      }),
    );
    expect(error).toMatchObject({ message: 'client went away' });
    expect(run.upstream.calls).toHaveLength(1);
  });

  it('does not retry when the attempt failed because the caller aborted', async () => {
    const controller = new AbortController();
    const run = harness({});
    const error = await rejection(
      run.run({
        signal: controller.signal,
        attempt: async () => {
          controller.abort();
          throw new GatewayError({ status: 502, type: 'server_error', message: 'aborted upstream' });
        },
      }),
    );
    expect(error).toMatchObject({ status: 502 });
    expect(run.records).toHaveLength(1);
    expect(run.records[0]?.errorClass).toBe('aborted');
  });
});

describe('executeWithFallbacks: bookkeeping', () => {
  it('records every attempt for the ledger', async () => {
    let clock = 0;
    const run = harness({ flaky: ['rate-limit'] });
    await run.run({
      now: () => clock,
      attempt: async (deployment, context) => {
        clock += 40;
        return run.upstream.attempt(deployment, context);
      },
    });
    expect(run.records).toEqual([
      { deployment: 'flaky', provider: 'openai', upstreamModel: 'flaky', attemptNumber: 1, round: 0, outcome: 'failure', status: 429, upstreamStatus: 429, latencyMs: 40, errorClass: 'rate_limit', errorMessage: 'Rate limit reached.' },
      { deployment: 'large', provider: 'openai', upstreamModel: 'large', attemptNumber: 2, round: 0, outcome: 'success', status: 200, upstreamStatus: undefined, latencyMs: 40 },
    ]);
  });

  it('feeds time to first output into the stats', async () => {
    const stats = new DeploymentStats({ alpha: 1 });
    let clock = 0;
    const run = harness({});
    await run.run({
      stats,
      now: () => clock,
      attempt: async () => {
        clock += 120;
        return 'ok';
      },
    });
    expect(stats.latencyMs('flaky')).toBe(120);
  });

  it('keeps serving when the health store fails', async () => {
    const broken: HealthTracker = {
      recordFailure: () => Promise.reject(new Error('redis down')),
      recordSuccess: () => Promise.reject(new Error('redis down')),
      coolingDown: () => Promise.reject(new Error('redis down')),
      cooldownRemainingMs: () => Promise.reject(new Error('redis down')),
      close: async () => undefined,
    };
    expect(await harness({ flaky: ['server-500'] }, broken).run()).toMatchObject({ deployment: 'large', attempts: 2 });
  });

  it('answers 503 no_deployment_available without candidates', async () => {
    expect(await rejection(harness({}).run({ candidates: [] }))).toMatchObject({ status: 503, code: 'no_deployment_available' });
  });
});
