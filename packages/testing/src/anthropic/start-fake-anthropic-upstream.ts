import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { abortableSleep } from '../http/abortable-sleep.js';
import type { ClientAbort, ErrorAnswer, RecordedRequest, SseFrame } from '../http/fake-server-types.js';
import { recordRequest } from '../http/record-request.js';
import { encodeSseFrame, writeSseFrames } from '../http/write-sse-frames.js';
import { answerScriptOf, streamPlanFor, type FakeBehaviour } from '../openai/fake-behaviour.js';
import { anthropicErrorAnswer, anthropicErrorBody, anthropicStreamErrorEvent, fakeAnthropicRequestId } from './anthropic-error-answer.js';
import { deriveFakeAnthropicMessage } from './derive-fake-anthropic-message.js';
import { FakeAnthropicPromptCache } from './fake-anthropic-prompt-cache.js';
import type { FakeAnthropicRequest } from './fake-anthropic-types.js';
import { renderFakeAnthropicStream } from './render-fake-anthropic-stream.js';
import { validateFakeAnthropicRequest } from './validate-fake-anthropic-request.js';
import { createClientAbortLog } from '../http/create-client-abort-log.js';

export interface FakeAnthropicUpstreamOptions {
  /** The only `x-api-key` accepted; by default any non-empty key is accepted. */
  readonly apiKey?: string;
  /** Ids listed by GET /v1/models. */
  readonly models?: readonly string[];
  /** Gap between stream frames (default 0: one write). */
  readonly chunkIntervalMs?: number;
}

