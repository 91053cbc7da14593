import type { Response, ResponseStreamEvent } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { responseEventsToParts } from './response-events-to-parts.js';
import { responseToParts } from './response-to-parts.js';
import { collect, comparable, fromArray } from './test-support/chat-chunk-builders.js';

const baseResponse = (fields: Partial<Response> = {}): Response =>
  ({
    id: 'resp_1',
    object: 'response',
    created_at: 1_700_000_002,
    model: 'o-pro',
    status: 'in_progress',
    error: null,
    incomplete_details: null,
    instructions: null,
    metadata: {},
    output: [],
    parallel_tool_calls: true,
    temperature: null,
    top_p: null,
    tool_choice: 'auto',
    tools: [],
    ...fields,
  }) as Response;

const usage = { input_tokens: 8, input_tokens_details: { cached_tokens: 2 }, output_tokens: 5, output_tokens_details: { reasoning_tokens: 3 }, total_tokens: 13 };

/** Numbers events in order, as an upstream would. */
const sequence = (events: ReadonlyArray<Record<string, unknown>>): ResponseStreamEvent[] =>
  events.map((event, index) => ({ ...event, sequence_number: index }) as ResponseStreamEvent);

const run = async (events: ReadonlyArray<Record<string, unknown>>, failAfter?: Error) =>
  comparable(await collect(responseEventsToParts(fromArray(sequence(events), failAfter), { provider: 'openai' })));

