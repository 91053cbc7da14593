import type { ItemResource, Response, ResponseStreamEvent } from '@switchyard/contract';
import { checkResponsesStream } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { withLeadingOutputItems } from './with-leading-output-items.js';

const compaction = { type: 'compaction', id: 'cmp_1', encrypted_content: 'switchyard-compaction:x' } as unknown as ItemResource;
const message = { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Hi', annotations: [], logprobs: [] }] };
const usage = { input_tokens: 1, input_tokens_details: { cached_tokens: 0 }, output_tokens: 1, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 2 };
const response = (status: string, output: unknown[]): Response => ({ id: 'resp_1', object: 'response', status, output }) as unknown as Response;

/** A complete, valid Responses stream with one message, as the encoders produce it. */
function modelStream(): ResponseStreamEvent[] {
  const part = { type: 'output_text', text: '', annotations: [], logprobs: [] };
  const events = [
    { type: 'response.created', response: response('in_progress', []) },
    { type: 'response.in_progress', response: response('in_progress', []) },
    { type: 'response.output_item.added', output_index: 0, item: { ...message, status: 'in_progress', content: [] } },
    { type: 'response.content_part.added', output_index: 0, item_id: 'msg_1', content_index: 0, part },
    { type: 'response.output_text.delta', output_index: 0, item_id: 'msg_1', content_index: 0, delta: 'Hi', logprobs: [] },
    { type: 'response.output_text.done', output_index: 0, item_id: 'msg_1', content_index: 0, text: 'Hi', logprobs: [] },
    { type: 'response.content_part.done', output_index: 0, item_id: 'msg_1', content_index: 0, part: { ...part, text: 'Hi' } },
    { type: 'response.output_item.done', output_index: 0, item: message },
    { type: 'response.completed', response: { ...response('completed', [message]), usage } },
  ];
  return events.map((event, index) => ({ ...event, sequence_number: index }) as unknown as ResponseStreamEvent);
}

async function* iterate(events: readonly ResponseStreamEvent[]): AsyncGenerator<ResponseStreamEvent> {
  yield* events;
}

async function collect(stream: AsyncIterable<ResponseStreamEvent>): Promise<ResponseStreamEvent[]> {
  const events: ResponseStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe('withLeadingOutputItems', () => {
  it('reports the item first in a stream: after the opening events, later events renumbered and re-indexed', async () => {
    const original = modelStream();
    checkResponsesStream(original);
    const events = await collect(withLeadingOutputItems(iterate(original), [compaction]));
    checkResponsesStream(events);
    expect(events.map((event) => event.type).slice(0, 5)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.output_item.done',
      'response.output_item.added',
    ]);
    expect(events[2]).toMatchObject({ output_index: 0, item: compaction, sequence_number: 2 });
    expect(events[4]).toMatchObject({ output_index: 1, sequence_number: 4 });
    expect(events.filter((event) => 'output_index' in event && event.output_index === 1)).toHaveLength(original.length - 3);
    const final = events.at(-1) as { response: Response };
    expect(final.response.output).toEqual([compaction, message]);
    // The opening events still describe a response without output.
    expect((events[0] as { response: Response }).response.output).toEqual([]);
  });

  it('puts the item at the head of a JSON response, once', () => {
    const answered = withLeadingOutputItems(response('completed', [message]), [compaction]);
    expect(answered.output).toEqual([compaction, message]);
    expect(withLeadingOutputItems(answered, [compaction]).output).toEqual([compaction, message]);
  });

  it('reports the item before the terminal event of a stream without output', async () => {
    const failed = [
      { type: 'response.created', sequence_number: 0, response: response('in_progress', []) },
      { type: 'response.failed', sequence_number: 1, response: response('failed', []) },
    ] as unknown as ResponseStreamEvent[];
    const events = await collect(withLeadingOutputItems(iterate(failed), [compaction]));
    expect(events.map((event) => [event.type, event.sequence_number])).toEqual([
      ['response.created', 0],
      ['response.output_item.added', 1],
      ['response.output_item.done', 2],
      ['response.failed', 3],
    ]);
    expect((events[3] as { response: Response }).response.output).toEqual([compaction]);
  });

  it('changes nothing without items', () => {
    const stream = iterate(modelStream());
    expect(withLeadingOutputItems(stream, [])).toBe(stream);
  });
});
