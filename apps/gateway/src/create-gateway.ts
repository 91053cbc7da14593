import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createContractRouter } from '@switchyard/contract';
import type { ProviderAdapter } from '@switchyard/core';
import Koa from 'koa';
import type { Logger } from 'pino';
import { ApiKeyAuthenticator } from './auth/api-key-authenticator.js';
import { isLoopbackHost } from './auth/is-loopback-host.js';
import { ConfigError } from './config/config-error.js';
import type { GatewayConfig } from './config/gateway-config.js';
import { errorMiddleware } from './http/error-middleware.js';
import type { GatewayState } from './http/gateway-state.js';
import { operationMiddleware } from './http/operation-middleware.js';
import { requestContextMiddleware } from './http/request-context-middleware.js';
import { Lifecycle } from './lifecycle/lifecycle.js';
import { createLogger } from './observability/create-logger.js';
import { defaultAdapterFactories, type AdapterFactories } from './providers/adapter-factories.js';
import type { ProviderDirectory } from './providers/configured-provider.js';
import { createProviderDirectory } from './providers/create-provider-directory.js';
import { ModelCatalogue } from './routing/model-catalogue.js';
import { randomUUID } from 'node:crypto';
import { GatewayError } from '@switchyard/core';
import { BackgroundWorker } from './background/background-worker.js';
import { openStorage, type OpenedStorage } from './state/open-storage.js';
import type { StateServices } from './state/state-services.js';
import { createGatewayAccounting, type GatewayAccounting } from './accounting/gateway-accounting.js';
import { createGatewayRouter } from './routing/gateway-router.js';

export interface CreateGatewayOptions {
  /** Defaults to a pino logger at `LOG_LEVEL` (silent under vitest). */
  readonly logger?: Logger;
  /** Merged over the built-in factories, keyed by adapter family (e.g. `openai-compatible`). */
  readonly adapterFactories?: AdapterFactories;
  /** Ready-made adapters by provider name, used as they are (tests, embedding). */
  readonly adapters?: Readonly<Record<string, ProviderAdapter>>;
  /**
   * A store and hot state opened by the caller (tests, embedding): used as they are and NOT closed
   * by `close()`. Without it, `listen()` opens them from `config.storage` and the environment.
   */
  readonly storage?: OpenedStorage;
  /** Where `DATABASE_URL`, `SWITCHYARD_DATA_DIR` and `REDIS_URL` are read (default `process.env`). */
  readonly environment?: Readonly<Record<string, string | undefined>>;
  /** This instance's worker id (random when omitted). */
  readonly workerId?: string;
  /** How often idle worker slots poll for runs (default 1000 ms). */
  readonly workerPollIntervalMs?: number;
}

export interface Gateway {
  /** Starts listening; defaults to the configured port and host. Refuses an open gateway on a non-loopback host. */
  listen(port?: number, host?: string): Promise<{ readonly url: string }>;
  /** Graceful shutdown: readiness 503, in-flight requests and streams finish up to the shutdown timeout. */
  close(): Promise<void>;
  readonly server: Server;
  readonly app: Koa<GatewayState>;
  readonly providers: ProviderDirectory;
  readonly logger: Logger;
  /** The store and hot state (after `listen()`). */
  readonly state: () => StateServices;
}

/** Releases pooled upstream connections of adapters that hold some. */
async function closeAdapters(providers: ProviderDirectory, logger: Logger): Promise<void> {
  await Promise.all(
    [...providers.values()].map(async ({ name, adapter }) => {
      const closable = adapter as { close?: () => Promise<void> };
      if (typeof closable.close !== 'function') return;
      await closable.close().catch((error: unknown) => logger.warn({ provider: name, err: error }, 'closing the adapter failed'));
    }),
  );
}

