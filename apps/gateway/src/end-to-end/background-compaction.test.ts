import { checkResponsesStream, startFakeAnthropicUpstream, type FakeAnthropicUpstream } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryMessageText } from '../responses/compaction/expand-compaction-items.js';
import { summariseRequest } from '../responses/compaction/summarise-items.js';
import { defineOnBothStorages, type SuiteStorage } from '../test-support/define-on-both-storages.js';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';
import { waitFor } from './stateful-fixture.js';

const model = 'anthropic/claude-sonnet-4-5-20250929';
type Body = { messages: Array<{ role: string; content: unknown }> };
const textOf = (content: unknown): string => (typeof content === 'string' ? content : JSON.stringify(content));

/** `context_management` compaction in a background run, end to end through the fake Anthropic upstream. */
function defineBackgroundCompactionSuite(name: string, openStorage: SuiteStorage): void {
  describe(`automatic compaction in background runs (${name})`, () => {
    let upstream: FakeAnthropicUpstream;
    let gateway: TestGateway;
    let client: OpenAI;
    beforeAll(async () => {
      upstream = await startFakeAnthropicUpstream();
      const storage = await openStorage();
      gateway = await startTestGateway({
        config: { auth: { master_key: testMasterKey }, providers: { anthropic: { type: 'anthropic', api_key: 'sk-ant-fake', base_url: upstream.url } } },
        ...(storage === undefined ? {} : { storage }),
      });
      client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    });
    afterAll(async () => {
      await gateway?.close();
      await upstream?.close();
    });

    it('a run over compact_threshold summarises first, reports the compaction item first and calls the model with the summary', async () => {
      const one = await client.responses.create({ model, input: `My name is Ada.${' filler'.repeat(3000)}` });
      const two = await client.responses.create({ model, previous_response_id: one.id, input: 'I live in Paris.' });
      upstream.enqueue({ kind: 'answer', answer: { text: 'Ada lives in Paris.' } });
      const before = upstream.requests.length;
      const stream = await client.responses.create({
        model,
        previous_response_id: two.id,
        input: 'Where do I live?',
        background: true,
        stream: true,
        context_management: [{ type: 'compaction', compact_threshold: 1000 }],
      } as OpenAI.Responses.ResponseCreateParamsStreaming);
      const events: OpenAI.Responses.ResponseStreamEvent[] = [];
      for await (const event of stream) events.push(event);
      checkResponsesStream(events);
      expect(events.at(-1)?.type).toBe('response.completed');
      const added = events.filter((event) => event.type === 'response.output_item.added') as OpenAI.Responses.ResponseOutputItemAddedEvent[];
      expect(added.map((event) => [event.output_index, event.item.type])).toEqual([
        [0, 'compaction'],
        [1, 'message'],
      ]);

      // The summarising call, then the model call with the summary and the kept turn only.
      expect(upstream.requests.length).toBe(before + 2);
      const summarising = upstream.requests.at(-2)?.body as Body;
      expect(textOf(summarising.messages.at(-1)?.content)).toContain(summariseRequest);
      const answering = (upstream.requests.at(-1)?.body as Body).messages.map((message) => textOf(message.content));
      expect(answering[0]).toContain(JSON.stringify(summaryMessageText('Ada lives in Paris.')).slice(1, -1));
      expect(answering.at(-1)).toContain('Where do I live?');
      expect(answering.join(' ')).not.toContain('filler');

      const id = (events[0] as OpenAI.Responses.ResponseCreatedEvent).response.id;
      const done = await waitFor(() => client.responses.retrieve(id), (response) => response.status === 'completed');
      expect((done.output as unknown as Array<{ type: string }>).map((item) => item.type)).toEqual(['compaction', 'message']);
      expect(done.output).toEqual((events.at(-1) as OpenAI.Responses.ResponseCompletedEvent).response.output);
      // The stored events replay exactly what was streamed.
      const replay: OpenAI.Responses.ResponseStreamEvent[] = [];
      for await (const event of await client.responses.retrieve(id, { stream: true })) replay.push(event);
      expect(replay).toEqual(events);
    });
  });
}

defineOnBothStorages('background-compaction', defineBackgroundCompactionSuite);
