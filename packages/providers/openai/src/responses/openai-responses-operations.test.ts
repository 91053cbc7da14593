import { GatewayError, UpstreamError } from '@switchyard/core';
import { checkResponsesStream, startFakeOpenAIUpstream, type FakeOpenAIUpstream } from '@switchyard/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAIAdapter } from '../openai-provider.js';
import type { OpenAIAdapter } from '../create-openai-adapter-from-config.js';
import { asStream, collect, createTestContext, rejectionOf } from '../test-support/create-test-context.js';

const apiKey = 'sk-test-responses-0123456789';

interface StreamEvent {
  type: string;
  sequence_number: number;
  [key: string]: unknown;
}

let fake: FakeOpenAIUpstream;
let adapter: OpenAIAdapter;
const warnings: Array<{ message: string; details: Readonly<Record<string, unknown>> }> = [];

beforeEach(async () => {
  // Background responses stay queued for the whole test, so cancel always finds them running.
  fake = await startFakeOpenAIUpstream({ apiKey, backgroundDelayMs: 60_000 });
  warnings.length = 0;
  adapter = createOpenAIAdapter({
    apiKey,
    baseURL: fake.url,
    organization: 'org-test',
    project: 'proj_test',
    logger: { warn: (message, details) => warnings.push({ message, details }) },
  });
});

afterEach(async () => {
  await adapter.close();
  await fake.close();
});

const operations = () => {
  const { createResponse, getResponse, deleteResponse, cancelResponse, listInputItems, countInputTokens, compactResponse } = adapter.operations;
  if (!createResponse || !getResponse || !deleteResponse || !cancelResponse || !listInputItems || !countInputTokens || !compactResponse) {
    throw new Error('the OpenAI adapter must implement every Responses operation');
  }
  return { createResponse, getResponse, deleteResponse, cancelResponse, listInputItems, countInputTokens, compactResponse };
};

// Request bodies are built as plain objects: the adapter forwards whatever the contract accepted.
type CreateInput = Parameters<ReturnType<typeof operations>['createResponse']>[0];
const createInput = (body: Record<string, unknown>): CreateInput => ({ body } as unknown as CreateInput);

const frame = (event: Record<string, unknown>) => ({ event: String(event['type']), data: event });

describe('createResponse (JSON)', () => {
  it('sends the client body with the model rewritten and gateway-only fields removed', async () => {
    const context = createTestContext({ requestId: 'req_abc', upstreamModel: 'gpt-4.1' });
    const body = {
      model: 'openai/gpt-4.1',
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'Hello' }] }],
      instructions: 'Be brief.',
      temperature: 0.3,
      max_output_tokens: 64,
      tools: [{ type: 'web_search' }],
      metadata: { team: 'a' },
      some_future_parameter: { nested: [1, 2] },
      provider: { order: ['openai'] },
      tags: ['billing'],
      trace: { id: 't1' },
    };
    const response = (await operations().createResponse(createInput(body), context)) as unknown as Record<string, unknown>;
    expect(response['object']).toBe('response');

    const [request] = fake.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/responses');
    expect(request?.headers['authorization']).toBe(`Bearer ${apiKey}`);
    expect(request?.headers['openai-organization']).toBe('org-test');
    expect(request?.headers['openai-project']).toBe('proj_test');
    expect(request?.headers['x-client-request-id']).toBe('req_abc');
    const { provider: _provider, tags: _tags, trace: _trace, ...forwarded } = body;
    expect(request?.body).toEqual({ ...forwarded, model: 'gpt-4.1' });
    expect(request?.rawBody).not.toMatch(/"provider"|"tags"|"trace"/);
  });
});

