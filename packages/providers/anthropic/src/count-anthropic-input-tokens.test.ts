import { afterEach, describe, expect, it } from 'vitest';
import { context, setUp, tearDown, weatherTools } from './test-support/anthropic-test-harness.js';

afterEach(tearDown);

describe('countInputTokens through /v1/messages/count_tokens', () => {
  it('counts the translated prompt, tools and thinking, without generation-only fields', async () => {
    const { fake, adapter } = await setUp();
    const count = adapter.operations.countInputTokens;
    if (count === undefined) throw new Error('countInputTokens is missing');
    const result = await count({ body: { instructions: 'Be brief.', input: 'Hello', tools: weatherTools, tool_choice: 'auto', reasoning: { effort: 'low' } } }, context());
    expect(result).toEqual({ object: 'response.input_tokens', input_tokens: expect.any(Number) });
    expect(result.input_tokens).toBeGreaterThan(0);
    expect(fake.requests[0]?.path).toBe('/v1/messages/count_tokens');
    expect(fake.requests[0]?.body).toEqual({
      model: 'claude-sonnet-4-5-20250929',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
      system: [{ type: 'text', text: 'Be brief.' }],
      tools: weatherTools.map((tool) => ({ name: tool.name, description: tool.description, input_schema: tool.parameters })),
      tool_choice: { type: 'auto' },
      thinking: { type: 'enabled', budget_tokens: 1024 },
    });
  });

  it('warns about what it cannot count, and rejects it in strict mode before calling upstream', async () => {
    const { fake, adapter } = await setUp();
    const count = adapter.operations.countInputTokens;
    if (count === undefined) throw new Error('countInputTokens is missing');
    const relaxed = context();
    await count({ body: { input: 'Hi', truncation: 'auto' } }, relaxed);
    expect(relaxed.warnings).toEqual([expect.objectContaining({ parameter: 'truncation' })]);
    await expect(count({ body: { input: 'Hi', truncation: 'auto' }, headers: { 'x-switchyard-strict': 'true' } }, context())).rejects.toMatchObject({ status: 400, param: 'truncation' });
    expect(fake.requests).toHaveLength(1);
  });

  it('maps upstream errors', async () => {
    const { fake, adapter } = await setUp();
    fake.enqueue({ kind: 'error', status: 529 }, { route: 'count_tokens' });
    const count = adapter.operations.countInputTokens;
    if (count === undefined) throw new Error('countInputTokens is missing');
    await expect(count({ body: { input: 'Hi' } }, context())).rejects.toMatchObject({ status: 503, code: 'overloaded_error' });
  });
});
