import { UpstreamError } from '@switchyard/core';
import { Pool, type Dispatcher } from 'undici';
import { buildRequestPath, type Query } from './build-request-path.js';
import { createUpstreamErrorFromException } from './create-upstream-error-from-exception.js';
import { createUpstreamErrorFromResponse } from './create-upstream-error-from-response.js';
import { combineHeaders, normalizeHeaders } from './normalize-headers.js';
import { EventStreamFramingError, parseEventStream, type ServerSentEvent } from './parse-event-stream.js';
import { readBodyText } from './read-body-text.js';
import { createSecretRedactor, type SecretRedactor } from './redact-secrets.js';
import { safeParseJson, type ShapeCheck } from './safe-parse-json.js';

export interface UpstreamTimeouts {
  /** Time to open the TCP/TLS connection; default 10 s. */
  readonly connectMs?: number;
  /** Time from sending the request to the complete response headers; default 600 s. */
  readonly headersMs?: number;
  /** Longest silence between two body chunks; default 300 s (0 disables). */
  readonly bodyMs?: number;
}

export interface UpstreamClientOptions {
  /** Provider name used in error messages, e.g. `openai`. */
  readonly provider: string;
  /** Origin plus base path, e.g. `https://api.openai.com/v1`. Userinfo is not allowed. */
  readonly baseURL: string;
  /** Sent with every request (credentials included). Their credential values are redacted. */
  readonly headers?: Readonly<Record<string, string | undefined>>;
  /** Query parameters sent with every request, e.g. Azure's `api-version`. */
  readonly query?: Query;
  /** More secrets to redact from error messages and bodies (API keys not sent as headers). */
  readonly secrets?: readonly string[];
  readonly timeouts?: UpstreamTimeouts;
  /** Most sockets kept open to the origin; default unlimited. */
  readonly connections?: number;
  /** Largest error body read, in bytes; default 64 KiB. */
  readonly maxErrorBodyBytes?: number;
}

export interface UpstreamRequestOptions<T = unknown> {
  readonly signal?: AbortSignal;
  readonly headers?: Readonly<Record<string, string | undefined>>;
  readonly query?: Query;
  /** Checks the shape of a JSON body; default: any JSON object. */
  readonly check?: ShapeCheck<T>;
}

export interface UpstreamJsonResponse<T> {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed body; `null` for a 204. */
  readonly body: T;
}

export interface UpstreamEventStream {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /**
   * Events parsed as bytes arrive. Iterate it to the end or stop early (break/return):
   * both release the connection. Mid-stream failures throw `UpstreamError`; a caller's
   * abort throws the signal's reason.
   */
  readonly events: AsyncIterable<ServerSentEvent>;
}

export interface UpstreamClient {
  readonly provider: string;
  readonly redact: SecretRedactor;
  postJson<T>(path: string, body: unknown, options?: UpstreamRequestOptions<T>): Promise<UpstreamJsonResponse<T>>;
  getJson<T>(path: string, options?: UpstreamRequestOptions<T>): Promise<UpstreamJsonResponse<T>>;
  deleteJson<T>(path: string, options?: UpstreamRequestOptions<T>): Promise<UpstreamJsonResponse<T>>;
  postForEventStream(path: string, body: unknown, options?: UpstreamRequestOptions): Promise<UpstreamEventStream>;
  getForEventStream(path: string, options?: UpstreamRequestOptions): Promise<UpstreamEventStream>;
  /** Closes the pooled connections. */
  close(): Promise<void>;
}

