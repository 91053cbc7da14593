import type { ResponseStreamEvent } from '@switchyard/contract';
import { serveCreateResponse, UpstreamError, type StreamPart } from '@switchyard/core';
import { startFakeBedrockUpstream, type BedrockStreamExceptionType } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { createBedrockAdapter } from './bedrock-provider.js';
import { serveChat, serveContext, serveResponses, testModel } from './test-support/serve-bedrock.js';
import { testCredentials, useFakeBedrock } from './test-support/use-fake-bedrock.js';

const { fake, adapter } = useFakeBedrock();

const httpErrors: Array<[errorType: string, status: number, retryable: boolean]> = [
  ['ValidationException', 400, false],
  ['AccessDeniedException', 403, false],
  ['ResourceNotFoundException', 404, false],
  ['ThrottlingException', 429, true],
  ['ServiceQuotaExceededException', 429, true],
  ['InternalServerException', 500, true],
  ['ModelErrorException', 502, true],
  ['ServiceUnavailableException', 503, true],
  ['ModelNotReadyException', 503, true],
  ['ModelTimeoutException', 504, true],
];

const streamExceptions: Array<[BedrockStreamExceptionType, number, boolean]> = [
  ['internalServerException', 500, true],
  ['modelStreamErrorException', 502, true],
  ['validationException', 400, false],
  ['throttlingException', 429, true],
  ['serviceUnavailableException', 503, true],
];

describe('upstream errors before any output are thrown with the right status', () => {
  describe.each([false, true])('stream: %s', (stream) => {
    it.each(httpErrors)('%s → %i', async (errorType, status, retryable) => {
      fake().enqueue({ kind: 'error', errorType, message: `Bad thing for ${testCredentials.accessKeyId}`, headers: { 'retry-after': '7' } });
      const failure = await serveResponses(adapter(), { input: 'hi', stream }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(UpstreamError);
      expect(failure).toMatchObject({ status, isRetryable: retryable, code: errorType, provider: 'bedrock' });
      expect((failure as UpstreamError).message).toBe(`bedrock: ${errorType}: Bad thing for [REDACTED]`);
      expect((failure as UpstreamError).headers).toEqual({ 'retry-after': '7' });
    });
  });

  it.each(streamExceptions)('a %s frame before the first event → %i', async (exceptionType, status, retryable) => {
    fake().enqueue({ kind: 'stream-exception', exceptionType, afterEvents: 0 });
    await expect(serveResponses(adapter(), { input: 'hi', stream: true })).rejects.toMatchObject({ status, isRetryable: retryable });
  });
});

describe('failures after output began end the stream', () => {
  it.each(streamExceptions)('a %s frame mid-stream → response.failed with status %i', async (exceptionType, status) => {
    fake().enqueue({ kind: 'stream-exception', exceptionType, afterEvents: 3, message: 'Stream broke.' });
    const { events } = await serveResponses(adapter(), { input: 'one two three four five six', stream: true });
    const last = events.at(-1) as ResponseStreamEvent;
    expect(last.type).toBe('response.failed');
    expect(events.some((event) => event.type === 'response.output_text.delta')).toBe(true);
    const parts = await collectParts({ kind: 'stream-exception', exceptionType, afterEvents: 3 });
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { status } });
  });

  it('a connection cut mid-stream becomes an error part (502, retryable)', async () => {
    const parts = await collectParts({ kind: 'cut-mid-stream', afterEvents: 3, intervalMs: 25 });
    expect(parts.some((part) => part.type === 'text-delta')).toBe(true);
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { status: 502, isRetryable: true } });
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
  });

  it('on chat streaming, the chunk iterator throws the mapped error (the SSE writer sends its error frame)', async () => {
    fake().enqueue({ kind: 'stream-exception', exceptionType: 'throttlingException', afterEvents: 3 });
    await expect(serveChat(adapter(), { messages: [{ role: 'user', content: 'one two three four five six' }], stream: true })).rejects.toMatchObject({
      status: 429,
      code: 'ThrottlingException',
    });
  });

  async function collectParts(behaviour: Parameters<ReturnType<typeof fake>['enqueue']>[0]): Promise<StreamPart[]> {
    fake().enqueue(behaviour);
    const parts: StreamPart[] = [];
    const stream = await adapter().generate?.({ body: { input: 'one two three four five six', model: testModel }, stream: true }, serveContext());
    for await (const part of stream ?? []) parts.push(part);
    return parts;
  }
});

describe('transport', () => {
  it('never follows a redirect: the signed request does not reach the other host', async () => {
    const elsewhere = await startFakeBedrockUpstream();
    try {
      fake().enqueue({ kind: 'redirect', location: `${elsewhere.url}/model/x/converse`, status: 307 });
      await expect(serveResponses(adapter(), { input: 'hi' })).rejects.toMatchObject({ status: 502, code: 'upstream_redirect' });
      fake().enqueue({ kind: 'redirect', location: `${elsewhere.url}/model/x/converse-stream`, status: 302 });
      await expect(serveResponses(adapter(), { input: 'hi', stream: true })).rejects.toMatchObject({ status: 502, code: 'upstream_redirect' });
      expect(elsewhere.requests).toEqual([]);
      expect(elsewhere.strayRequests).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  it('aborting the caller signal closes the upstream stream', async () => {
    fake().enqueue({ kind: 'slow-stream', intervalMs: 50 });
    const controller = new AbortController();
    const parts = await adapter().generate?.({ body: { input: 'one two three four five six seven eight', model: testModel }, stream: true }, serveContext({ signal: controller.signal }));
    const iterator = (parts as AsyncIterable<StreamPart>)[Symbol.asyncIterator]();
    await iterator.next();
    controller.abort(new Error('client went away'));
    await expect(iterator.next()).rejects.toThrow('client went away');
    const abort = await fake().waitForClientAbort();
    expect(abort).toMatchObject({ streaming: true });
    expect(abort.framesWritten).toBeLessThan(10);
  });

  it('an unreachable endpoint is a retryable 502 without the URL or credentials in the message', async () => {
    const closed = await startFakeBedrockUpstream();
    await closed.close();
    const failure = await serveResponses(createBedrockAdapter({ region: 'us-east-1', endpoint: closed.url, credentials: testCredentials }), { input: 'hi' }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 502, isRetryable: true, code: 'upstream_connection_error' });
    const message = (failure as Error).message;
    expect(message).not.toContain(testCredentials.accessKeyId);
    expect(message).not.toContain(testCredentials.secretAccessKey);
    expect(message).not.toContain('127.0.0.1');
  });

  it('wrong credentials are a 403 that names no secret', async () => {
    const wrong = { accessKeyId: 'AKIAWRONGKEY7654321', secretAccessKey: 'someOtherSecretValue123' };
    const failure = await serveResponses(createBedrockAdapter({ region: 'us-east-1', endpoint: fake().url, credentials: wrong }), { input: 'hi' }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 403, isRetryable: false });
    expect(JSON.stringify((failure as UpstreamError).toEnvelope())).not.toMatch(/AKIAWRONG|someOtherSecret/);
  });

  it('serves through serveCreateResponse without a stream when the client did not ask for one', async () => {
    const result = await serveCreateResponse(adapter(), { body: { model: 'bedrock/x', input: 'hi' } }, serveContext(), { responseId: 'resp_1', createdAt: 1, model: 'bedrock/x' });
    expect(result).toMatchObject({ object: 'response', status: 'completed' });
    expect(fake().requests.at(-1)?.operation).toBe('converse');
  });
});
