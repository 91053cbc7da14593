import { loadCohereResponseFixture, type CohereResponseFixtureName } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import type { CohereChatResponse } from './cohere-api.js';
import { decodeCohereReasoningBlock } from './cohere-reasoning-block.js';
import { cohereResponseToParts } from './cohere-response-to-parts.js';

const options = { provider: 'cohere', modelId: 'command-a-03-2025' };
const fixture = (name: CohereResponseFixtureName) => loadCohereResponseFixture(name) as unknown as CohereChatResponse;

describe('cohereResponseToParts', () => {
  it('turns a tool-call answer into the plan as reasoning, then the calls, then finish', () => {
    const parts = cohereResponseToParts(fixture('cohere-response-tool-call'), options);
    expect(parts.map((part) => part.type)).toEqual(['response-metadata', 'reasoning-start', 'reasoning-delta', 'reasoning-end', 'tool-call', 'tool-call', 'finish']);
    const planEnd = parts[3];
    expect(planEnd?.type === 'reasoning-end' && decodeCohereReasoningBlock(planEnd.encryptedContent)).toEqual({
      type: 'tool_plan',
      tool_plan: 'I will use the get_weather tool to find the weather in Madrid and Brasilia.',
    });
    expect(parts[4]).toEqual({ type: 'tool-call', toolCallId: 'get_weather_15c2p6g19s8f', toolName: 'get_weather', input: '{"location":"Madrid"}' });
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: { unified: 'tool-calls', raw: 'TOOL_CALL' }, usage: { inputTokens: 913, outputTokens: 83, totalTokens: 996 } });
  });

  it('puts citations on the text they cite', () => {
    const parts = cohereResponseToParts(fixture('cohere-response-text'), options);
    expect(parts.slice(1, 5)).toEqual([
      { type: 'text-start', id: 'cohere-text-0' },
      { type: 'text-delta', id: 'cohere-text-0', delta: "It's currently 24°C in Madrid and 28°C in Brasilia." },
      { type: 'text-annotation', id: 'cohere-text-0', annotation: { type: 'file_citation', fileId: 'get_weather_15c2p6g19s8f:0', filename: 'get_weather_15c2p6g19s8f:0', index: 19 } },
      { type: 'text-end', id: 'cohere-text-0' },
    ]);
  });

  it('thinking content becomes reasoning before the text; content_index picks the cited block', () => {
    const parts = cohereResponseToParts(
      {
        id: 'r1',
        finish_reason: 'MAX_TOKENS',
        message: {
          content: [{ type: 'thinking', thinking: 'Hmm.' }, { type: 'text', text: 'Answer' }],
          citations: [{ start: 0, end: 6, text: 'Answer', content_index: 1, sources: [{ type: 'document', id: 'doc:0', document: { title: 'T' } }] }],
        },
      },
      options,
    );
    expect(parts.map((part) => part.type)).toEqual([
      'response-metadata',
      'reasoning-start',
      'reasoning-delta',
      'reasoning-end',
      'text-start',
      'text-delta',
      'text-annotation',
      'text-end',
      'finish',
    ]);
    expect(parts.at(-1)).toMatchObject({ finishReason: { unified: 'length', raw: 'MAX_TOKENS' }, usage: { inputTokens: undefined, outputTokens: undefined } });
  });

  it('an ERROR after some output ends with an error part', () => {
    const parts = cohereResponseToParts({ id: 'r2', finish_reason: 'ERROR', message: { content: [{ type: 'text', text: 'Part' }] } }, options);
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { status: 500, isRetryable: true } });
  });
});
