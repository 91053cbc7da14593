import { contractDocument } from '@switchyard/contract';
import { createChatCompletion, createResponse, createResponseStream, createSwitchyardClient, listModels } from '@switchyard/sdk';
import type { Client } from '@switchyard/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from './index.js';
import type { MockServer } from './index.js';

type MediaType = { examples?: Record<string, { $ref?: string; value?: unknown }>; example?: unknown };

/** The value of the first example of an operation's 200 media type (what Prism serves by default). */
function firstExample(path: string, method: 'get' | 'post', mediaType: string): unknown {
  const document = contractDocument as unknown as Record<string, any>;
  const media: MediaType = document.paths[path][method].responses['200'].content[mediaType];
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  const reference = first?.$ref?.replace('#/components/examples/', '');
  return reference ? document.components.examples[reference].value : first?.value;
}

function parseSseTranscript(transcript: string): unknown[] {
  return transcript
    .split('\n\n')
    .map((frame) => frame.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.replace(/^data:\s?/, '')).join('\n'))
    .filter((data) => data !== '' && data !== '[DONE]')
    .map((data) => JSON.parse(data) as unknown);
}

let mock: MockServer;
let client: Client;

beforeAll(async () => {
  mock = await startMockServer();
  client = createSwitchyardClient({ baseUrl: mock.url, apiKey: 'sk-mock' });
}, 30_000);

afterAll(async () => {
  await mock?.close();
});

describe('the Prism mock of the contract', () => {
  it('answers createResponse with the documented example', async () => {
    const { data, response } = await createResponse({ client, body: { model: 'openai/gpt-4o', input: 'Tell me a story.' } });
    expect(response.status).toBe(200);
    expect(data).toEqual(firstExample('/v1/responses', 'post', 'application/json'));
  });

  it('answers createChatCompletion with the documented example', async () => {
    const { data, response } = await createChatCompletion({ client, body: { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] } });
    expect(response.status).toBe(200);
    expect(data).toEqual(firstExample('/v1/chat/completions', 'post', 'application/json'));
  });

  it('answers listModels with the documented example', async () => {
    const { data } = await listModels({ client });
    expect(data).toEqual(firstExample('/v1/models', 'get', 'application/json'));
    expect(data?.data.length).toBeGreaterThan(0);
  });

  it('streams the documented SSE transcript when asked for text/event-stream', async () => {
    const events = [];
    for await (const event of createResponseStream({ client, body: { model: 'openai/gpt-4o', input: 'Tell me a story.' } })) events.push(event);
    const transcript = firstExample('/v1/responses', 'post', 'text/event-stream');
    expect(typeof transcript).toBe('string');
    expect(events).toEqual(parseSseTranscript(transcript as string));
    expect(events.at(-1)).toMatchObject({ type: expect.stringMatching(/^response\.(completed|failed|incomplete)$/) });
  });

  it('answers a request without a key with the documented 401', async () => {
    const anonymous = createSwitchyardClient({ baseUrl: mock.url });
    const { response, error } = await listModels({ client: anonymous });
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ error: { type: expect.any(String), message: expect.any(String) } });
  });
});
