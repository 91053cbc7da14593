import type { Logger } from 'pino';
import type { ConfiguredProvider, ProviderDirectory } from '../providers/configured-provider.js';

export interface CatalogueModel {
  readonly id: string;
  readonly object: 'model';
  readonly created: number;
  readonly owned_by: string;
}

interface CacheEntry {
  readonly expiresAt: number;
  readonly models: readonly string[];
}

export interface ModelCatalogueOptions {
  readonly providers: ProviderDirectory;
  readonly logger: Logger;
  /** How long an upstream model list is reused; failures are never cached. */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

/**
 * `GET /v1/models`: each provider's configured models plus what its adapter lists upstream,
 * as `provider/model` ids. An upstream failure drops only that provider's upstream part.
 */
export class ModelCatalogue {
  readonly #providers: ProviderDirectory;
  readonly #logger: Logger;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #created: number;
  readonly #cache = new Map<string, CacheEntry>();

  constructor(options: ModelCatalogueOptions) {
    this.#providers = options.providers;
    this.#logger = options.logger;
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#now = options.now ?? Date.now;
    this.#created = Math.floor(this.#now() / 1000);
  }

  async list(signal: AbortSignal): Promise<CatalogueModel[]> {
    const perProvider = await Promise.all([...this.#providers.values()].map((provider) => this.#modelsOf(provider, signal)));
    return perProvider.flat();
  }

  async find(id: string, signal: AbortSignal): Promise<CatalogueModel | undefined> {
    const slash = id.indexOf('/');
    const provider = slash > 0 ? this.#providers.get(id.slice(0, slash)) : undefined;
    if (provider === undefined) return undefined;
    const models = await this.#modelsOf(provider, signal);
    return models.find((model) => model.id === id);
  }

  async #modelsOf(provider: ConfiguredProvider, signal: AbortSignal): Promise<CatalogueModel[]> {
    const upstream = await this.#upstreamModels(provider, signal);
    const ids = [...new Set([...provider.models, ...upstream])];
    return ids.map((model) => ({ id: `${provider.name}/${model}`, object: 'model', created: this.#created, owned_by: provider.name }));
  }

  async #upstreamModels(provider: ConfiguredProvider, signal: AbortSignal): Promise<readonly string[]> {
    if (provider.adapter.listModels === undefined) return [];
    const cached = this.#cache.get(provider.name);
    if (cached !== undefined && cached.expiresAt > this.#now()) return cached.models;
    try {
      const models = await provider.adapter.listModels({ signal });
      this.#cache.set(provider.name, { expiresAt: this.#now() + this.#ttlMs, models });
      return models;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.#logger.warn({ provider: provider.name, reason }, 'listing upstream models failed; serving configured models only');
      return [];
    }
  }
}
