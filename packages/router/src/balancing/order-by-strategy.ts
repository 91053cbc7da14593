import type { Deployment } from '../registry/deployment.js';
import type { DeploymentStatsView } from './deployment-stats.js';
import { blendedPrice, sortDeploymentsBy } from './sort-deployments.js';
import { weightedShuffle, type RandomSource } from './weighted-shuffle.js';

export type BalancingStrategy = 'weighted-random' | 'least-busy' | 'lowest-latency' | 'lowest-cost';

export const balancingStrategies: readonly BalancingStrategy[] = ['weighted-random', 'least-busy', 'lowest-latency', 'lowest-cost'];

export interface OrderByStrategyOptions {
  readonly stats: DeploymentStatsView;
  readonly random?: RandomSource | undefined;
}

/** Orders the deployments of one model by the configured load-balancing strategy (first = tried first). */
export function orderByStrategy(deployments: readonly Deployment[], strategy: BalancingStrategy, options: OrderByStrategyOptions): Deployment[] {
  switch (strategy) {
    case 'weighted-random':
      return weightedShuffle(deployments, options.random);
    case 'least-busy':
      return sortDeploymentsBy(weightedShuffle(deployments, options.random), (deployment) => options.stats.inFlight(deployment.name));
    case 'lowest-latency':
      return sortDeploymentsBy(deployments, (deployment) => options.stats.latencyMs(deployment.name));
    case 'lowest-cost':
      return sortDeploymentsBy(deployments, blendedPrice);
  }
}
