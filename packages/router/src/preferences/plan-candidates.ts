import type { DeploymentStatsView } from '../balancing/deployment-stats.js';
import { orderByStrategy, type BalancingStrategy } from '../balancing/order-by-strategy.js';
import type { RandomSource } from '../balancing/weighted-shuffle.js';
import type { Deployment } from '../registry/deployment.js';
import type { ResolvedModel } from '../registry/create-model-registry.js';
import { filterByPreferences } from './filter-by-preferences.js';
import type { ProviderPreferences } from './provider-preferences.js';
import { applyPreferredOrder, sortByPreference } from './sort-by-preference.js';

export interface PlanCandidatesOptions {
  readonly resolved: ResolvedModel;
  readonly preferences?: ProviderPreferences | undefined;
  /** The configured load-balancing strategy, used when the request has no `provider.sort`. */
  readonly strategy?: BalancingStrategy | undefined;
  readonly stats: DeploymentStatsView;
  readonly random?: RandomSource | undefined;
}

/**
 * The ordered list of deployments to try for one request:
 * 1. the model's deployments ordered by `provider.sort` when given, else by the balancing strategy;
 *    then the fallback chain's deployments (sorted too when `provider.sort` is given);
 * 2. `only`, `ignore`, `compliance`, `max_price` filter the whole list (403/400 when nothing is left);
 * 3. `order` moves the named providers or deployments to the front;
 * 4. `allow_fallbacks: false` keeps only the first candidate.
 */
export function planCandidates(options: PlanCandidatesOptions): Deployment[] {
  const { resolved, preferences, stats } = options;
  const sort = preferences?.sort;
  const primary = sort === undefined
    ? orderByStrategy(resolved.deployments, options.strategy ?? 'weighted-random', { stats, random: options.random })
    : sortByPreference(resolved.deployments, sort, stats);
  const fallbacks = sort === undefined ? resolved.fallbacks : sortByPreference(resolved.fallbacks, sort, stats);
  const filtered = filterByPreferences(resolved.model, [...primary, ...fallbacks], preferences);
  const ordered = applyPreferredOrder(filtered, preferences?.order);
  return preferences?.allow_fallbacks === false ? ordered.slice(0, 1) : ordered;
}