function urlFor(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Builds the Koa app and HTTP server for a validated configuration. */
export function createGateway(config: GatewayConfig, options: CreateGatewayOptions = {}): Gateway {
  const logger = options.logger ?? createLogger();
  const lifecycle = new Lifecycle();
  const authenticator = new ApiKeyAuthenticator(config.auth);
  const providers = createProviderDirectory({
    config,
    factories: { ...defaultAdapterFactories, ...options.adapterFactories },
    ...(options.adapters === undefined ? {} : { adapters: options.adapters }),
    logger,
  });

  let state: StateServices | undefined;
  let worker: BackgroundWorker | undefined;
  let ownedStorage: OpenedStorage | undefined;
  const currentState = (): StateServices => {
    if (state === undefined) {
      throw new GatewayError({ status: 503, type: 'service_unavailable', message: 'The gateway is starting; its store is not open yet.', isRetryable: true });
    }
    return state;
  };
  const redisUrl = config.storage.redisUrl ?? (options.environment ?? process.env)['REDIS_URL'];
  // Every model request is routed (retries, cooldowns, fallbacks), with or without a `routing:` section.
  const router = createGatewayRouter({ config, providers, redisUrl });
  let accounting: GatewayAccounting | undefined;
  const currentAccounting = (): GatewayAccounting => {
    accounting ??= createGatewayAccounting({
      sql: currentState().store.sql,
      redisUrl,
      redisKeyPrefix: config.storage.redisKeyPrefix,
      logger,
    });
    return accounting;
  };
  const startState = async (): Promise<void> => {
    if (state !== undefined) return;
    const storage = options.storage ?? (ownedStorage = await openStorage(config.storage, options.environment));
    worker = new BackgroundWorker({
      store: storage.store,
      hot: storage.hotState,
      providers,
      router,
      logger,
      accounting: currentAccounting,
      compaction: config.compaction,
      workerId: options.workerId ?? `worker_${randomUUID()}`,
      concurrency: config.storage.workerConcurrency,
      leaseMs: config.storage.leaseMs,
      ...(options.workerPollIntervalMs === undefined ? {} : { pollIntervalMs: options.workerPollIntervalMs }),
    });
    const started = worker;
    state = { store: storage.store, hot: storage.hotState, wakeWorker: () => started.wake(), compaction: config.compaction };
    worker.start();
  };
  const stopState = async (): Promise<void> => {
    await worker?.stop();
    await accounting?.close().catch((error: unknown) => logger.warn({ err: error }, 'closing the rate limiter failed'));
    await router.close().catch((error: unknown) => logger.warn({ err: error }, 'closing the health tracker failed'));
    if (ownedStorage !== undefined) {
      await ownedStorage.hotState.close().catch((error: unknown) => logger.warn({ err: error }, 'closing the hot state failed'));
      await ownedStorage.store.close().catch((error: unknown) => logger.warn({ err: error }, 'closing the store failed'));
    }
  };

  const app = new Koa<GatewayState>();
  app.silent = true;
  app.use(requestContextMiddleware(logger, lifecycle));
  app.use(errorMiddleware(logger));
  app.use(
    operationMiddleware({
      router: createContractRouter(),
      authenticator,
      providers,
      modelCatalogue: new ModelCatalogue({ providers, logger }),
      lifecycle,
      logger,
      bodyLimitBytes: config.server.bodyLimitBytes,
      state: currentState,
      accounting: currentAccounting,
      masterKey: config.auth.masterKey,
      modelRouter: router,
    }),
  );
  const server = createServer(app.callback());
  let closing: Promise<void> | undefined;

  return {
    server,
    app,
    providers,
    logger,
    state: currentState,
    async listen(port = config.server.port, host = config.server.host) {
      if (authenticator.open && !isLoopbackHost(host)) {
        throw new ConfigError(
          'auth',
          `no API key is configured, so the gateway only listens on a loopback address; refusing to listen on ${host}. Set SWITCHYARD_MASTER_KEY or auth.master_key / auth.keys.`,
        );
      }
      if (authenticator.open) {
        logger.warn(`no API key configured: accepting requests without a key on loopback address ${host} only`);
      }
      await startState();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      return { url: urlFor(host, address.port) };
    },
    close() {
      closing ??= (async () => {
        lifecycle.startDraining();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const drained = await lifecycle.waitForIdle(config.server.shutdownTimeoutMs);
        if (!drained) logger.warn({ inFlight: lifecycle.inFlight }, 'shutdown timeout reached; closing remaining connections');
        server.closeAllConnections();
        await closed;
        await stopState();
        await closeAdapters(providers, logger);
      })();
      return closing;
    },
  };
}
