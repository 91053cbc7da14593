import { checkResponsesStream } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCompactionToken } from '../responses/compaction/compaction-token.js';
import { summaryMessageText } from '../responses/compaction/expand-compaction-items.js';
import { summariseInstructions, summariseRequest } from '../responses/compaction/summarise-items.js';
import { startTestGateway, testMasterKey } from '../test-support/start-test-gateway.js';
import { startStatefulFixture, type StatefulFixture } from './stateful-fixture.js';

let fixture: StatefulFixture;
beforeAll(async () => {
  fixture = await startStatefulFixture(undefined);
});
afterAll(async () => {
  await fixture?.close();
});

type Message = { role: string; content: unknown };
function upstreamMessages(index = -1): Message[] {
  return (fixture.groq.requests.at(index)?.body as { messages: Message[] }).messages;
}

async function twoTurns(first = 'My name is Ada.'): Promise<string> {
  const one = await fixture.client.responses.create({ model: 'groq/llama-3.3-70b', input: first });
  const two = await fixture.client.responses.create({ model: 'groq/llama-3.3-70b', previous_response_id: one.id, input: 'I live in Paris.' });
  return two.id;
}

describe('POST /v1/responses/compact for a provider without native compaction', () => {
  it('summarises the older turns with one upstream call and keeps the last turn', async () => {
    const previous = await twoTurns();
    fixture.groq.enqueue({ kind: 'answer', answer: { text: 'Ada lives in Paris.' } });
    const before = fixture.groq.requests.length;
    const compacted = await fixture.client.responses.compact({ model: 'groq/llama-3.3-70b', previous_response_id: previous, input: 'What is my name?' });
    expect(fixture.groq.requests.length).toBe(before + 1);
    expect(fixture.groq.requests.at(-1)?.body).toEqual({
      model: 'llama-3.3-70b',
      messages: [
        { role: 'system', content: summariseInstructions },
        { role: 'user', content: 'My name is Ada.' },
        { role: 'assistant', content: 'Echo: My name is Ada.' },
        { role: 'user', content: 'I live in Paris.' },
        { role: 'assistant', content: 'Echo: I live in Paris.' },
        { role: 'user', content: summariseRequest },
      ],
    });
    expect(compacted.object).toBe('response.compaction');
    expect(compacted.id).toMatch(/^resp_/);
    expect(compacted.usage.total_tokens).toBeGreaterThan(0);
    // OpenAI's order for /responses/compact: the kept items, then the compaction item last.
    const [kept, compaction, ...rest] = compacted.output as unknown as Array<Record<string, unknown>>;
    expect(rest).toEqual([]);
    expect(compaction).toMatchObject({ type: 'compaction', id: expect.stringMatching(/^cmp_/) });
    expect(String(compaction?.encrypted_content)).toMatch(/^switchyard-compaction:/);
    expect(decodeCompactionToken(compaction?.encrypted_content)).toMatchObject({ summary: 'Ada lives in Paris.', model: 'groq/llama-3.3-70b', replacedItems: 4, keptItems: 1 });
    expect(kept).toMatchObject({ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'What is my name?' }] });

    // The compacted items are the next request's whole history.
    const followUp = await fixture.client.responses.create({
      model: 'groq/llama-3.3-70b',
      input: compacted.output as unknown as OpenAI.Responses.ResponseInputItem[],
    });
    expect(followUp.status).toBe('completed');
    expect(upstreamMessages()).toEqual([
      { role: 'user', content: summaryMessageText('Ada lives in Paris.') },
      { role: 'user', content: 'What is my name?' },
    ]);
  });

  it('drops a compaction item another provider made, with a warning', async () => {
    const { response, data } = await fixture.client.responses
      .create({
        model: 'groq/llama-3.3-70b',
        input: [{ type: 'compaction', encrypted_content: 'gAAAA-openai-opaque' } as unknown as OpenAI.Responses.ResponseInputItem, { role: 'user', content: 'Hello' }],
      })
      .withResponse();
    expect(data.status).toBe('completed');
    expect(upstreamMessages()).toEqual([{ role: 'user', content: 'Hello' }]);
    expect(response.headers.get('x-switchyard-warnings')).toContain('compaction');
  });
});

