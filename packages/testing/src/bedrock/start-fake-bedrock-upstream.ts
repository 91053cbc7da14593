import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { abortableSleep } from '../http/abortable-sleep.js';
import type { ClientAbort, RecordedRequest } from '../http/fake-server-types.js';
import { recordRequest } from '../http/record-request.js';
import { digestBedrockRequest } from './bedrock-request-digest.js';
import { deriveBedrockAnswer, type ResolvedBedrockAnswer } from './derive-bedrock-answer.js';
import { encodeBedrockEventFrame, encodeBedrockExceptionFrame } from './encode-bedrock-event-frame.js';
import { answerOf, bedrockErrorStatuses, type FakeBedrockBehaviour } from './fake-bedrock-behaviour.js';
import { renderBedrockConverseOutput } from './render-bedrock-converse-output.js';
import { renderBedrockStreamEvents } from './render-bedrock-stream-events.js';

export interface FakeBedrockUpstreamOptions {
  /** When set, only SigV4 requests signed with this access key id are accepted. */
  accessKeyId?: string;
}

/** A recorded Bedrock request: the model id (decoded from the path) and the operation. */
export interface RecordedBedrockRequest extends RecordedRequest {
  modelId: string;
  operation: 'converse' | 'converse-stream';
}

export interface FakeBedrockUpstream {
  /** `http://127.0.0.1:PORT`: pass it as the adapter's `endpoint`. */
  url: string;
  port: number;
  /** Every request that reached a Bedrock route, in order. */
  requests: RecordedBedrockRequest[];
  /** Requests to any other path (e.g. a followed redirect would land here on another fake). */
  strayRequests: RecordedRequest[];
  clientAborts: ClientAbort[];
  /** What the fake answered to each successful request, in order (tests compare round trips against it). */
  answers: Array<{ operation: 'converse' | 'converse-stream'; answer: ResolvedBedrockAnswer }>;
  /** Scripts the next answer(s), consumed in order. */
  enqueue(behaviour: FakeBedrockBehaviour, options?: { times?: number }): void;
  waitForClientAbort(options?: { timeoutMs?: number }): Promise<ClientAbort>;
  close(): Promise<void>;
}

const routePattern = /^\/model\/([^/]+)\/(converse|converse-stream)$/;
const signaturePattern = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/bedrock\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/;

/**
 * A fake Bedrock runtime on node:http speaking the real wire format: `POST /model/{modelId}/converse`
 * (JSON) and `/converse-stream` (binary `application/vnd.amazon.eventstream` frames). It requires
 * a SigV4 `authorization` header, answers deterministically (see `deriveBedrockAnswer`), validates
 * the conversation as Bedrock does, and plays scripted errors and stream exceptions.
 */
