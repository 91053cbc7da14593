import type { FunctionTool } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { prepareBedrockTools, type PrepareBedrockToolsOptions } from './bedrock-prepare-tools.js';

const weather: FunctionTool = { type: 'function', name: 'weather', description: 'Weather.', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: true };
const time: FunctionTool = { type: 'function', name: 'time', description: null, parameters: null, strict: null };
const prepare = (options: Partial<PrepareBedrockToolsOptions>) =>
  prepareBedrockTools({ tools: [weather, time], toolChoice: undefined, format: undefined, hasToolBlocks: false, promptCaching: false, ...options });

describe('prepareBedrockTools', () => {
  it('maps function tools to toolSpecs (no description or schema → left out / empty object schema)', () => {
    expect(prepare({}).toolConfig).toEqual({
      tools: [
        { toolSpec: { name: 'weather', description: 'Weather.', inputSchema: { json: weather.parameters }, strict: true } },
        { toolSpec: { name: 'time', inputSchema: { json: { type: 'object', properties: {} } } } },
      ],
    });
  });

  it.each<[PrepareBedrockToolsOptions['toolChoice'], object | undefined]>([
    ['auto', undefined],
    ['required', { any: {} }],
    [{ type: 'function', name: 'time' }, { tool: { name: 'time' } }],
  ])('tool_choice %j → %j', (toolChoice, expected) => {
    expect(prepare({ toolChoice }).toolConfig?.toolChoice).toEqual(expected);
  });

  it('allowed_tools keeps the listed subset', () => {
    const prepared = prepare({ toolChoice: { type: 'allowed_tools', mode: 'required', tools: [{ type: 'function', name: 'time' }] } });
    expect(prepared.toolConfig).toEqual({ tools: [{ toolSpec: { name: 'time', inputSchema: { json: { type: 'object', properties: {} } } } }], toolChoice: { any: {} } });
  });

  it('none sends no tools, unless the conversation already holds tool blocks (then a warning)', () => {
    expect(prepare({ toolChoice: 'none' })).toEqual({ toolConfig: undefined, jsonToolName: undefined, warnings: [] });
    const withHistory = prepare({ toolChoice: 'none', hasToolBlocks: true });
    expect(withHistory.toolConfig?.tools).toHaveLength(2);
    expect(withHistory.warnings.map((warning) => warning.type === 'unsupported-parameter' && warning.parameter)).toEqual(['tool_choice']);
  });

  it('warns about hosted tools and hosted tool choices', () => {
    const prepared = prepare({ tools: [weather, { type: 'web_search' } as never], toolChoice: { type: 'file_search' } });
    expect(prepared.warnings.map((warning) => warning.type === 'unsupported-parameter' && warning.parameter)).toEqual(['tools[1]', 'tool_choice']);
    expect(prepared.toolConfig?.tools).toHaveLength(1);
  });

  it('json_schema adds a forced tool named after the format', () => {
    const schema = { type: 'object', properties: { a: { type: 'number' } } };
    const prepared = prepare({ tools: [], format: { type: 'json_schema', name: 'my answer!', schema } });
    expect(prepared.jsonToolName).toBe('my_answer_');
    expect(prepared.toolConfig).toEqual({
      tools: [{ toolSpec: { name: 'my_answer_', description: 'Answer with JSON that matches this schema.', inputSchema: { json: schema } } }],
      toolChoice: { tool: { name: 'my_answer_' } },
    });
  });

  it('json_schema beside function tools lets the model pick with any (and says so)', () => {
    const prepared = prepare({ format: { type: 'json_schema', name: 'out', schema: {} } });
    expect(prepared.toolConfig?.toolChoice).toEqual({ any: {} });
    expect(prepared.warnings).toEqual([{ type: 'other', message: expect.stringContaining('json_schema with tools') }]);
  });

  it('json_object has no Bedrock equivalent: a warning', () => {
    expect(prepare({ tools: [], format: { type: 'json_object' } }).warnings.map((warning) => warning.type === 'unsupported-parameter' && warning.parameter)).toEqual(['text.format']);
  });

  it('prompt caching adds a cache point after the tools', () => {
    expect(prepare({ promptCaching: true }).toolConfig?.tools?.at(-1)).toEqual({ cachePoint: { type: 'default' } });
  });
});

describe('a tool history without declared tools', () => {
  it('declares the tools the history used (Bedrock requires a toolConfig with tool blocks), with a note', () => {
    const prepared = prepareBedrockTools({ tools: undefined, toolChoice: undefined, format: undefined, hasToolBlocks: true, historyToolNames: ['weather'], promptCaching: false });
    expect(prepared.toolConfig).toEqual({
      tools: [{ toolSpec: { name: 'weather', description: expect.stringContaining('used earlier'), inputSchema: { json: { type: 'object', properties: {} } } } }],
    });
    expect(prepared.warnings).toEqual([{ type: 'other', message: expect.stringContaining('requires them') }]);
  });
});
