import { startFakeAnthropicUpstream, type FakeAnthropicUpstream } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryMessageText } from '../responses/compaction/expand-compaction-items.js';
import { summariseInstructions, summariseRequest } from '../responses/compaction/summarise-items.js';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

let upstream: FakeAnthropicUpstream;
let gateway: TestGateway;
let client: OpenAI;
beforeAll(async () => {
  upstream = await startFakeAnthropicUpstream();
  gateway = await startTestGateway({
    config: { auth: { master_key: testMasterKey }, providers: { anthropic: { type: 'anthropic', api_key: 'sk-ant-fake', base_url: upstream.url } } },
  });
  client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

const model = 'anthropic/claude-sonnet-4-5-20250929';
type Body = { system?: unknown; messages: Array<{ role: string; content: unknown }> };
const texts = (body: Body) => body.messages.map((message) => ({ role: message.role, text: JSON.stringify(message.content) }));

describe('compaction through Anthropic (no native compaction)', () => {
  it('summarises with a Messages call and the follow-up starts from the summary', async () => {
    const one = await client.responses.create({ model, input: 'My name is Ada.' });
    const two = await client.responses.create({ model, previous_response_id: one.id, input: 'I live in Paris.' });
    upstream.enqueue({ kind: 'answer', answer: { text: 'Ada lives in Paris.' } });
    const compacted = await client.responses.compact({ model, previous_response_id: two.id, input: 'What is my name?' });
    const summarising = upstream.requests.at(-1)?.body as Body;
    expect(summarising).toMatchObject({ model: 'claude-sonnet-4-5-20250929' });
    expect(JSON.stringify(summarising.system)).toContain(JSON.stringify(summariseInstructions).slice(1, -1));
    const roles = summarising.messages.map((message) => message.role);
    expect(roles).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
    expect(texts(summarising).at(-1)?.text).toContain(summariseRequest);
    expect(texts(summarising)[0]?.text).toContain('My name is Ada.');
    expect((compacted.output as unknown as Array<{ type: string }>).map((item) => item.type)).toEqual(['message', 'compaction']);

    await client.responses.create({ model, input: compacted.output as unknown as OpenAI.Responses.ResponseInputItem[] });
    const followUp = upstream.requests.at(-1)?.body as Body;
    const joined = JSON.stringify(followUp.messages);
    expect(joined).toContain(JSON.stringify(summaryMessageText('Ada lives in Paris.')).slice(1, -1));
    expect(joined).toContain('What is my name?');
    expect(joined).not.toContain('I live in Paris.');
  });
});
