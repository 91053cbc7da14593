import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createChatCompletionStream,
  createResponse,
  createResponseStream,
  createSwitchyardClient,
  listModels,
  retrieveModel,
  SwitchyardStreamError,
} from './index.js';
import type { Client, ResponseStreamEvent } from './index.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

const seen: Seen[] = [];
const responseBody = {
  id: 'resp_1',
  object: 'response',
  created_at: 1_732_000_000,
  status: 'completed',
  model: 'openai/gpt-4o',
  output: [{ type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Hi!', annotations: [] }] }],
};
const responseEvents = [
  { type: 'response.output_text.delta', sequence_number: 1, item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hi', logprobs: [] },
  { type: 'response.output_text.delta', sequence_number: 2, item_id: 'msg_1', output_index: 0, content_index: 0, delta: '!', logprobs: [] },
];
const chatChunks = [
  { id: 'chatcmpl_1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content: 'He' }, finish_reason: null }] },
  { id: 'chatcmpl_1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: 'llo' }, finish_reason: 'stop' }] },
];

function sendSse(response: ServerResponse, frames: string[]) {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const frame of frames) response.write(frame);
  response.end();
}

async function handle(request: IncomingMessage, response: ServerResponse) {
  let raw = '';
  for await (const chunk of request) raw += chunk;
  const body: unknown = raw ? JSON.parse(raw) : undefined;
  seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
  const wantsStream = (body as { stream?: boolean } | undefined)?.stream === true;
  if (request.url === '/v1/models') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: [{ id: 'openai/gpt-4o', object: 'model', created: 1, owned_by: 'openai' }] }));
  } else if (request.url?.startsWith('/v1/models/')) {
    const id = decodeURIComponent(request.url.slice('/v1/models/'.length));
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id, object: 'model', created: 1, owned_by: 'openai' }));
  } else if (request.url === '/v1/responses' && (body as { model?: string }).model === 'bad/model') {
    const error = { message: "The model 'bad/model' does not exist.", type: 'invalid_request_error', param: 'model', code: 'model_not_found' };
    response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error }));
  } else if (request.url === '/v1/responses' && (body as { model?: string }).model === 'slow/model') {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(`data: ${JSON.stringify(responseEvents[0])}\n\n`);
    response.on('close', () => markSlowStreamClosed());
  } else if (request.url === '/v1/responses' && wantsStream) {
    sendSse(response, responseEvents.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`));
  } else if (request.url === '/v1/responses') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(responseBody));
  } else if (request.url === '/v1/chat/completions' && wantsStream) {
    sendSse(response, [...chatChunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`), 'data: [DONE]\n\n']);
  } else {
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"no route","type":"invalid_request_error","param":null,"code":null}}');
  }
}

let markSlowStreamClosed: () => void = () => undefined;
const slowStreamClosed = new Promise<void>((resolve) => {
  markSlowStreamClosed = resolve;
});
let server: Server;
let client: Client;

beforeAll(async () => {
  server = createServer((request, response) => void handle(request, response));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  client = createSwitchyardClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: 'sk-switchyard-test' });
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

const last = () => seen.at(-1)!;

describe('generated operations', () => {
  it('creates a response and returns the typed JSON body', async () => {
    const { data, response } = await createResponse({ client, body: { model: 'openai/gpt-4o', input: 'Hello' } });
    expect(response.status).toBe(200);
    expect(data?.id).toBe('resp_1');
    expect(data?.output[0]).toMatchObject({ type: 'message', role: 'assistant' });
    expect(last()).toMatchObject({ method: 'POST', url: '/v1/responses', body: { model: 'openai/gpt-4o', input: 'Hello' } });
    expect(last().headers.authorization).toBe('Bearer sk-switchyard-test');
    expect(last().headers['x-api-key']).toBeUndefined();
  });

  it('lists models and encodes a provider/model path parameter', async () => {
    const { data: models } = await listModels({ client });
    expect(models?.data.map((model) => model.id)).toEqual(['openai/gpt-4o']);
    const { data: model } = await retrieveModel({ client, path: { model: 'openai/gpt-4o' } });
    expect(last().url).toBe('/v1/models/openai%2Fgpt-4o');
    expect(model?.id).toBe('openai/gpt-4o');
  });

  it('returns the error envelope of a failed request', async () => {
    const { data, error, response } = await createResponse({ client, body: { model: 'bad/model', input: 'x' } });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ error: { code: 'model_not_found', param: 'model' } });
  });
});

describe('streaming helpers', () => {
  it('streams typed Responses API events', async () => {
    const events: ResponseStreamEvent[] = [];
    for await (const event of createResponseStream({ client, body: { model: 'openai/gpt-4o', input: 'Hello' } })) events.push(event);
    expect(events).toEqual(responseEvents);
    const text = events.map((event) => (event.type === 'response.output_text.delta' ? event.delta : '')).join('');
    expect(text).toBe('Hi!');
    expect(last().body).toMatchObject({ stream: true });
    expect(last().headers.accept).toBe('text/event-stream');
    expect(last().headers.authorization).toBe('Bearer sk-switchyard-test');
  });

  it('streams chat chunks and stops at [DONE]', async () => {
    const chunks = [];
    for await (const chunk of createChatCompletionStream({ client, body: { model: 'm', messages: [{ role: 'user', content: 'Hi' }] } })) chunks.push(chunk);
    expect(chunks).toEqual(chatChunks);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content).join('')).toBe('Hello');
  });

  it('closes the connection when the consumer stops early', async () => {
    for await (const event of createResponseStream({ client, body: { model: 'slow/model', input: 'x' } })) {
      expect(event.type).toBe('response.output_text.delta');
      break;
    }
    await slowStreamClosed;
  });

  it('throws the server error instead of retrying or ending silently', async () => {
    const before = seen.length;
    const stream = createResponseStream({ client, body: { model: 'bad/model', input: 'x' } });
    const failure = await stream.next().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SwitchyardStreamError);
    expect(failure).toMatchObject({ status: 404, isRetryable: false, error: { code: 'model_not_found' } });
    expect(seen.length - before).toBe(1);
  });
});
