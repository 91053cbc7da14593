import type { CreateChatCompletionRequest, CreateResponse, FunctionTool } from '@switchyard/contract';
import { startFakeCohereUpstream, type FakeCohereUpstream } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCohereAdapter, type CohereAdapter } from './index.js';
import { endpoints, runThrough, serveContext, type Outcome } from './test-support/run-through-endpoints.js';

let fake: FakeCohereUpstream;
let adapter: CohereAdapter;
beforeAll(async () => {
  fake = await startFakeCohereUpstream({ apiKey: 'co-secret-key-0123456789' });
  adapter = createCohereAdapter({ apiKey: 'co-secret-key-0123456789', baseURL: fake.url });
});
afterAll(async () => {
  await adapter.close();
  await fake.close();
});

const weather: FunctionTool = {
  type: 'function',
  name: 'get_weather',
  description: 'Gets the weather of a location',
  parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
  strict: null,
};
const time: FunctionTool = { type: 'function', name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'] }, strict: null };
const chatTool = (tool: FunctionTool) => ({ type: 'function' as const, function: { name: tool.name, ...(tool.description ? { description: tool.description } : {}), parameters: tool.parameters ?? {} } });

interface Scenario {
  name: string;
  model?: string;
  responses: Omit<CreateResponse, 'model'>;
  chat: Omit<CreateChatCompletionRequest, 'model'>;
  check: (outcome: Outcome, upstream: Record<string, unknown>) => void;
}

const scenarios: Scenario[] = [
  {
    name: 'plain text',
    responses: { input: 'Hello there' },
    chat: { messages: [{ role: 'user', content: 'Hello there' }] },
    check: (outcome, upstream) => {
      expect(outcome).toMatchObject({ text: 'Echo: Hello there', finish: 'stop', inputTokens: 68, outputTokens: 6 });
      expect(upstream.messages).toEqual([{ role: 'user', content: 'Hello there' }]);
    },
  },
  {
    name: 'multi-turn with instructions',
    responses: {
      instructions: 'Be brief.',
      input: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Echo: Hi' },
        { role: 'user', content: 'Again' },
      ],
    },
    chat: {
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Echo: Hi' },
        { role: 'user', content: 'Again' },
      ],
    },
    check: (outcome, upstream) => {
      expect(outcome.text).toBe('Echo: Again');
      expect(upstream.messages).toEqual([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Echo: Hi' },
        { role: 'user', content: 'Again' },
      ]);
    },
  },
  {
    name: 'a tool call with a tool plan',
    responses: { input: 'Please call get_weather', tools: [weather] },
    chat: { messages: [{ role: 'user', content: 'Please call get_weather' }], tools: [chatTool(weather)] },
    check: (outcome, upstream) => {
      expect(outcome.finish).toBe('tool_calls');
      expect(outcome.toolCalls).toEqual([{ id: expect.stringMatching(/^get_weather_/), name: 'get_weather', arguments: '{"location":"test"}' }]);
      expect(upstream.tools).toEqual([{ type: 'function', function: { name: 'get_weather', description: 'Gets the weather of a location', parameters: weather.parameters } }]);
      if (outcome.response !== undefined) {
        const reasoning = outcome.response.output.find((item) => item.type === 'reasoning');
        expect(reasoning?.type === 'reasoning' && reasoning.summary).toEqual([{ type: 'summary_text', text: 'I will call get_weather.' }]);
      }
    },
  },
  {
    name: 'parallel tool calls',
    responses: { input: 'call get_weather and call get_time', tools: [weather, time], tool_choice: 'required' },
    chat: { messages: [{ role: 'user', content: 'call get_weather and call get_time' }], tools: [chatTool(weather), chatTool(time)], tool_choice: 'required' },
    check: (outcome, upstream) => {
      expect(outcome.toolCalls.map((call) => [call.name, call.arguments])).toEqual([
        ['get_weather', '{"location":"test"}'],
        ['get_time', '{"zone":"test"}'],
      ]);
      expect(upstream.tool_choice).toBe('REQUIRED');
    },
  },
  {
    name: 'a tool round trip with a cited tool result',
    responses: {
      input: [
        { role: 'user', content: 'call get_weather' },
        { type: 'function_call', call_id: 'get_weather_abc', name: 'get_weather', arguments: '{"location":"Madrid"}' },
        { type: 'function_call_output', call_id: 'get_weather_abc', output: '{"temperature":"24°C"}' },
      ],
      tools: [weather],
    },
    chat: {
      messages: [
        { role: 'user', content: 'call get_weather' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'get_weather_abc', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Madrid"}' } }] },
        { role: 'tool', tool_call_id: 'get_weather_abc', content: '{"temperature":"24°C"}' },
      ],
      tools: [chatTool(weather)],
    },
    check: (outcome, upstream) => {
      expect(outcome.text).toBe('Tool said: {"temperature":"24°C"}');
      expect(outcome.finish).toBe('stop');
      expect((upstream.messages as unknown[]).slice(1)).toEqual([
        { role: 'assistant', tool_calls: [{ id: 'get_weather_abc', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Madrid"}' } }] },
        { role: 'tool', tool_call_id: 'get_weather_abc', content: '{"temperature":"24°C"}' },
      ]);
      const message = outcome.response?.output.find((item) => item.type === 'message');
      if (outcome.response !== undefined) {
        expect(message?.type === 'message' && message.content[0]?.type === 'output_text' && message.content[0].annotations).toEqual([
          { type: 'file_citation', file_id: 'get_weather_abc:0', filename: 'get_weather_abc:0', index: 33 },
        ]);
      }
    },
  },
  {
    name: 'json_schema structured output',
    responses: {
      input: 'Describe a book as JSON',
      text: { format: { type: 'json_schema', name: 'book', schema: { type: 'object', properties: { title: { type: 'string' }, year: { type: 'integer' } }, required: ['title', 'year'] } } },
    },
    chat: {
      messages: [{ role: 'user', content: 'Describe a book as JSON' }],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'book', schema: { type: 'object', properties: { title: { type: 'string' }, year: { type: 'integer' } }, required: ['title', 'year'] } },
      },
    },
    check: (outcome, upstream) => {
      expect(JSON.parse(outcome.text)).toEqual({ title: 'test', year: 1 });
      expect(upstream.response_format).toEqual({
        type: 'json_object',
        json_schema: { type: 'object', properties: { title: { type: 'string' }, year: { type: 'integer' } }, required: ['title', 'year'] },
      });
    },
  },
  {
    name: 'image input on a vision model',
    model: 'command-a-vision-07-2025',
    responses: {
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'What is this?' }, { type: 'input_image', image_url: 'https://example.com/cat.png', detail: 'low' }] }],
    },
    chat: {
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } }] }],
    },
    check: (outcome, upstream) => {
      expect(outcome.text).toBe('Echo: What is this?');
      expect(upstream.messages).toEqual([
        { role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } }] },
      ]);
    },
  },
  {
    name: 'a max-tokens cut',
    responses: { input: 'Tell me a long story please', max_output_tokens: 3 },
    chat: { messages: [{ role: 'user', content: 'Tell me a long story please' }], max_tokens: 3 },
    check: (outcome, upstream) => {
      expect(outcome).toMatchObject({ text: 'Echo: Tell', finish: 'length' });
      expect(upstream.max_tokens).toBe(3);
    },
  },
];

describe.each(endpoints)('the Cohere adapter through %s', (endpoint) => {
  it.each(scenarios)('$name', async (scenario) => {
    const context = serveContext(scenario.model ?? 'command-a-03-2025');
    const outcome = await runThrough(adapter, endpoint, { responses: scenario.responses, chat: scenario.chat }, context);
    const upstream = fake.requests.at(-1);
    expect(upstream?.path).toBe('/v2/chat');
    expect(upstream?.headers.authorization).toBe('Bearer co-secret-key-0123456789');
    const body = upstream?.body as Record<string, unknown>;
    expect(body.stream).toBe(endpoint.endsWith('stream'));
    expect(body.model).toBe(scenario.model ?? 'command-a-03-2025');
    scenario.check(outcome, body);
    expect(context.warnings).toEqual([]);
  });
});
