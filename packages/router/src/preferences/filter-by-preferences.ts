import { complianceRegionError, noDeploymentMatchesError } from '../errors/routing-errors.js';
import type { Deployment } from '../registry/deployment.js';
import { namesDeployment, type ProviderPreferences } from './provider-preferences.js';

/**
 * Applies `only`, `ignore`, `compliance` and `max_price`. Throws a 403 when `compliance` leaves
 * nothing, a 400 naming the preference when another filter does. A deployment with an unknown price
 * never passes `max_price`.
 */
export function filterByPreferences(model: string, deployments: readonly Deployment[], preferences: ProviderPreferences | undefined): Deployment[] {
  let left = [...deployments];
  if (preferences === undefined) return left;
  const { only, ignore, compliance, max_price: maxPrice } = preferences;
  if (only !== undefined) {
    left = left.filter((deployment) => only.some((entry) => namesDeployment(entry, deployment)));
    if (left.length === 0) throw noDeploymentMatchesError(model, 'provider.only', `none of ${only.join(', ')} serves it`);
  }
  if (ignore !== undefined) {
    left = left.filter((deployment) => !ignore.some((entry) => namesDeployment(entry, deployment)));
    if (left.length === 0) throw noDeploymentMatchesError(model, 'provider.ignore', 'every deployment is ignored');
  }
  if (compliance !== undefined) {
    left = left.filter((deployment) => deployment.regions.includes(compliance));
    if (left.length === 0) throw complianceRegionError(model, compliance);
  }
  if (maxPrice !== undefined) {
    left = left.filter((deployment) => {
      const prices = deployment.prices;
      if (prices === undefined) return false;
      if (maxPrice.prompt !== undefined && prices.input > maxPrice.prompt) return false;
      return !(maxPrice.completion !== undefined && prices.output > maxPrice.completion);
    });
    if (left.length === 0) {
      const limits = [
        maxPrice.prompt === undefined ? undefined : `prompt <= ${maxPrice.prompt}`,
        maxPrice.completion === undefined ? undefined : `completion <= ${maxPrice.completion}`,
      ].filter((entry) => entry !== undefined);
      throw noDeploymentMatchesError(model, 'provider.max_price', `none is priced at ${limits.join(' and ') || 'a known price'} USD per million tokens`);
    }
  }
  return left;
}
