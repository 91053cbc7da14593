import type { ProviderAdapter } from '@switchyard/core';
import { validateConfig } from '../config/validate-config.js';
import { createGateway, type CreateGatewayOptions, type Gateway } from '../create-gateway.js';
import { sharedTestStorage } from './shared-test-storage.js';

export interface TestGateway {
  readonly url: string;
  readonly gateway: Gateway;
  close(): Promise<void>;
}

export interface StartTestGatewayOptions extends CreateGatewayOptions {
  /** Raw (snake_case) configuration document, as in the YAML file. */
  readonly config?: Record<string, unknown>;
  readonly adapters?: Readonly<Record<string, ProviderAdapter>>;
}

/**
 * Starts a gateway on 127.0.0.1, port 0. Without `storage` (option or config section) it uses the
 * test file's shared PGlite store and in-process hot state. Like real instances sharing a database,
 * every gateway of the file may then execute any background run: gateways alive at the same time
 * should configure the same providers (or pass their own `storage`).
 */
export async function startTestGateway(options: StartTestGatewayOptions = {}): Promise<TestGateway> {
  const { config: document, ...gatewayOptions } = options;
  const config = validateConfig({ auth: { master_key: 'sk-test-master' }, ...document });
  const ownStorage = options.storage !== undefined || document?.storage !== undefined;
  const gateway = createGateway(config, {
    workerPollIntervalMs: 100,
    ...gatewayOptions,
    ...(ownStorage ? {} : { storage: await sharedTestStorage() }),
  });
  const { url } = await gateway.listen(0, '127.0.0.1');
  return { url, gateway, close: () => gateway.close() };
}

// Opened while the test file is imported (no hook or test timeout applies; PGlite's first start
// takes seconds on a busy machine), then shared by every test gateway of the file.
await sharedTestStorage();

export const testMasterKey = 'sk-test-master';
export const authorization = { authorization: `Bearer ${testMasterKey}` } as const;
