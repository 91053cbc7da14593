import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStatefulFixture, type StatefulFixture } from './stateful-fixture.js';

let fixture: StatefulFixture;
beforeAll(async () => {
  fixture = await startStatefulFixture(undefined);
});
afterAll(async () => {
  await fixture?.close();
});

describe('POST /v1/responses/input_tokens', () => {
  it('counts with the OpenAI tokenizer for an OpenAI model behind a provider without a count endpoint', async () => {
    const text = 'Count these words, please.';
    const counted = await fixture.client.responses.inputTokens.count({ model: 'groq/gpt-4o-mini', input: text });
    expect(counted).toEqual({ object: 'response.input_tokens', input_tokens: countTokens(text) + 3 });
  });

  it('estimates for other models, and counts the expanded chain of previous_response_id', async () => {
    const { client } = fixture;
    const alone = await client.responses.inputTokens.count({ model: 'groq/llama-3.3-70b', input: 'x'.repeat(40) });
    expect(alone.input_tokens).toBe(13);
    const first = await client.responses.create({ model: 'groq/llama-3.3-70b', input: 'Earlier turn' });
    const chained = await client.responses.inputTokens.count({ model: 'groq/llama-3.3-70b', input: 'x'.repeat(40), previous_response_id: first.id });
    expect(chained.input_tokens).toBeGreaterThan(alone.input_tokens);
    const foreign = await fixture.otherTenant.responses.inputTokens
      .count({ model: 'groq/llama-3.3-70b', input: 'x', previous_response_id: first.id })
      .catch((thrown: unknown) => thrown);
    expect((foreign as { error?: { code?: string } }).error).toMatchObject({ code: 'previous_response_not_found' });
  });
});
