import type { StreamPart } from '@switchyard/core';
import { loadCohereStreamFixture, type CohereStreamFixtureName } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import type { CohereStreamEvent } from './cohere-api.js';
import { decodeCohereReasoningBlock } from './cohere-reasoning-block.js';
import { buildCohereStreamTransform } from './build-cohere-stream-transform.js';

function run(events: readonly CohereStreamEvent[]): { parts: StreamPart[]; ending: ReturnType<typeof buildCohereStreamTransform>['ending'] } {
  const transform = buildCohereStreamTransform({ modelId: 'command-a-03-2025' });
  const parts = events.flatMap((event) => transform.apply(event));
  parts.push(...transform.closeOpenBlocks(true));
  return { parts, ending: transform.ending };
}

const fixture = (name: CohereStreamFixtureName) => loadCohereStreamFixture(name) as unknown as CohereStreamEvent[];
const text = (parts: StreamPart[]) => parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('');

describe('buildCohereStreamTransform', () => {
  it('turns a plain text stream into metadata and one text block', () => {
    const { parts, ending } = run(fixture('cohere-text'));
    expect(parts.map((part) => part.type)).toEqual(['response-metadata', 'text-start', ...Array(5).fill('text-delta'), 'text-end']);
    expect(parts[0]).toEqual({ type: 'response-metadata', id: 'a8fc192e-4bb8-4e15-ae1f-a174e8b02ae8', modelId: 'command-a-03-2025' });
    expect(text(parts)).toBe('A large language model.');
    expect(ending).toEqual({ kind: 'finished', finishReason: { unified: 'stop', raw: 'COMPLETE' }, usage: { inputTokens: 71, outputTokens: 5, totalTokens: 76 } });
  });

  it('turns the tool plan into a reasoning block and parallel tool calls into tool-input parts and calls', () => {
    const { parts, ending } = run(fixture('cohere-tool-calls'));
    expect(parts.map((part) => part.type)).toMatchInlineSnapshot(`
      [
        "response-metadata",
        "reasoning-start",
        "reasoning-delta",
        "reasoning-delta",
        "reasoning-end",
        "tool-input-start",
        "tool-input-delta",
        "tool-input-delta",
        "tool-input-end",
        "tool-call",
        "tool-input-start",
        "tool-input-delta",
        "tool-input-end",
        "tool-call",
      ]
    `);
    const planEnd = parts.find((part) => part.type === 'reasoning-end');
    expect(decodeCohereReasoningBlock(planEnd?.type === 'reasoning-end' ? planEnd.encryptedContent : undefined)).toEqual({
      type: 'tool_plan',
      tool_plan: 'I will search for the weather in Madrid and Brasilia.',
    });
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([
      { type: 'tool-call', toolCallId: 'get_weather_p1t92w7gfgq7', toolName: 'get_weather', input: '{\n    "location": "Madrid"\n}' },
      { type: 'tool-call', toolCallId: 'get_weather_ay6nmvjgp9vn', toolName: 'get_weather', input: '{\n    "location": "Brasilia"\n}' },
    ]);
    expect(ending?.finishReason).toEqual({ unified: 'tool-calls', raw: 'TOOL_CALL' });
  });

  it('attaches tool-source citations to the open text block as file citations', () => {
    const { parts } = run(fixture('cohere-tool-citations'));
    expect(parts.filter((part) => part.type === 'text-annotation')).toEqual([
      { type: 'text-annotation', id: 'cohere-text-0', annotation: { type: 'file_citation', fileId: 'get_weather_m3kdvxncg1p8:0', filename: 'get_weather_m3kdvxncg1p8:0', index: 20 } },
      { type: 'text-annotation', id: 'cohere-text-0', annotation: { type: 'file_citation', fileId: 'get_weather_cfwfh3wzkbrs:0', filename: 'get_weather_cfwfh3wzkbrs:0', index: 39 } },
    ]);
    expect(parts.at(-1)).toEqual({ type: 'text-end', id: 'cohere-text-0' });
  });

  it('keeps citations that arrive after content-end by holding the text-end back; URL documents become url citations', () => {
    const { parts, ending } = run(fixture('cohere-rag-citations'));
    const types = parts.map((part) => part.type);
    expect(types.slice(-3)).toEqual(['text-annotation', 'text-annotation', 'text-end']);
    expect(parts.filter((part) => part.type === 'text-annotation').map((part) => part.type === 'text-annotation' && part.annotation)).toEqual([
      { type: 'url_citation', url: 'https://example.com/benefits', title: 'Wellness benefits', startIndex: 9, endIndex: 24 },
      { type: 'file_citation', fileId: 'doc:2', filename: 'doc:2', index: 42 },
    ]);
    expect(ending?.usage).toEqual({ inputTokens: 1210, outputTokens: 11, cachedInputTokens: 64, totalTokens: 1221 });
  });

  it('turns thinking content into a reasoning block whose encrypted content rebuilds the thinking block', () => {
    const { parts } = run(fixture('cohere-thinking'));
    expect(parts.map((part) => part.type)).toEqual([
      'response-metadata',
      'reasoning-start',
      'reasoning-delta',
      'reasoning-delta',
      'reasoning-end',
      'text-start',
      'text-delta',
      'text-end',
    ]);
    const end = parts[4];
    expect(end?.type === 'reasoning-end' && decodeCohereReasoningBlock(end.encryptedContent)).toEqual({
      type: 'thinking',
      thinking: 'Alice has 2 sisters, and Alice is a girl, so each brother has 3 sisters.',
    });
  });

  it.each([
    ['MAX_TOKENS', { unified: 'length', raw: 'MAX_TOKENS' }],
    ['STOP_SEQUENCE', { unified: 'stop', raw: 'STOP_SEQUENCE' }],
  ] as const)('maps message-end %s', (finishReason, expected) => {
    const { ending } = run([{ type: 'message-start', id: 'm' }, { type: 'message-end', delta: { finish_reason: finishReason } }]);
    expect(ending).toEqual({ kind: 'finished', finishReason: expected, usage: { inputTokens: undefined, outputTokens: undefined } });
  });

  it('reports message-end with ERROR and its error text as a failed ending, and emits nothing before the first block', () => {
    const transform = buildCohereStreamTransform({ modelId: 'm' });
    expect(transform.apply({ type: 'message-start', id: 'm1' })).toEqual([]);
    expect(transform.started).toBe(false);
    transform.apply({ type: 'message-end', delta: { finish_reason: 'ERROR', error: 'internal server error' } });
    expect(transform.ending).toMatchObject({ kind: 'failed', message: 'internal server error', finishReason: { unified: 'error', raw: 'ERROR' } });
  });

  it('closes open blocks (and completes open tool calls) when the stream stops early', () => {
    const transform = buildCohereStreamTransform({ modelId: 'm' });
    transform.apply({ type: 'message-start', id: 'm1' });
    transform.apply({ type: 'tool-call-start', index: 0, delta: { message: { tool_calls: { id: 'call_1', type: 'function', function: { name: 'f', arguments: '' } } } } });
    transform.apply({ type: 'tool-call-delta', index: 0, delta: { message: { tool_calls: { function: { arguments: '{"a":1}' } } } } });
    expect(transform.closeOpenBlocks(true)).toEqual([
      { type: 'tool-input-end', id: 'call_1' },
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'f', input: '{"a":1}' },
    ]);
  });

  it('ignores unknown and debug events', () => {
    const { parts } = run([{ type: 'debug' }, { type: 'something-new' } as unknown as CohereStreamEvent]);
    expect(parts).toEqual([{ type: 'response-metadata', modelId: 'command-a-03-2025' }]);
  });
});

