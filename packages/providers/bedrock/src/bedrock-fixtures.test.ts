import type { StreamPart } from '@switchyard/core';
import { loadBedrockConverseFixture, loadBedrockStreamFixture, type BedrockConverseFixtureName, type BedrockStreamFixtureName } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { decodeBedrockReasoning } from './bedrock-reasoning-content.js';
import { serveChat, serveContext, serveResponses, testModel } from './test-support/serve-bedrock.js';
import { useFakeBedrock } from './test-support/use-fake-bedrock.js';

const { fake, adapter } = useFakeBedrock();

async function partsOf(stream: boolean): Promise<StreamPart[]> {
  const parts: StreamPart[] = [];
  for await (const part of (await adapter().generate?.({ body: { input: 'hi', model: testModel }, stream }, serveContext())) ?? []) parts.push(part);
  return parts.map((part) => (part.type === 'response-metadata' ? { ...part, id: '<request id>' } : part));
}

const streamCases: Array<[BedrockStreamFixtureName, string[], string, object]> = [
  ['bedrock-stream-text', ['message'], 'completed', { input_tokens: 10, output_tokens: 12, total_tokens: 22 }],
  ['bedrock-stream-tool-use', ['message', 'function_call'], 'completed', { input_tokens: 375, output_tokens: 67 }],
  ['bedrock-stream-parallel-tools', ['function_call', 'function_call'], 'completed', { input_tokens: 412 }],
  ['bedrock-stream-reasoning', ['reasoning', 'message'], 'completed', { input_tokens: 42, output_tokens: 96 }],
  ['bedrock-stream-redacted-reasoning', ['reasoning', 'message'], 'completed', { input_tokens: 40 }],
  ['bedrock-stream-max-tokens', ['message'], 'incomplete', { input_tokens: 11 + 1024, input_tokens_details: { cached_tokens: 1024 }, output_tokens: 10 }],
];

describe('recorded ConverseStream fixtures, replayed as real event-stream frames', () => {
  it.each(streamCases)('%s on /v1/responses', async (name, itemTypes, status, usage) => {
    fake().enqueue({ kind: 'replay', events: loadBedrockStreamFixture(name) });
    const { response } = await serveResponses(adapter(), { input: 'hi', stream: true });
    expect(response.output.map((item) => item.type)).toEqual(itemTypes);
    expect(response.status).toBe(status);
    expect(response.usage).toMatchObject(usage);
  });

  it.each(streamCases)('%s on /v1/chat/completions', async (name) => {
    fake().enqueue({ kind: 'replay', events: loadBedrockStreamFixture(name) });
    const result = await serveChat(adapter(), { messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true } });
    expect(result.finishReason).toBe(name.includes('tool') ? 'tool_calls' : name.includes('max-tokens') ? 'length' : 'stop');
  });

  it.each(streamCases.map(([name]) => name))('%s → parts', async (name) => {
    fake().enqueue({ kind: 'replay', events: loadBedrockStreamFixture(name) });
    expect(await partsOf(true)).toMatchSnapshot();
  });

  it('keeps the exact reasoning block (text + signature) in encryptedContent', async () => {
    fake().enqueue({ kind: 'replay', events: loadBedrockStreamFixture('bedrock-stream-reasoning') });
    const end = (await partsOf(true)).find((part) => part.type === 'reasoning-end');
    const block = decodeBedrockReasoning(end?.type === 'reasoning-end' ? (end.encryptedContent ?? '') : '');
    expect(block).toEqual({
      reasoningText: {
        text: 'The user asks for 17 × 23. 17 × 20 = 340 and 17 × 3 = 51, so 391.',
        signature: 'ErcBCkgIAhABGAIiQHb8pJzVh1l3H5ur0n0Y0xDJ8Ot3dQyPp8o6mG2x0lwm3f8m2ZyH7pB9c2j4U7Y8w5q1Zk4Xr6n9J2sT5v8cEgx0hZ3yN6u0R2w9c7kaDGR0aW5nX3NpZw==',
      },
    });
  });
});

const converseCases: Array<[BedrockConverseFixtureName, string[], object]> = [
  ['bedrock-converse-text', ['message'], { input_tokens: 14, output_tokens: 19, total_tokens: 33 }],
  ['bedrock-converse-tool-use', ['message', 'function_call'], { input_tokens: 375 }],
  ['bedrock-converse-reasoning', ['reasoning', 'message'], { input_tokens: 42 }],
  ['bedrock-converse-prompt-caching', ['message'], { input_tokens: 9 + 1286, input_tokens_details: { cached_tokens: 0 }, output_tokens: 227, total_tokens: 1522 }],
];

describe('recorded Converse answers', () => {
  it.each(converseCases)('%s on /v1/responses', async (name, itemTypes, usage) => {
    fake().enqueue({ kind: 'replay', converse: loadBedrockConverseFixture(name) });
    const { response } = await serveResponses(adapter(), { input: 'hi' });
    expect(response.output.map((item) => item.type)).toEqual(itemTypes);
    expect(response.usage).toMatchObject(usage);
  });

  it.each(converseCases.map(([name]) => name))('%s → parts', async (name) => {
    fake().enqueue({ kind: 'replay', converse: loadBedrockConverseFixture(name) });
    expect(await partsOf(false)).toMatchSnapshot();
  });

  it('reports cache writes as cacheWriteTokens', async () => {
    fake().enqueue({ kind: 'replay', converse: loadBedrockConverseFixture('bedrock-converse-prompt-caching') });
    expect((await partsOf(false)).at(-1)).toMatchObject({
      type: 'finish',
      usage: { inputTokens: 1295, cachedInputTokens: 0, cacheWriteTokens: 1286, outputTokens: 227, totalTokens: 1522 },
    });
  });
});
