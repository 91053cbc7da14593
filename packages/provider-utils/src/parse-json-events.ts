import type { ParseResult } from './parse-result.js';
import type { ServerSentEvent } from './parse-event-stream.js';
import { safeParseJson, type ShapeCheck } from './safe-parse-json.js';

/** One SSE event whose data was parsed as JSON: a typed value or a typed failure. */
export type JsonEvent<T> = ParseResult<T> & {
  /** The SSE `event:` name, when the upstream sends one (Responses API, Anthropic). */
  readonly event: string | undefined;
};

export interface ParseJsonEventsOptions<T> {
  /** Checks each parsed object; default: any JSON object. */
  readonly check?: ShapeCheck<T>;
  /**
   * A data value that ends the stream, e.g. `[DONE]` for Chat Completions. It is consumed,
   * never yielded; later events are read (so the connection can be reused) and ignored.
   */
  readonly terminator?: string;
  /** Called once when the terminator arrives (lets the caller tell a complete stream from a cut one). */
  readonly onTerminator?: () => void;
}

/**
 * Turns SSE data strings into typed objects, one by one as they arrive. A malformed frame
 * becomes `{ success: false }` (its message names no upstream bytes) and iteration goes on;
 * the caller decides whether that ends the stream. Comment-only and empty events are skipped.
 */
export async function* parseJsonEvents<T>(
  events: AsyncIterable<ServerSentEvent>,
  options: ParseJsonEventsOptions<T> = {},
): AsyncGenerator<JsonEvent<T>, void, undefined> {
  let terminated = false;
  for await (const event of events) {
    if (terminated || event.data.length === 0) continue;
    if (options.terminator !== undefined && event.data.trim() === options.terminator) {
      terminated = true;
      options.onTerminator?.();
      continue;
    }
    yield { ...safeParseJson(event.data, options.check), event: event.event };
  }
}
