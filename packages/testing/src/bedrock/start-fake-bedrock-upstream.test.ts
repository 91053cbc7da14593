import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBedrockFrame } from './encode-bedrock-event-frame.js';
import { startFakeBedrockUpstream, type FakeBedrockUpstream } from './start-fake-bedrock-upstream.js';

let fake: FakeBedrockUpstream;
beforeAll(async () => {
  fake = await startFakeBedrockUpstream({ accessKeyId: 'AKIDFAKE' });
});
afterAll(async () => {
  await fake.close();
});

/** The shape of a SigV4 header (the fake checks the shape and the key id, not the signature). */
const signed = (keyId = 'AKIDFAKE') => ({
  'content-type': 'application/json',
  'x-amz-date': '20261122T000000Z',
  authorization: `AWS4-HMAC-SHA256 Credential=${keyId}/20261122/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'a'.repeat(64)}`,
});

const post = (path: string, body: unknown, headers: Record<string, string> = signed()) => fetch(`${fake.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
const user = (text: string) => ({ messages: [{ role: 'user', content: [{ text }] }] });

/** Splits an event-stream body into frames by their total-length prelude. */
function frames(bytes: Uint8Array): Array<{ headers: Record<string, string>; payload: unknown }> {
  const result = [];
  let offset = 0;
  while (offset < bytes.length) {
    const length = new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0);
    result.push(decodeBedrockFrame(bytes.subarray(offset, offset + length)));
    offset += length;
  }
  return result;
}

describe('startFakeBedrockUpstream', () => {
  it('answers Converse with JSON and records the decoded model id', async () => {
    const response = await post('/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse', user('hello'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      output: { message: { role: 'assistant', content: [{ text: 'Echo: hello' }] } },
      stopReason: 'end_turn',
      usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 },
      metrics: { latencyMs: 42 },
    });
    expect(fake.requests.at(-1)).toMatchObject({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', operation: 'converse' });
  });

  it('streams ConverseStream as binary event-stream frames with Bedrock headers', async () => {
    const response = await post('/model/m/converse-stream', user('one two three'));
    expect(response.headers.get('content-type')).toBe('application/vnd.amazon.eventstream');
    const decoded = frames(new Uint8Array(await response.arrayBuffer()));
    expect(decoded.map((frame) => frame.headers[':event-type'])).toEqual(['messageStart', 'contentBlockDelta', 'contentBlockDelta', 'contentBlockStop', 'messageStop', 'metadata']);
    expect(decoded.every((frame) => frame.headers[':message-type'] === 'event' && frame.headers[':content-type'] === 'application/json')).toBe(true);
    const text = decoded.map((frame) => (frame.payload as { delta?: { text?: string } }).delta?.text ?? '').join('');
    expect(text).toBe('Echo: one two three');
    expect(decoded[1]?.payload).toMatchObject({ contentBlockIndex: 0, p: expect.any(String) });
  });

  it('sends tool uses for "call <tool>", reasoning when thinking is on, and exception frames when scripted', async () => {
    const tools = { toolConfig: { tools: [{ toolSpec: { name: 'lookup', inputSchema: { json: { type: 'object', properties: { q: { type: 'string' } } } } } }] } };
    const toolAnswer = (await (await post('/model/m/converse', { ...user('please call lookup'), ...tools })).json()) as { stopReason: string; output: { message: { content: unknown[] } } };
    expect(toolAnswer.stopReason).toBe('tool_use');
    expect(toolAnswer.output.message.content).toEqual([{ toolUse: { toolUseId: expect.stringMatching(/^tooluse_/), name: 'lookup', input: { q: 'Paris' } } }]);

    const thinking = (await (await post('/model/m/converse', { ...user('why'), additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 1024 } } })).json()) as {
      output: { message: { content: Array<Record<string, unknown>> } };
    };
    expect(thinking.output.message.content[0]).toEqual({ reasoningContent: { reasoningText: { text: expect.any(String), signature: expect.stringMatching(/^sig_/) } } });

    fake.enqueue({ kind: 'stream-exception', exceptionType: 'throttlingException', afterEvents: 1, message: 'Slow down.' });
    const decoded = frames(new Uint8Array(await (await post('/model/m/converse-stream', user('a b c'))).arrayBuffer()));
    expect(decoded.at(-1)).toEqual({
      headers: { ':exception-type': 'throttlingException', ':content-type': 'application/json', ':message-type': 'exception' },
      payload: { message: 'Slow down.' },
    });
  });

  it.each([
    ['no authorization', {}, 403, 'AccessDeniedException'],
    ['another key', signed('AKIDOTHER'), 403, 'UnrecognizedClientException'],
  ])('refuses a request with %s', async (_, headers, status, errorType) => {
    const response = await post('/model/m/converse', user('x'), { 'content-type': 'application/json', ...headers });
    expect(response.status).toBe(status);
    expect(response.headers.get('x-amzn-errortype')).toMatch(new RegExp(`^${errorType}:`));
  });

  it.each([
    ['two user turns in a row', { messages: [{ role: 'user', content: [{ text: 'a' }] }, { role: 'user', content: [{ text: 'b' }] }] }, /alternate/],
    ['an assistant first', { messages: [{ role: 'assistant', content: [{ text: 'a' }] }] }, /start with a user message/],
    ['empty content', { messages: [{ role: 'user', content: [] }] }, /is empty/],
    ['tool blocks without toolConfig', { messages: [{ role: 'user', content: [{ toolResult: { toolUseId: 't', content: [{ text: 'x' }] } }] }] }, /toolConfig/],
  ])('rejects %s with a ValidationException, as Bedrock does', async (_, body, message) => {
    const response = await post('/model/m/converse', body);
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^ValidationException:/);
    expect(((await response.json()) as { message: string }).message).toMatch(message);
  });

  it('plays scripted HTTP errors with their Bedrock status', async () => {
    fake.enqueue({ kind: 'error', errorType: 'ModelTimeoutException' });
    const response = await post('/model/m/converse', user('x'));
    expect(response.status).toBe(408);
    expect(await response.json()).toEqual({ message: 'ModelTimeoutException (scripted by the test)' });
  });
});
