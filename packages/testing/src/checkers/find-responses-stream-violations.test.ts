import { describe, expect, it } from 'vitest';
import { createFakeIds } from '../openai/fake-ids.js';
import { renderResponsesAnswer } from '../openai/render-responses-answer.js';
import { checkResponsesStream } from './check-responses-stream.js';
import { findResponsesStreamViolations } from './find-responses-stream-violations.js';
import { StreamCheckError } from './stream-violation.js';

interface Event {
  type?: unknown;
  sequence_number?: unknown;
  item?: Record<string, unknown>;
  response?: Record<string, unknown>;
  [key: string]: unknown;
}

function goodStream(answer: 'text' | 'tools' | 'reasoning' = 'text'): Event[] {
  const plan =
    answer === 'text'
      ? { reasoningSummary: undefined, text: 'Echo: a sentence to split', toolCalls: [] }
      : {
          reasoningSummary: answer === 'reasoning' ? 'Let me think' : undefined,
          text: undefined,
          toolCalls: [{ name: 'lookup', arguments: '{"query":"weather today"}', callId: undefined }],
        };
  return renderResponsesAnswer({ request: { model: 'gpt-4o-mini' }, plan, inputTokens: 3, nextId: createFakeIds() }).events as Event[];
}

/** Renumbers sequence numbers so that only the rule under test can fire. */
function resequence(events: Event[]): Event[] {
  return events.map((event, index) => ({ ...event, sequence_number: index }));
}

function rulesOf(events: unknown[]): string[] {
  return [...new Set(findResponsesStreamViolations(events).map((violation) => violation.rule))];
}

const indexOf = (events: Event[], type: string): number => events.findIndex((event) => event.type === type);

