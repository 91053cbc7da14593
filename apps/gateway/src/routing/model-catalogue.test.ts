import type { ProviderAdapter } from '@switchyard/core';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ConfiguredProvider } from '../providers/configured-provider.js';
import { ModelCatalogue } from './model-catalogue.js';

/** A stand-in adapter whose upstream list is scripted per call. */
function listingAdapter(answers: Array<readonly string[] | Error>): ProviderAdapter & { calls: number } {
  const adapter = {
    provider: 'listing',
    operations: {},
    calls: 0,
    async listModels() {
      const answer = answers[Math.min(adapter.calls, answers.length - 1)];
      adapter.calls += 1;
      if (answer instanceof Error) throw answer;
      return answer ?? [];
    },
  };
  return adapter;
}

function catalogue(providers: ConfiguredProvider[], clock: { now: number }): ModelCatalogue {
  return new ModelCatalogue({
    providers: new Map(providers.map((provider) => [provider.name, provider])),
    logger: pino({ level: 'silent' }),
    ttlMs: 1000,
    now: () => clock.now,
  });
}

const signal = new AbortController().signal;

describe('ModelCatalogue', () => {
  it('merges configured and upstream models as provider/model, without duplicates', async () => {
    const adapter = listingAdapter([['gpt-4o', 'o4-mini']]);
    const models = await catalogue([{ name: 'openai', models: ['gpt-4o', 'my-fine-tune'], adapter }], { now: 5_000_000 }).list(signal);
    expect(models.map((model) => model.id)).toEqual(['openai/gpt-4o', 'openai/my-fine-tune', 'openai/o4-mini']);
    expect(models[0]).toEqual({ id: 'openai/gpt-4o', object: 'model', created: 5000, owned_by: 'openai' });
  });

  it('reuses an upstream list within the TTL and refreshes it after', async () => {
    const clock = { now: 0 };
    const adapter = listingAdapter([['a'], ['a', 'b']]);
    const models = catalogue([{ name: 'p', models: [], adapter }], clock);
    expect((await models.list(signal)).map((model) => model.id)).toEqual(['p/a']);
    clock.now = 999;
    await models.list(signal);
    expect(adapter.calls).toBe(1);
    clock.now = 1001;
    expect((await models.list(signal)).map((model) => model.id)).toEqual(['p/a', 'p/b']);
    expect(adapter.calls).toBe(2);
  });

  it('keeps the other providers and the configured models when one upstream fails, and does not cache the failure', async () => {
    const failing = listingAdapter([new Error('upstream down'), ['x']]);
    const healthy = listingAdapter([['y']]);
    const models = catalogue(
      [
        { name: 'failing', models: ['configured'], adapter: failing },
        { name: 'healthy', models: [], adapter: healthy },
      ],
      { now: 0 },
    );
    expect((await models.list(signal)).map((model) => model.id)).toEqual(['failing/configured', 'healthy/y']);
    expect((await models.list(signal)).map((model) => model.id)).toEqual(['failing/configured', 'failing/x', 'healthy/y']);
  });

  it('finds one model by id, and nothing for unknown providers or models', async () => {
    const models = catalogue([{ name: 'p', models: ['m'], adapter: listingAdapter([['n/with/slashes']]) }], { now: 0 });
    expect(await models.find('p/n/with/slashes', signal)).toMatchObject({ id: 'p/n/with/slashes' });
    expect(await models.find('p/zzz', signal)).toBeUndefined();
    expect(await models.find('q/m', signal)).toBeUndefined();
    expect(await models.find('m', signal)).toBeUndefined();
  });
});
