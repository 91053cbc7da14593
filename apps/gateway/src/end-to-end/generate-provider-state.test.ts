import type { CreateResponse } from '@switchyard/contract';
import type { ProviderAdapter, StreamPart } from '@switchyard/core';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';
import { waitFor } from './stateful-fixture.js';

/**
 * A provider with its own wire format (as Anthropic, Gemini, Bedrock, Cohere): the adapter has
 * `generate` (canonical parts). It "thinks" (a reasoning item with an opaque signature), then
 * answers; `slow` spaces the parts out and honours the abort signal.
 */
function thinkingAdapter(): ProviderAdapter & { bodies: CreateResponse[]; aborted: number[]; slowNext: boolean } {
  const adapter = {
    provider: 'thinker',
    operations: {},
    bodies: [] as CreateResponse[],
    aborted: [] as number[],
    slowNext: false,
    async generate(request: { body: CreateResponse }, context: { signal: AbortSignal }): Promise<AsyncIterable<StreamPart>> {
      adapter.bodies.push(request.body);
      const slow = adapter.slowNext;
      adapter.slowNext = false;
      const turn = adapter.bodies.length;
      async function* parts(): AsyncGenerator<StreamPart> {
        yield { type: 'response-metadata', modelId: 'thinker-1' };
        yield { type: 'reasoning-start', id: 'r' };
        yield { type: 'reasoning-delta', id: 'r', delta: `thinking about turn ${turn}` };
        yield { type: 'reasoning-end', id: 'r', encryptedContent: `signature-${turn}` };
        yield { type: 'text-start', id: 't' };
        for (let index = 0; index < (slow ? 50 : 3); index += 1) {
          if (slow) {
            await new Promise((resolve) => setTimeout(resolve, 100));
            if (context.signal.aborted) {
              adapter.aborted.push(Date.now());
              return;
            }
          }
          yield { type: 'text-delta', id: 't', delta: `answer ${turn} part ${index}. ` };
        }
        yield { type: 'text-end', id: 't' };
        yield { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: { inputTokens: 5, outputTokens: 7 } };
      }
      return parts();
    },
  };
  return adapter;
}

let adapter: ReturnType<typeof thinkingAdapter>;
let rival: ReturnType<typeof thinkingAdapter>;
let gateway: TestGateway;
let client: OpenAI;
beforeAll(async () => {
  adapter = thinkingAdapter();
  rival = thinkingAdapter();
  gateway = await startTestGateway({ adapters: { thinker: adapter, rival } });
  client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await gateway.close();
});

describe('stateful responses on a provider served through generate()', () => {
  it('a streamed follow-up right after completion carries the reasoning item with its signature', async () => {
    const first = await client.responses.create({ model: 'thinker/thinker-1', input: 'Hello thinker', stream: true, include: ['reasoning.encrypted_content'] });
    let id = '';
    for await (const event of first) {
      if (event.type === 'response.completed') {
        id = event.response.id;
        break;
      }
    }
    const second = await client.responses.create({ model: 'thinker/thinker-1', input: 'And now?', previous_response_id: id });
    expect(second.status).toBe('completed');
    const input = adapter.bodies.at(-1)?.input as Array<Record<string, unknown>>;
    expect(input.find((item) => item.type === 'reasoning')).toMatchObject({ encrypted_content: 'signature-1' });
    expect(JSON.stringify(input)).toContain('Hello thinker');
    expect(JSON.stringify(input)).toContain('answer 1 part 0.');
    const stored = await client.responses.retrieve(id);
    expect(stored.output.find((item) => item.type === 'reasoning')).not.toHaveProperty('encrypted_content');
    const withSignature = await client.responses.retrieve(id, { include: ['reasoning.encrypted_content'] });
    expect(withSignature.output.find((item) => item.type === 'reasoning')).toMatchObject({ encrypted_content: 'signature-1' });
  });

  it("moving to another provider carries the transcript but not the first provider's signed reasoning", async () => {
    const first = await client.responses.create({ model: 'thinker/thinker-1', input: 'Start with the thinker' });
    expect(first.output.some((item) => item.type === 'reasoning')).toBe(true);
    await client.responses.create({ model: 'rival/rival-1', input: 'Continue with the rival', previous_response_id: first.id });
    const input = rival.bodies.at(-1)?.input as Array<Record<string, unknown>>;
    expect(input.some((item) => item.type === 'reasoning')).toBe(false);
    expect(JSON.stringify(input)).toContain('Start with the thinker');
    expect(JSON.stringify(input)).toContain(first.output_text);
  });

  it('a background run is cancelled mid-generation and the adapter sees its signal abort', async () => {
    adapter.slowNext = true;
    const queued = await client.responses.create({ model: 'thinker/thinker-1', input: 'Think long', background: true });
    await waitFor(() => client.responses.retrieve(queued.id), (response) => response.status === 'in_progress');
    const before = adapter.aborted.length;
    const cancelled = await client.responses.cancel(queued.id);
    expect(cancelled.status).toBe('cancelled');
    await waitFor(async () => adapter.aborted.length, (count) => count > before, 5000);
    expect(adapter.aborted.length).toBe(before + 1);
    expect((await client.responses.retrieve(queued.id)).status).toBe('cancelled');
  });
});
