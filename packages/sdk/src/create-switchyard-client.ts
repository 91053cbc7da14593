import { createClient, createConfig } from './generated/client/index.js';
import type { Client, Config } from './generated/client/index.js';

export interface SwitchyardClientOptions extends Omit<Config, 'auth' | 'baseUrl'> {
  /** The gateway's address, e.g. `http://localhost:8080` (no `/v1`: the operations carry it). */
  readonly baseUrl: string;
  /** A gateway key; sent as `Authorization: Bearer <key>`. */
  readonly apiKey?: string;
}

/** Creates a client for the generated operations and the streaming helpers (pass it as `client`). */
export function createSwitchyardClient(options: SwitchyardClientOptions): Client {
  const { apiKey, ...config } = options;
  return createClient(
    createConfig({
      ...config,
      // The contract accepts a bearer token or an X-API-Key header; send the key once, as a bearer token.
      auth: (scheme) => (scheme.scheme === 'bearer' ? apiKey : undefined),
    }),
  );
}
