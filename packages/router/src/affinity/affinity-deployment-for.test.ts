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

  it('moves the affinity deployment to the front and keeps the rest in order', () => {
    expect(preferAffinity([reasoning('gemini:x')], candidates).map((deployment) => deployment.name)).toEqual(['gemini', 'oai', 'claude', 'bedrock', 'cohere']);
    expect(preferAffinity([message], candidates).map((deployment) => deployment.name)).toEqual(['oai', 'claude', 'gemini', 'bedrock', 'cohere']);
  });
});
