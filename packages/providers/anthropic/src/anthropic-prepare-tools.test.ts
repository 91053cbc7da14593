import type { CreateResponse } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { prepareAnthropicTools } from './anthropic-prepare-tools.js';

const body = (fields: Partial<CreateResponse>): CreateResponse => ({ model: 'claude-sonnet-4-5-20250929', input: 'x', ...fields });
const weather = { type: 'function' as const, name: 'weather', parameters: { type: 'object', properties: {} }, strict: false };
const options = { thinking: false, structuredOutput: 'tool' as const };

describe('prepareAnthropicTools', () => {
  it('sends no tool_choice without tools', () => {
    expect(prepareAnthropicTools(body({ tool_choice: 'required' }), options)).toMatchObject({ tools: undefined, toolChoice: undefined, warnings: [] });
  });

  it('maps allowed_tools to its mode with a warning', () => {
    const prepared = prepareAnthropicTools(body({ tools: [weather], tool_choice: { type: 'allowed_tools', mode: 'required', tools: [{ type: 'function', name: 'weather' }] } }), options);
    expect(prepared.toolChoice).toEqual({ type: 'any' });
    expect(prepared.warnings).toEqual([expect.objectContaining({ parameter: 'tool_choice.tools' })]);
  });

  it('lets a forced tool choice fall back to auto with thinking, warning about it', () => {
    const prepared = prepareAnthropicTools(body({ tools: [weather], tool_choice: 'required', parallel_tool_calls: false }), { ...options, thinking: true });
    expect(prepared.toolChoice).toEqual({ type: 'auto', disable_parallel_tool_use: true });
    expect(prepared.warnings).toEqual([expect.objectContaining({ parameter: 'tool_choice' })]);
  });

  it('gives the JSON-output tool a name no client function has, and asks for any tool when there are others', () => {
    const prepared = prepareAnthropicTools(
      body({ tools: [weather], text: { format: { type: 'json_schema', name: 'weather', schema: { type: 'object' } } } }),
      options,
    );
    expect(prepared.structuredOutputToolName).toBe('weather_2');
    expect(prepared.tools?.map((tool) => tool.name)).toEqual(['weather', 'weather_2']);
    expect(prepared.toolChoice).toEqual({ type: 'any' });
  });

  it('carries json_object as an open-object tool, and offers it without forcing when thinking', () => {
    const prepared = prepareAnthropicTools(body({ text: { format: { type: 'json_object' } } }), { ...options, thinking: true });
    expect(prepared.tools).toEqual([{ name: 'json_object', description: expect.any(String), input_schema: { type: 'object', additionalProperties: true } }]);
    expect(prepared.toolChoice).toEqual({ type: 'auto' });
    expect(prepared.warnings).toEqual([expect.objectContaining({ type: 'other' })]);
  });

  it('notes that strict is not enforced, without failing strict mode', () => {
    const prepared = prepareAnthropicTools(body({ tools: [{ ...weather, strict: true }] }), options);
    expect(prepared.warnings).toEqual([expect.objectContaining({ type: 'other' })]);
  });
});
