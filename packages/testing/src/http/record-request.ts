import type { IncomingMessage } from 'node:http';
import type { RecordedRequest } from './fake-server-types.js';
import { readRequestBody } from './read-request-body.js';

/** Reads a request fully and records it; `badJson` when a body was sent that is not JSON. */
export async function recordRequest(request: IncomingMessage): Promise<{ recorded: RecordedRequest; badJson: boolean }> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const rawBody = await readRequestBody(request);
  let body: unknown;
  let badJson = false;
  if (rawBody !== '') {
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = rawBody;
      badJson = true;
    }
  }
  const query = Object.fromEntries(
    [...new Set(url.searchParams.keys())].map((key) => {
      const values = url.searchParams.getAll(key);
      return [key, values.length === 1 ? (values[0] as string) : values];
    }),
  );
  const recorded: RecordedRequest = {
    method: request.method ?? 'GET',
    path: url.pathname,
    query,
    headers: request.headers,
    body,
    rawBody,
    receivedAt: Date.now(),
  };
  return { recorded, badJson };
}