describe('responseEventsToParts', () => {
  it('turns reasoning, text and a function call into parts', async () => {
    expect(
      await run([
        { type: 'response.created', response: baseResponse() },
        { type: 'response.output_item.added', output_index: 0, item: { type: 'reasoning', id: 'rs_1', summary: [] } },
        { type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', output_index: 0, summary_index: 0, delta: 'Plan' },
        { type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', output_index: 0, summary_index: 1, delta: 'More' },
        { type: 'response.output_item.done', output_index: 0, item: { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: 'enc' } },
        { type: 'response.output_item.added', output_index: 1, item: { type: 'message', id: 'msg_1', role: 'assistant', status: 'in_progress', content: [] } },
        { type: 'response.content_part.added', item_id: 'msg_1', output_index: 1, content_index: 0, part: { type: 'output_text', text: '', annotations: [], logprobs: [] } },
        { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 1, content_index: 0, delta: 'Hi', logprobs: [] },
        {
          type: 'response.output_text.annotation.added',
          item_id: 'msg_1',
          output_index: 1,
          content_index: 0,
          annotation_index: 0,
          annotation: { type: 'url_citation', url: 'https://example.com', title: 'Ex', start_index: 0, end_index: 2 },
        },
        { type: 'response.output_text.done', item_id: 'msg_1', output_index: 1, content_index: 0, text: 'Hi', logprobs: [] },
        { type: 'response.content_part.done', item_id: 'msg_1', output_index: 1, content_index: 0, part: { type: 'output_text', text: 'Hi', annotations: [], logprobs: [] } },
        { type: 'response.output_item.done', output_index: 1, item: { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [] } },
        { type: 'response.output_item.added', output_index: 2, item: { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'f', arguments: '' } },
        { type: 'response.function_call_arguments.delta', item_id: 'fc_1', output_index: 2, delta: '{"a":' },
        { type: 'response.function_call_arguments.delta', item_id: 'fc_1', output_index: 2, delta: '1}' },
        { type: 'response.output_item.done', output_index: 2, item: { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'f', arguments: '{"a":1}' } },
        { type: 'response.completed', response: baseResponse({ status: 'completed', usage }) },
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "createdAt": 1700000002,
          "id": "resp_1",
          "modelId": "o-pro",
          "type": "response-metadata",
        },
        {
          "id": "rs_1",
          "kind": "summary",
          "type": "reasoning-start",
        },
        {
          "delta": "Plan",
          "id": "rs_1",
          "type": "reasoning-delta",
        },
        {
          "delta": "

      More",
          "id": "rs_1",
          "type": "reasoning-delta",
        },
        {
          "encryptedContent": "enc",
          "id": "rs_1",
          "type": "reasoning-end",
        },
        {
          "id": "msg_1:0",
          "type": "text-start",
        },
        {
          "delta": "Hi",
          "id": "msg_1:0",
          "type": "text-delta",
        },
        {
          "annotation": {
            "endIndex": 2,
            "startIndex": 0,
            "title": "Ex",
            "type": "url_citation",
            "url": "https://example.com",
          },
          "id": "msg_1:0",
          "type": "text-annotation",
        },
        {
          "id": "msg_1:0",
          "type": "text-end",
        },
        {
          "id": "call_1",
          "toolName": "f",
          "type": "tool-input-start",
        },
        {
          "delta": "{"a":",
          "id": "call_1",
          "type": "tool-input-delta",
        },
        {
          "delta": "1}",
          "id": "call_1",
          "type": "tool-input-delta",
        },
        {
          "id": "call_1",
          "type": "tool-input-end",
        },
        {
          "input": "{"a":1}",
          "toolCallId": "call_1",
          "toolName": "f",
          "type": "tool-call",
        },
        {
          "finishReason": {
            "raw": "completed",
            "unified": "tool-calls",
          },
          "type": "finish",
          "usage": {
            "cacheWriteTokens": undefined,
            "cachedInputTokens": 2,
            "inputTokens": 8,
            "outputTokens": 5,
            "reasoningTokens": 3,
            "totalTokens": 13,
          },
        },
      ]
    `);
  });

  it('maps an incomplete response to a length finish', async () => {
    const parts = await run([
      { type: 'response.created', response: baseResponse() },
      { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hi', logprobs: [] },
      { type: 'response.incomplete', response: baseResponse({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } }) },
    ]);
    expect(parts.slice(-2)).toEqual([
      { type: 'text-end', id: 'msg_1:0' },
      { type: 'finish', finishReason: { unified: 'length', raw: 'max_output_tokens' }, usage: { inputTokens: undefined, outputTokens: undefined } },
    ]);
  });

  it('throws a failure before output and turns one after output into an error part', async () => {
    await expect(
      run([
        { type: 'response.created', response: baseResponse() },
        { type: 'response.failed', response: baseResponse({ status: 'failed', error: { code: 'rate_limit_exceeded', message: 'Slow down' } }) },
      ]),
    ).rejects.toMatchObject({ status: 429, message: 'Slow down' });
    const parts = await run([
      { type: 'response.created', response: baseResponse() },
      { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hi', logprobs: [] },
      { type: 'error', code: 'server_error', message: 'Boom', param: null },
    ]);
    expect(parts.at(-1)).toEqual({ type: 'error', status: 500, code: 'server_error', message: 'Boom' });
  });

  it('reports a stream that ends without a terminal event', async () => {
    const parts = await run([
      { type: 'response.created', response: baseResponse() },
      { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hi', logprobs: [] },
    ]);
    expect(parts.at(-1)).toMatchObject({ type: 'error', status: 502 });
  });
});

describe('responseToParts', () => {
  it('turns a finished response into parts', () => {
    expect(
      responseToParts(
        baseResponse({
          status: 'completed',
          usage,
          output: [
            { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Plan' }] },
            { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Hi', annotations: [], logprobs: [] }] },
            { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'f', arguments: '{}' },
          ],
        }),
      ).map((part) => part.type),
    ).toEqual([
      'response-metadata',
      'reasoning-start',
      'reasoning-delta',
      'reasoning-end',
      'text-start',
      'text-delta',
      'text-end',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'finish',
    ]);
  });

  it('throws for a failed response', () => {
    expect(() => responseToParts(baseResponse({ status: 'failed', error: { code: 'server_error', message: 'x' } }))).toThrow('x');
  });
});
