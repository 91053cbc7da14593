import type { CreateChatCompletionStreamResponse, ResponseStreamEvent } from '@switchyard/contract';
import { loadChunkFixture, type ChunkFixtureName } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { chatChunksToParts } from './chat-chunks-to-parts.js';
import { responseEventsToParts } from './response-events-to-parts.js';
import { collect, fromArray } from './test-support/chat-chunk-builders.js';

const chatFixtures: ChunkFixtureName[] = [
  'openai-chat-text',
  'openai-chat-tool-call',
  'groq-text',
  'mistral-text',
  'deepseek-reasoner',
  'openrouter-text',
  'xai-text',
  'together-text',
  'fireworks-text',
];

describe('recorded chunk streams → parts', () => {
  it.each(chatFixtures)('%s', async (name) => {
    const chunks = loadChunkFixture(name) as unknown as CreateChatCompletionStreamResponse[];
    const parts = await collect(chatChunksToParts(fromArray(chunks), { provider: name }));
    expect(parts.at(-1)?.type).toBe('finish');
    expect(parts).toMatchSnapshot();
  });

  it('openai-responses-text', async () => {
    const events = loadChunkFixture('openai-responses-text') as unknown as ResponseStreamEvent[];
    const parts = await collect(responseEventsToParts(fromArray(events), { provider: 'openai' }));
    expect(parts.at(-1)?.type).toBe('finish');
    expect(parts).toMatchSnapshot();
  });
});
