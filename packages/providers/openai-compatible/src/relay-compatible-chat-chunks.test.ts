import { checkChatCompletionStream } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { relayCompatibleChatChunks } from './relay-compatible-chat-chunks.js';

const usage = { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 };
const base = { id: 'cmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm' };
const first = { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: 'Hi' }, finish_reason: null }] };
const final = { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] };

async function* eventsOf(chunks: readonly unknown[]) {
  for (const chunk of [...chunks.map((value) => JSON.stringify(value)), '[DONE]']) yield { event: undefined, data: chunk, id: undefined };
}

async function relay(chunks: readonly unknown[], includeUsage: boolean) {
  const relayed: unknown[] = [];
  for await (const chunk of relayCompatibleChatChunks('p', eventsOf(chunks), (text) => text, { includeUsage })) relayed.push(chunk);
  checkChatCompletionStream([...relayed, '[DONE]'] as Parameters<typeof checkChatCompletionStream>[0], { includeUsage });
  return relayed;
}

describe('relayCompatibleChatChunks usage placement', () => {
  it('moves usage sent on the final chunk (Mistral, Together, Fireworks) into a usage chunk when asked', async () => {
    const relayed = await relay([first, { ...final, usage }], true);
    expect(relayed).toEqual([
      { ...first, usage: null },
      { ...final, usage: null },
      { ...base, choices: [], usage },
    ]);
  });

  it('drops usage the client did not ask for (final-chunk usage, OpenRouter’s usage chunk)', async () => {
    expect(await relay([first, { ...final, usage }], false)).toEqual([first, final]);
    expect(await relay([first, final, { ...base, choices: [], usage }], false)).toEqual([first, final]);
  });

  it('relays a provider’s own usage chunk once, with usage: null before it', async () => {
    const relayed = await relay([{ ...first, usage: null }, final, { ...base, choices: [], usage }], true);
    expect(relayed.at(-1)).toEqual({ ...base, choices: [], usage });
    expect(relayed).toHaveLength(3);
  });

  it('turns Mistral’s bare in-stream error body into an UpstreamError', async () => {
    const mistralError = { object: 'error', message: 'Internal server error.', type: 'internal_error', param: null, code: null };
    await expect(relay([first, mistralError], true)).rejects.toMatchObject({
      name: 'UpstreamError',
      upstreamStatus: 500,
      message: 'p reported an error: Internal server error.',
    });
  });

  it('rejects a chunk without choices as an invalid event', async () => {
    await expect(relay([first, { id: 'x' }], true)).rejects.toMatchObject({ code: 'upstream_invalid_event' });
  });
});
