import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { abortableSleep } from '../http/abortable-sleep.js';
import type { ClientAbort, RecordedRequest } from '../http/fake-server-types.js';
import { recordRequest } from '../http/record-request.js';
import { parseSseText } from '../sse/parse-sse-text.js';
import { deriveGeminiAnswer } from './derive-gemini-answer.js';
import { googleErrorBody, type FakeGeminiAnswer, type FakeGeminiBehaviour } from './gemini-fake-types.js';
import { renderGeminiChunks } from './render-gemini-chunks.js';

export interface FakeGeminiUpstreamOptions {
  /** The Gemini API key accepted in `x-goog-api-key` (default `test-gemini-key-0123456789`). */
  apiKey?: string;
  /** The bearer token accepted on the Vertex paths (default `test-vertex-token-0123456789`). */
  accessToken?: string;
  /** Model ids `GET /v1beta/models` lists. */
  models?: string[];
}

export interface FakeGeminiUpstream {
  /** AI Studio base URL: `http://127.0.0.1:PORT/v1beta`. */
  url: string;
  /** Vertex base URL: `http://127.0.0.1:PORT/v1`. */
  vertexURL: string;
  apiKey: string;
  accessToken: string;
  requests: RecordedRequest[];
  clientAborts: ClientAbort[];
  enqueue(behaviour: FakeGeminiBehaviour, options?: { times?: number }): void;
  waitForClientAbort(options?: { timeoutMs?: number }): Promise<ClientAbort>;
  close(): Promise<void>;
}

const studioPattern = /^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;
const vertexPattern = /^\/v1\/projects\/([^/]+)\/locations\/([^/]+)\/publishers\/google\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

/**
 * A fake Google generative endpoint on 127.0.0.1:0 speaking the Gemini wire format for both URL
 * shapes: AI Studio (`/v1beta/models/{model}:generateContent`, key in `x-goog-api-key`) and
 * Vertex AI (`/v1/projects/{p}/locations/{l}/publishers/google/models/{model}:…`, bearer token).
 * Streams are `alt=sse` frames of whole `GenerateContentResponse`s with no terminator. Answers
 * are deterministic (see `deriveGeminiAnswer`) unless scripted with `enqueue`.
 */
