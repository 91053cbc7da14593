import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeBehaviour } from '../openai/fake-behaviour.js';
import { abortableSleep } from './abortable-sleep.js';
import { createClientAbortLog } from './create-client-abort-log.js';
import type {
  ClientAbort,
  EnqueueOptions,
  ErrorAnswer,
  ErrorDialect,
  FakeConnection,
  FakeExchange,
  FakeRoute,
  RecordedRequest,
} from './fake-server-types.js';
import { recordRequest } from './record-request.js';
import { writeSseFrames } from './write-sse-frames.js';

export interface FakeServerOptions {
  /** e.g. `/v1`, `/openai/v1`. */
  basePath: string;
  /** The only key accepted; by default any non-empty bearer key is accepted. */
  apiKey?: string;
  routes: FakeRoute[];
  errors: ErrorDialect;
  /** Headers put on every answer (request id, rate-limit headers, …). */
  commonHeaders: () => Record<string, string>;
  /** Wait this long before answering each generation request (default 0). */
  latencyMs?: number;
  /** Gap between stream frames unless a behaviour says otherwise (default 0: one write). */
  chunkIntervalMs?: number;
  /** Keep recorded requests (default true; benchmarks turn it off). */
  record?: boolean;
}

/** The handle every fake upstream returns. */
export interface FakeServer {
  /** Base URL including the base path, e.g. `http://127.0.0.1:43121/v1`. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  port: number;
  requests: RecordedRequest[];
  connections: FakeConnection[];
  clientAborts: ClientAbort[];
  /** Scripts the next answer(s). Behaviours are consumed in order. */
  enqueue(behaviour: FakeBehaviour, options?: EnqueueOptions): void;
  /** Resolves with the next response whose socket closed before the fake finished (or an earlier unclaimed one). */
  waitForClientAbort(options?: { timeoutMs?: number }): Promise<ClientAbort>;
  close(): Promise<void>;
}

interface QueuedBehaviour {
  behaviour: FakeBehaviour;
  anyRoute: boolean;
  remaining: number;
}

