import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SseServer {
  /** `http://127.0.0.1:<port>/v1`, for the openai client's `baseURL`. */
  readonly baseURL: string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/**
 * A tiny SSE server on 127.0.0.1 (random port) for end-to-end tests with the official client:
 * every POST gets `text/event-stream` with the frames `frames(body)` yields, written as they come.
 */
export async function serveSse(frames: (body: unknown) => AsyncIterable<string>): Promise<SseServer> {
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      for await (const frame of frames(body)) response.write(frame);
      response.end();
    })().catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
