import type { Response, ResponseStreamEvent } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../errors/gateway-error.js';
import type { StreamPart } from '../../parts/stream-part.js';
import { streamPartScenarios } from '../__fixtures__/stream-part-scenarios.js';
import { testResponseOptions } from '../test-support/encoder-options.js';
import { collectAll, streamParts } from '../test-support/stream-parts.js';
import { collectResponse } from './collect-response.js';
import { encodeResponseEvents } from './encode-response-events.js';

const terminalTypes = new Set(['response.completed', 'response.incomplete', 'response.failed']);

function terminalResponse(events: readonly ResponseStreamEvent[]): Response {
  const last = events.at(-1);
  if (last === undefined || !('response' in last) || !terminalTypes.has(last.type)) throw new Error('no terminal event');
  return last.response;
}

function outputText(response: Response): string {
  return response.output
    .flatMap((item) => (item.type === 'message' ? item.content : []))
    .map((part) => (part.type === 'output_text' ? part.text : ''))
    .join('');
}

describe('encodeResponseEvents', () => {
  describe.each(streamPartScenarios)('$name', (scenario) => {
    it('produces the expected event sequence', async () => {
      const events = await collectAll(encodeResponseEvents(streamParts(scenario.parts), testResponseOptions()));
      expect(events).toMatchSnapshot();
    });

    it('numbers events from 0 without gaps, starts with created + in_progress and ends with one terminal event', async () => {
      const events = await collectAll(encodeResponseEvents(streamParts(scenario.parts), testResponseOptions()));
      expect(events.map((event) => event.sequence_number)).toEqual(events.map((_event, index) => index));
      expect(events.slice(0, 2).map((event) => event.type)).toEqual(['response.created', 'response.in_progress']);
      expect(events.filter((event) => terminalTypes.has(event.type))).toHaveLength(1);
      const response = terminalResponse(events);
      expect(response.status).toBe(scenario.expected.ending);
    });

    it('puts exactly the done items, in output_index order, into the final output', async () => {
      const events = await collectAll(encodeResponseEvents(streamParts(scenario.parts), testResponseOptions()));
      const doneItems = events.flatMap((event) => (event.type === 'response.output_item.done' ? [event] : []));
      expect(doneItems.map((event) => event.output_index)).toEqual(doneItems.map((_event, index) => index));
      expect(terminalResponse(events).output).toEqual(doneItems.map((event) => event.item));
      expect(outputText(terminalResponse(events))).toBe(scenario.expected.text);
    });

    it('collects the same Response the stream ends with', async () => {
      const events = await collectAll(encodeResponseEvents(streamParts(scenario.parts), testResponseOptions()));
      const collected = await collectResponse(streamParts(scenario.parts), testResponseOptions());
      expect(collected).toEqual(terminalResponse(events));
    });
  });

  it('echoes the request settings with OpenAI defaults', async () => {
    const response = await collectResponse(
      streamParts(streamPartScenarios[0]!.parts),
      testResponseOptions({
        request: {
          model: 'groq/llama-3.3-70b',
          instructions: 'Be brief.',
          temperature: 0.2,
          max_output_tokens: 100,
          metadata: { team: 'a' },
          previous_response_id: 'resp_prev',
          store: false,
          user: 'user-1',
          tool_choice: 'required',
          tools: [{ type: 'function', name: 'f', parameters: { type: 'object' }, strict: true }],
        },
      }),
    );
    expect(response).toMatchObject({
      instructions: 'Be brief.',
      temperature: 0.2,
      top_p: 1,
      max_output_tokens: 100,
      metadata: { team: 'a' },
      previous_response_id: 'resp_prev',
      store: false,
      user: 'user-1',
      tool_choice: 'required',
      parallel_tool_calls: true,
      truncation: 'disabled',
      text: { format: { type: 'text' } },
      completed_at: 1_760_000_005,
      model: 'groq/llama-3.3-70b',
    });
    expect(response.tools).toHaveLength(1);
    expect(response).not.toHaveProperty('output_text');
  });

  it('converts usage and omits it when the provider reported none', async () => {
    const known = await collectResponse(streamParts(streamPartScenarios[0]!.parts), testResponseOptions());
    expect(known.usage).toEqual({
      input_tokens: 12,
      input_tokens_details: { cached_tokens: 4 },
      output_tokens: 9,
      output_tokens_details: { reasoning_tokens: 3 },
      total_tokens: 21,
    });
    const unknown = streamPartScenarios.find((scenario) => scenario.name === 'unknown usage')!;
    expect(await collectResponse(streamParts(unknown.parts), testResponseOptions())).not.toHaveProperty('usage');
  });

  it('propagates a source error thrown before the first part, producing no event', async () => {
    const failure = new GatewayError({ status: 429, type: 'rate_limit_error', message: 'slow down' });
    async function* failing(): AsyncGenerator<StreamPart> {
      throw failure;
    }
    const events: ResponseStreamEvent[] = [];
    await expect(async () => {
      for await (const event of encodeResponseEvents(failing(), testResponseOptions())) events.push(event);
    }).rejects.toBe(failure);
    expect(events).toEqual([]);
  });

  it('turns a source error after output into response.failed with a ResponseErrorCode', async () => {
    async function* failing(): AsyncGenerator<StreamPart> {
      yield { type: 'text-start', id: 't' };
      yield { type: 'text-delta', id: 't', delta: 'Hi' };
      throw new GatewayError({ status: 429, type: 'rate_limit_error', message: 'slow down' });
    }
    const events = await collectAll(encodeResponseEvents(failing(), testResponseOptions()));
    const response = terminalResponse(events);
    expect(events.at(-1)?.type).toBe('response.failed');
    expect(response.error).toEqual({ code: 'rate_limit_exceeded', message: 'slow down' });
    expect(response.output).toMatchObject([{ type: 'message', status: 'incomplete', content: [{ text: 'Hi' }] }]);
  });

  it('hides the message of errors that are not GatewayErrors', async () => {
    async function* failing(): AsyncGenerator<StreamPart> {
      yield { type: 'text-start', id: 't' };
      throw new Error('socket hang up at 10.0.0.3');
    }
    const response = terminalResponse(await collectAll(encodeResponseEvents(failing(), testResponseOptions())));
    expect(response.error?.code).toBe('server_error');
    expect(response.error?.message).not.toContain('10.0.0.3');
  });

  it('releases the source after the terminal event and when the consumer stops early', async () => {
    let released = 0;
    function source(parts: readonly StreamPart[]): AsyncIterable<StreamPart> {
      return {
        [Symbol.asyncIterator]() {
          let index = 0;
          return {
            next: async () => (index < parts.length ? { done: false, value: parts[index++]! } : { done: true, value: undefined }),
            return: async () => {
              released += 1;
              return { done: true, value: undefined };
            },
          };
        },
      };
    }
    const withTrailer = streamPartScenarios.find((scenario) => scenario.name === 'parts after finish are ignored')!;
    await collectAll(encodeResponseEvents(source(withTrailer.parts), testResponseOptions()));
    expect(released).toBe(1);
    for await (const event of encodeResponseEvents(source(withTrailer.parts), testResponseOptions())) {
      if (event.type === 'response.output_text.delta') break;
    }
    expect(released).toBe(2);
  });

  it('sends output_item.done in output_index order when a later item finishes first', async () => {
    const parallel = streamPartScenarios.find((scenario) => scenario.name === 'parallel tool calls interleaved')!;
    const events = await collectAll(encodeResponseEvents(streamParts(parallel.parts), testResponseOptions()));
    const order = events.flatMap((event) =>
      event.type === 'response.function_call_arguments.done' || event.type === 'response.output_item.done'
        ? [`${event.type}:${event.output_index}`]
        : [],
    );
    expect(order).toEqual([
      'response.function_call_arguments.done:1',
      'response.function_call_arguments.done:0',
      'response.output_item.done:0',
      'response.output_item.done:1',
    ]);
  });
});
