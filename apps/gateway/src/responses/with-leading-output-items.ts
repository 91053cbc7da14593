import type { ItemResource, Response, ResponseStreamEvent } from '@switchyard/contract';

/** Events that open a stream before any output: the leading items go right after them. */
const preambleTypes: ReadonlySet<string> = new Set(['response.created', 'response.queued', 'response.in_progress']);

type Numbered = ResponseStreamEvent & { output_index?: unknown; response?: Response };

function isAsyncIterable<T>(value: unknown): value is AsyncIterable<T> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function itemId(item: unknown): unknown {
  return (item as { id?: unknown }).id;
}

/** The response with `items` in front of its output (once: items already there are not repeated). */
function prependTo(response: Response, items: readonly ItemResource[]): Response {
  const output = response.output as unknown[];
  const present = new Set(output.map(itemId));
  const missing = items.filter((item) => !present.has(itemId(item)));
  return { ...response, output: [...missing, ...output] as Response['output'] };
}

/** An event after the inserted items: numbered and indexed `items.length` (and twice that) further. */
function shifted(event: Numbered, items: readonly ItemResource[]): ResponseStreamEvent {
  const moved: Record<string, unknown> = { ...event, sequence_number: event.sequence_number + items.length * 2 };
  if (typeof event.output_index === 'number') moved.output_index = event.output_index + items.length;
  if (typeof event.response === 'object' && event.response !== null && Array.isArray(event.response.output)) {
    moved.response = prependTo(event.response, items);
  }
  return moved as unknown as ResponseStreamEvent;
}

async function* streamWithLeadingItems(events: AsyncIterable<ResponseStreamEvent>, items: readonly ItemResource[]): AsyncGenerator<ResponseStreamEvent> {
  let inserted = false;
  for await (const event of events) {
    if (!inserted && preambleTypes.has(event.type)) {
      yield event;
      continue;
    }
    if (!inserted) {
      inserted = true;
      let sequence = event.sequence_number;
      for (const [index, item] of items.entries()) {
        yield { type: 'response.output_item.added', sequence_number: sequence, output_index: index, item } as unknown as ResponseStreamEvent;
        yield { type: 'response.output_item.done', sequence_number: sequence + 1, output_index: index, item } as unknown as ResponseStreamEvent;
        sequence += 2;
      }
    }
    yield shifted(event as Numbered, items);
  }
}

/**
 * Output items the gateway made before the model answered (the `compaction` item of automatic
 * compaction) reported as the first items of the response, the way OpenAI reports server-side
 * compaction: in a stream, an `output_item.added`/`output_item.done` pair per item right after the
 * opening events (`response.created`, `queued`, `in_progress`) at `output_index` 0…n-1, every
 * later event numbered and indexed after them, and the items at the head of every `response`
 * object carried after that point (so the terminal event, the stored object and `GET` agree); a
 * JSON response gets them at the head of `output`. Nothing to report: the result is unchanged.
 */
export function withLeadingOutputItems<T extends Response | AsyncIterable<ResponseStreamEvent>>(result: T, items: readonly ItemResource[]): T {
  if (items.length === 0) return result;
  if (isAsyncIterable<ResponseStreamEvent>(result)) return streamWithLeadingItems(result, items) as unknown as T;
  return prependTo(result as Response, items) as T;
}
