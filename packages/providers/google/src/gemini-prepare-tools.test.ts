import { describe, expect, it } from 'vitest';
import { prepareGeminiTools } from './gemini-prepare-tools.js';

const tools = [
  { type: 'function' as const, name: 'a', parameters: { type: 'object', properties: { x: { type: 'number' } } } },
  { type: 'function' as const, name: 'b', parameters: null },
];

describe('prepareGeminiTools', () => {
  it.each([
    ['auto', undefined],
    ['required', { functionCallingConfig: { mode: 'ANY' } }],
    ['none', { functionCallingConfig: { mode: 'NONE' } }],
    [{ type: 'function', name: 'b' }, { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['b'] } }],
    [{ type: 'allowed_tools', mode: 'required', tools: [{ type: 'function', name: 'a' }] }, { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['a'] } }],
  ] as const)('maps tool_choice %j', (choice, expected) => {
    const prepared = prepareGeminiTools({ tools, tool_choice: choice as never });
    expect(prepared.toolConfig).toEqual(expected);
    expect(prepared.tools).toEqual([{ functionDeclarations: [{ name: 'a', parameters: { type: 'object', properties: { x: { type: 'number' } } } }, { name: 'b' }] }]);
    expect(prepared.warnings).toEqual([]);
  });

  it('sends no toolConfig without tools, and warns about hosted tools and allowed_tools in auto mode', () => {
    expect(prepareGeminiTools({ tool_choice: 'required' })).toEqual({ tools: undefined, toolConfig: undefined, warnings: [] });
    const prepared = prepareGeminiTools({ tools: [...tools, { type: 'web_search' }], tool_choice: { type: 'allowed_tools', mode: 'auto', tools: [{ type: 'function', name: 'a' }] } });
    expect(prepared.warnings.map((warning) => warning.type === 'unsupported-parameter' && warning.parameter)).toEqual(['tools[2]', 'tool_choice']);
  });
});
