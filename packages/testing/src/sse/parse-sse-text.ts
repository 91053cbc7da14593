import { createParser } from 'eventsource-parser';
import type { SseRecord } from './sse-record.js';

/** Parses a complete `text/event-stream` body into records, in order. Comments (`: keep-alive`) are skipped. */
export function parseSseText(text: string): SseRecord[] {
  const records: SseRecord[] = [];
  const parser = createParser({
    onEvent: (message) => {
      records.push({ event: message.event, data: message.data });
    },
  });
  parser.feed(text);
  parser.reset({ consume: true });
  return records;
}
