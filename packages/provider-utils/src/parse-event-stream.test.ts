import { describe, expect, it } from 'vitest';
import { parseEventStream, type ServerSentEvent } from './parse-event-stream.js';

const encoder = new TextEncoder();

async function collect(chunks: readonly (string | Uint8Array)[]): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  async function* source() {
    for (const chunk of chunks) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
  }
  for await (const event of parseEventStream(source())) events.push(event);
  return events;
}

describe('parseEventStream', () => {
  it('parses named events and data across chunk boundaries', async () => {
    const events = await collect(['event: response.created\nda', 'ta: {"a":1}\n', '\ndata: {"b":2}\n\n']);
    expect(events).toEqual([
      { event: 'response.created', data: '{"a":1}', id: undefined },
      { event: undefined, data: '{"b":2}', id: undefined },
    ]);
  });

  it('decodes a UTF-8 character split between chunks', async () => {
    const bytes = encoder.encode('data: {"text":"é€"}\n\n');
    const splitAt = bytes.indexOf(0xe2) + 1;
    const events = await collect([bytes.subarray(0, splitAt), bytes.subarray(splitAt)]);
    expect(events[0]?.data).toBe('{"text":"é€"}');
  });

  it('skips comments and dispatches a last event that lacks its blank line', async () => {
    const events = await collect([': keep-alive\n\n', 'data: [DONE]\n']);
    expect(events.map((event) => event.data)).toEqual(['[DONE]']);
  });

  it('yields each event before the next chunk is read', async () => {
    let released: (() => void) | undefined;
    const gate = new Promise<void>((resolve) => {
      released = resolve;
    });
    let secondChunkRead = false;
    async function* source() {
      yield encoder.encode('data: first\n\n');
      await gate;
      secondChunkRead = true;
      yield encoder.encode('data: second\n\n');
    }
    const iterator = parseEventStream(source());
    const first = await iterator.next();
    expect(first.value?.data).toBe('first');
    expect(secondChunkRead).toBe(false);
    released?.();
    expect((await iterator.next()).value?.data).toBe('second');
    expect((await iterator.next()).done).toBe(true);
  });

  it('fails an event larger than the size limit', async () => {
    async function* source() {
      yield encoder.encode(`data: ${'x'.repeat(200)}`);
    }
    const iterate = async () => {
      for await (const _event of parseEventStream(source(), { maxEventBytes: 64 })) void _event;
    };
    await expect(iterate()).rejects.toThrow(/size limit/);
  });
});
