import type { Deployment } from '../registry/deployment.js';

/**
 * Candidates ruled out by earlier failures: a context-window failure rules out every deployment
 * whose window is not larger than the failed one's (or whose window is unknown); a content-policy
 * refusal rules out every deployment of the same provider.
 */
export class CandidateExclusions {
  #minimumContextWindow: number | undefined;
  readonly #excludedProviders = new Set<string>();
  readonly #excludedDeployments = new Set<string>();

  contextWindowExceeded(deployment: Deployment): void {
    this.#excludedDeployments.add(deployment.name);
    if (deployment.contextWindow !== undefined) this.#minimumContextWindow = Math.max(this.#minimumContextWindow ?? 0, deployment.contextWindow);
  }

  refused(deployment: Deployment): void {
    this.#excludedProviders.add(deployment.providerKind);
    this.#excludedProviders.add(deployment.provider);
  }

  allows(deployment: Deployment): boolean {
    if (this.#excludedDeployments.has(deployment.name)) return false;
    if (this.#excludedProviders.has(deployment.provider) || this.#excludedProviders.has(deployment.providerKind)) return false;
    if (this.#minimumContextWindow === undefined) return true;
    return deployment.contextWindow !== undefined && deployment.contextWindow > this.#minimumContextWindow;
  }
}
