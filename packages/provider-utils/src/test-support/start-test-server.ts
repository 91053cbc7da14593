import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface TestServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Sockets accepted so far, and how many of them have closed. */
  readonly connections: { opened: number; closed: number };
  /** Resolves when the next socket closes. */
  nextSocketClose(): Promise<void>;
  close(): Promise<void>;
}

export type TestHandler = (request: IncomingMessage, response: ServerResponse, body: string) => void | Promise<void>;

/** A `node:http` server on 127.0.0.1, port 0, that records requests and counts sockets. */
export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const connections = { opened: 0, closed: 0 };
  const sockets = new Set<Socket>();
  let closeWaiters: Array<() => void> = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      void Promise.resolve(handler(request, response, body)).catch(() => response.destroy());
    });
  });
  server.on('connection', (socket: Socket) => {
    connections.opened += 1;
    sockets.add(socket);
    socket.on('close', () => {
      connections.closed += 1;
      sockets.delete(socket);
      const waiters = closeWaiters;
      closeWaiters = [];
      for (const waiter of waiters) waiter();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connections,
    nextSocketClose: () => new Promise<void>((resolve) => closeWaiters.push(resolve)),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes SSE frames with a pause between them; returns when done or when the client left. */
export async function writeSlowEvents(response: ServerResponse, frames: readonly string[], pauseMs: number): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const frame of frames) {
    if (response.destroyed) return;
    response.write(frame);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  response.end();
}
