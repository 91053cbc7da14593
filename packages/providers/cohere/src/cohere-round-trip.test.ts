import type { InputItem, Response, ResponseStreamEvent } from '@switchyard/contract';
import { createSequentialIdGenerator, serveCreateResponse } from '@switchyard/core';
import { checkResponsesStream, startFakeCohereUpstream, type FakeCohereUpstream } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCohereAdapter, type CohereAdapter } from './index.js';
import { serveContext } from './test-support/run-through-endpoints.js';

let fake: FakeCohereUpstream;
let adapter: CohereAdapter;
beforeAll(async () => {
  fake = await startFakeCohereUpstream();
  adapter = createCohereAdapter({ apiKey: 'co-secret-key-0123456789', baseURL: fake.url });
});
afterAll(async () => {
  await adapter.close();
  await fake.close();
});

const model = 'command-a-reasoning-08-2025';
const weather = {
  type: 'function' as const,
  name: 'get_weather',
  parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
  strict: true,
};

async function respond(input: InputItem[], stream: boolean): Promise<Response> {
  const result = await serveCreateResponse(
    adapter,
    { body: { model: `cohere/${model}`, input, tools: [weather], reasoning: { effort: 'medium' }, ...(stream ? { stream: true } : {}) } },
    serveContext(model),
    { responseId: 'resp_test', createdAt: 1_700_000_000, model: `cohere/${model}`, generateId: createSequentialIdGenerator() },
  );
  if (!stream) return result as Response;
  const events: ResponseStreamEvent[] = [];
  for await (const event of result as AsyncIterable<ResponseStreamEvent>) events.push(event);
  checkResponsesStream(events);
  const last = events.at(-1);
  if (last?.type !== 'response.completed') throw new Error(`unexpected ${last?.type}`);
  return last.response;
}

describe.each([true, false])('reasoning round trip (stream: %s)', (stream) => {
  it('sends thinking and the tool plan back byte-identical on the next turn', async () => {
    const thinking = 'The user wants the weather.\n  I should call "get_weather" — with ünïcode.';
    const toolPlan = 'I will call get_weather for Madrid.';
    fake.script({ thinking, toolPlan, toolCalls: [{ id: 'get_weather_r1', name: 'get_weather', arguments: { location: 'Madrid' } }] });
    const user: InputItem = { role: 'user', content: 'What is the weather in Madrid? call get_weather' };
    const first = await respond([user], stream);
    expect(first.output.map((item) => item.type)).toEqual(['reasoning', 'reasoning', 'function_call']);
    expect(fake.requests.at(-1)?.body).toMatchObject({ thinking: { type: 'enabled', token_budget: 8192 }, strict_tools: true });

    const replayed = first.output as unknown as InputItem[];
    await respond([user, ...replayed, { type: 'function_call_output', call_id: 'get_weather_r1', output: '{"temperature":"24°C"}' }], stream);
    const secondBody = fake.requests.at(-1)?.body as { messages: unknown[] };
    expect(secondBody.messages).toEqual([
      { role: 'user', content: 'What is the weather in Madrid? call get_weather' },
      {
        role: 'assistant',
        content: [{ type: 'thinking', thinking }],
        tool_plan: toolPlan,
        tool_calls: [{ id: 'get_weather_r1', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Madrid"}' } }],
      },
      { role: 'tool', tool_call_id: 'get_weather_r1', content: '{"temperature":"24°C"}' },
    ]);
    expect(fake.requests.at(-1)?.rawBody).toContain(JSON.stringify(thinking));
  });
});

it('the whole turn-2 body, exactly', async () => {
  fake.script({ thinking: 'Short thought.', text: 'Hello!' });
  const first = await respond([{ role: 'user', content: 'Hi' }], false);
  await respond([{ role: 'user', content: 'Hi' }, ...(first.output as unknown as InputItem[]), { role: 'user', content: 'And now?' }], false);
  expect(fake.requests.at(-1)?.body).toMatchInlineSnapshot(`
    {
      "messages": [
        {
          "content": "Hi",
          "role": "user",
        },
        {
          "content": [
            {
              "thinking": "Short thought.",
              "type": "thinking",
            },
            {
              "text": "Hello!",
              "type": "text",
            },
          ],
          "role": "assistant",
        },
        {
          "content": "And now?",
          "role": "user",
        },
      ],
      "model": "command-a-reasoning-08-2025",
      "stream": false,
      "strict_tools": true,
      "thinking": {
        "token_budget": 8192,
        "type": "enabled",
      },
      "tools": [
        {
          "function": {
            "name": "get_weather",
            "parameters": {
              "properties": {
                "location": {
                  "type": "string",
                },
              },
              "required": [
                "location",
              ],
              "type": "object",
            },
          },
          "type": "function",
        },
      ],
    }
  `);
});

it("drops another provider's reasoning with a warning", async () => {
  const context = serveContext(model);
  await serveCreateResponse(
    adapter,
    {
      body: {
        model: `cohere/${model}`,
        input: [
          { role: 'user', content: 'Hi' },
          { type: 'reasoning', id: 'rs_x', summary: [{ type: 'summary_text', text: 'hmm' }], encrypted_content: 'anthropic:abc' },
          { role: 'assistant', content: 'Hello' },
          { role: 'user', content: 'Again' },
        ],
      },
    },
    context,
    { responseId: 'resp_test', createdAt: 1, model: `cohere/${model}` },
  );
  expect(context.warnings).toEqual([{ type: 'unsupported-parameter', parameter: 'input[1]', message: expect.stringContaining('not portable') }]);
  expect((fake.requests.at(-1)?.body as { messages: unknown[] }).messages[1]).toEqual({ role: 'assistant', content: 'Hello' });
});
