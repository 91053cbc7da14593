import type { CreateChatCompletionStreamResponse } from '@switchyard/contract';
import { UpstreamError } from '@switchyard/core';
import { parseJsonEvents, type SecretRedactor, type ServerSentEvent } from '@switchyard/provider-utils';
import { createCompatibleStreamError } from './create-compatible-stream-error.js';

type Chunk = CreateChatCompletionStreamResponse;

/**
 * SSE events of a compatible provider → typed `chat.completion.chunk` objects, parsed once and
 * relayed (extension fields such as `reasoning_content` or `x_groq` stay on them). `[DONE]` is
 * consumed. A chunk carrying `error` (OpenRouter and others report failures that way after the
 * 200) throws an `UpstreamError`, as do a malformed frame and a stream cut before `[DONE]`.
 *
 * Usage is normalised to OpenAI's grammar, because providers place it differently (Mistral,
 * Together and Fireworks on the final chunk with choices, always; OpenRouter a usage chunk
 * always): with `includeUsage` every chunk with choices carries `usage: null` and exactly one
 * `choices: []` usage chunk follows the finish (built from the final chunk's usage when the
 * provider sent none); without it, no usage reaches the client.
 */
export async function* relayCompatibleChatChunks(
  provider: string,
  events: AsyncIterable<ServerSentEvent>,
  redact: SecretRedactor,
  options: { readonly includeUsage: boolean } = { includeUsage: true },
): AsyncGenerator<Chunk, void, undefined> {
  let done = false;
  let pendingUsage: Chunk['usage'] | undefined;
  let usageSent = false;
  let last: Chunk | undefined;
  const chunks = parseJsonEvents<Record<string, unknown>>(events, { terminator: '[DONE]', onTerminator: () => (done = true) });
  for await (const parsed of chunks) {
    if (!parsed.success) {
      throw new UpstreamError({ provider, upstreamStatus: 0, code: 'upstream_invalid_event', message: `${provider}: ${parsed.error.message}` });
    }
    const error = parsed.value['error'];
    if (error !== undefined && error !== null) throw createCompatibleStreamError(provider, error, redact);
    // Mistral reports a failure as its bare error body `{object: "error", message, type, code}`.
    if (parsed.value['object'] === 'error') throw createCompatibleStreamError(provider, parsed.value, redact);
    if (!Array.isArray(parsed.value['choices'])) {
      throw new UpstreamError({ provider, upstreamStatus: 0, code: 'upstream_invalid_event', message: `${provider}: a stream chunk without choices.` });
    }
    const chunk = parsed.value as unknown as Chunk;
    last = chunk;
    if (chunk.choices.length === 0) {
      // A usage chunk: relayed once, and only when the client asked for it.
      if (chunk.usage === undefined || chunk.usage === null || !options.includeUsage || usageSent) continue;
      usageSent = true;
      yield chunk;
      continue;
    }
    const { usage, ...rest } = chunk;
    if (usage !== undefined && usage !== null) pendingUsage = usage;
    yield options.includeUsage ? { ...rest, usage: null } : rest;
  }
  if (!done) {
    throw new UpstreamError({ provider, upstreamStatus: 0, code: 'upstream_stream_truncated', message: `${provider}: the chunk stream ended before [DONE].` });
  }
  if (options.includeUsage && !usageSent && pendingUsage !== undefined && last !== undefined) {
    yield { id: last.id, object: 'chat.completion.chunk', created: last.created, model: last.model, choices: [], usage: pendingUsage };
  }
}
