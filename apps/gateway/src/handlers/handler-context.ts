import type { AdapterContext, Warning } from '@switchyard/core';
import type { Logger } from 'pino';
import type { Lifecycle } from '../lifecycle/lifecycle.js';
import type { ProviderDirectory } from '../providers/configured-provider.js';
import type { ModelCatalogue } from '../routing/model-catalogue.js';

/** What every operation handler receives next to its validated input. */
export interface HandlerContext {
  readonly requestId: string;
  /** Aborted when the client disconnects. */
  readonly signal: AbortSignal;
  /** Adapters and bridges push what they could not honour; the gateway reports them once. */
  readonly warnings: Warning[];
  readonly providers: ProviderDirectory;
  readonly modelCatalogue: ModelCatalogue;
  readonly lifecycle: Lifecycle;
  readonly logger: Logger;
  /** Records which provider served the request (for the request log). */
  setProvider(name: string): void;
}

/** The context handed to an adapter for one call. */
export function adapterContextFor(context: HandlerContext, upstreamModel: string): AdapterContext {
  return { signal: context.signal, requestId: context.requestId, upstreamModel, warnings: context.warnings };
}
