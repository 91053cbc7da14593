export type { ModelCapabilities, ModelPrices, NativeEndpoint } from './model-table/model-capabilities.js';
export { modelTableKey, type ModelTable, type ModelTableEntry } from './model-table/model-table.js';
export { parseModelTable, parseModelPrices, parseModelCapabilities, ModelTableError } from './model-table/parse-model-table.js';
export { builtInModelTable } from './model-table/built-in-model-table.js';
export type { Deployment } from './registry/deployment.js';
export type { AliasConfig, DeploymentConfig, ModelRegistryOptions } from './registry/registry-config.js';
export { createModelRegistry, type ModelRegistry, type ResolvedModel, type ResolveOptions } from './registry/create-model-registry.js';
export { isModelAllowed } from './registry/is-model-allowed.js';
export { DeploymentStats, emptyDeploymentStats, type DeploymentStatsView, type DeploymentStatsOptions } from './balancing/deployment-stats.js';
export { weightedShuffle, type RandomSource } from './balancing/weighted-shuffle.js';
export { orderByStrategy, balancingStrategies, type BalancingStrategy } from './balancing/order-by-strategy.js';
export type { ProviderPreferences, ProviderSort } from './preferences/provider-preferences.js';
export { filterByPreferences } from './preferences/filter-by-preferences.js';
export { sortByPreference, applyPreferredOrder } from './preferences/sort-by-preference.js';
export { planCandidates, type PlanCandidatesOptions } from './preferences/plan-candidates.js';
export { classifyError, transientErrorClasses, type ErrorClass } from './errors/classify-error.js';
export {
  complianceRegionError,
  modelNotAllowedError,
  modelNotFoundError,
  noDeploymentAvailableError,
  noDeploymentMatchesError,
  RegistryConfigError,
} from './errors/routing-errors.js';
export type { HealthTracker, HealthFailure, HealthOptions } from './health/health-tracker.js';
export { createInProcessHealthTracker, type InProcessHealthOptions } from './health/create-in-process-health-tracker.js';
export { createRedisHealthTracker, type RedisHealthOptions } from './health/create-redis-health-tracker.js';
export { parseRetryAfter, retryAfterOf } from './retry/parse-retry-after.js';
export { backoffDelay, defaultRetryPolicy, type RetryPolicy } from './retry/retry-policy.js';
export { executeWithFallbacks, type AttemptContext, type ExecuteResult, type ExecuteWithFallbacksOptions } from './executor/execute-with-fallbacks.js';
export type { AttemptRecord } from './executor/attempt-record.js';
export { affinityDeploymentFor, preferAffinity, prefixedProviderKinds, providerKindsFor } from './affinity/affinity-deployment-for.js';
export type { ReasoningOrigin, ReasoningOrigins } from './affinity/reasoning-origins.js';
export {
  withoutUnreadableReasoning,
  type ReadableInput,
  type ReasoningReader,
  type UnreadableReasoningOptions,
} from './affinity/without-unreadable-reasoning.js';
export { computeCost, type Cost } from './cost/compute-cost.js';
export { estimateMaxCost, defaultReservedOutputTokens, type CostEstimateRequest, type MaxCostEstimate } from './cost/estimate-max-cost.js';
export { parseRoutingConfig, type RoutingConfig } from './config/parse-routing-config.js';
export { RoutingConfigError } from './config/routing-config-error.js';
export { createRouter, type Router, type RouterOptions, type RouteRequest, type Route, type RoutedResult, type ExecuteRouteOptions } from './router/create-router.js';
export { peekStream, peekStreamParts, type PeekStreamOptions, type PeekStreamPartsOptions } from './executor/peek-stream.js';
export { withBlockedOutputAsError } from './executor/with-blocked-output-as-error.js';
export { outputTokensOf } from './balancing/output-tokens-of.js';
