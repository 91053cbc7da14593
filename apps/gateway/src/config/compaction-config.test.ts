import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { defaultCompactionConfig, validateCompactionConfig } from './compaction-config.js';
import { validateConfig } from './validate-config.js';

describe('compaction config', () => {
  it('defaults to the request model and one kept turn', () => {
    expect(validateCompactionConfig(undefined)).toEqual(defaultCompactionConfig);
    expect(validateConfig({}).compaction).toEqual({ model: undefined, keepLastTurns: 1 });
  });

  it('reads model and keep_last_turns from the config document', () => {
    expect(validateConfig({ compaction: { model: 'groq/llama-3.1-8b-instant', keep_last_turns: 3 } }).compaction).toEqual({
      model: 'groq/llama-3.1-8b-instant',
      keepLastTurns: 3,
    });
  });

  it.each([
    [{ model: 'no-provider' }, 'compaction.model'],
    [{ keep_last_turns: -1 }, 'compaction.keep_last_turns'],
    [{ keep_last_turns: 1.5 }, 'compaction.keep_last_turns'],
    [{ turns: 2 }, 'compaction.turns'],
    ['yes', 'compaction'],
  ])('rejects %j at %s', (value, path) => {
    let error: unknown;
    try {
      validateCompactionConfig(value);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).path).toBe(path);
  });
});
