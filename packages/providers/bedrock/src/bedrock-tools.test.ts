import type { FunctionTool, InputItem, Response } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { serveChat, serveResponses } from './test-support/serve-bedrock.js';
import { useFakeBedrock } from './test-support/use-fake-bedrock.js';

const { fake, adapter } = useFakeBedrock();

const weather: FunctionTool = {
  type: 'function',
  name: 'get_weather',
  description: 'Current weather for a city.',
  parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
  strict: null,
};
const time: FunctionTool = { type: 'function', name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } } }, strict: null };

const calls = (response: Response) => response.output.flatMap((item) => (item.type === 'function_call' ? [item] : []));

describe.each([false, true])('tools through Bedrock toolUse/toolResult (stream: %s)', (stream) => {
  it('tool round trip on /v1/responses: toolUse out, toolResult back', async () => {
    const first = await serveResponses(adapter(), { input: 'Please call get_weather', tools: [weather], tool_choice: 'auto', stream });
    expect(first.response.status).toBe('completed');
    const [call] = calls(first.response);
    expect(call).toMatchObject({ type: 'function_call', name: 'get_weather', arguments: '{"location":"Paris"}' });
    expect(call?.call_id).toMatch(/^tooluse_/);
    expect(fake().requests.at(-1)?.body).toMatchObject({
      toolConfig: { tools: [{ toolSpec: { name: 'get_weather', description: 'Current weather for a city.', inputSchema: { json: weather.parameters } } }] },
    });

    const input: InputItem[] = [
      { role: 'user', content: 'Please call get_weather' },
      { type: 'function_call', call_id: call?.call_id ?? '', name: 'get_weather', arguments: call?.arguments ?? '' },
      { type: 'function_call_output', call_id: call?.call_id ?? '', output: '{"temperature":21}' },
    ];
    const second = await serveResponses(adapter(), { input, tools: [weather], stream });
    expect(second.response.output_text ?? second.response.output.map((item) => (item.type === 'message' ? item.content.map((part) => ('text' in part ? part.text : '')).join('') : '')).join('')).toBe(
      'Tool results: {"temperature":21}',
    );
    const body = fake().requests.at(-1)?.body as { messages: unknown[] };
    expect(body.messages).toEqual([
      { role: 'user', content: [{ text: 'Please call get_weather' }] },
      { role: 'assistant', content: [{ toolUse: { toolUseId: call?.call_id, name: 'get_weather', input: { location: 'Paris' } } }] },
      { role: 'user', content: [{ toolResult: { toolUseId: call?.call_id, content: [{ text: '{"temperature":21}' }] } }] },
    ]);
  });

  it('parallel tool calls, and tool_choice required → any', async () => {
    const { response } = await serveResponses(adapter(), { input: 'call get_weather and call get_time', tools: [weather, time], tool_choice: 'required', stream });
    expect(calls(response).map((call) => [call.name, call.arguments])).toEqual([
      ['get_weather', '{"location":"Paris"}'],
      ['get_time', '{"zone":"Paris"}'],
    ]);
    expect(fake().requests.at(-1)?.body).toMatchObject({ toolConfig: { toolChoice: { any: {} } } });
  });

  it('tool round trip on /v1/chat/completions with parallel calls', async () => {
    const chatTools = [
      { type: 'function' as const, function: { name: 'get_weather', parameters: weather.parameters ?? {} } },
      { type: 'function' as const, function: { name: 'get_time', parameters: time.parameters ?? {} } },
    ];
    const first = await serveChat(adapter(), { messages: [{ role: 'user', content: 'call get_weather and call get_time' }], tools: chatTools, stream });
    expect(first.finishReason).toBe('tool_calls');
    const toolCalls = stream
      ? first.chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []).filter((call) => call.id !== undefined)
      : (first.completion?.choices[0]?.message.tool_calls ?? []);
    const ids = toolCalls.map((call) => call.id ?? '');
    expect(ids).toHaveLength(2);
    const second = await serveChat(adapter(), {
      tools: chatTools,
      stream,
      messages: [
        { role: 'user', content: 'call get_weather and call get_time' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: ids[0] ?? '', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } },
            { id: ids[1] ?? '', type: 'function', function: { name: 'get_time', arguments: '{"zone":"CET"}' } },
          ],
        },
        { role: 'tool', tool_call_id: ids[0] ?? '', content: 'sunny' },
        { role: 'tool', tool_call_id: ids[1] ?? '', content: 'noon' },
      ],
    });
    expect(second.text).toBe('Tool results: sunny; noon');
    const body = fake().requests.at(-1)?.body as { messages: Array<{ role: string; content: unknown[] }> };
    expect(body.messages.map((message) => [message.role, message.content.length])).toEqual([
      ['user', 1],
      ['assistant', 2],
      ['user', 2],
    ]);
  });

  it('tool_choice none sends no tools (Bedrock has no "none")', async () => {
    const { response } = await serveResponses(adapter(), { input: 'call get_weather', tools: [weather], tool_choice: 'none', stream });
    expect(calls(response)).toEqual([]);
    expect(fake().requests.at(-1)?.body).not.toHaveProperty('toolConfig');
  });

  it('a follow-up turn that no longer declares tools still works (the history’s tools are declared for Bedrock)', async () => {
    const { response } = await serveResponses(adapter(), {
      stream,
      input: [
        { role: 'user', content: 'call get_weather' },
        { type: 'function_call', call_id: 'tooluse_abc', name: 'get_weather', arguments: '{"location":"Oslo"}' },
        { type: 'function_call_output', call_id: 'tooluse_abc', output: 'rain' },
      ],
    });
    expect(response.status).toBe('completed');
    expect(fake().requests.at(-1)?.body).toMatchObject({ toolConfig: { tools: [{ toolSpec: { name: 'get_weather' } }] } });
  });
});