describe('compaction with OpenAI (native)', () => {
  it('passes /responses/compact through, and the compaction item OpenAI made goes back to OpenAI untouched', async () => {
    const groqBefore = fixture.groq.requests.length;
    const compacted = await fixture.client.responses.compact({ model: 'openai/gpt-4o-mini', input: [{ role: 'user', content: 'Long story.' }] });
    expect(fixture.upstream.requests.at(-1)?.path).toMatch(/\/responses\/compact$/);
    expect(fixture.upstream.requests.at(-1)?.body).toMatchObject({ model: 'gpt-4o-mini' });
    const opaque = (compacted.output as unknown as Array<Record<string, unknown>>).find((item) => item.type === 'compaction');
    expect(opaque?.encrypted_content).toBe('fake-encrypted-compaction');
    await fixture.client.responses.create({ model: 'openai/gpt-4o-mini', input: [opaque as unknown as OpenAI.Responses.ResponseInputItem, { role: 'user', content: 'Go on.' }] });
    const input = (fixture.upstream.requests.at(-1)?.body as { input: Array<Record<string, unknown>> }).input;
    expect(input[0]).toMatchObject({ type: 'compaction', encrypted_content: 'fake-encrypted-compaction' });
    expect(fixture.groq.requests.length).toBe(groqBefore);
  });
});

describe('context_management compaction for a provider without native compaction', () => {
  it('compacts before the call when the input exceeds compact_threshold, and the chain continues from the summary', async () => {
    const previous = await twoTurns(`My name is Ada.${' filler'.repeat(3000)}`);
    fixture.groq.enqueue({ kind: 'answer', answer: { text: 'Ada, Paris.' } });
    const before = fixture.groq.requests.length;
    const response = await fixture.client.responses.create({
      model: 'groq/llama-3.3-70b',
      previous_response_id: previous,
      input: 'Where do I live?',
      context_management: [{ type: 'compaction', compact_threshold: 1000 }],
    } as OpenAI.Responses.ResponseCreateParamsNonStreaming);
    expect(fixture.groq.requests.length).toBe(before + 2);
    expect(upstreamMessages(-2).at(-1)).toEqual({ role: 'user', content: summariseRequest });
    expect(upstreamMessages()).toEqual([
      { role: 'user', content: summaryMessageText('Ada, Paris.') },
      { role: 'user', content: 'Where do I live?' },
    ]);
    expect((fixture.groq.requests.at(-1)?.body as Record<string, unknown>).context_management).toBeUndefined();
    const output = response.output as unknown as Array<Record<string, unknown>>;
    expect(output[0]).toMatchObject({ type: 'compaction', id: expect.stringMatching(/^cmp_/) });
    expect(output[1]).toMatchObject({ type: 'message', role: 'assistant' });

    // The next turn starts from the summary and the kept turn, not from the replaced items.
    await fixture.client.responses.create({ model: 'groq/llama-3.3-70b', previous_response_id: response.id, input: 'Thanks.' });
    expect(upstreamMessages()).toEqual([
      { role: 'user', content: summaryMessageText('Ada, Paris.') },
      { role: 'user', content: 'Where do I live?' },
      { role: 'assistant', content: 'Echo: Where do I live?' },
      { role: 'user', content: 'Thanks.' },
    ]);
  });

  it('reports the compaction item first in a streamed create; the stored object, GET, input_items and the chain agree', async () => {
    const previous = await twoTurns(`My name is Grace.${' filler'.repeat(3000)}`);
    fixture.groq.enqueue({ kind: 'answer', answer: { text: 'Grace, Paris.' } });
    const stream = await fixture.client.responses.create({
      model: 'groq/llama-3.3-70b',
      previous_response_id: previous,
      input: 'Where do I live now?',
      stream: true,
      context_management: [{ type: 'compaction', compact_threshold: 1000 }],
    } as OpenAI.Responses.ResponseCreateParamsStreaming);
    const events: OpenAI.Responses.ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    checkResponsesStream(events);
    expect(events.map((event) => event.type).slice(0, 4)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.output_item.done',
    ]);
    expect(events[2]).toMatchObject({ output_index: 0, item: { type: 'compaction', id: expect.stringMatching(/^cmp_/) } });
    expect(events.find((event) => event.type === 'response.output_text.delta')).toMatchObject({ output_index: 1 });
    const completed = events.at(-1) as OpenAI.Responses.ResponseCompletedEvent;
    expect(completed.type).toBe('response.completed');
    const types = (completed.response.output as unknown as Array<{ type: string }>).map((item) => item.type);
    expect(types).toEqual(['compaction', 'message']);
    expect(decodeCompactionToken((completed.response.output[0] as unknown as { encrypted_content: string }).encrypted_content)).toMatchObject({ summary: 'Grace, Paris.' });

    const fetched = await fixture.client.responses.retrieve(completed.response.id);
    expect(fetched.output).toEqual(completed.response.output);
    const items = await fixture.client.responses.inputItems.list(completed.response.id);
    expect(items.data.map((item) => (item as { content: Array<{ text: string }> }).content[0]?.text)).toEqual(['Where do I live now?']);

    await fixture.client.responses.create({ model: 'groq/llama-3.3-70b', previous_response_id: completed.response.id, input: 'Thanks.' });
    expect(upstreamMessages()).toEqual([
      { role: 'user', content: summaryMessageText('Grace, Paris.') },
      { role: 'user', content: 'Where do I live now?' },
      { role: 'assistant', content: 'Echo: Where do I live now?' },
      { role: 'user', content: 'Thanks.' },
    ]);
  });

  it('a client chaining statelessly (output appended to input) continues from the summary', async () => {
    const long = `My name is Hedy.${' filler'.repeat(3000)}`;
    const history: OpenAI.Responses.ResponseInputItem[] = [
      { role: 'user', content: long },
      { role: 'assistant', content: 'Noted.' },
      { role: 'user', content: 'Which city?' },
    ];
    fixture.groq.enqueue({ kind: 'answer', answer: { text: 'Hedy.' } });
    const first = await fixture.client.responses.create({
      model: 'groq/llama-3.3-70b',
      input: history,
      context_management: [{ type: 'compaction', compact_threshold: 1000 }],
    } as OpenAI.Responses.ResponseCreateParamsNonStreaming);
    expect((first.output as unknown as Array<{ type: string }>).map((item) => item.type)).toEqual(['compaction', 'message']);
    await fixture.client.responses.create({
      model: 'groq/llama-3.3-70b',
      input: [...history, ...(first.output as unknown as OpenAI.Responses.ResponseInputItem[]), { role: 'user', content: 'Vienna.' }],
    });
    const sent = upstreamMessages();
    expect(sent[0]).toEqual({ role: 'user', content: summaryMessageText('Hedy.') });
    expect(sent.slice(1).map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(JSON.stringify(sent)).not.toContain('filler');
  });

  it('does not compact under the threshold, and never sends context_management to a chat provider', async () => {
    const before = fixture.groq.requests.length;
    const response = await fixture.client.responses.create({
      model: 'groq/llama-3.3-70b',
      input: 'Short.',
      context_management: [{ type: 'compaction', compact_threshold: 1000 }],
    } as OpenAI.Responses.ResponseCreateParamsNonStreaming);
    expect(fixture.groq.requests.length).toBe(before + 1);
    expect(upstreamMessages()).toEqual([{ role: 'user', content: 'Short.' }]);
    expect((response.output as unknown as Array<{ type: string }>).map((item) => item.type)).toEqual(['message']);
  });
});

