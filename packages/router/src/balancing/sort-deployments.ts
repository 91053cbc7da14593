import type { Deployment } from '../registry/deployment.js';

/**
 * Stable sort by a numeric key, ascending; deployments whose key is unknown go last, in their
 * original order.
 */
export function sortDeploymentsBy(deployments: readonly Deployment[], key: (deployment: Deployment) => number | undefined): Deployment[] {
  return deployments
    .map((deployment, index) => ({ deployment, index, value: key(deployment) }))
    .sort((left, right) => {
      if (left.value === undefined && right.value === undefined) return left.index - right.index;
      if (left.value === undefined) return 1;
      if (right.value === undefined) return -1;
      return left.value - right.value || left.index - right.index;
    })
    .map((entry) => entry.deployment);
}

/** USD per million tokens used to compare deployments by price: input plus output price. */
export function blendedPrice(deployment: Deployment): number | undefined {
  return deployment.prices === undefined ? undefined : deployment.prices.input + deployment.prices.output;
}
