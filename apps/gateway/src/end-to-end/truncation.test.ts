import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStatefulFixture, type StatefulFixture } from './stateful-fixture.js';

let fixture: StatefulFixture;
beforeAll(async () => {
  fixture = await startStatefulFixture(undefined);
});
afterAll(async () => {
  await fixture?.close();
});

// gpt-4 (8 192 tokens) behind a chat-only provider: the gateway truncates, not the provider.
const long = ['one', 'two', 'three', 'four'].map((label) => ({ role: 'user' as const, content: `${label}${' word'.repeat(3000)}` }));

describe('truncation for providers without native Responses', () => {
  it('auto drops the oldest items before the upstream call', async () => {
    const response = await fixture.client.responses.create({ model: 'groq/gpt-4', input: long, truncation: 'auto' });
    expect(response.status).toBe('completed');
    const messages = (fixture.groq.requests.at(-1)?.body as { messages: Array<{ content: string }> }).messages;
    expect(messages.map((message) => message.content.split(' ')[0])).toEqual(['three', 'four']);
    // The whole input is still what the response lists as its input items.
    expect((await fixture.client.responses.inputItems.list(response.id)).data).toHaveLength(4);
  });

  it('disabled is a 400 context_length_exceeded, without an upstream call', async () => {
    const before = fixture.groq.requests.length;
    const error = await fixture.client.responses.create({ model: 'groq/gpt-4', input: long }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({ code: 'context_length_exceeded', param: 'input' });
    expect(fixture.groq.requests.length).toBe(before);
  });
});
