import type { ErrorClass } from '../errors/classify-error.js';
import type { Deployment } from '../registry/deployment.js';

/** One upstream attempt, for the usage ledger (one row per attempt) and metrics. */
export interface AttemptRecord {
  readonly deployment: string;
  readonly provider: string;
  readonly upstreamModel: string;
  /** 1-based, across candidates and rounds. */
  readonly attemptNumber: number;
  /** 0 for the first pass over the candidates, 1 for the first retry round… */
  readonly round: number;
  readonly outcome: 'success' | 'failure';
  /** Status answered to the client for this error (200 on success); undefined for a non-HTTP failure. */
  readonly status: number | undefined;
  /** Status the upstream answered (0 for a connection failure), when known. */
  readonly upstreamStatus: number | undefined;
  /** Time from the start of the attempt to its first output part, or to its failure. */
  readonly latencyMs: number;
  readonly errorClass?: ErrorClass | undefined;
  readonly errorMessage?: string | undefined;
}

export function attemptTarget(deployment: Deployment): Pick<AttemptRecord, 'deployment' | 'provider' | 'upstreamModel'> {
  return { deployment: deployment.name, provider: deployment.provider, upstreamModel: deployment.upstreamModel };
}
