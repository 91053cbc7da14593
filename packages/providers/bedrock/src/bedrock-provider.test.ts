import { startFakeBedrockUpstream, type FakeBedrockUpstream } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBedrockAdapter } from './bedrock-provider.js';
import { serveChat, serveResponses } from './test-support/serve-bedrock.js';

let fake: FakeBedrockUpstream;
const credentials = { accessKeyId: 'AKIATESTKEY1234567', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY' };

beforeAll(async () => {
  fake = await startFakeBedrockUpstream({ accessKeyId: credentials.accessKeyId });
});
afterAll(async () => {
  await fake.close();
});

const adapter = () => createBedrockAdapter({ region: 'us-east-1', endpoint: fake.url, credentials });

describe('plain text', () => {
  it.each([false, true])('answers /v1/responses (stream: %s)', async (stream) => {
    const { response } = await serveResponses(adapter(), { input: 'Hello Bedrock', instructions: 'Be brief.', stream });
    expect(response.status).toBe('completed');
    expect(response.output_text ?? response.output.flatMap((item) => (item.type === 'message' ? item.content : [])).map((part) => ('text' in part ? part.text : '')).join('')).toBe('Echo: Hello Bedrock');
    const request = fake.requests.at(-1);
    expect(request?.operation).toBe(stream ? 'converse-stream' : 'converse');
    expect(request?.body).toEqual({ messages: [{ role: 'user', content: [{ text: 'Hello Bedrock' }] }], system: [{ text: 'Be brief.' }] });
  });

  it.each([false, true])('answers /v1/chat/completions (stream: %s)', async (stream) => {
    const result = await serveChat(adapter(), { messages: [{ role: 'user', content: 'Hi there' }], stream, ...(stream ? { stream_options: { include_usage: true } } : {}) });
    expect(result.text).toBe('Echo: Hi there');
    expect(result.finishReason).toBe('stop');
  });
});
