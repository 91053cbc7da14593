import { expect, it } from 'vitest';
import { decodeCohereReasoningBlock, encodeCohereReasoningBlock } from './cohere-reasoning-block.js';

it.each([
  { type: 'thinking' as const, thinking: 'Line one\n  "quoted" — ünïcode 🚀' },
  { type: 'tool_plan' as const, tool_plan: 'I will call get_weather.' },
])('round-trips a $type block exactly', (block) => {
  const encoded = encodeCohereReasoningBlock(block);
  expect(encoded).toMatch(/^cohere:[A-Za-z0-9_-]+$/);
  expect(decodeCohereReasoningBlock(encoded)).toEqual(block);
});

it.each([undefined, null, '', 'anthropic:eyJ9', 'cohere:!!!', `cohere:${Buffer.from('{"type":"other"}').toString('base64url')}`])('gives undefined for %s', (value) => {
  expect(decodeCohereReasoningBlock(value)).toBeUndefined();
});
