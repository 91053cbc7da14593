import { UpstreamError } from '@switchyard/core';
import { parseJsonEvents, type ServerSentEvent } from '@switchyard/provider-utils';
import type { OpenAIConfig } from '../openai-config.js';
import { createOpenAIStreamError, type OpenAIStreamErrorPayload } from '../openai-error.js';

const errorOf = (chunk: Record<string, unknown>): OpenAIStreamErrorPayload | undefined => {
  const error = chunk['error'];
  if (typeof error === 'object' && error !== null) return error as OpenAIStreamErrorPayload;
  if (typeof error === 'string') return { message: error };
  return undefined;
};

/**
 * Relays `chat.completion.chunk` objects one by one, unchanged. `[DONE]` is consumed, never
 * yielded. A chunk with a top-level `error` is thrown as an `UpstreamError` (before the first
 * chunk that rejects the call; after it the gateway ends the stream with an error frame).
 * A malformed frame, or a stream cut before `[DONE]`, throws too.
 */
export async function* relayChatChunks<TChunk>(config: OpenAIConfig, events: AsyncIterable<ServerSentEvent>): AsyncGenerator<TChunk, void, undefined> {
  const { provider, client } = config;
  let done = false;
  const chunks = parseJsonEvents<Record<string, unknown>>(events, { terminator: '[DONE]', onTerminator: () => (done = true) });
  for await (const parsed of chunks) {
    if (!parsed.success) {
      throw new UpstreamError({ provider, upstreamStatus: 0, code: 'upstream_invalid_event', message: `${provider}: ${parsed.error.message}` });
    }
    const error = errorOf(parsed.value) ?? (parsed.event === 'error' ? (parsed.value as OpenAIStreamErrorPayload) : undefined);
    if (error !== undefined) throw createOpenAIStreamError(provider, error, client.redact);
    yield parsed.value as TChunk;
  }
  if (!done) {
    throw new UpstreamError({
      provider,
      upstreamStatus: 0,
      code: 'upstream_stream_truncated',
      message: `${provider}: the chunk stream ended before [DONE].`,
    });
  }
}
