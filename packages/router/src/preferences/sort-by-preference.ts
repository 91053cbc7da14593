import type { DeploymentStatsView } from '../balancing/deployment-stats.js';
import { blendedPrice, sortDeploymentsBy } from '../balancing/sort-deployments.js';
import type { Deployment } from '../registry/deployment.js';
import { namesDeployment, type ProviderSort } from './provider-preferences.js';

/** `provider.sort`: cheapest first, lowest observed latency first, or highest observed throughput first. */
export function sortByPreference(deployments: readonly Deployment[], sort: ProviderSort, stats: DeploymentStatsView): Deployment[] {
  switch (sort) {
    case 'price':
      return sortDeploymentsBy(deployments, blendedPrice);
    case 'latency':
      return sortDeploymentsBy(deployments, (deployment) => stats.latencyMs(deployment.name));
    case 'throughput':
      return sortDeploymentsBy(deployments, (deployment) => {
        const throughput = stats.throughput(deployment.name);
        return throughput === undefined ? undefined : -throughput;
      });
  }
}

/** `provider.order`: the named providers or deployments first, in the order given; the rest keep their order. */
export function applyPreferredOrder(deployments: readonly Deployment[], order: readonly string[] | undefined): Deployment[] {
  if (order === undefined || order.length === 0) return [...deployments];
  const rank = (deployment: Deployment): number => {
    const index = order.findIndex((entry) => namesDeployment(entry, deployment));
    return index === -1 ? order.length : index;
  };
  return deployments
    .map((deployment, index) => ({ deployment, index, rank: rank(deployment) }))
    .sort((left, right) => left.rank - right.rank || left.index - right.index)
    .map((entry) => entry.deployment);
}
