import { createSequentialIdGenerator } from '../../ids/create-sequential-id-generator.js';
import type { ChatCompletionEncoderOptions } from '../chat-completions/chat-completion-encoder-options.js';
import type { ResponseEncoderOptions } from '../responses/response-encoder-options.js';

/** Deterministic Responses encoder options (sequential ids, fixed clock) for snapshots. */
export function testResponseOptions(overrides: Partial<ResponseEncoderOptions> = {}): ResponseEncoderOptions {
  return {
    responseId: 'resp_test',
    createdAt: 1_760_000_000,
    model: 'groq/llama-3.3-70b',
    request: { model: 'groq/llama-3.3-70b', input: 'Hi' },
    generateId: createSequentialIdGenerator(),
    now: () => 1_760_000_005,
    ...overrides,
  };
}

/** Deterministic Chat Completions encoder options for snapshots. */
export function testChatOptions(overrides: Partial<ChatCompletionEncoderOptions> = {}): ChatCompletionEncoderOptions {
  return {
    id: 'chatcmpl-test',
    created: 1_760_000_000,
    model: 'groq/llama-3.3-70b',
    includeUsage: true,
    generateId: createSequentialIdGenerator(),
    ...overrides,
  };
}
