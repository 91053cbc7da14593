import { describe, expect, it } from 'vitest';
import { deploymentFixture } from '../test-support/deployment-fixture.js';
import { affinityDeploymentFor, preferAffinity } from './affinity-deployment-for.js';

const openai = deploymentFixture({ name: 'oai', provider: 'openai' });
const azure = deploymentFixture({ name: 'azure-east', provider: 'my-azure', providerKind: 'azure' });
const claude = deploymentFixture({ name: 'claude', provider: 'claude-eu', providerKind: 'anthropic' });
const gemini = deploymentFixture({ name: 'gemini', provider: 'gemini' });
const bedrock = deploymentFixture({ name: 'bedrock', provider: 'bedrock' });
const cohere = deploymentFixture({ name: 'cohere', provider: 'cohere' });
const candidates = [openai, claude, gemini, bedrock, cohere];

const reasoning = (encrypted: string): unknown => ({ type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: encrypted });
const message = { type: 'message', role: 'user', content: 'next question' };

describe('affinityDeploymentFor', () => {
  it.each<[string, string | readonly unknown[] | undefined, string | undefined]>([
    ['Anthropic thinking', [message, reasoning('anthropic:eyJ0aGlua2luZyI6In0'), message], 'claude'],
    ['Gemini thought signature', [reasoning('gemini:abc')], 'gemini'],
    ['Bedrock reasoning', [reasoning('bedrock:abc')], 'bedrock'],
    ['Cohere thinking', [reasoning('cohere:abc')], 'cohere'],
    ['OpenAI encrypted reasoning (no prefix)', [reasoning('gAAAAABo-opaque')], 'oai'],
    ['the most recent item wins', [reasoning('gemini:old'), message, reasoning('cohere:new')], 'cohere'],
    ['no reasoning item', [message], undefined],
    ['reasoning without encrypted content', [{ type: 'reasoning', id: 'rs_1', summary: [] }], undefined],
    ['a string input', 'hello', undefined],
    ['no input', undefined, undefined],
  ])('%s', (_name, input, expected) => {
    expect(affinityDeploymentFor(input, candidates)?.name).toBe(expected);
  });

  it('matches by provider kind, so a renamed provider still gets its state back', () => {
    expect(affinityDeploymentFor([reasoning('gAAAA')], [claude, azure])?.name).toBe('azure-east');
    expect(affinityDeploymentFor([reasoning('anthropic:x')], [openai, claude])?.name).toBe('claude');
  });

  it('is undefined when no candidate can read the state', () => {
    expect(affinityDeploymentFor([reasoning('bedrock:x')], [openai, claude])).toBeUndefined();
  });

  it('prefers the deployment that produced a stored reasoning item, else the first of its provider', () => {
    const claudeSpare = deploymentFixture({ name: 'claude-spare', provider: 'claude-eu', providerKind: 'anthropic' });
    const stored = { type: 'reasoning', id: 'rs_stored', summary: [], encrypted_content: 'anthropic:abc' };
    const origins = (deployment: string | null) => new Map([['rs_stored', { provider: 'claude-eu', deployment }]]);
    expect(affinityDeploymentFor([stored], [openai, claude, claudeSpare], origins('claude-spare'))?.name).toBe('claude-spare');
    expect(affinityDeploymentFor([stored], [openai, claude, claudeSpare], origins(null))?.name).toBe('claude');
    expect(affinityDeploymentFor([stored], [openai, claudeSpare], origins('claude-gone'))?.name).toBe('claude-spare');
  });

  it('knows a stored item by its origin even without encrypted content, and the most recent item wins', () => {
    const plain = { type: 'reasoning', id: 'rs_plain', summary: [] };
    const origins = new Map([['rs_plain', { provider: 'gemini', deployment: null }]]);
    expect(affinityDeploymentFor([reasoning('cohere:older'), plain], candidates, origins)?.name).toBe('gemini');
    expect(affinityDeploymentFor([plain, reasoning('cohere:newer')], candidates, origins)?.name).toBe('cohere');
  });

  it('is undefined when the producer of a stored item is not a candidate', () => {
    const origins = new Map([['rs_1', { provider: 'bedrock-old', deployment: 'bedrock-old' }]]);
    expect(affinityDeploymentFor([reasoning('anthropic:x')], [openai, claude], origins)).toBeUndefined();
  });

  it('moves the affinity deployment to the front and keeps the rest in order', () => {
    expect(preferAffinity([reasoning('gemini:x')], candidates).map((deployment) => deployment.name)).toEqual(['gemini', 'oai', 'claude', 'bedrock', 'cohere']);
    expect(preferAffinity([message], candidates).map((deployment) => deployment.name)).toEqual(['oai', 'claude', 'gemini', 'bedrock', 'cohere']);
  });
});
