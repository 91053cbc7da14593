import type { InputItem, Response } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { serveResponses } from './test-support/serve-bedrock.js';
import { useFakeBedrock } from './test-support/use-fake-bedrock.js';

const { fake, adapter } = useFakeBedrock();

/** The next turn's input from a response: every output item replayed, then a new user message. */
function replay(response: Response): InputItem[] {
  return response.output.flatMap((item): InputItem[] => {
    if (item.type === 'reasoning') return [{ type: 'reasoning', summary: item.summary, encrypted_content: item.encrypted_content ?? null }];
    if (item.type === 'message') return [{ role: 'assistant', content: item.content.flatMap((part) => (part.type === 'output_text' ? [{ type: 'output_text' as const, text: part.text }] : [])) }];
    return [];
  });
}

describe.each([false, true])('reasoning round trip (stream: %s)', (stream) => {
  it('thinking text + signature come back byte-identical on the next turn', async () => {
    const first = await serveResponses(adapter(), { input: 'Why is the sky blue?', reasoning: { effort: 'high' }, stream });
    const turn1 = fake().requests.at(-1);
    expect(turn1?.body).toMatchObject({
      additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 16384 } },
      inferenceConfig: { maxTokens: 16384 + 8192 },
    });
    expect(first.response.output.map((item) => item.type)).toEqual(['reasoning', 'message']);
    const sent = fake().answers.at(-1)?.answer.reasoning[0];
    if (sent === undefined || !('text' in sent)) throw new Error('the fake sent no signed reasoning');
    const reasoningItem = first.response.output[0];
    expect(reasoningItem?.type === 'reasoning' ? reasoningItem.summary.map((part) => part.text).join('') : '').toBe(sent.text);

    await serveResponses(adapter(), { input: [{ role: 'user', content: 'Why is the sky blue?' }, ...replay(first.response), { role: 'user', content: 'And at sunset?' }], reasoning: { effort: 'high' }, stream });
    const turn2 = fake().requests.at(-1);
    const exactBlock = JSON.stringify({ reasoningContent: { reasoningText: { text: sent.text, signature: sent.signature } } });
    expect(turn2?.rawBody).toContain(`"role":"assistant","content":[${exactBlock},{"text":"Echo: Why is the sky blue?"}]`);
    expect((turn2?.body as { messages: unknown[] }).messages[1]).toMatchInlineSnapshot(`
      {
        "content": [
          {
            "reasoningContent": {
              "reasoningText": {
                "signature": "sig_iQnA6b4j7uQhDciVJtHflF2-nn_D7ylj78T9AzEBEVE",
                "text": "The user wrote: Why is the sky blue?. I should answer briefly.",
              },
            },
          },
          {
            "text": "Echo: Why is the sky blue?",
          },
        ],
        "role": "assistant",
      }
    `);
  });

  it('redacted reasoning travels back as the same bytes', async () => {
    const first = await serveResponses(adapter(), { input: 'a redacted thought', reasoning: { effort: 'low' }, stream });
    const sent = fake().answers.at(-1)?.answer.reasoning[0];
    if (sent === undefined || !('redactedContent' in sent)) throw new Error('the fake sent no redacted reasoning');
    expect(first.response.output[0]).toMatchObject({ type: 'reasoning', summary: [] });
    await serveResponses(adapter(), { input: [{ role: 'user', content: 'a redacted thought' }, ...replay(first.response), { role: 'user', content: 'next' }], stream });
    expect(fake().requests.at(-1)?.rawBody).toContain(`{"role":"assistant","content":[{"reasoningContent":{"redactedContent":"${sent.redactedContent}"}},`);
  });

  it('reasoning items of another provider are dropped with a warning', async () => {
    const { response } = await serveResponses(adapter(), {
      stream,
      input: [
        { role: 'user', content: 'hi' },
        { type: 'reasoning', summary: [{ type: 'summary_text', text: 'thought' }], encrypted_content: 'anthropic:abc' },
        { role: 'assistant', content: 'hello' },
        { role: 'user', content: 'again' },
      ],
    });
    expect(response.status).toBe('completed');
    expect((fake().requests.at(-1)?.body as { messages: unknown[] }).messages[1]).toEqual({ role: 'assistant', content: [{ text: 'hello' }] });
  });
});