export async function startFakeServer(options: FakeServerOptions): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const connections: FakeConnection[] = [];
  const abortLog = createClientAbortLog();
  const clientAborts = abortLog.aborts;
  const queue: QueuedBehaviour[] = [];
  const closing = new AbortController();

  const takeBehaviour = (route: FakeRoute | undefined): FakeBehaviour | undefined => {
    const index = queue.findIndex((entry) => entry.anyRoute || route?.generation === true);
    if (index < 0) return undefined;
    const entry = queue[index] as QueuedBehaviour;
    entry.remaining -= 1;
    if (entry.remaining <= 0) queue.splice(index, 1);
    return entry.behaviour;
  };

  const recordAbort = abortLog.record;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { recorded, badJson } = await recordRequest(request);
    const { method, body } = recorded;
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (options.record !== false) requests.push(recorded);

    const responseClosed = new AbortController();
    let framesWritten = 0;
    let streaming = false;
    response.on('close', () => {
      responseClosed.abort();
      if (!response.writableFinished) {
        recordAbort({ method, path: url.pathname, streaming, framesWritten, at: Date.now() });
      }
    });
    const signal = AbortSignal.any([responseClosed.signal, closing.signal]);

    const sendJson = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      const text = JSON.stringify(payload);
      response.writeHead(status, {
        ...options.commonHeaders(),
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(text)),
        ...headers,
      });
      response.end(text);
    };
    const sendError = (answer: ErrorAnswer): void => {
      if (typeof answer.body === 'string') {
        response.writeHead(answer.status, { ...options.commonHeaders(), 'content-type': 'text/plain', ...answer.headers });
        response.end(answer.body);
      } else sendJson(answer.status, answer.body, answer.headers);
    };

    if (!url.pathname.startsWith(options.basePath)) return sendError(options.errors.unknownRoute(method, url.pathname));
    const subPath = url.pathname.slice(options.basePath.length);
    let params: string[] = [];
    const route = options.routes.find((candidate) => {
      const match = candidate.method === method ? candidate.pattern.exec(subPath) : null;
      if (match !== null) params = match.slice(1).map((value) => decodeURIComponent(value));
      return match !== null;
    });

    const authorization = request.headers.authorization;
    const key = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : '';
    if (key === '') return sendError(options.errors.missingKey());
    if (options.apiKey !== undefined && key !== options.apiKey) return sendError(options.errors.invalidKey(key));

    let behaviour = takeBehaviour(route);
    while (behaviour?.kind === 'delay') {
      await abortableSleep(behaviour.ms, signal);
      behaviour = behaviour.then;
    }
    if (route?.generation === true) await abortableSleep(options.latencyMs ?? 0, signal);
    if (signal.aborted) return;

    const model = typeof body === 'object' && body !== null && 'model' in body ? String(body.model) : undefined;
    if (behaviour?.kind === 'error') {
      const fallback = options.errors.forStatus(behaviour.status, { model });
      return sendError({
        status: behaviour.status,
        headers: { ...fallback.headers, ...behaviour.headers },
        body: behaviour.body ?? fallback.body,
      });
    }
    if (behaviour?.kind === 'reset') return void response.socket?.destroy();
    if (behaviour?.kind === 'context-window-exceeded') return sendError(options.errors.contextWindowExceeded({ model, path: url.pathname }));
    if (behaviour?.kind === 'refusal') return sendError(options.errors.contentPolicy());
    if (behaviour?.kind === 'redirect') {
      response.writeHead(behaviour.status ?? 307, { ...options.commonHeaders(), location: behaviour.location, 'content-length': '0' });
      return void response.end();
    }
    if (behaviour?.kind === 'reply') {
      if (behaviour.sse === undefined) return sendJson(behaviour.status ?? 200, behaviour.json ?? {}, behaviour.headers);
      response.writeHead(behaviour.status ?? 200, { ...options.commonHeaders(), 'content-type': 'text/event-stream; charset=utf-8', ...behaviour.headers });
      const text =
        typeof behaviour.sse === 'string'
          ? behaviour.sse
          : behaviour.sse
              .map((frame) => `${frame.event === undefined ? '' : `event: ${frame.event}\n`}data: ${typeof frame.data === 'string' ? frame.data : JSON.stringify(frame.data)}\n\n`)
              .join('');
      return void response.end(text);
    }
    if (route === undefined) return sendError(options.errors.unknownRoute(method, url.pathname));
    if (badJson) return sendError(options.errors.badJson());

    const exchange: FakeExchange = {
      recorded,
      body: typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {},
      params,
      behaviour,
      response,
      sendJson: (status, payload, headers) => {
        if (behaviour?.kind === 'cut-mid-stream') {
          const text = JSON.stringify(payload);
          response.writeHead(status, { ...options.commonHeaders(), 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
          response.write(text.slice(0, Math.floor(text.length / 2)));
          setImmediate(() => response.destroy());
          return;
        }
        if (behaviour?.kind === 'stream-error-event') return sendError(options.errors.forStatus(500, { model }));
        sendJson(status, payload, headers);
      },
      sendError,
      streamFrames: async (frames, plan, errorFrames, endFrames = []) => {
        streaming = true;
        response.writeHead(200, {
          ...options.commonHeaders(),
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache',
          connection: 'keep-alive',
        });
        response.flushHeaders();
        await writeSseFrames({
          response,
          frames,
          plan: plan.intervalMs === 0 ? { ...plan, intervalMs: options.chunkIntervalMs ?? 0 } : plan,
          errorFrames,
          endFrames,
          signal,
          onFrameWritten: () => {
            framesWritten += 1;
          },
        });
      },
    };
    await route.handle(exchange);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: `fake upstream bug: ${String(error)}`, type: 'server_error', param: null, code: null } }));
      } else response.destroy();
    });
  });
  server.keepAliveTimeout = 60_000;
  let connectionId = 0;
  server.on('connection', (socket) => {
    connectionId += 1;
    const connection: FakeConnection = { id: connectionId, openedAt: Date.now(), closedAt: undefined };
    connections.push(connection);
    socket.on('close', () => {
      connection.closedAt = Date.now();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}${options.basePath}`,
    origin,
    port,
    requests,
    connections,
    clientAborts,
    enqueue(behaviour, enqueueOptions = {}) {
      queue.push({ behaviour, anyRoute: enqueueOptions.route === 'any', remaining: enqueueOptions.times ?? 1 });
    },
    waitForClientAbort: abortLog.waitForClientAbort,
    async close() {
      closing.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
