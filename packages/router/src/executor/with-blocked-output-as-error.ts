import type { GenerateFunction } from '@switchyard/core';
import { peekStreamParts } from './peek-stream.js';

/**
 * The same adapter, except that a `generate` stream whose first output is a `finish` with reason
 * `content-filter` or `refusal` (Anthropic `stop_reason: "refusal"`, Gemini `SAFETY` / a blocked
 * prompt, Bedrock `content_filtered`, all before any output) rejects with a `content_filter` error,
 * so the executor falls to another provider. Use it only when `AttemptContext.anotherProviderRemains`:
 * otherwise the blocked answer itself is the best answer there is. The prototype chain is kept, so
 * the adapter's other methods still work.
 */
export function withBlockedOutputAsError<Adapter extends { readonly generate?: GenerateFunction | undefined }>(adapter: Adapter): Adapter {
  const generate = adapter.generate;
  if (generate === undefined) return adapter;
  const blocking: GenerateFunction = async (request, context) => peekStreamParts(await generate.call(adapter, request, context), { blockedAsError: true });
  return Object.assign(Object.create(adapter) as Adapter, { generate: blocking });
}
