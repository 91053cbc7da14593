import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { validateConfig } from './validate-config.js';

describe('the routing section', () => {
  it('is optional', () => {
    expect(validateConfig({}).routing).toBeUndefined();
  });

  it('is parsed by the router package', () => {
    const config = validateConfig({
      routing: { strategy: 'lowest-cost', deployments: [{ name: 'mini', provider: 'openai', model: 'gpt-4o-mini', regions: ['US'] }], aliases: { fast: ['mini'] } },
    });
    expect(config.routing?.strategy).toBe('lowest-cost');
    expect(config.routing?.deployments[0]).toMatchObject({ name: 'mini', provider: 'openai', upstreamModel: 'gpt-4o-mini' });
    expect(config.routing?.aliases['fast']).toMatchObject({ deployments: ['mini'] });
  });

  it('reports a bad setting as a configuration error naming its path', () => {
    let caught: unknown;
    try {
      validateConfig({ routing: { deployments: [{ name: 'mini', provider: 'openai', model: 'gpt-4o-mini', regions: ['usa'] }] } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).message).toMatch(/^routing\.deployments\[0\]\.regions\[0\]/);
  });
});
