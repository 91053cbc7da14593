import { createParser } from 'eventsource-parser';
import type { SseRecord } from './sse-record.js';

type ByteSource = AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array>;

/**
 * Reads a byte stream (a fetch `Response.body`, an undici body, a Node readable) and yields SSE records
 * as soon as each one is complete. Multi-byte characters split across chunks are decoded correctly.
 */
export async function* readSseEvents(source: ByteSource): AsyncGenerator<SseRecord> {
  const pending: SseRecord[] = [];
  const parser = createParser({
    onEvent: (message) => {
      pending.push({ event: message.event, data: message.data });
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of toAsyncIterable(source)) {
    parser.feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    while (pending.length > 0) yield pending.shift() as SseRecord;
  }
  parser.feed(decoder.decode());
  parser.reset({ consume: true });
  while (pending.length > 0) yield pending.shift() as SseRecord;
}

function toAsyncIterable(source: ByteSource): AsyncIterable<Uint8Array | string> {
  if (Symbol.asyncIterator in source) return source as AsyncIterable<Uint8Array | string>;
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        reader.releaseLock();
      }
    },
  };
}