export interface FakeAnthropicUpstream {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:43121/v1`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly clientAborts: ClientAbort[];
  /**
   * Scripts the next POST /v1/messages. `error` answers with Anthropic's error body for the status
   * (or the given body); `stream-error-event` sends an `error` event (`overloaded_error`) after
   * `afterEvents` frames; `cut-mid-stream` drops the connection; `reply` sends raw JSON or SSE.
   * With `route: 'count_tokens'` an `error` behaviour is played by POST /v1/messages/count_tokens.
   */
  enqueue(behaviour: FakeBehaviour, options?: { times?: number; route?: FakeAnthropicRoute }): void;
  /** Resolves with the next response whose socket closed before the fake finished writing it. */
  waitForClientAbort(options?: { timeoutMs?: number }): Promise<ClientAbort>;
  close(): Promise<void>;
}

/** Which POST a scripted behaviour is for: generation (default) or token counting. */
export type FakeAnthropicRoute = 'messages' | 'count_tokens';

export const defaultFakeAnthropicModels = ['claude-sonnet-4-5-20250929', 'claude-3-5-haiku-20241022', 'claude-opus-4-1-20250805'] as const;

/**
 * A fake of Anthropic's Messages API on 127.0.0.1:0: POST /v1/messages (JSON or named-event SSE),
 * POST /v1/messages/count_tokens, GET /v1/models, `x-api-key` and `anthropic-version` checked, requests validated like the real
 * API, deterministic answers (see `deriveFakeAnthropicMessage`), prompt-cache usage when
 * `cache_control` breakpoints are sent, scripted errors and mid-stream `error` events.
 */
export async function startFakeAnthropicUpstream(options: FakeAnthropicUpstreamOptions = {}): Promise<FakeAnthropicUpstream> {
  const requests: RecordedRequest[] = [];
  const abortLog = createClientAbortLog();
  const clientAborts = abortLog.aborts;
  const queue: Array<{ behaviour: FakeBehaviour; remaining: number; route: FakeAnthropicRoute }> = [];
  let messageCounter = 0;
  let toolUseCounter = 0;
  const cache = new FakeAnthropicPromptCache();
  const closing = new AbortController();
  const models = options.models ?? defaultFakeAnthropicModels;

  const takeBehaviour = (route: FakeAnthropicRoute): FakeBehaviour | undefined => {
    const index = queue.findIndex((entry) => entry.route === route);
    const entry = queue[index];
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) queue.splice(index, 1);
    return entry.behaviour;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { recorded, badJson } = await recordRequest(request);
    requests.push(recorded);
    let framesWritten = 0;
    let streaming = false;
    const responseClosed = new AbortController();
    response.on('close', () => {
      responseClosed.abort();
      if (response.writableFinished) return;
      abortLog.record({ method: recorded.method, path: recorded.path, streaming, framesWritten, at: Date.now() });
    });
    const signal = AbortSignal.any([responseClosed.signal, closing.signal]);
    const common = (): Record<string, string> => ({ 'request-id': fakeAnthropicRequestId() });
    const sendJson = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      const text = JSON.stringify(body);
      response.writeHead(status, { ...common(), 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
      response.end(text);
    };
    const sendError = (answer: ErrorAnswer): void => sendJson(answer.status, answer.body, answer.headers);

    const key = request.headers['x-api-key'];
    if (typeof key !== 'string' || key === '') return sendError({ status: 401, headers: {}, body: anthropicErrorBody('authentication_error', 'x-api-key header is required') });
    if (options.apiKey !== undefined && key !== options.apiKey) return sendError({ status: 401, headers: {}, body: anthropicErrorBody('authentication_error', 'invalid x-api-key') });
    if (typeof request.headers['anthropic-version'] !== 'string') {
      return sendError({ status: 400, headers: {}, body: anthropicErrorBody('invalid_request_error', 'anthropic-version: header is required') });
    }

    if (recorded.method === 'GET' && recorded.path === '/v1/models') {
      const data = models.map((id) => ({ type: 'model', id, display_name: id, created_at: '2025-01-01T00:00:00Z' }));
      return sendJson(200, { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
    }
    if (recorded.method === 'POST' && recorded.path === '/v1/messages/count_tokens') {
      const scripted = takeBehaviour('count_tokens');
      if (scripted?.kind === 'error') {
        const fallback = anthropicErrorAnswer(scripted.status);
        return sendError({ status: scripted.status, headers: { ...fallback.headers, ...scripted.headers }, body: scripted.body ?? fallback.body });
      }
      if (badJson) return sendError({ status: 400, headers: {}, body: anthropicErrorBody('invalid_request_error', 'There was an issue with the format or content of your request. We were unable to parse it as JSON.') });
      const problem = validateFakeAnthropicRequest(recorded.body, { countOnly: true });
      if (problem !== undefined) return sendError({ status: 400, headers: {}, body: anthropicErrorBody('invalid_request_error', problem) });
      return sendJson(200, { input_tokens: FakeAnthropicPromptCache.countTokens(recorded.body as FakeAnthropicRequest) });
    }
    if (recorded.method !== 'POST' || recorded.path !== '/v1/messages') {
      return sendError({ status: 404, headers: {}, body: anthropicErrorBody('not_found_error', `Not found: ${recorded.method} ${recorded.path}`) });
    }

    let behaviour = takeBehaviour('messages');
    while (behaviour?.kind === 'delay') {
      await abortableSleep(behaviour.ms, signal);
      behaviour = behaviour.then;
    }
    if (signal.aborted) return;
    if (behaviour?.kind === 'error') {
      const fallback = anthropicErrorAnswer(behaviour.status);
      return sendError({ status: behaviour.status, headers: { ...fallback.headers, ...behaviour.headers }, body: behaviour.body ?? fallback.body });
    }
    if (behaviour?.kind === 'reset') return void response.socket?.destroy();
    if (behaviour?.kind === 'context-window-exceeded') {
      return sendError({ status: 400, headers: {}, body: anthropicErrorBody('invalid_request_error', 'prompt is too long: 215000 tokens > 200000 maximum') });
    }
    if (behaviour?.kind === 'redirect') {
      response.writeHead(behaviour.status ?? 307, { location: behaviour.location, 'content-length': '0' });
      return void response.end();
    }
    if (behaviour?.kind === 'reply') {
      if (behaviour.sse === undefined) return sendJson(behaviour.status ?? 200, behaviour.json ?? {}, behaviour.headers);
      response.writeHead(behaviour.status ?? 200, { ...common(), 'content-type': 'text/event-stream; charset=utf-8', ...behaviour.headers });
      const text = typeof behaviour.sse === 'string' ? behaviour.sse : behaviour.sse.map((item) => encodeSseFrame({ ...(item.event === undefined ? {} : { event: item.event }), data: typeof item.data === 'string' ? item.data : JSON.stringify(item.data) })).join('');
      return void response.end(text);
    }
    if (badJson) return sendError({ status: 400, headers: {}, body: anthropicErrorBody('invalid_request_error', 'There was an issue with the format or content of your request. We were unable to parse it as JSON.') });
    const problem = validateFakeAnthropicRequest(recorded.body);
    if (problem !== undefined) return sendError({ status: 400, headers: {}, body: anthropicErrorBody('invalid_request_error', problem) });

    const body = recorded.body as FakeAnthropicRequest;
    messageCounter += 1;
    const derived = deriveFakeAnthropicMessage(body, {
      messageId: `msg_fake${String(messageCounter).padStart(20, '0')}`,
      nextToolUseId: () => {
        toolUseCounter += 1;
        return `toolu_fake${String(toolUseCounter).padStart(18, '0')}`;
      },
      cache: cache.account(body),
      script: answerScriptOf(behaviour),
    });
    // A refusal by Anthropic's classifiers before any output: no content, `stop_reason: "refusal"`.
    const message = behaviour?.kind === 'refusal' ? { ...derived, content: [], stop_reason: 'refusal' as const, usage: { ...derived.usage, output_tokens: 0 } } : derived;
    if (body.stream !== true) {
      if (behaviour?.kind === 'cut-mid-stream') {
        const text = JSON.stringify(message);
        response.writeHead(200, { ...common(), 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
        response.write(text.slice(0, Math.floor(text.length / 2)));
        setImmediate(() => response.destroy());
        return;
      }
      if (behaviour?.kind === 'stream-error-event') return sendError(anthropicErrorAnswer(529));
      return sendJson(200, message);
    }
    streaming = true;
    response.writeHead(200, { ...common(), 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    response.flushHeaders();
    const errorFrames = (): SseFrame[] => [{ event: 'error', data: JSON.stringify(anthropicStreamErrorEvent()) }];
    await writeSseFrames({
      response,
      frames: renderFakeAnthropicStream(message),
      plan: streamPlanFor(behaviour, options.chunkIntervalMs ?? 0),
      errorFrames,
      endFrames: [],
      signal,
      onFrameWritten: () => {
        framesWritten += 1;
      },
    });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify(anthropicErrorBody('api_error', `fake upstream bug: ${String(error)}`)));
      } else response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    clientAborts,
    enqueue(behaviour, enqueueOptions = {}) {
      queue.push({ behaviour, remaining: enqueueOptions.times ?? 1, route: enqueueOptions.route ?? 'messages' });
    },
    waitForClientAbort: abortLog.waitForClientAbort,
    async close() {
      closing.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
