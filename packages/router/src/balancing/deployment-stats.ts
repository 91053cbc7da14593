/** What the balancer and `provider.sort` read about each deployment. */
export interface DeploymentStatsView {
  /** Requests currently in flight on this instance. */
  inFlight(deployment: string): number;
  /** EWMA of the time to first output part, in ms; undefined before the first sample. */
  latencyMs(deployment: string): number | undefined;
  /** EWMA of output tokens per second after the first token; undefined before the first sample. */
  throughput(deployment: string): number | undefined;
}

export interface DeploymentStatsOptions {
  /** Weight of a new sample in the moving averages (0 < alpha <= 1). */
  readonly alpha?: number;
}

/** In-process request statistics per deployment: in-flight counters and moving averages. */
export class DeploymentStats implements DeploymentStatsView {
  readonly #alpha: number;
  readonly #inFlight = new Map<string, number>();
  readonly #latency = new Map<string, number>();
  readonly #throughput = new Map<string, number>();

  constructor(options: DeploymentStatsOptions = {}) {
    const alpha = options.alpha ?? 0.3;
    if (!(alpha > 0 && alpha <= 1)) throw new RangeError('alpha must be in (0, 1]');
    this.#alpha = alpha;
  }

  /** Counts a request in flight; call the returned function exactly once when it ends (extra calls are ignored). */
  begin(deployment: string): () => void {
    this.#inFlight.set(deployment, this.inFlight(deployment) + 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const next = this.inFlight(deployment) - 1;
      if (next <= 0) this.#inFlight.delete(deployment);
      else this.#inFlight.set(deployment, next);
    };
  }

  recordTimeToFirstToken(deployment: string, milliseconds: number): void {
    this.#update(this.#latency, deployment, milliseconds);
  }

  recordThroughput(deployment: string, outputTokens: number, generationMs: number): void {
    if (generationMs <= 0 || outputTokens <= 0) return;
    this.#update(this.#throughput, deployment, (outputTokens * 1000) / generationMs);
  }

  inFlight(deployment: string): number {
    return this.#inFlight.get(deployment) ?? 0;
  }

  latencyMs(deployment: string): number | undefined {
    return this.#latency.get(deployment);
  }

  throughput(deployment: string): number | undefined {
    return this.#throughput.get(deployment);
  }

  #update(averages: Map<string, number>, deployment: string, sample: number): void {
    if (!Number.isFinite(sample) || sample < 0) return;
    const previous = averages.get(deployment);
    averages.set(deployment, previous === undefined ? sample : previous + this.#alpha * (sample - previous));
  }
}

/** Stats with nothing recorded, for callers that do not track any. */
export const emptyDeploymentStats: DeploymentStatsView = {
  inFlight: () => 0,
  latencyMs: () => undefined,
  throughput: () => undefined,
};
