import { describe, expect, it } from 'vitest';
import type { Deployment } from '../registry/deployment.js';
import { deploymentFixture, sequenceRandom } from '../test-support/deployment-fixture.js';
import { DeploymentStats } from './deployment-stats.js';
import { orderByStrategy, type BalancingStrategy } from './order-by-strategy.js';
import { weightedShuffle } from './weighted-shuffle.js';

const a = deploymentFixture({ name: 'a', weight: 1, prices: { input: 3, output: 15 } });
const b = deploymentFixture({ name: 'b', weight: 3, prices: { input: 0.3, output: 2.5 } });
const c = deploymentFixture({ name: 'c', weight: 0, prices: undefined });
const names = (deployments: readonly Deployment[]): string[] => deployments.map((deployment) => deployment.name);

describe('weightedShuffle', () => {
  it.each<[number[], string[]]>([
    [[0], ['a', 'b', 'c']], // 0 * 4 → a
    [[0.24], ['a', 'b', 'c']], // 0.96 < 1 → a
    [[0.25, 0], ['b', 'a', 'c']], // 1.0 → b
    [[0.99], ['b', 'a', 'c']],
  ])('random %j → %j (zero weight last)', (values, expected) => {
    expect(names(weightedShuffle([a, b, c], sequenceRandom(values)))).toEqual(expected);
  });

  it('follows the weights over many draws', () => {
    let state = 42;
    const random = (): number => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
    let bFirst = 0;
    for (let draw = 0; draw < 4000; draw += 1) if (weightedShuffle([a, b], random)[0]?.name === 'b') bFirst += 1;
    expect(bFirst / 4000).toBeGreaterThan(0.7);
    expect(bFirst / 4000).toBeLessThan(0.8);
  });
});

describe('orderByStrategy', () => {
  const stats = new DeploymentStats({ alpha: 0.5 });
  const endA1 = stats.begin('a');
  stats.begin('a');
  stats.begin('b');
  endA1();
  endA1(); // a second call is ignored
  stats.begin('c');
  stats.begin('c');
  stats.recordTimeToFirstToken('b', 400);
  stats.recordTimeToFirstToken('b', 200); // EWMA: 300
  stats.recordTimeToFirstToken('a', 350);

  it('keeps in-flight counts and moving averages', () => {
    expect([stats.inFlight('a'), stats.inFlight('b'), stats.inFlight('c'), stats.inFlight('d')]).toEqual([1, 1, 2, 0]);
    expect(stats.latencyMs('b')).toBe(300);
    expect(stats.latencyMs('c')).toBeUndefined();
  });

  it.each<[BalancingStrategy, number[], string[]]>([
    ['weighted-random', [0.9, 0], ['b', 'a', 'c']],
    ['least-busy', [0], ['a', 'b', 'c']], // a and b tie at 1 (weighted order breaks it), c has 2
    ['least-busy', [0.9, 0], ['b', 'a', 'c']],
    ['lowest-latency', [0], ['b', 'a', 'c']], // c unknown: last
    ['lowest-cost', [0], ['b', 'a', 'c']], // c unpriced: last
  ])('%s with random %j → %j', (strategy, values, expected) => {
    expect(names(orderByStrategy([a, b, c], strategy, { stats, random: sequenceRandom(values) }))).toEqual(expected);
  });

  it('ignores nonsense samples and rejects a bad alpha', () => {
    const fresh = new DeploymentStats();
    fresh.recordTimeToFirstToken('x', Number.NaN);
    fresh.recordThroughput('x', 10, 0);
    expect(fresh.latencyMs('x')).toBeUndefined();
    expect(fresh.throughput('x')).toBeUndefined();
    expect(() => new DeploymentStats({ alpha: 0 })).toThrow(RangeError);
  });
});
