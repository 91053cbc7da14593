import type { FunctionTool } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { prepareCohereTools } from './cohere-prepare-tools.js';

const tool = (name: string, strict: boolean | null = null): FunctionTool => ({ type: 'function', name, parameters: { type: 'object', properties: {} }, strict });
const names = (tools: ReturnType<typeof prepareCohereTools>['settings']['tools']) => tools?.map((entry) => entry.function.name);

describe('prepareCohereTools', () => {
  it.each([
    ['auto', undefined],
    ['required', 'REQUIRED'],
    ['none', 'NONE'],
  ] as const)('tool_choice %s → %s', (choice, expected) => {
    const { settings, warnings } = prepareCohereTools([tool('a')], choice);
    expect(settings.tool_choice).toBe(expected);
    expect(warnings).toEqual([]);
  });

  it('a named function is honoured by offering only that tool with REQUIRED', () => {
    const { settings, warnings } = prepareCohereTools([tool('a'), tool('b')], { type: 'function', name: 'b' });
    expect(names(settings.tools)).toEqual(['b']);
    expect(settings.tool_choice).toBe('REQUIRED');
    expect(warnings).toEqual([]);
  });

  it('allowed_tools keeps only the allowed ones', () => {
    const { settings } = prepareCohereTools([tool('a'), tool('b'), tool('c')], { type: 'allowed_tools', mode: 'required', tools: [{ type: 'function', name: 'a' }, { type: 'function', name: 'c' }] });
    expect(names(settings.tools)).toEqual(['a', 'c']);
    expect(settings.tool_choice).toBe('REQUIRED');
  });

  it('an unknown named tool and hosted tools give warnings', () => {
    const { settings, warnings } = prepareCohereTools([tool('a'), { type: 'web_search' }], { type: 'function', name: 'zzz' });
    expect(names(settings.tools)).toEqual(['a']);
    expect(settings.tool_choice).toBeUndefined();
    expect(warnings.map((warning) => warning.type === 'unsupported-parameter' && warning.parameter)).toEqual(['tools[1]', 'tool_choice']);
  });

  it('strict on every tool → strict_tools; a mix → a warning', () => {
    expect(prepareCohereTools([tool('a', true), tool('b', true)], undefined).settings.strict_tools).toBe(true);
    const mixed = prepareCohereTools([tool('a', true), tool('b', false)], undefined);
    expect(mixed.settings.strict_tools).toBeUndefined();
    expect(mixed.warnings).toHaveLength(1);
  });

  it('a function without parameters gets an empty object schema', () => {
    const { settings } = prepareCohereTools([{ type: 'function', name: 'ping', parameters: null, strict: null, description: 'Pings' }], undefined);
    expect(settings.tools).toEqual([{ type: 'function', function: { name: 'ping', description: 'Pings', parameters: { type: 'object', properties: {} } } }]);
  });
});
