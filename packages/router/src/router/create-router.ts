import { preferAffinity } from '../affinity/affinity-deployment-for.js';
import type { ReasoningOrigins } from '../affinity/reasoning-origins.js';
import { DeploymentStats } from '../balancing/deployment-stats.js';
import type { BalancingStrategy } from '../balancing/order-by-strategy.js';
import type { RandomSource } from '../balancing/weighted-shuffle.js';
import type { AttemptRecord } from '../executor/attempt-record.js';
import { executeWithFallbacks, type AttemptContext, type ExecuteResult } from '../executor/execute-with-fallbacks.js';
import { createInProcessHealthTracker } from '../health/create-in-process-health-tracker.js';
import type { HealthTracker } from '../health/health-tracker.js';
import { planCandidates } from '../preferences/plan-candidates.js';
import type { ProviderPreferences } from '../preferences/provider-preferences.js';
import type { ModelRegistry } from '../registry/create-model-registry.js';
import type { Deployment } from '../registry/deployment.js';
import type { RetryPolicy } from '../retry/retry-policy.js';

export interface RouterOptions {
  readonly registry: ModelRegistry;
  readonly strategy?: BalancingStrategy | undefined;
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** In-process by default; pass `createRedisHealthTracker(...)` to share cooldowns across instances. */
  readonly health?: HealthTracker | undefined;
  readonly stats?: DeploymentStats | undefined;
  readonly random?: RandomSource | undefined;
}

export interface RouteRequest {
  /** The request's `model`. */
  readonly model: string;
  /** The request's `provider` object. */
  readonly preferences?: ProviderPreferences | undefined;
  /** The key's model allow-list (undefined = every model). */
  readonly allowedModels?: readonly string[] | undefined;
  /** The Responses `input`, for affinity to the provider that produced its encrypted reasoning. */
  readonly input?: string | readonly unknown[] | undefined;
  /** The stored chain's reasoning items by id: affinity goes to the deployment that produced them. */
  readonly reasoningOrigins?: ReasoningOrigins | undefined;
  /** A per-request fallback chain of public model names. */
  readonly fallbacks?: readonly string[] | undefined;
}

export interface Route {
  readonly model: string;
  /** Deployments to try, in order. */
  readonly candidates: readonly Deployment[];
}

export interface RoutedResult<T> extends ExecuteResult<T> {
  /**
   * Call once when the response is over (stream finished, cut or failed): ends the in-flight count
   * used by `least-busy` and records throughput for `provider.sort: throughput`.
   */
  finish(generation?: { readonly outputTokens: number; readonly generationMs: number }): void;
}

export interface ExecuteRouteOptions {
  readonly signal?: AbortSignal | undefined;
  readonly onAttempt?: ((record: AttemptRecord) => void) | undefined;
}

export interface Router {
  readonly registry: ModelRegistry;
  readonly health: HealthTracker;
  readonly stats: DeploymentStats;
  /** Resolves and orders the candidates; throws 404/403/400 `GatewayError`s before any upstream call. */
  route(request: RouteRequest): Route;
  /** Runs `attempt` over the route's candidates with retries, fallbacks and cooldowns. */
  execute<T>(route: Route, attempt: (deployment: Deployment, context: AttemptContext) => Promise<T>, options?: ExecuteRouteOptions): Promise<RoutedResult<T>>;
  close(): Promise<void>;
}

/**
 * When EVERY candidate is cooling down, they are still tried (a burst of 429s must not make a
 * model unusable for the cooldown): the one whose cooldown ends first goes first, i.e. the least
 * recently failed one for equal cooldowns; ties keep the planned order. When some candidate is
 * healthy, or there is only one, the planned order is kept (the executor skips cooling candidates
 * while a healthy one remains). Health is advisory: a failing store keeps the planned order.
 */
async function soonestRecoveredFirst(candidates: readonly Deployment[], health: HealthTracker): Promise<readonly Deployment[]> {
  if (candidates.length < 2) return candidates;
  try {
    const cooling = await health.coolingDown(candidates.map((deployment) => deployment.name));
    if (cooling.size < new Set(candidates.map((deployment) => deployment.name)).size) return candidates;
    const remaining = await Promise.all(candidates.map((deployment) => health.cooldownRemainingMs(deployment.name)));
    return candidates
      .map((deployment, index) => ({ deployment, index, remainingMs: remaining[index] ?? 0 }))
      .sort((first, second) => first.remainingMs - second.remainingMs || first.index - second.index)
      .map(({ deployment }) => deployment);
  } catch {
    return candidates;
  }
}

/** Registry + preferences + balancing + affinity + executor, wired together for the gateway. */
export function createRouter(options: RouterOptions): Router {
  const health = options.health ?? createInProcessHealthTracker();
  const stats = options.stats ?? new DeploymentStats();
  const { registry } = options;
  return {
    registry,
    health,
    stats,
    route(request) {
      const resolved = registry.resolve(request.model, { allowedModels: request.allowedModels, fallbacks: request.fallbacks });
      const preferences = request.preferences;
      const planned = planCandidates({
        resolved,
        preferences: preferences === undefined ? undefined : { ...preferences, allow_fallbacks: true },
        strategy: options.strategy,
        stats,
        random: options.random,
      });
      // An explicit `provider.order` wins over affinity; otherwise the producer of the input's opaque state goes first.
      const ordered = preferences?.order === undefined ? preferAffinity(request.input, planned, request.reasoningOrigins) : planned;
      return { model: request.model, candidates: preferences?.allow_fallbacks === false ? ordered.slice(0, 1) : ordered };
    },
    async execute(route, attempt, executeOptions = {}) {
      const ends = new Map<string, () => void>();
      const result = await executeWithFallbacks({
        candidates: await soonestRecoveredFirst(route.candidates, health),
        policy: options.retry,
        health,
        stats,
        random: options.random,
        signal: executeOptions.signal,
        onAttempt: executeOptions.onAttempt,
        attempt: async (deployment, context) => {
          const end = stats.begin(deployment.name);
          try {
            const value = await attempt(deployment, context);
            ends.set(deployment.name, end);
            return value;
          } catch (error) {
            end();
            throw error;
          }
        },
      });
      let finished = false;
      return {
        ...result,
        finish(generation) {
          if (finished) return;
          finished = true;
          ends.get(result.deployment.name)?.();
          if (generation !== undefined) stats.recordThroughput(result.deployment.name, generation.outputTokens, generation.generationMs);
        },
      };
    },
    close: () => health.close(),
  };
}
