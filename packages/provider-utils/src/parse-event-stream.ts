import { createParser, type ParseError } from 'eventsource-parser';

/** One server-sent event as it arrived: its `event:` name (if any) and its `data:` text. */
export interface ServerSentEvent {
  readonly event: string | undefined;
  readonly data: string;
  readonly id: string | undefined;
}

export interface ParseEventStreamOptions {
  /** Largest single event the parser buffers before failing; default 64 MiB. */
  readonly maxEventBytes?: number;
}

/** The stream broke SSE framing (e.g. one event larger than the buffer limit). */
export class EventStreamFramingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventStreamFramingError';
  }
}

/**
 * Parses a byte stream as server-sent events, once, as bytes arrive: each event is yielded
 * as soon as its terminating blank line is read; nothing waits for the end of the stream.
 * UTF-8 sequences and lines split across chunks are handled. Stopping the iteration (break,
 * return, throw) stops reading `body`, which closes it.
 */
export async function* parseEventStream(
  body: AsyncIterable<Uint8Array | string>,
  options: ParseEventStreamOptions = {},
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const decoder = new TextDecoder('utf-8');
  const ready: ServerSentEvent[] = [];
  let framingError: ParseError | undefined;
  const parser = createParser({
    maxBufferSize: options.maxEventBytes ?? 64 * 1024 * 1024,
    onEvent: (message) => {
      ready.push({ event: message.event, data: message.data, id: message.id });
    },
    onError: (error) => {
      // Unknown fields are legal SSE (ignored by browsers too); only buffer overflows are fatal.
      if (error.type === 'max-buffer-size-exceeded') framingError = error;
    },
  });
  for await (const chunk of body) {
    parser.feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (framingError !== undefined) throw new EventStreamFramingError('Upstream event exceeds the event size limit.');
    for (let index = 0; index < ready.length; index += 1) yield ready[index] as ServerSentEvent;
    ready.length = 0;
  }
  const tail = decoder.decode();
  if (tail.length > 0) parser.feed(tail);
  // Some servers end without the final blank line: dispatch what is pending, like a last event.
  parser.feed('\n\n');
  for (const event of ready) yield event;
}
