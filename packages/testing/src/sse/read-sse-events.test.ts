import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseSseText } from './parse-sse-text.js';
import { readSseEvents } from './read-sse-events.js';

const text = 'event: a\ndata: {"x":"é"}\n\n: keep-alive\n\ndata: [DONE]\n\n';

describe('SSE helpers', () => {
  it('parses a whole body, skipping comments', () => {
    expect(parseSseText(text)).toEqual([
      { event: 'a', data: '{"x":"é"}' },
      { event: undefined, data: '[DONE]' },
    ]);
  });

  it('reads a byte stream split inside a multi-byte character', async () => {
    const bytes = Buffer.from(text);
    const split = bytes.indexOf(Buffer.from('é')) + 1;
    const source = Readable.from([bytes.subarray(0, split), bytes.subarray(split)]);
    const records = [];
    for await (const record of readSseEvents(source)) records.push(record);
    expect(records).toEqual(parseSseText(text));
  });

  it('reads a web ReadableStream and drops a truncated final frame (SSE spec)', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: 1\n\ndata: 2'));
        controller.close();
      },
    });
    const records = [];
    for await (const record of readSseEvents(stream)) records.push(record.data);
    expect(records).toEqual(['1']);
  });
});
