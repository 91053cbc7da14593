import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { useRoutingAlias, type UpstreamName } from './routing-alias-fixture.js';
import { callSurface } from './routing-surfaces.js';

const alias = useRoutingAlias();

type BadRequest = InstanceType<typeof OpenAI.BadRequestError>;

/** Calls per upstream during the current test. */
function calls(): Record<UpstreamName, number> {
  const { generations } = alias();
  return { east: generations('east'), west: generations('west'), claude: generations('claude') };
}

/** Requests pinned to one deployment, to seed the router's latency and throughput statistics. */
async function seed(deployment: string, times = 1): Promise<void> {
  for (let index = 0; index < times; index += 1) await callSurface(alias().client, 'responses JSON', 'trio', { provider: { only: [deployment] } });
}

describe('provider.max_price', () => {
  it('excludes the deployments priced above it (order cannot bring them back)', async () => {
    const result = await callSurface(alias().client, 'chat JSON', 'trio', { provider: { max_price: { prompt: 0.6 }, order: ['claude', 'west-large'] } });
    expect(result.deployment).toBe('west-large');
    expect(calls().claude).toBe(0);
  });

  it('does not fall back to an excluded deployment when the only one left fails', async () => {
    alias().enqueue('east', { kind: 'error', status: 500 }, 2);
    const error = await callSurface(alias().client, 'responses JSON', 'trio', { provider: { max_price: { completion: 0.5 } } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(calls()).toEqual({ east: 2, west: 0, claude: 0 });
  });

  it('leaving nothing is a 400 naming provider.max_price, before any upstream call', async () => {
    const error = await callSurface(alias().client, 'responses stream', 'trio', { provider: { max_price: { prompt: 0.01 } } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ code: 'no_deployment_matches', param: 'provider.max_price' });
    expect((error as BadRequest).message).toContain('prompt <= 0.01');
    expect(calls()).toEqual({ east: 0, west: 0, claude: 0 });
  });
});

describe('provider.ignore', () => {
  it.each<[string, string[], string]>([
    ['a provider', ['east'], 'west-large'],
    ['deployments by name', ['east-small', 'west-large'], 'claude'],
  ])('skips %s', async (_what, ignore, servedBy) => {
    const result = await callSurface(alias().client, 'chat stream', 'trio', { provider: { ignore, sort: 'price' } });
    expect(result.deployment).toBe(servedBy);
  });

  it('ignoring every deployment is a 400 naming provider.ignore', async () => {
    const error = await callSurface(alias().client, 'chat JSON', 'trio', { provider: { ignore: ['east', 'west', 'claude'] } }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, code: 'no_deployment_matches', param: 'provider.ignore' });
  });
});

describe('provider.sort from statistics seeded by real requests', () => {
  it('latency: the deployment with the lowest time to first output goes first', async () => {
    alias().enqueue('east', { kind: 'delay', ms: 300 });
    alias().enqueue('claude', { kind: 'delay', ms: 150 });
    await seed('east-small');
    await seed('west-large');
    await seed('claude');
    const result = await callSurface(alias().client, 'responses stream', 'trio', { provider: { sort: 'latency' } });
    expect(result.deployment).toBe('west-large');
  });

  it('throughput: the deployment with the most output tokens per second goes first; one without samples goes last', async () => {
    // east answers three words slowly, west a long answer at once; claude has no sample yet.
    alias().enqueue('east', { kind: 'delay', ms: 300, then: { kind: 'answer', answer: { text: 'Slow short answer.' } } });
    alias().enqueue('west', { kind: 'answer', answer: { text: 'A much longer answer with many more words in it, produced at once. '.repeat(8) } });
    await seed('east-small');
    await seed('west-large');
    alias().enqueue('west', { kind: 'error', status: 503 });
    const result = await callSurface(alias().client, 'chat JSON', 'trio', { provider: { sort: 'throughput' } });
    // west first (fails with 503), then east (measured) before claude (no sample).
    expect(result.deployment).toBe('east-small');
    expect(calls()).toEqual({ east: 2, west: 2, claude: 0 });
  });
});

describe('provider.order with allow_fallbacks: false', () => {
  it('uses the first named deployment only: its failures are retried on it, never sent elsewhere', async () => {
    alias().enqueue('claude', { kind: 'error', status: 500 }, 2);
    const error = await callSurface(alias().client, 'responses JSON', 'trio', { provider: { order: ['claude', 'east-small'], allow_fallbacks: false } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(calls()).toEqual({ east: 0, west: 0, claude: 2 });
    const served = await callSurface(alias().client, 'chat stream', 'trio', { provider: { order: ['claude'], allow_fallbacks: false } });
    expect(served.deployment).toBe('claude');
  });
});
