import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DeploymentStats } from '../balancing/deployment-stats.js';
import { planCandidates } from '../preferences/plan-candidates.js';
import { createModelRegistry } from '../registry/create-model-registry.js';
import { parseRoutingConfig } from './parse-routing-config.js';
import { RoutingConfigError } from './routing-config-error.js';

// The same example as the README's "Configuration" section.
const example = `
routing:
  strategy: weighted-random
  retry: { max_retries: 2, max_attempts: 6, base_delay_ms: 250, max_delay_ms: 8000, max_total_ms: 60000, max_retry_after_ms: 60000, attempt_timeout_ms: 30000 }
  cooldown: { allowed_fails: 3, window_ms: 60000, cooldown_ms: 30000 }
  deployments:
    - name: openai-mini-us
      provider: openai
      model: gpt-4o-mini
      weight: 3
      regions: [US]
    - name: claude-haiku-eu
      provider: anthropic
      model: claude-haiku-4-5-20251001
      regions: [DE, FR, IE]
      rpm: 500
    - name: local-llama
      provider: ollama
      model: llama3.3
      weight: 0
      prices: { input: 0, output: 0 }
      context_window: 131072
      max_output: 8192
      capabilities: { endpoints: [chat], tools: true, vision: false, reasoning: false, image_output: false }
  aliases:
    fast:
      deployments: [openai-mini-us, claude-haiku-eu]
      fallbacks: [openai/gpt-4o]
    local: [local-llama]
`;

describe('parseRoutingConfig', () => {
  it('parses the README example into a working registry', () => {
    const config = parseRoutingConfig((parse(example) as { routing: unknown }).routing);
    expect(config.strategy).toBe('weighted-random');
    expect(config.retry).toEqual({ maxRetries: 2, maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 8000, maxTotalMs: 60000, maxRetryAfterMs: 60000, attemptTimeoutMs: 30000 });
    expect(config.cooldown).toEqual({ allowedFails: 3, windowMs: 60000, cooldownMs: 30000, maxCooldownMs: undefined });
    expect(config.deployments[2]).toMatchObject({ name: 'local-llama', upstreamModel: 'llama3.3', weight: 0, contextWindow: 131072, capabilities: { endpoints: ['chat'], imageOutput: false } });
    const registry = createModelRegistry({ ...config, providers: { openai: 'openai', anthropic: 'anthropic', ollama: 'openai-compatible' } });
    const resolved = registry.resolve('fast');
    expect(resolved.deployments.map((deployment) => deployment.prices?.input)).toEqual([0.15, 1]);
    const planned = planCandidates({ resolved, preferences: { compliance: 'DE' }, stats: new DeploymentStats() });
    expect(planned.map((deployment) => deployment.name)).toEqual(['claude-haiku-eu']);
  });

  it('is the defaults when the section is missing', () => {
    expect(parseRoutingConfig(undefined)).toEqual({ strategy: 'weighted-random', retry: {}, cooldown: {}, deployments: [], aliases: {} });
  });

  it.each([
    ['an unknown strategy', { strategy: 'round-robin' }, 'routing.strategy'],
    ['an unknown field', { stratgy: 'least-busy' }, 'routing.stratgy'],
    ['deployments not a list', { deployments: {} }, 'routing.deployments'],
    ['a deployment without a model', { deployments: [{ name: 'a', provider: 'openai' }] }, 'routing.deployments[0].model'],
    ['a lower-case region', { deployments: [{ name: 'a', provider: 'openai', model: 'm', regions: ['de'] }] }, 'routing.deployments[0].regions[0]'],
    ['a negative weight', { deployments: [{ name: 'a', provider: 'openai', model: 'm', weight: -1 }] }, 'routing.deployments[0].weight'],
    ['a price without output', { deployments: [{ name: 'a', provider: 'openai', model: 'm', prices: { input: 1 } }] }, 'routing.deployments[0].prices.output'],
    ['an unknown endpoint', { deployments: [{ name: 'a', provider: 'openai', model: 'm', capabilities: { endpoints: ['embeddings'] } }] }, 'routing.deployments[0].capabilities.endpoints[0]'],
    ['a camelCase key', { deployments: [{ name: 'a', provider: 'openai', model: 'm', contextWindow: 5 }] }, 'routing.deployments[0].contextWindow'],
    ['a fractional retry count', { retry: { max_retries: 1.5 } }, 'routing.retry.max_retries'],
    ['zero attempts', { retry: { max_attempts: 0 } }, 'routing.retry.max_attempts'],
    ['a zero attempt timeout', { retry: { attempt_timeout_ms: 0 } }, 'routing.retry.attempt_timeout_ms'],
    ['an alias without deployments', { aliases: { fast: { fallbacks: [] } } }, 'routing.aliases.fast.deployments'],
  ])('rejects %s, naming %s', (_name, value, path) => {
    let caught: unknown;
    try {
      parseRoutingConfig(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RoutingConfigError);
    expect((caught as RoutingConfigError).path).toBe(path);
  });
});
