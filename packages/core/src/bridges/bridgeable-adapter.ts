import type { AdapterContext } from '../adapter/adapter-context.js';
import type { ProviderAdapter } from '../adapter/provider-adapter.js';
import type { ChatCapabilities } from './chat-capabilities.js';

/** A provider adapter that may describe what its chat endpoint honours, per upstream model. */
export type BridgeableAdapter = ProviderAdapter & {
  readonly chatCapabilitiesFor?: (upstreamModel: string) => ChatCapabilities;
};

/** The adapter context plus the client's `x-switchyard-strict` choice. */
export type ServeContext = AdapterContext & { readonly strict?: boolean };
