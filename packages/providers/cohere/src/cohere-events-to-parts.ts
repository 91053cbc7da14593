import { GatewayError, type StreamPart } from '@switchyard/core';
import type { JsonEvent } from '@switchyard/provider-utils';
import type { CohereStreamEvent } from './cohere-api.js';
import { createCohereGenerationError, createCohereIncompleteStreamError, mapCohereError } from './cohere-error.js';
import { buildCohereStreamTransform } from './build-cohere-stream-transform.js';

export interface CohereEventsToPartsOptions {
  readonly provider: string;
  readonly modelId: string;
  /** Removes secrets from upstream text that ends up in error messages. */
  readonly redact?: (text: string) => string;
}

/**
 * Drives the stream transform over parsed upstream events. Failures before any part
 * (an unreadable first event, `message-end` with `ERROR`, a dropped connection) are thrown, so
 * the gateway can still answer with a status, retry or fall back; after output began they become
 * one `error` part. A stream that ends without `message-end` is an error, never a silent finish.
 */
export async function* cohereEventsToParts(
  events: AsyncIterable<JsonEvent<CohereStreamEvent>>,
  options: CohereEventsToPartsOptions,
): AsyncGenerator<StreamPart, void, undefined> {
  const transform = buildCohereStreamTransform({ modelId: options.modelId });
  const redact = options.redact ?? ((text: string) => text);
  let failure: GatewayError | undefined;
  try {
    for await (const event of events) {
      // After message-end the rest is read (and ignored) so the pooled connection can be reused.
      if (transform.ending !== undefined) continue;
      if (!event.success) {
        failure = createCohereIncompleteStreamError(options.provider, 'sent an event that is not valid JSON');
        break;
      }
      yield* transform.apply(event.value);
    }
  } catch (error) {
    // Once message-end arrived the answer is complete; a failure while draining its tail does not matter.
    if (transform.ending === undefined) {
      const mapped = mapCohereError(error);
      if (!GatewayError.isInstance(mapped)) throw mapped;
      failure = mapped;
    }
  }
  const ending = transform.ending;
  if (failure === undefined && ending?.kind === 'failed') failure = createCohereGenerationError(options.provider, ending.finishReason.raw, redact(ending.message));
  if (failure === undefined && ending === undefined) failure = createCohereIncompleteStreamError(options.provider, 'ended before message-end');
  if (failure !== undefined) {
    if (!transform.started) throw failure;
    yield* transform.closeOpenBlocks(false);
    yield { type: 'error', error: failure };
    return;
  }
  if (ending?.kind === 'finished') {
    yield* transform.closeOpenBlocks(true);
    yield { type: 'finish', finishReason: ending.finishReason, usage: ending.usage };
  }
}
