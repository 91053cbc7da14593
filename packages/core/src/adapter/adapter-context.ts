import type { Warning } from '../warnings/warning.js';

/** What the gateway hands an adapter with every call. */
export interface AdapterContext {
  /** Aborted when the client disconnects or the gateway gives up; adapters abort the upstream call. */
  readonly signal: AbortSignal;
  /** The gateway's `x-request-id`, forwarded upstream where the provider accepts one. */
  readonly requestId: string;
  /** The model id as the upstream knows it (the part after `provider/`). */
  readonly upstreamModel: string;
  /** Adapters and bridges push what they could not honour here. */
  readonly warnings: Warning[];
}
