import { healthEffectOf, resolveHealthOptions, type HealthOptions, type HealthTracker } from './health-tracker.js';

export interface InProcessHealthOptions extends HealthOptions {
  /** Clock in ms; `Date.now` by default (tests pass a fake one). */
  readonly now?: (() => number) | undefined;
}

interface DeploymentHealth {
  windowStart: number;
  failures: number;
  cooldownUntil: number;
}

/** Health kept in this process only. */
export function createInProcessHealthTracker(options: InProcessHealthOptions = {}): HealthTracker {
  const settings = resolveHealthOptions(options);
  const now = options.now ?? Date.now;
  const states = new Map<string, DeploymentHealth>();
  const stateOf = (deployment: string): DeploymentHealth => {
    let state = states.get(deployment);
    if (state === undefined) {
      state = { windowStart: now(), failures: 0, cooldownUntil: 0 };
      states.set(deployment, state);
    }
    return state;
  };
  const cool = (state: DeploymentHealth, cooldownMs: number): void => {
    state.cooldownUntil = Math.max(state.cooldownUntil, now() + cooldownMs);
    state.failures = 0;
  };
  const remaining = (deployment: string): number => Math.max(0, (states.get(deployment)?.cooldownUntil ?? 0) - now());

  return {
    async recordFailure(deployment, failure) {
      const effect = healthEffectOf(failure, settings);
      if (effect.kind === 'ignore') return;
      const state = stateOf(deployment);
      if (effect.kind === 'cooldown') return cool(state, effect.cooldownMs);
      if (now() - state.windowStart >= settings.windowMs || state.failures === 0) {
        state.windowStart = now();
        state.failures = 0;
      }
      state.failures += 1;
      if (state.failures >= settings.allowedFails) cool(state, effect.cooldownMs);
    },
    async recordSuccess() {
      // Successes do not erase failures: N failures within the window still cool the deployment down.
    },
    async coolingDown(deployments) {
      return new Set(deployments.filter((deployment) => remaining(deployment) > 0));
    },
    async cooldownRemainingMs(deployment) {
      return remaining(deployment);
    },
    async close() {
      states.clear();
    },
  };
}