/** Drops a body we will not read; an error from dropping it has no one to go to. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  if (!body.destroyed) body.destroy();
}

const credentialHeaders = new Set(['authorization', 'api-key', 'x-api-key', 'x-goog-api-key', 'proxy-authorization']);

function credentialValues(headers: Readonly<Record<string, string>>): string[] {
  return Object.entries(headers)
    .filter(([name]) => credentialHeaders.has(name))
    .flatMap(([, value]) => [value, value.replace(/^(Bearer|Basic)\s+/i, '')]);
}

/**
 * An upstream HTTP client on one keep-alive undici `Pool` per origin, using `request` (not
 * `fetch`). Redirects are never followed: a 3xx becomes a 502 naming no location, so a
 * credential header never travels to another host.
 */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const url = new URL(options.baseURL);
  if (url.username !== '' || url.password !== '') throw new TypeError('baseURL must not contain credentials.');
  const basePath = url.pathname === '/' ? '' : url.pathname;
  const staticHeaders = combineHeaders(options.headers);
  const redact = createSecretRedactor([...credentialValues(staticHeaders), ...(options.secrets ?? [])]);
  const timeouts = { connectMs: 10_000, headersMs: 600_000, bodyMs: 300_000, ...options.timeouts };
  const maxErrorBodyBytes = options.maxErrorBodyBytes ?? 64 * 1024;
  const pool = new Pool(url.origin, {
    connections: options.connections ?? null,
    connectTimeout: timeouts.connectMs,
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    keepAliveTimeout: 30_000,
  });
  const provider = options.provider;

  const failure = (error: unknown, signal: AbortSignal | undefined): unknown => {
    if (signal?.aborted === true) return signal.reason;
    if (error instanceof EventStreamFramingError) {
      return new UpstreamError({ provider, upstreamStatus: 0, code: 'upstream_stream_error', message: `${provider}: ${error.message}` });
    }
    return createUpstreamErrorFromException(provider, error);
  };

  async function send(
    method: Dispatcher.HttpMethod,
    path: string,
    body: unknown,
    accept: string,
    requestOptions: UpstreamRequestOptions<unknown>,
  ): Promise<Dispatcher.ResponseData> {
    const signal = requestOptions.signal;
    const headers = combineHeaders(
      { accept },
      body === undefined ? undefined : { 'content-type': 'application/json' },
      staticHeaders,
      requestOptions.headers,
    );
    let response: Dispatcher.ResponseData;
    try {
      response = await pool.request({
        method,
        path: buildRequestPath(basePath, path, options.query, requestOptions.query),
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: signal ?? null,
      });
    } catch (error) {
      throw failure(error, signal);
    }
    if (response.statusCode >= 200 && response.statusCode < 300) return response;
    const responseHeaders = normalizeHeaders(response.headers);
    if (response.statusCode >= 300 && response.statusCode < 400) {
      void response.body.dump().catch(() => undefined);
      throw new UpstreamError({
        provider,
        upstreamStatus: response.statusCode,
        code: 'upstream_redirect',
        message: `${provider} answered with a redirect (${response.statusCode}); redirects are not followed.`,
      });
    }
    let bodyText: string;
    try {
      bodyText = await readBodyText(response.body, maxErrorBodyBytes);
    } catch (error) {
      throw failure(error, signal);
    }
    throw createUpstreamErrorFromResponse({ provider, status: response.statusCode, headers: responseHeaders, bodyText, redact });
  }

  async function requestJson<T>(
    method: Dispatcher.HttpMethod,
    path: string,
    body: unknown,
    requestOptions: UpstreamRequestOptions<T> = {},
  ): Promise<UpstreamJsonResponse<T>> {
    const response = await send(method, path, body, 'application/json', requestOptions as UpstreamRequestOptions<unknown>);
    const headers = normalizeHeaders(response.headers);
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      throw failure(error, requestOptions.signal);
    }
    if (response.statusCode === 204 || text.length === 0) {
      return { status: response.statusCode, headers, body: null as T };
    }
    const parsed = safeParseJson(text, requestOptions.check);
    if (!parsed.success) {
      throw new UpstreamError({ provider, upstreamStatus: 0, code: 'upstream_invalid_response', message: `${provider}: ${parsed.error.message}` });
    }
    return { status: response.statusCode, headers, body: parsed.value };
  }

  async function requestEventStream(
    method: Dispatcher.HttpMethod,
    path: string,
    body: unknown,
    requestOptions: UpstreamRequestOptions = {},
  ): Promise<UpstreamEventStream> {
    const response = await send(method, path, body, 'text/event-stream', requestOptions);
    const headers = normalizeHeaders(response.headers);
    if ((headers['content-type'] ?? '').includes('application/json')) {
      discard(response.body);
      throw new UpstreamError({
        provider,
        upstreamStatus: 0,
        code: 'upstream_invalid_response',
        message: `${provider} answered with JSON where an event stream was requested.`,
      });
    }
    async function* events(): AsyncGenerator<ServerSentEvent, void, undefined> {
      try {
        yield* parseEventStream(response.body);
      } catch (error) {
        throw failure(error, requestOptions.signal);
      } finally {
        discard(response.body);
      }
    }
    return { status: response.statusCode, headers, events: events() };
  }

  return {
    provider,
    redact,
    postJson: (path, body, requestOptions) => requestJson('POST', path, body, requestOptions),
    getJson: (path, requestOptions) => requestJson('GET', path, undefined, requestOptions),
    deleteJson: (path, requestOptions) => requestJson('DELETE', path, undefined, requestOptions),
    postForEventStream: (path, body, requestOptions) => requestEventStream('POST', path, body, requestOptions),
    getForEventStream: (path, requestOptions) => requestEventStream('GET', path, undefined, requestOptions),
    close: () => pool.close(),
  };
}
