import { client as defaultClient } from './generated/client.gen.js';
import type { Client } from './generated/client/index.js';
import type { Options } from './generated/sdk.gen.js';
import type {
  ApiError,
  CreateChatCompletionData,
  CreateChatCompletionStreamResponse,
  CreateResponseData,
  ResponseStreamEvent,
} from './generated/types.gen.js';

// hey-api only generates an SSE method when text/event-stream is a 200's only media type. Ours also
// have JSON, so the streaming variants are written here, on the generated client's `sse` transport.

/** A non-2xx answer to a streaming request, carrying OpenAI's error envelope when the server sent one. */
export class SwitchyardStreamError extends Error {
  override readonly name = 'SwitchyardStreamError';
  readonly status: number;
  readonly error: ApiError | undefined;
  readonly isRetryable: boolean;

  constructor(status: number, error: ApiError | undefined) {
    super(error?.message ?? `The stream request failed with HTTP ${status}.`);
    this.status = status;
    this.error = error;
    this.isRetryable = status === 408 || status === 409 || status === 429 || status >= 500;
  }
}

type StreamingOptions<TData extends CreateResponseData | CreateChatCompletionData> = Omit<Options<TData>, 'body'> & {
  /** The request body; `stream: true` is set for you. */
  readonly body: Omit<NonNullable<TData['body']>, 'stream'> & { stream?: true | null };
};

export type CreateResponseStreamOptions = StreamingOptions<CreateResponseData>;
export type CreateChatCompletionStreamOptions = StreamingOptions<CreateChatCompletionData>;

const security = [
  { scheme: 'bearer', type: 'http' },
  { name: 'X-API-Key', type: 'apiKey' },
] as const;

function isApiErrorEnvelope(value: unknown): value is { error: ApiError } {
  return typeof value === 'object' && value !== null && typeof (value as { error?: { message?: unknown } }).error?.message === 'string';
}

/** Wraps fetch so a non-2xx answer becomes a SwitchyardStreamError with the server's error body. */
function rejectingFetch(fetchImplementation: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchImplementation(input, init);
    if (response.ok) return response;
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw new SwitchyardStreamError(response.status, isApiErrorEnvelope(body) ? body.error : undefined);
  };
}

function normalizeHeaders(headers: StreamRequest['headers']): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  return Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined && value !== null).map(([name, value]) => [name, String(value)]));
}

type SseRequest = Parameters<Client['sse']['post']>[0];
type StreamRequest = Omit<Options<CreateResponseData | CreateChatCompletionData>, 'url' | 'body'> & { body: object };

async function* streamEvents<TEvent>(url: string, options: StreamRequest): AsyncGenerator<TEvent> {
  const { client = defaultClient, headers, signal: callerSignal, ...rest } = options;
  let failure: unknown;
  // Our own controller, so that a consumer who stops iterating early also closes the connection
  // (and the gateway cancels the generation); the caller's signal still aborts it.
  const controller = new AbortController();
  const forwardAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) forwardAbort();
  else callerSignal?.addEventListener('abort', forwardAbort, { once: true });
  const fetchImplementation = rest.fetch ?? client.getConfig().fetch ?? globalThis.fetch;
  const request: SseRequest = {
    security: [...security],
    url,
    ...rest,
    body: { ...rest.body, stream: true },
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', ...normalizeHeaders(headers) },
    fetch: rejectingFetch(fetchImplementation),
    signal: controller.signal,
    // Never replay a POST that may already have started a generation.
    sseMaxRetryAttempts: 1,
    onSseError: (error: unknown) => {
      failure = error;
    },
  };
  let finished = false;
  try {
    const { stream } = await client.sse.post(request);
    for await (const data of stream) {
      if (data === '[DONE]') break;
      yield data as TEvent;
    }
    finished = true;
  } finally {
    callerSignal?.removeEventListener('abort', forwardAbort);
    if (!finished) controller.abort();
  }
  if (failure !== undefined) throw failure;
}

/** `POST /v1/responses` with `stream: true`: yields the typed Responses API events as they arrive. */
export function createResponseStream(options: CreateResponseStreamOptions): AsyncGenerator<ResponseStreamEvent> {
  return streamEvents<ResponseStreamEvent>('/v1/responses', options);
}

/** `POST /v1/chat/completions` with `stream: true`: yields the typed chunks (the `[DONE]` sentinel ends it). */
export function createChatCompletionStream(options: CreateChatCompletionStreamOptions): AsyncGenerator<CreateChatCompletionStreamResponse> {
  return streamEvents<CreateChatCompletionStreamResponse>('/v1/chat/completions', options);
}
