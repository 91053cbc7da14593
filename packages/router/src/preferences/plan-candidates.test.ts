import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { DeploymentStats } from '../balancing/deployment-stats.js';
import type { Deployment } from '../registry/deployment.js';
import { deploymentFixture, sequenceRandom } from '../test-support/deployment-fixture.js';
import { planCandidates } from './plan-candidates.js';
import type { ProviderPreferences } from './provider-preferences.js';

const openai = deploymentFixture({ name: 'oai-us', provider: 'openai', regions: ['US'], prices: { input: 2.5, output: 10 } });
const claude = deploymentFixture({ name: 'claude-eu', provider: 'anthropic', regions: ['DE', 'FR', 'US'], prices: { input: 3, output: 15 } });
const gemini = deploymentFixture({ name: 'gemini-eu', provider: 'gemini', regions: ['DE'], prices: { input: 0.3, output: 2.5 } });
const cheapFallback = deploymentFixture({ name: 'mini', provider: 'openai', regions: ['US'], prices: { input: 0.15, output: 0.6 } });
const unpriced = deploymentFixture({ name: 'unpriced', provider: 'local', prices: undefined });

const resolved = { model: 'fast', deployments: [openai, claude, gemini], fallbacks: [cheapFallback] };

const stats = new DeploymentStats({ alpha: 1 });
stats.recordTimeToFirstToken('oai-us', 300);
stats.recordTimeToFirstToken('claude-eu', 100);
stats.recordThroughput('oai-us', 100, 1000); // 100 tokens/s
stats.recordThroughput('gemini-eu', 400, 1000); // 400 tokens/s

const names = (deployments: readonly Deployment[]): string[] => deployments.map((deployment) => deployment.name);
// random = 0 always picks the first remaining deployment: configured order.
const plan = (preferences: ProviderPreferences | undefined, random = sequenceRandom([0])): string[] =>
  names(planCandidates({ resolved, preferences, stats, random }));

describe('planCandidates', () => {
  it.each<[string, ProviderPreferences | undefined, string[]]>([
    ['no preferences: balancing strategy, then the fallback chain', undefined, ['oai-us', 'claude-eu', 'gemini-eu', 'mini']],
    ['sort price (per tier: the chain stays last)', { sort: 'price' }, ['gemini-eu', 'oai-us', 'claude-eu', 'mini']],
    ['sort latency (unknown last)', { sort: 'latency' }, ['claude-eu', 'oai-us', 'gemini-eu', 'mini']],
    ['sort throughput (highest first, unknown last)', { sort: 'throughput' }, ['gemini-eu', 'oai-us', 'claude-eu', 'mini']],
    ['compliance DE', { compliance: 'DE' }, ['claude-eu', 'gemini-eu']],
    ['compliance US', { compliance: 'US' }, ['oai-us', 'claude-eu', 'mini']],
    ['only a provider', { only: ['openai'] }, ['oai-us', 'mini']],
    ['only a deployment name', { only: ['claude-eu'] }, ['claude-eu']],
    ['ignore', { ignore: ['openai', 'gemini-eu'] }, ['claude-eu']],
    ['order', { order: ['gemini', 'claude-eu'] }, ['gemini-eu', 'claude-eu', 'oai-us', 'mini']],
    ['order beats sort', { sort: 'price', order: ['anthropic'] }, ['claude-eu', 'gemini-eu', 'oai-us', 'mini']],
    ['max_price prompt', { max_price: { prompt: 2.5 } }, ['oai-us', 'gemini-eu', 'mini']],
    ['max_price prompt and completion', { max_price: { prompt: 3, completion: 5 } }, ['gemini-eu', 'mini']],
    ['allow_fallbacks false keeps the first candidate only', { allow_fallbacks: false }, ['oai-us']],
    ['allow_fallbacks false after sort and compliance', { allow_fallbacks: false, sort: 'price', compliance: 'DE' }, ['gemini-eu']],
    ['an empty object keeps the configured routing', {}, ['oai-us', 'claude-eu', 'gemini-eu', 'mini']],
  ])('%s', (_name, preferences, expected) => {
    expect(plan(preferences)).toEqual(expected);
  });

  it('draws the primary tier by weight with the injected random source', () => {
    // total weight 3: 0.5 * 3 = 1.5 falls in the second deployment, then 0 picks the first left.
    expect(plan(undefined, sequenceRandom([0.5, 0]))).toEqual(['claude-eu', 'oai-us', 'gemini-eu', 'mini']);
    expect(plan(undefined, sequenceRandom([0.99, 0.99]))).toEqual(['gemini-eu', 'claude-eu', 'oai-us', 'mini']);
  });

  it('answers 403 naming the region when compliance leaves nothing', () => {
    const error = catchError(() => plan({ compliance: 'JP' }));
    expect(error).toMatchObject({ status: 403, type: 'permission_error', code: 'compliance_region_unavailable', param: 'provider.compliance' });
    expect(error?.message).toContain('JP');
    expect(error?.message).toContain("'fast'");
  });

  it.each<[string, ProviderPreferences, string]>([
    ['max_price', { max_price: { completion: 0.1 } }, 'provider.max_price'],
    ['only', { only: ['mistral'] }, 'provider.only'],
    ['ignore', { ignore: ['openai', 'anthropic', 'gemini'] }, 'provider.ignore'],
  ])('answers 400 when %s leaves nothing', (_name, preferences, param) => {
    expect(catchError(() => plan(preferences))).toMatchObject({ status: 400, code: 'no_deployment_matches', param });
  });

  it('never lets an unknown price pass max_price and sorts it last by price', () => {
    const withUnpriced = { model: 'm', deployments: [unpriced, gemini], fallbacks: [] };
    expect(names(planCandidates({ resolved: withUnpriced, preferences: { sort: 'price' }, stats }))).toEqual(['gemini-eu', 'unpriced']);
    expect(names(planCandidates({ resolved: withUnpriced, preferences: { max_price: { prompt: 100 } }, stats }))).toEqual(['gemini-eu']);
  });
});

function catchError(work: () => unknown): GatewayError | undefined {
  try {
    work();
  } catch (error) {
    if (GatewayError.isInstance(error)) return error;
    throw error;
  }
  return undefined;
}
