import type { Response, ResponseStreamEvent } from '@switchyard/contract';
import { createSequentialIdGenerator, serveCreateChatCompletion, serveCreateResponse } from '@switchyard/core';
import {
  checkChatCompletionStream,
  checkResponsesStream,
  cohereStreamFixtureToSse,
  loadCohereResponseFixture,
  startFakeCohereUpstream,
  type CohereResponseFixtureName,
  type CohereStreamFixtureName,
  type FakeCohereUpstream,
} from '@switchyard/testing';
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

const streams: Array<{ name: CohereStreamFixtureName; text: string; calls: number; annotations: number; status: string }> = [
  { name: 'cohere-text', text: 'A large language model.', calls: 0, annotations: 0, status: 'completed' },
  { name: 'cohere-tool-calls', text: '', calls: 2, annotations: 0, status: 'completed' },
  { name: 'cohere-tool-citations', text: 'It is currently 24°C in Madrid and 28°C in Brasilia.', calls: 0, annotations: 2, status: 'completed' },
  { name: 'cohere-rag-citations', text: 'We offer gym memberships and on-site yoga.', calls: 0, annotations: 2, status: 'completed' },
  { name: 'cohere-thinking', text: "Alice's brother has 3 sisters.", calls: 0, annotations: 0, status: 'completed' },
];

async function drain<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

describe('documented Cohere streams replayed through both endpoints', () => {
  it.each(streams)('$name on /v1/responses', async (fixture) => {
    fake.enqueue({ kind: 'reply', sse: cohereStreamFixtureToSse(fixture.name) });
    const result = await serveCreateResponse(adapter, { body: { model: 'cohere/command-a-03-2025', input: 'x', stream: true } }, serveContext('command-a-03-2025'), {
      responseId: 'resp_test',
      createdAt: 1,
      model: 'cohere/command-a-03-2025',
      generateId: createSequentialIdGenerator(),
    });
    const events = await drain(result as AsyncIterable<ResponseStreamEvent>);
    checkResponsesStream(events);
    const last = events.at(-1);
    const response = last !== undefined && 'response' in last ? (last.response as Response) : undefined;
    expect(response?.status).toBe(fixture.status);
    const message = response?.output.find((item) => item.type === 'message');
    const part = message?.type === 'message' ? message.content[0] : undefined;
    expect(part?.type === 'output_text' ? part.text : '').toBe(fixture.text);
    expect(part?.type === 'output_text' ? part.annotations.length : 0).toBe(fixture.annotations);
    expect(response?.output.filter((item) => item.type === 'function_call')).toHaveLength(fixture.calls);
  });

  it.each(streams)('$name on /v1/chat/completions', async (fixture) => {
    fake.enqueue({ kind: 'reply', sse: cohereStreamFixtureToSse(fixture.name) });
    const result = await serveCreateChatCompletion(
      adapter,
      { body: { model: 'cohere/command-a-03-2025', messages: [{ role: 'user', content: 'x' }], stream: true, stream_options: { include_usage: true } } },
      serveContext('command-a-03-2025'),
      { id: 'chatcmpl-test', created: 1, model: 'cohere/command-a-03-2025' },
    );
    const chunks = await drain(result as AsyncIterable<{ choices: Array<{ delta: { content?: string | null } }> }>);
    checkChatCompletionStream([...chunks, '[DONE]'], { includeUsage: true });
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(fixture.text);
  });
});

describe('documented non-streamed answers', () => {
  it.each<[CohereResponseFixtureName, string]>([
    ['cohere-response-text', 'completed'],
    ['cohere-response-tool-call', 'completed'],
  ])('%s on /v1/responses', async (name, status) => {
    fake.enqueue({ kind: 'reply', json: loadCohereResponseFixture(name) });
    const response = (await serveCreateResponse(adapter, { body: { model: 'cohere/command-a-03-2025', input: 'x' } }, serveContext('command-a-03-2025'), {
      responseId: 'resp_test',
      createdAt: 1,
      model: 'cohere/command-a-03-2025',
    })) as Response;
    expect(response.status).toBe(status);
    expect(response.usage?.input_tokens).toBeGreaterThan(0);
  });
});
