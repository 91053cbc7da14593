import type { Deployment } from '../registry/deployment.js';

/** A source of uniform numbers in [0, 1); `Math.random` in production, a fixed sequence in tests. */
export type RandomSource = () => number;

/**
 * Weighted random order without replacement: each position is drawn among the deployments left,
 * with probability proportional to `weight`. Zero-weight deployments come last, in configured order.
 */
export function weightedShuffle(deployments: readonly Deployment[], random: RandomSource = Math.random): Deployment[] {
  const pool = deployments.filter((deployment) => deployment.weight > 0);
  const zero = deployments.filter((deployment) => deployment.weight <= 0);
  const ordered: Deployment[] = [];
  while (pool.length > 0) {
    const total = pool.reduce((sum, deployment) => sum + deployment.weight, 0);
    let target = Math.min(Math.max(random(), 0), 0.999_999_999) * total;
    let index = 0;
    for (; index < pool.length - 1; index += 1) {
      target -= (pool[index] as Deployment).weight;
      if (target < 0) break;
    }
    ordered.push(...pool.splice(index, 1));
  }
  return [...ordered, ...zero];
}