export async function startFakeBedrockUpstream(options: FakeBedrockUpstreamOptions = {}): Promise<FakeBedrockUpstream> {
  const requests: RecordedBedrockRequest[] = [];
  const strayRequests: RecordedRequest[] = [];
  const clientAborts: ClientAbort[] = [];
  const answers: FakeBedrockUpstream['answers'] = [];
  const queue: Array<{ behaviour: FakeBedrockBehaviour; remaining: number }> = [];
  const abortWaiters: Array<(abort: ClientAbort) => void> = [];
  let claimed = 0;
  const closing = new AbortController();

  const sendError = (response: ServerResponse, errorType: string, message: string, status?: number, headers: Record<string, string> = {}): void => {
    const text = JSON.stringify({ message });
    response.writeHead(status ?? bedrockErrorStatuses[errorType] ?? 400, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      'x-amzn-requestid': randomUUID(),
      'x-amzn-errortype': `${errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
      ...headers,
    });
    response.end(text);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { recorded, badJson } = await recordRequest(request);
    const match = recorded.method === 'POST' ? routePattern.exec(recorded.path) : null;
    if (match === null) {
      strayRequests.push(recorded);
      return sendError(response, 'UnknownOperationException', 'Unknown operation', 404);
    }
    const operation = match[2] as 'converse' | 'converse-stream';
    const modelId = decodeURIComponent(match[1] as string);
    requests.push({ ...recorded, modelId, operation });

    let framesWritten = 0;
    const responseClosed = new AbortController();
    response.on('close', () => {
      responseClosed.abort();
      if (response.writableFinished) return;
      const abort: ClientAbort = { method: recorded.method, path: recorded.path, streaming: operation === 'converse-stream', framesWritten, at: Date.now() };
      clientAborts.push(abort);
      const waiter = abortWaiters.shift();
      if (waiter !== undefined) {
        claimed += 1;
        waiter(abort);
      }
    });
    const signal = AbortSignal.any([responseClosed.signal, closing.signal]);

    const signature = signaturePattern.exec(String(request.headers.authorization ?? ''));
    if (signature === null || request.headers['x-amz-date'] === undefined) {
      return sendError(response, 'AccessDeniedException', 'Missing or malformed SigV4 authorization header.', 403);
    }
    if (options.accessKeyId !== undefined && signature[1] !== options.accessKeyId) {
      return sendError(response, 'UnrecognizedClientException', 'The security token included in the request is invalid.', 403);
    }

    const entry = queue[0];
    const behaviour = entry?.behaviour;
    if (entry !== undefined) {
      entry.remaining -= 1;
      if (entry.remaining <= 0) queue.shift();
    }
    if (behaviour?.kind === 'redirect') {
      response.writeHead(behaviour.status ?? 307, { location: behaviour.location, 'content-length': '0' });
      return void response.end();
    }
    if (behaviour?.kind === 'error') {
      return sendError(response, behaviour.errorType, behaviour.message ?? `${behaviour.errorType} (scripted by the test)`, behaviour.status, behaviour.headers);
    }
    if (badJson || typeof recorded.body !== 'object' || recorded.body === null) {
      return sendError(response, 'ValidationException', 'Malformed input request, please reformat your input and try again.');
    }
    const digest = digestBedrockRequest(recorded.body as Record<string, unknown>);
    if (digest.invalid !== undefined) return sendError(response, 'ValidationException', digest.invalid);

    if (behaviour?.kind === 'replay') {
      if (operation === 'converse') {
        const text = JSON.stringify(behaviour.converse ?? {});
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), 'x-amzn-requestid': randomUUID() });
        return void response.end(text);
      }
      response.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': randomUUID() });
      for (const event of behaviour.events ?? []) response.write(encodeBedrockEventFrame(event.eventType, event.payload));
      return void response.end();
    }
    const answer = deriveBedrockAnswer(digest, answerOf(behaviour));
    answers.push({ operation, answer });
    if (operation === 'converse') {
      const text = JSON.stringify(renderBedrockConverseOutput(answer));
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), 'x-amzn-requestid': randomUUID() });
      return void response.end(text);
    }

    response.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': randomUUID() });
    response.flushHeaders();
    const interval = behaviour?.kind === 'slow-stream' ? behaviour.intervalMs : behaviour?.kind === 'cut-mid-stream' ? (behaviour.intervalMs ?? 0) : 0;
    // A scripted exception with afterEvents 0 is an exception frame before any event, inside a 200 stream.
    for (const event of renderBedrockStreamEvents(answer)) {
      if (signal.aborted) return;
      if (behaviour?.kind === 'stream-exception' && framesWritten === behaviour.afterEvents) {
        response.end(encodeBedrockExceptionFrame(behaviour.exceptionType, behaviour.message ?? `${behaviour.exceptionType} (scripted by the test)`));
        return;
      }
      if (behaviour?.kind === 'cut-mid-stream' && framesWritten === behaviour.afterEvents) {
        response.destroy();
        return;
      }
      response.write(encodeBedrockEventFrame(event.eventType, event.payload));
      framesWritten += 1;
      await abortableSleep(interval, signal);
    }
    response.end();
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendError(response, 'InternalServerException', 'The fake failed.', 500);
      else response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    strayRequests,
    clientAborts,
    answers,
    enqueue: (behaviour, enqueueOptions = {}) => {
      queue.push({ behaviour, remaining: enqueueOptions.times ?? 1 });
    },
    waitForClientAbort: ({ timeoutMs = 5_000 } = {}) => {
      if (clientAborts.length > claimed) {
        claimed += 1;
        return Promise.resolve(clientAborts[claimed - 1] as ClientAbort);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('No client abort happened in time.')), timeoutMs);
        abortWaiters.push((abort) => {
          clearTimeout(timer);
          resolve(abort);
        });
      });
    },
    close: async () => {
      closing.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