describe('createResponse (stream)', () => {
  it('relays a valid event stream, in order, with contiguous sequence numbers', async () => {
    const context = createTestContext();
    const result = await operations().createResponse(createInput({ model: 'x', input: 'Say hi', stream: true }), context);
    const events = await collect(asStream<StreamEvent>(result));
    expect(events[0]?.type).toBe('response.created');
    expect(events.at(-1)?.type).toBe('response.completed');
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_event, index) => index));
    checkResponsesStream(events);
    expect(context.warnings).toEqual([]);
  });

  it('yields the first event while the upstream is still writing, and stopping early closes the upstream', async () => {
    fake.enqueue({ kind: 'slow-stream', intervalMs: 40, answer: { text: 'one two three four five six seven eight nine ten' } });
    const result = await operations().createResponse(createInput({ model: 'x', input: 'hi', stream: true }), createTestContext());
    for await (const event of asStream<StreamEvent>(result)) {
      expect(event.type).toBe('response.created');
      break;
    }
    const abort = await fake.waitForClientAbort({ timeoutMs: 5_000 });
    expect(abort.streaming).toBe(true);
    expect(abort.framesWritten).toBeLessThan(5);
  });

  it('flags a sequence_number gap without renumbering', async () => {
    const events = [
      { type: 'response.created', sequence_number: 0, response: { id: 'resp_1', object: 'response', status: 'in_progress', output: [] } },
      { type: 'response.in_progress', sequence_number: 1, response: { id: 'resp_1', object: 'response', status: 'in_progress', output: [] } },
      { type: 'response.completed', sequence_number: 4, response: { id: 'resp_1', object: 'response', status: 'completed', output: [] } },
    ];
    fake.enqueue({ kind: 'reply', sse: events.map(frame) });
    const context = createTestContext();
    const relayed = await collect(asStream<StreamEvent>(await operations().createResponse(createInput({ model: 'x', input: 'hi', stream: true }), context)));
    expect(relayed).toEqual(events);
    expect(context.warnings).toHaveLength(1);
    expect(context.warnings[0]?.message).toContain('from 1 to 4');
    expect(warnings[0]?.details).toMatchObject({ expected: 2, received: 4 });
  });

  it('relays hosted-tool items and unknown fields untouched', async () => {
    const item = { type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'switchyard', sources: [{ url: 'https://example.com' }] }, future_field: { a: 1 } };
    const events = [
      { type: 'response.created', sequence_number: 0, response: { id: 'resp_1', status: 'in_progress', output: [] } },
      { type: 'response.output_item.added', sequence_number: 1, output_index: 0, item: { ...item, status: 'in_progress' } },
      { type: 'response.web_search_call.completed', sequence_number: 2, output_index: 0, item_id: 'ws_1' },
      { type: 'response.output_item.done', sequence_number: 3, output_index: 0, item },
      { type: 'response.completed', sequence_number: 4, response: { id: 'resp_1', status: 'completed', output: [item] } },
    ];
    fake.enqueue({ kind: 'reply', sse: events.map(frame) });
    const relayed = await collect(asStream(await operations().createResponse(createInput({ model: 'x', input: 'hi', stream: true }), createTestContext())));
    expect(relayed).toEqual(events);
  });

  it('throws an UpstreamError when the first event is an error', async () => {
    fake.enqueue({ kind: 'reply', sse: [frame({ type: 'error', code: 'rate_limit_exceeded', message: 'Too many requests', param: null, sequence_number: 0 })] });
    const error = await rejectionOf(operations().createResponse(createInput({ model: 'x', input: 'hi', stream: true }), createTestContext()));
    expect(error).toBeInstanceOf(UpstreamError);
    expect([(error as UpstreamError).status, (error as UpstreamError).code, (error as UpstreamError).isRetryable]).toEqual([429, 'rate_limit_exceeded', true]);
  });

  it('relays an error event that arrives after output began, as the terminal event', async () => {
    fake.enqueue({ kind: 'stream-error-event', afterEvents: 4 });
    const events = await collect(asStream<StreamEvent>(await operations().createResponse(createInput({ model: 'x', input: 'hi', stream: true }), createTestContext())));
    expect(events).toHaveLength(5);
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'server_error' });
  });

  it('throws a retryable 502 when the upstream connection is cut mid-stream', async () => {
    fake.enqueue({ kind: 'cut-mid-stream', afterEvents: 3 });
    // The cut may surface before the first event is read (then the call rejects) or while iterating.
    const error = await rejectionOf((async () => {
      const stream = asStream<StreamEvent>(await operations().createResponse(createInput({ model: 'x', input: 'hi', stream: true }), createTestContext()));
      for await (const _event of stream) void _event;
    })());
    expect(error).toBeInstanceOf(UpstreamError);
    expect([(error as UpstreamError).status, (error as UpstreamError).isRetryable]).toEqual([502, true]);
  });

  it('throws when the stream ends cleanly but before a terminal event', async () => {
    fake.enqueue({ kind: 'reply', sse: [frame({ type: 'response.created', sequence_number: 0, response: { id: 'resp_1', status: 'in_progress', output: [] } })] });
    const stream = asStream<StreamEvent>(await operations().createResponse(createInput({ model: 'x', input: 'hi', stream: true }), createTestContext()));
    const seen: StreamEvent[] = [];
    const error = await rejectionOf((async () => {
      for await (const event of stream) seen.push(event);
    })());
    expect(seen.map((event) => event.type)).toEqual(['response.created']);
    expect((error as UpstreamError).code).toBe('upstream_stream_truncated');
  });

  it('turns a malformed first frame into a 502 that quotes no upstream bytes', async () => {
    fake.enqueue({ kind: 'reply', sse: `data: {"type":"response.created","leak":"${apiKey}"\n\n` });
    const error = await rejectionOf(operations().createResponse(createInput({ model: 'x', input: 'hi', stream: true }), createTestContext()));
    expect((error as UpstreamError).status).toBe(502);
    expect(JSON.stringify({ message: (error as Error).message, body: (error as UpstreamError).responseBody })).not.toContain(apiKey);
  });
});

