import { describe, expect, it } from 'vitest';
import { createSequentialIdGenerator } from './create-sequential-id-generator.js';
import { generateChatCompletionId } from './generate-chat-completion-id.js';
import { generateId } from './generate-id.js';

describe('generateId', () => {
  it('prefixes 48 hex characters and never repeats', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => generateId('resp')));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^resp_[0-9a-f]{48}$/);
  });
});

describe('generateChatCompletionId', () => {
  it('looks like an OpenAI chat completion id', () => {
    const first = generateChatCompletionId();
    expect(first).toMatch(/^chatcmpl-[A-Za-z0-9]{29}$/);
    expect(generateChatCompletionId()).not.toBe(first);
  });
});

describe('createSequentialIdGenerator', () => {
  it('counts across prefixes', () => {
    const generate = createSequentialIdGenerator();
    expect([generate('msg'), generate('fc'), generate('msg')]).toEqual(['msg_1', 'fc_2', 'msg_3']);
  });
});
