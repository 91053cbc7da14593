import type { Warning } from '@switchyard/core';
import type { Logger } from 'pino';
import type { GatewayAccounting } from '../accounting/gateway-accounting.js';
import type { RequestMeter } from '../accounting/request-meter.js';
import type { RequestCaller } from '../auth/resolve-request-caller.js';
import type { Lifecycle } from '../lifecycle/lifecycle.js';
import type { ProviderDirectory } from '../providers/configured-provider.js';
import type { DispatchContext } from '../routing/dispatch-operation.js';
import type { RequestRouting } from '../routing/route-and-dispatch.js';
import type { ModelCatalogue } from '../routing/model-catalogue.js';
import type { StateServices } from '../state/state-services.js';

/** What every operation handler receives next to its validated input. */
export interface HandlerContext {
  readonly requestId: string;
  /** Owner of everything this request stores or reads (from the API key). */
  readonly tenantId: string;
  /** Who called: master key, configured key, virtual key (limits, budget) or anonymous (open loopback mode). */
  readonly caller: RequestCaller;
  /** Keys, limits, budgets and the usage ledger (available once the store is open). */
  readonly accounting: () => GatewayAccounting;
  /** Admits, prices and records the request's model call (see `dispatchOperation`). */
  readonly meter: RequestMeter;
  /**
   * The gateway's router with this request's allow-list: every model request goes through it
   * (aliases, preferences, balancing, retries, fallbacks, cooldowns). Pass `routing.router` to
   * `resolveModel` so it knows the aliases.
   */
  readonly routing: RequestRouting;
  /** The response store and hot state. */
  readonly state: StateServices;
  /** Aborted when the client disconnects. */
  readonly signal: AbortSignal;
  /** Adapters and bridges push what they could not honour; the gateway reports them once. */
  readonly warnings: Warning[];
  /** The request asked for `x-switchyard-strict: true`. */
  readonly strict: boolean;
  readonly providers: ProviderDirectory;
  readonly modelCatalogue: ModelCatalogue;
  readonly lifecycle: Lifecycle;
  readonly logger: Logger;
  /** Records which provider served the request (for the request log). */
  setProvider(name: string): void;
}

/** The context handed to an adapter (through `dispatchOperation`) for one call. */
export function dispatchContextFor(context: HandlerContext, upstreamModel: string, clientModel: string, responseId?: string): DispatchContext {
  return {
    signal: context.signal,
    requestId: context.requestId,
    upstreamModel,
    warnings: context.warnings,
    strict: context.strict,
    clientModel,
    meter: context.meter,
    routing: context.routing,
    ...(responseId === undefined ? {} : { responseId }),
  };
}