it('opens a text block for deltas that arrive without content-start', () => {
  const { parts } = run([
    { type: 'message-start', id: 'm' },
    { type: 'content-delta', delta: { message: { content: { text: 'Hello' } } } },
    { type: 'content-delta', delta: { message: { content: { text: ' world' } } } },
    { type: 'message-end', delta: { finish_reason: 'COMPLETE', usage: { tokens: { input_tokens: 17, output_tokens: 244 } } } },
  ]);
  expect(parts).toEqual([
    { type: 'response-metadata', id: 'm', modelId: 'command-a-03-2025' },
    { type: 'text-start', id: 'cohere-text-0' },
    { type: 'text-delta', id: 'cohere-text-0', delta: 'Hello' },
    { type: 'text-delta', id: 'cohere-text-0', delta: ' world' },
    { type: 'text-end', id: 'cohere-text-0' },
  ]);
});

it('keeps text that a content-start already carries', () => {
  const { parts } = run([
    { type: 'content-start', index: 0, delta: { message: { content: { type: 'thinking', thinking: 'Hm' } } } },
    { type: 'content-delta', index: 0, delta: { message: { content: { thinking: 'm.' } } } },
    { type: 'content-end', index: 0 },
    { type: 'content-start', index: 1, delta: { message: { content: { type: 'text', text: 'Hi' } } } },
  ]);
  expect(parts.filter((part) => part.type === 'reasoning-delta' || part.type === 'text-delta').map((part) => (part.type === 'reasoning-delta' || part.type === 'text-delta' ? part.delta : ''))).toEqual(['Hm', 'm.', 'Hi']);
  const end = parts.find((part) => part.type === 'reasoning-end');
  expect(end?.type === 'reasoning-end' && decodeCohereReasoningBlock(end.encryptedContent)).toEqual({ type: 'thinking', thinking: 'Hmm.' });
});
