import type { CreateChatCompletionStreamResponse } from '@switchyard/contract';
import { UpstreamError } from '@switchyard/core';
import { parseJsonEvents, type SecretRedactor, type ServerSentEvent } from '@switchyard/provider-utils';
import { createCompatibleStreamError } from './create-compatible-stream-error.js';

/**
 * SSE events of a compatible provider → typed `chat.completion.chunk` objects, parsed once and
 * relayed unchanged (extension fields such as `reasoning_content` or `x_groq` stay on them).
 * `[DONE]` is consumed. A chunk carrying `error` (OpenRouter and others report failures that
 * way after the 200) throws an `UpstreamError`, as do a malformed frame and a stream cut before `[DONE]`.
 */
export async function* relayCompatibleChatChunks(
  provider: string,
  events: AsyncIterable<ServerSentEvent>,
  redact: SecretRedactor,
): AsyncGenerator<CreateChatCompletionStreamResponse, void, undefined> {
  let done = false;
  const chunks = parseJsonEvents<Record<string, unknown>>(events, { terminator: '[DONE]', onTerminator: () => (done = true) });
  for await (const parsed of chunks) {
    if (!parsed.success) {
      throw new UpstreamError({ provider, upstreamStatus: 0, code: 'upstream_invalid_event', message: `${provider}: ${parsed.error.message}` });
    }
    const error = parsed.value['error'];
    if (error !== undefined && error !== null) throw createCompatibleStreamError(provider, error, redact);
    yield parsed.value as unknown as CreateChatCompletionStreamResponse;
  }
  if (!done) {
    throw new UpstreamError({ provider, upstreamStatus: 0, code: 'upstream_stream_truncated', message: `${provider}: the chunk stream ended before [DONE].` });
  }
}
