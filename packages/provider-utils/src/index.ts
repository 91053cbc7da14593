export { buildRequestPath, type Query, type QueryValue } from './build-request-path.js';
export { createUpstreamErrorFromException } from './create-upstream-error-from-exception.js';
export { createUpstreamErrorFromResponse, type UpstreamErrorResponse } from './create-upstream-error-from-response.js';
export { combineHeaders, normalizeHeaders, type RawHeaders } from './normalize-headers.js';
export {
  EventStreamFramingError,
  parseEventStream,
  type ParseEventStreamOptions,
  type ServerSentEvent,
} from './parse-event-stream.js';
export { parseJsonEvents, type JsonEvent, type ParseJsonEventsOptions } from './parse-json-events.js';
export { peekAsyncIterable } from './peek-async-iterable.js';
export type { ParseFailure, ParseResult } from './parse-result.js';
export { readBodyText } from './read-body-text.js';
export { createSecretRedactor, type SecretRedactor } from './redact-secrets.js';
export { safeParseJson, type ShapeCheck } from './safe-parse-json.js';
export {
  createUpstreamClient,
  type UpstreamClient,
  type UpstreamClientOptions,
  type UpstreamEventStream,
  type UpstreamJsonResponse,
  type UpstreamRequestOptions,
  type UpstreamTimeouts,
} from './upstream-client.js';