describe('the compaction config section', () => {
  it('sends the summarising call to compaction.model and keeps keep_last_turns turns', async () => {
    const gateway = await startTestGateway({
      config: {
        auth: { master_key: testMasterKey },
        providers: {
          openai: { type: 'openai', api_key: 'sk-upstream', base_url: fixture.upstream.url },
          groq: { type: 'groq', api_key: 'gsk-fake', base_url: fixture.groq.url },
        },
        compaction: { model: 'openai/gpt-4o-mini', keep_last_turns: 0 },
      },
    });
    try {
      const client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
      fixture.upstream.enqueue({ kind: 'answer', answer: { text: 'Configured summary.' } });
      const groqBefore = fixture.groq.requests.length;
      const compacted = await client.responses.compact({ model: 'groq/llama-3.3-70b', input: [{ role: 'user', content: 'One.' }] });
      expect(fixture.groq.requests.length).toBe(groqBefore);
      expect(fixture.upstream.requests.at(-1)?.body).toMatchObject({
        model: 'gpt-4o-mini',
        instructions: summariseInstructions,
        input: [{ role: 'user', content: 'One.' }, { role: 'user', content: summariseRequest }],
      });
      expect(compacted.output).toHaveLength(1);
      expect(decodeCompactionToken((compacted.output[0] as { encrypted_content?: string }).encrypted_content)).toMatchObject({
        summary: 'Configured summary.',
        model: 'openai/gpt-4o-mini',
        replacedItems: 1,
      });
    } finally {
      await gateway.close();
    }
  });
});
