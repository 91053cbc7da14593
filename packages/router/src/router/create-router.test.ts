import { UpstreamError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import type { ModelTable } from '../model-table/model-table.js';
import { createInProcessHealthTracker } from '../health/create-in-process-health-tracker.js';
import { createModelRegistry } from '../registry/create-model-registry.js';
import { createRouter } from './create-router.js';

const table: ModelTable = { checkedAt: '2026-01-01', models: [] };
const registry = createModelRegistry({
  builtInTable: table,
  providers: { openai: 'openai', anthropic: 'anthropic', gemini: 'gemini' },
  deployments: [
    { name: 'oai', provider: 'openai', upstreamModel: 'gpt-4o-mini', regions: ['US'], prices: { input: 0.15, output: 0.6 }, contextWindow: 128_000 },
    { name: 'claude', provider: 'anthropic', upstreamModel: 'claude-haiku', regions: ['DE', 'US'], prices: { input: 1, output: 5 }, contextWindow: 200_000 },
    { name: 'gemini', provider: 'gemini', upstreamModel: 'gemini-flash', regions: ['DE'], prices: { input: 0.3, output: 2.5 }, contextWindow: 1_000_000 },
  ],
  aliases: { fast: ['oai', 'claude', 'gemini'] },
});
const names = (route: { candidates: readonly { name: string }[] }): string[] => route.candidates.map((deployment) => deployment.name);
const anthropicReasoning = [{ type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: 'anthropic:abc' }];

describe('createRouter', () => {
  const router = createRouter({ registry, random: () => 0 });

  it.each([
    ['configured order (random 0)', {}, ['oai', 'claude', 'gemini']],
    ['sort by price', { preferences: { sort: 'price' as const } }, ['oai', 'gemini', 'claude']],
    ['affinity moves the producer of the reasoning first', { input: anthropicReasoning }, ['claude', 'oai', 'gemini']],
    ['affinity within compliance', { input: anthropicReasoning, preferences: { compliance: 'DE' } }, ['claude', 'gemini']],
    ['an explicit order wins over affinity', { input: anthropicReasoning, preferences: { order: ['gemini'] } }, ['gemini', 'oai', 'claude']],
    ['allow_fallbacks false keeps the affinity deployment', { input: anthropicReasoning, preferences: { allow_fallbacks: false } }, ['claude']],
    [
      'a stored reasoning item goes to the deployment that produced it',
      { input: [{ type: 'reasoning', id: 'rs_stored', summary: [] }], reasoningOrigins: new Map([['rs_stored', { provider: 'gemini', deployment: 'gemini' }]]) },
      ['gemini', 'oai', 'claude'],
    ],
  ])('routes: %s', (_name, request, expected) => {
    expect(names(router.route({ model: 'fast', ...request }))).toEqual(expected);
  });

  it('executes with fallbacks and tracks in-flight requests until finish', async () => {
    const route = router.route({ model: 'fast' });
    const result = await router.execute(route, async (deployment) => {
      if (deployment.name === 'oai') throw new UpstreamError({ provider: 'openai', upstreamStatus: 503, message: 'unavailable' });
      return deployment.name;
    });
    expect(result.value).toBe('claude');
    expect(result.attempts).toHaveLength(2);
    expect(router.stats.inFlight('claude')).toBe(1);
    expect(router.stats.inFlight('oai')).toBe(0);
    result.finish({ outputTokens: 100, generationMs: 500 });
    result.finish();
    expect(router.stats.inFlight('claude')).toBe(0);
    expect(router.stats.throughput('claude')).toBe(200);
  });

  it('throws the routing errors before any attempt', () => {
    expect(() => router.route({ model: 'nope' })).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => router.route({ model: 'fast', allowedModels: ['openai/*'] })).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => router.route({ model: 'fast', preferences: { compliance: 'JP' } })).toThrow(expect.objectContaining({ status: 403, code: 'compliance_region_unavailable' }));
  });

  describe('when every candidate is cooling down', () => {
    const rateLimited = (provider: string) => new UpstreamError({ provider, upstreamStatus: 429, message: 'slow down' });
    const cooledRouter = async (cooldowns: Readonly<Record<string, number>>) => {
      let clock = 1_000_000;
      const health = createInProcessHealthTracker({ now: () => clock, cooldownMs: 1 });
      // Each deployment answered a 429 with a retry-after: cooled down for that long.
      for (const [name, retryAfterMs] of Object.entries(cooldowns)) await health.recordFailure(name, { errorClass: 'rate_limit', retryAfterMs });
      clock += 1;
      return createRouter({ registry, random: () => 0, health, retry: { maxRetries: 0 } });
    };

    it('still attempts them, the one out of cooldown soonest first (least recently failed)', async () => {
      const router = await cooledRouter({ oai: 30_000, claude: 5_000, gemini: 10_000 });
      const tried: string[] = [];
      const result = await router.execute(router.route({ model: 'fast' }), async (deployment) => {
        tried.push(deployment.name);
        if (deployment.name === 'claude') throw rateLimited('anthropic');
        return deployment.name;
      });
      expect(tried).toEqual(['claude', 'gemini']);
      expect(result.deployment.name).toBe('gemini');
    });

    it('still attempts a single cooling deployment rather than refusing the request', async () => {
      const router = await cooledRouter({ 'openai/gpt-4o': 30_000 });
      const result = await router.execute(router.route({ model: 'openai/gpt-4o' }), async (deployment) => deployment.upstreamModel);
      expect(result.value).toBe('gpt-4o');
      expect(result.attempts).toHaveLength(1);
    });

    it('keeps the planned order and skips cooling ones while a candidate is healthy', async () => {
      const router = await cooledRouter({ oai: 30_000, claude: 5_000 });
      const tried: string[] = [];
      await router.execute(router.route({ model: 'fast' }), async (deployment) => {
        tried.push(deployment.name);
        return deployment.name;
      });
      expect(tried).toEqual(['gemini']);
    });
  });
});
