import type { CreateChatCompletionResponse } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { chatCompletionToParts } from './chat-completion-to-parts.js';

const completion = (message: Record<string, unknown>, finishReason: string, usage?: Record<string, unknown>): CreateChatCompletionResponse =>
  ({
    id: 'chatcmpl-9',
    object: 'chat.completion',
    created: 1_700_000_001,
    model: 'test-model',
    choices: [{ index: 0, finish_reason: finishReason, logprobs: null, message: { role: 'assistant', content: null, refusal: null, ...message } }],
    ...(usage === undefined ? {} : { usage }),
  }) as CreateChatCompletionResponse;

describe('chatCompletionToParts', () => {
  it('turns reasoning, text with a citation and usage into parts', () => {
    expect(
      chatCompletionToParts(
        completion(
          {
            reasoning_content: 'Because.',
            content: 'Paris',
            annotations: [{ type: 'url_citation', url_citation: { url: 'https://example.com', title: 'Ex', start_index: 0, end_index: 5 } }],
          },
          'stop',
          { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12, completion_tokens_details: { reasoning_tokens: 3 } },
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "createdAt": 1700000001,
          "id": "chatcmpl-9",
          "modelId": "test-model",
          "type": "response-metadata",
        },
        {
          "id": "reasoning-0",
          "kind": "content",
          "type": "reasoning-start",
        },
        {
          "delta": "Because.",
          "id": "reasoning-0",
          "type": "reasoning-delta",
        },
        {
          "id": "reasoning-0",
          "type": "reasoning-end",
        },
        {
          "id": "text-0",
          "type": "text-start",
        },
        {
          "delta": "Paris",
          "id": "text-0",
          "type": "text-delta",
        },
        {
          "annotation": {
            "endIndex": 5,
            "startIndex": 0,
            "title": "Ex",
            "type": "url_citation",
            "url": "https://example.com",
          },
          "id": "text-0",
          "type": "text-annotation",
        },
        {
          "id": "text-0",
          "type": "text-end",
        },
        {
          "finishReason": {
            "raw": "stop",
            "unified": "stop",
          },
          "type": "finish",
          "usage": {
            "cacheWriteTokens": undefined,
            "cachedInputTokens": undefined,
            "inputTokens": 5,
            "outputTokens": 7,
            "reasoningTokens": 3,
            "totalTokens": 12,
          },
        },
      ]
    `);
  });

  it('turns tool calls into whole calls and reports tool-calls', () => {
    const parts = chatCompletionToParts(
      completion(
        {
          tool_calls: [
            { id: 'call_a', type: 'function', function: { name: 'f', arguments: '{"x":1}' } },
            { id: 'call_b', type: 'function', function: { name: 'g', arguments: '' } },
          ],
        },
        'tool_calls',
      ),
    );
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([
      { type: 'tool-call', toolCallId: 'call_a', toolName: 'f', input: '{"x":1}' },
      { type: 'tool-call', toolCallId: 'call_b', toolName: 'g', input: '{}' },
    ]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' } });
  });

  it('turns a refusal into refusal parts', () => {
    expect(chatCompletionToParts(completion({ refusal: 'I cannot.' }, 'stop')).map((part) => part.type)).toEqual([
      'response-metadata',
      'refusal-start',
      'refusal-delta',
      'refusal-end',
      'finish',
    ]);
  });
});