describe('findResponsesStreamViolations', () => {
  it('accepts text, tool-call and reasoning streams', () => {
    for (const kind of ['text', 'tools', 'reasoning'] as const) expect(findResponsesStreamViolations(goodStream(kind))).toEqual([]);
  });

  it('accepts SSE records and rejects a mismatched event name or [DONE]', () => {
    const records = goodStream().map((event) => ({ event: event.type as string, data: JSON.stringify(event) }));
    expect(findResponsesStreamViolations(records)).toEqual([]);
    const renamed = records.map((record, index) => (index === 2 ? { ...record, event: 'response.wrong' } : record));
    expect(rulesOf(renamed)).toEqual(['sse-framing']);
    expect(rulesOf([...records, { event: undefined, data: '[DONE]' }])).toContain('sse-framing');
  });

  it('flags unknown event types', () => {
    const events = goodStream();
    events.splice(2, 0, { type: 'response.keepalive' });
    expect(rulesOf(resequence(events))).toEqual(['unknown-type']);
  });

  it('flags sequence gaps and a start other than 0', () => {
    const events = goodStream();
    events.splice(3, 1);
    expect(rulesOf(events)).toContain('sequence');
    expect(rulesOf(goodStream().map((event) => ({ ...event, sequence_number: Number(event.sequence_number) + 1 })))).toEqual(['sequence']);
  });

  it('flags a missing response.created or in_progress', () => {
    expect(rulesOf(resequence(goodStream().slice(1)))).toEqual(['lifecycle-order']);
    const events = goodStream();
    events.splice(1, 1);
    expect(rulesOf(resequence(events))).toEqual(['lifecycle-order']);
  });

  it('accepts a background stream that starts with response.queued', () => {
    const events = goodStream();
    events.splice(1, 0, { type: 'response.queued', response: events[0]?.response });
    expect(findResponsesStreamViolations(resequence(events))).toEqual([]);
  });

  it('flags a wrong output_index on output_item.added', () => {
    const events = goodStream();
    const added = indexOf(events, 'response.output_item.added');
    events[added] = { ...events[added], output_index: 1 };
    expect(rulesOf(events)).toContain('output-index');
  });

  it('flags items without id, function calls without call_id, and a mismatched item_id', () => {
    const noId = goodStream('tools');
    const added = indexOf(noId, 'response.output_item.added');
    noId[added] = { ...noId[added], item: { ...noId[added]?.item, id: '' } };
    expect(rulesOf(noId)).toContain('item-id');
    const noCallId = goodStream('tools');
    noCallId[added] = { ...noCallId[added], item: { ...noCallId[added]?.item, call_id: '' } };
    expect(rulesOf(noCallId)).toEqual(['call-id']);
    const wrongItemId = goodStream();
    const delta = indexOf(wrongItemId, 'response.output_text.delta');
    wrongItemId[delta] = { ...wrongItemId[delta], item_id: 'msg_other' };
    expect(rulesOf(wrongItemId)).toEqual(['item-id']);
  });

  it('flags an item event before output_item.added', () => {
    const events = goodStream();
    const added = indexOf(events, 'response.output_item.added');
    const [moved] = events.splice(added, 1);
    events.splice(indexOf(events, 'response.content_part.added') + 1, 0, moved as Event);
    expect(rulesOf(resequence(events))).toContain('unknown-item');
  });

  it('flags content_index out of order and deltas before their part', () => {
    const events = goodStream();
    const partAdded = indexOf(events, 'response.content_part.added');
    events[partAdded] = { ...events[partAdded], content_index: 1 };
    expect(rulesOf(events)).toContain('content-index');
    const noPart = goodStream();
    noPart.splice(indexOf(noPart, 'response.content_part.added'), 1);
    expect(rulesOf(resequence(noPart))).toContain('part-order');
  });

  it('flags done text or arguments that differ from the deltas', () => {
    const text = goodStream();
    const done = indexOf(text, 'response.output_text.done');
    text[done] = { ...text[done], text: 'something else' };
    expect(rulesOf(text)).toContain('delta-mismatch');
    const tools = goodStream('tools');
    const argsDone = indexOf(tools, 'response.function_call_arguments.done');
    tools[argsDone] = { ...tools[argsDone], arguments: '{}' };
    expect(rulesOf(tools)).toContain('delta-mismatch');
    const summary = goodStream('reasoning');
    const summaryDone = indexOf(summary, 'response.reasoning_summary_text.done');
    summary[summaryDone] = { ...summary[summaryDone], text: 'nope' };
    expect(rulesOf(summary)).toContain('delta-mismatch');
  });

  it('flags output_item.done that does not carry the full item', () => {
    const events = goodStream();
    const itemDone = indexOf(events, 'response.output_item.done');
    events[itemDone] = { ...events[itemDone], item: { ...events[itemDone]?.item, content: [] } };
    expect(rulesOf(events)).toContain('item-done');
  });

  it('flags items and parts that never finish', () => {
    const events = goodStream();
    events.splice(indexOf(events, 'response.content_part.done'), 1);
    expect(rulesOf(resequence(events))).toContain('unfinished');
    const noItemDone = goodStream();
    noItemDone.splice(indexOf(noItemDone, 'response.output_item.done'), 1);
    expect(rulesOf(resequence(noItemDone))).toContain('unfinished');
  });

  it('flags a missing terminal event and events after it', () => {
    expect(rulesOf(goodStream().slice(0, -1))).toEqual(['terminal']);
    const events = goodStream();
    events.push({ type: 'response.completed', response: events.at(-1)?.response });
    expect(rulesOf(resequence(events))).toContain('after-terminal');
  });

  it('flags terminal events without usage, reason or matching status', () => {
    const noUsage = goodStream();
    noUsage[noUsage.length - 1] = { ...noUsage.at(-1), response: { ...noUsage.at(-1)?.response, usage: null } };
    expect(rulesOf(noUsage)).toEqual(['terminal-shape']);
    const incomplete = goodStream();
    incomplete[incomplete.length - 1] = { ...incomplete.at(-1), type: 'response.incomplete', response: { ...incomplete.at(-1)?.response, status: 'incomplete' } };
    expect(rulesOf(incomplete)).toEqual(['terminal-shape']);
  });

  it('flags a terminal output that differs from the done items', () => {
    const events = goodStream();
    events[events.length - 1] = { ...events.at(-1), response: { ...events.at(-1)?.response, output: [] } };
    expect(rulesOf(events)).toEqual(['terminal-output']);
  });

  it('accepts a stream ending with an error event and throws a descriptive error', () => {
    const events = goodStream().slice(0, 5);
    events.push({ type: 'error', code: 'server_error', message: 'boom', param: null, sequence_number: 5 });
    expect(findResponsesStreamViolations(events)).toEqual([]);
    const broken = goodStream().slice(0, -1);
    expect(() => checkResponsesStream(broken)).toThrow(StreamCheckError);
    expect(() => checkResponsesStream(broken)).toThrow(/\[terminal\]/);
    expect(() => checkResponsesStream(goodStream())).not.toThrow();
  });
});