describe('stored-response operations', () => {
  async function created(extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return (await operations().createResponse(createInput({ model: 'x', input: 'Remember me', ...extra }), createTestContext())) as unknown as Record<string, unknown>;
  }
  const path = (id: unknown) => ({ path: { response_id: String(id) } });

  it('getResponse returns the stored object and forwards include[]', async () => {
    const response = await created();
    const input = { ...path(response['id']), query: { include: ['reasoning.encrypted_content'] } };
    const fetched = (await operations().getResponse(input as never, createTestContext())) as unknown as Record<string, unknown>;
    expect(fetched['id']).toBe(response['id']);
    expect(fake.requests.at(-1)?.query).toEqual({ 'include[]': 'reasoning.encrypted_content' });
  });

  it('getResponse with stream=true&starting_after resumes the event stream', async () => {
    const response = await created({ stream: false });
    const input = { ...path(response['id']), query: { stream: true, starting_after: 2 } };
    const context = createTestContext();
    const events = await collect(asStream<StreamEvent>(await operations().getResponse(input as never, context)));
    expect(fake.requests.at(-1)?.query).toEqual({ stream: 'true', starting_after: '2' });
    expect(events[0]?.sequence_number).toBe(3);
    expect(events.at(-1)?.type).toBe('response.completed');
    expect(context.warnings).toEqual([]);
  });

  it('deleteResponse, listInputItems and cancelResponse reach the right paths', async () => {
    const background = await created({ background: true });
    const cancelled = (await operations().cancelResponse(path(background['id']) as never, createTestContext())) as unknown as Record<string, unknown>;
    expect(cancelled['status']).toBe('cancelled');

    const response = await created();
    const items = (await operations().listInputItems({ ...path(response['id']), query: { limit: 1, order: 'asc' } } as never, createTestContext())) as unknown as Record<string, unknown>;
    expect(items['object']).toBe('list');
    expect(fake.requests.at(-1)?.query).toEqual({ limit: '1', order: 'asc' });

    const deleted = await operations().deleteResponse(path(response['id']) as never, createTestContext());
    expect(deleted).toEqual({ id: response['id'], object: 'response', deleted: true });
    expect(fake.requests.slice(-3).map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v1/responses',
      `GET /v1/responses/${String(response['id'])}/input_items`,
      `DELETE /v1/responses/${String(response['id'])}`,
    ]);
  });

  it('an unknown id keeps its 404', async () => {
    const error = await rejectionOf(operations().getResponse(path('resp_missing') as never, createTestContext()));
    expect((error as UpstreamError).status).toBe(404);
  });

  it('encodes ids and rejects dot segments', async () => {
    await rejectionOf(operations().getResponse(path('../models') as never, createTestContext()));
    expect(fake.requests.at(-1)?.path).toBe('/v1/responses/..%2Fmodels');
    const error = await rejectionOf(operations().deleteResponse(path('..') as never, createTestContext()));
    expect(GatewayError.isInstance(error) && error.status).toBe(400);
  });

  it('countInputTokens and compactResponse send the rewritten model', async () => {
    const context = createTestContext({ upstreamModel: 'gpt-5-mini' });
    const counted = await operations().countInputTokens({ body: { model: 'openai/gpt-5-mini', input: 'count these tokens', tags: ['t'] } } as never, context);
    expect(counted).toMatchObject({ object: 'response.input_tokens' });
    expect(fake.requests.at(-1)?.body).toEqual({ model: 'gpt-5-mini', input: 'count these tokens' });
    const compacted = await operations().compactResponse({ body: { model: 'openai/gpt-5-mini', input: 'compact me' } } as never, context);
    expect(compacted).toMatchObject({ object: 'response.compaction' });
    expect(fake.requests.at(-1)?.path).toBe('/v1/responses/compact');
    expect(fake.requests.at(-1)?.body).toEqual({ model: 'gpt-5-mini', input: 'compact me' });
  });
});
