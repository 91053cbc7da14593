import { describe, expect, it } from 'vitest';
import type { ServerSentEvent } from './parse-event-stream.js';
import { parseJsonEvents, type JsonEvent } from './parse-json-events.js';

async function* events(...data: readonly string[]): AsyncGenerator<ServerSentEvent> {
  for (const item of data) yield { event: item.startsWith('{"type"') ? 'named' : undefined, data: item, id: undefined };
}

async function collect<T>(source: AsyncIterable<JsonEvent<T>>): Promise<JsonEvent<T>[]> {
  const collected: JsonEvent<T>[] = [];
  for await (const event of source) collected.push(event);
  return collected;
}

describe('parseJsonEvents', () => {
  it('parses data into objects and keeps the event name', async () => {
    const parsed = await collect(parseJsonEvents(events('{"type":"a"}', '{"x":1}')));
    expect(parsed).toEqual([
      { success: true, value: { type: 'a' }, event: 'named' },
      { success: true, value: { x: 1 }, event: undefined },
    ]);
  });

  it('turns a malformed frame into a typed failure and carries on', async () => {
    const parsed = await collect(parseJsonEvents(events('{"broken": "sk-secretsecret', '{"ok":true}')));
    expect(parsed[0]?.success).toBe(false);
    expect(JSON.stringify(parsed[0])).not.toContain('sk-secretsecret');
    expect(parsed[1]).toEqual({ success: true, value: { ok: true }, event: undefined });
  });

  it('consumes the terminator and ignores anything after it', async () => {
    let terminatorSeen = 0;
    const parsed = await collect(
      parseJsonEvents(events('{"n":1}', '[DONE]', '{"n":2}'), { terminator: '[DONE]', onTerminator: () => (terminatorSeen += 1) }),
    );
    expect(parsed.map((event) => event.success && event.value)).toEqual([{ n: 1 }]);
    expect(terminatorSeen).toBe(1);
  });
});
