import type { CreateChatCompletionRequest } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { applyChatCapabilities } from './apply-chat-capabilities.js';
import { defineChatCapabilities, openAIChatCapabilities } from './chat-capabilities.js';

const base: CreateChatCompletionRequest = { model: 'm', messages: [{ role: 'user', content: 'x' }] };

describe('applyChatCapabilities', () => {
  it('leaves a request untouched for OpenAI', () => {
    const request: CreateChatCompletionRequest = { ...base, logit_bias: { '1': 1 }, n: 3, seed: 1, prediction: { type: 'content', content: 'x' } };
    expect(applyChatCapabilities(request, openAIChatCapabilities)).toEqual({ request, warnings: [] });
  });

  it('rewrites messages a limited target cannot read', () => {
    const { request, warnings } = applyChatCapabilities(
      {
        ...base,
        messages: [
          { role: 'developer', content: 'Rules' },
          {
            role: 'user',
            name: 'ann',
            content: [
              { type: 'text', text: 'Look' },
              { type: 'image_url', image_url: { url: 'https://x/y.png' } },
            ],
          },
          { role: 'assistant', content: 'ok', reasoning_content: 'hidden' } as CreateChatCompletionRequest['messages'][number],
        ],
      },
      defineChatCapabilities({ developerRole: false, messageName: false, imageInput: false }),
      { target: 'acme' },
    );
    expect(request.messages).toEqual([
      { role: 'system', content: 'Rules' },
      { role: 'user', content: [{ type: 'text', text: 'Look' }] },
      { role: 'assistant', content: 'ok' },
    ]);
    expect(warnings.map((warning) => (warning.type === 'unsupported-parameter' ? warning.parameter : ''))).toEqual([
      'messages[1].name',
      'messages[1].content[1]',
      'messages[2].reasoning_content',
    ]);
  });

  it('keeps n = 1 and tool_choice auto, drops n > 1 and a named choice', () => {
    const capabilities = defineChatCapabilities({ multipleChoices: false, toolChoiceNamed: false });
    expect(applyChatCapabilities({ ...base, n: 1, tool_choice: 'auto' }, capabilities).warnings).toEqual([]);
    const { request, warnings } = applyChatCapabilities(
      { ...base, n: 2, tool_choice: { type: 'function', function: { name: 'f' } } },
      capabilities,
    );
    expect(request).toEqual(base);
    expect(warnings).toHaveLength(2);
  });

  it('drops tool settings with the tools when the target has none', () => {
    const { request, warnings } = applyChatCapabilities(
      { ...base, tools: [{ type: 'function', function: { name: 'f' } }], tool_choice: 'required', parallel_tool_calls: false },
      defineChatCapabilities({ tools: false }),
    );
    expect(request).toEqual(base);
    expect(warnings.map((warning) => (warning.type === 'unsupported-parameter' ? warning.parameter : ''))).toEqual([
      'tools',
      'tool_choice',
      'parallel_tool_calls',
    ]);
  });
});
