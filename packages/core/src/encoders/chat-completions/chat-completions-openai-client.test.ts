import OpenAI, { APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayError } from '../../errors/gateway-error.js';
import type { StreamPart } from '../../parts/stream-part.js';
import { streamPartScenarios } from '../__fixtures__/stream-part-scenarios.js';
import { testChatOptions } from '../test-support/encoder-options.js';
import { type SseServer, serveSse } from '../test-support/serve-sse.js';
import { streamParts } from '../test-support/stream-parts.js';
import { encodeChatCompletionChunks } from './encode-chat-completion-chunks.js';

/**
 * Writes chunks the way the gateway's SSE writer does: `data:` frames, a terminal
 * `data: {"error": …}` frame when the encoder throws, `data: [DONE]` at the end.
 */
async function* chatFrames(body: unknown): AsyncGenerator<string> {
  const request = body as { messages: Array<{ content: string }>; stream_options?: { include_usage?: boolean } };
  const name = request.messages[0]?.content;
  const parts: readonly StreamPart[] = streamPartScenarios.find((candidate) => candidate.name === name)?.parts ?? [];
  const options = testChatOptions({ includeUsage: request.stream_options?.include_usage === true });
  try {
    for await (const chunk of encodeChatCompletionChunks(streamParts(parts), options)) yield `data: ${JSON.stringify(chunk)}\n\n`;
  } catch (error) {
    if (!GatewayError.isInstance(error)) throw error;
    yield `data: ${JSON.stringify(error.toEnvelope())}\n\n`;
    return;
  }
  yield 'data: [DONE]\n\n';
}

describe('Chat Completions encoder through the official openai client', () => {
  let server: SseServer;
  let client: OpenAI;

  beforeAll(async () => {
    server = await serveSse(chatFrames);
    client = new OpenAI({ apiKey: 'test-key', baseURL: server.baseURL, maxRetries: 0 });
  });

  afterAll(async () => {
    await server.close();
  });

  const request = (name: string) => ({
    model: 'groq/llama-3.3-70b',
    messages: [{ role: 'user' as const, content: name }],
    stream_options: { include_usage: true },
  });

  describe.each(streamPartScenarios)('$name', (scenario) => {
    it('chat.completions.stream().finalChatCompletion() accumulates the parts', async () => {
      const stream = client.chat.completions.stream(request(scenario.name));
      if (scenario.expected.ending === 'failed') {
        await expect(stream.finalChatCompletion()).rejects.toBeInstanceOf(APIError);
        return;
      }
      const completion = await stream.finalChatCompletion();
      const message = completion.choices[0]!.message;
      expect(message.content ?? '').toBe(scenario.expected.text);
      expect(message.refusal ?? '').toBe(scenario.expected.refusal ?? '');
      expect((message.tool_calls ?? []).map((call) => (call.type === 'function' ? { callId: call.id, name: call.function.name, arguments: call.function.arguments } : undefined))).toEqual(
        scenario.expected.toolCalls,
      );
    });

    it('chat.completions.create({ stream: true }) yields chunks that add up to the parts', async () => {
      const consume = async () => {
        const stream = await client.chat.completions.create({ ...request(scenario.name), stream: true });
        let text = '';
        let usage: OpenAI.CompletionUsage | null | undefined;
        const calls: Array<{ callId: string; name: string; arguments: string }> = [];
        for await (const chunk of stream) {
          usage = chunk.usage ?? usage;
          const delta = chunk.choices[0]?.delta;
          text += delta?.content ?? '';
          for (const call of delta?.tool_calls ?? []) {
            const existing = calls[call.index];
            if (existing === undefined) calls[call.index] = { callId: call.id ?? '', name: call.function?.name ?? '', arguments: call.function?.arguments ?? '' };
            else existing.arguments += call.function?.arguments ?? '';
          }
        }
        return { text, usage, calls };
      };
      if (scenario.expected.ending === 'failed') {
        await expect(consume()).rejects.toBeInstanceOf(APIError);
        return;
      }
      const { text, usage, calls } = await consume();
      expect(text).toBe(scenario.expected.text);
      expect(calls).toEqual(scenario.expected.toolCalls);
      if (scenario.name !== 'unknown usage') expect(usage?.total_tokens).toBe(21);
    });
  });
});