export async function startFakeGeminiUpstream(options: FakeGeminiUpstreamOptions = {}): Promise<FakeGeminiUpstream> {
  const apiKey = options.apiKey ?? 'test-gemini-key-0123456789';
  const accessToken = options.accessToken ?? 'test-vertex-token-0123456789';
  const requests: RecordedRequest[] = [];
  const clientAborts: ClientAbort[] = [];
  const queue: Array<{ behaviour: FakeGeminiBehaviour; remaining: number }> = [];
  const abortWaiters: Array<(abort: ClientAbort) => void> = [];
  let claimed = 0;
  let responseCounter = 0;

  const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    const text = JSON.stringify(body);
    response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
    response.end(text);
  };

  const server = createServer((request, response) => {
    void (async () => {
      const { recorded, badJson } = await recordRequest(request);
      requests.push(recorded);
      const path = recorded.path;
      const studio = studioPattern.exec(path);
      const vertex = vertexPattern.exec(path);
      let streaming = false;
      let framesWritten = 0;
      response.on('close', () => {
        if (response.writableFinished) return;
        const abort: ClientAbort = { method: recorded.method, path, streaming, framesWritten, at: Date.now() };
        clientAborts.push(abort);
        const waiter = abortWaiters.shift();
        if (waiter !== undefined) {
          claimed += 1;
          waiter(abort);
        }
      });
      if (path.startsWith('/v1beta/')) {
        if (recorded.headers['x-goog-api-key'] !== apiKey) {
          return sendJson(response, 400, googleErrorBody(400, 'API key not valid. Please pass a valid API key.', [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }]));
        }
      } else if (recorded.headers.authorization !== `Bearer ${accessToken}`) {
        return sendJson(response, 401, { error: { code: 401, message: 'Request had invalid authentication credentials. Expected OAuth 2 access token.', status: 'UNAUTHENTICATED' } });
      }
      if (recorded.method === 'GET' && path === '/v1beta/models') {
        const models = options.models ?? ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.5-flash-image'];
        return sendJson(response, 200, { models: [...models.map((id) => ({ name: `models/${id}`, supportedGenerationMethods: ['generateContent', 'countTokens'] })), { name: 'models/text-embedding-004', supportedGenerationMethods: ['embedContent'] }] });
      }
      const model = studio?.[1] ?? vertex?.[3];
      const method = studio?.[2] ?? vertex?.[4];
      if (recorded.method !== 'POST' || model === undefined || method === undefined) return sendJson(response, 404, googleErrorBody(404, `Method not found: ${path}`));
      if (badJson) return sendJson(response, 400, googleErrorBody(400, 'Invalid JSON payload received.'));
      const entry = queue[0];
      let behaviour: FakeGeminiBehaviour | undefined;
      if (entry !== undefined) {
        behaviour = entry.behaviour;
        entry.remaining -= 1;
        if (entry.remaining <= 0) queue.shift();
      }
      if (behaviour?.kind === 'error') {
        return sendJson(response, behaviour.status, behaviour.body ?? googleErrorBody(behaviour.status), behaviour.headers);
      }
      if (behaviour?.kind === 'replay') {
        if (method === 'generateContent') return sendJson(response, 200, JSON.parse(parseSseText(behaviour.sse)[0]?.data ?? '{}'));
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        return void response.end(behaviour.sse);
      }
      const body = typeof recorded.body === 'object' && recorded.body !== null ? (recorded.body as Record<string, unknown>) : {};
      const scripted: FakeGeminiAnswer | undefined = behaviour?.kind === 'answer' ? behaviour.answer : behaviour?.answer;
      const answer = scripted ?? deriveGeminiAnswer(decodeURIComponent(model), body);
      responseCounter += 1;
      const rendered = renderGeminiChunks(answer, { model: decodeURIComponent(model), responseId: `fake-gemini-${responseCounter}` });
      if (method === 'generateContent') return sendJson(response, 200, rendered.response);
      if (recorded.query['alt'] !== 'sse') return sendJson(response, 400, googleErrorBody(400, 'The fake serves streams only with alt=sse.'));
      streaming = true;
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.flushHeaders();
      const closed = new AbortController();
      response.on('close', () => closed.abort());
      for (let index = 0; index < rendered.chunks.length; index += 1) {
        if (behaviour?.kind === 'slow-stream') await abortableSleep(behaviour.intervalMs, closed.signal);
        if (closed.signal.aborted) return;
        if (behaviour?.kind === 'cut-mid-stream' && index === behaviour.afterChunks) {
          // Let the frames already written reach the client before the connection drops.
          await abortableSleep(20, closed.signal);
          response.socket?.destroy();
          return;
        }
        if (behaviour?.kind === 'stream-error' && index === behaviour.afterChunks) {
          response.end(`data: ${JSON.stringify(googleErrorBody(behaviour.status ?? 503))}\r\n\r\n`);
          return;
        }
        response.write(`data: ${JSON.stringify(rendered.chunks[index])}\r\n\r\n`);
        framesWritten += 1;
      }
      response.end();
    })().catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, googleErrorBody(500, `fake upstream bug: ${String(error)}`));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/v1beta`,
    vertexURL: `${origin}/v1`,
    apiKey,
    accessToken,
    requests,
    clientAborts,
    enqueue(behaviour, enqueueOptions = {}) {
      queue.push({ behaviour, remaining: enqueueOptions.times ?? 1 });
    },
    waitForClientAbort(waitOptions = {}) {
      if (claimed < clientAborts.length) {
        claimed += 1;
        return Promise.resolve(clientAborts[claimed - 1] as ClientAbort);
      }
      return new Promise((resolve, reject) => {
        const waiter = (abort: ClientAbort): void => {
          clearTimeout(timer);
          resolve(abort);
        };
        const timer = setTimeout(() => {
          abortWaiters.splice(abortWaiters.indexOf(waiter), 1);
          reject(new Error('no client abort in time'));
        }, waitOptions.timeoutMs ?? 5_000);
        abortWaiters.push(waiter);
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
