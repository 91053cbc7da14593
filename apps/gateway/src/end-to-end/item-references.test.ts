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

type Message = { role: string; content: unknown };
const reference = (id: string) => ({ type: 'item_reference', id }) as OpenAI.Responses.ResponseInputItem;

describe('item_reference input items', () => {
  it('are replaced by the stored items before a chat provider is called', async () => {
    const first = await fixture.client.responses.create({ model: 'groq/llama-3.3-70b', input: 'Remember the word teal.' });
    const answer = first.output[0] as { id: string };
    const [question] = (await fixture.client.responses.inputItems.list(first.id)).data as Array<{ id: string }>;
    await fixture.client.responses.create({
      model: 'groq/llama-3.3-70b',
      input: [reference(question?.id ?? ''), reference(answer.id), { role: 'user', content: 'Which word?' }],
    });
    expect((fixture.groq.requests.at(-1)?.body as { messages: Message[] }).messages).toEqual([
      { role: 'user', content: 'Remember the word teal.' },
      { role: 'assistant', content: 'Echo: Remember the word teal.' },
      { role: 'user', content: 'Which word?' },
    ]);
  });

  it('are resolved for the OpenAI passthrough too (the upstream never sees gateway ids)', async () => {
    const first = await fixture.client.responses.create({ model: 'groq/llama-3.3-70b', input: 'Blue.' });
    await fixture.client.responses.create({ model: 'openai/gpt-4o-mini', input: [reference((first.output[0] as { id: string }).id)] });
    const input = (fixture.upstream.requests.at(-1)?.body as { input: Array<Record<string, unknown>> }).input;
    expect(input).toHaveLength(1);
    expect(input[0]).toMatchObject({ type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Echo: Blue.' }] });
  });

  it('an unknown id, or another tenant’s, is a 400 naming input[i].id without an upstream call', async () => {
    const first = await fixture.client.responses.create({ model: 'groq/llama-3.3-70b', input: 'Private.' });
    const before = fixture.groq.requests.length;
    for (const [client, id] of [
      [fixture.client, 'msg_unknown'],
      [fixture.otherTenant, (first.output[0] as { id: string }).id],
    ] as const) {
      const error = await client.responses
        .create({ model: 'groq/llama-3.3-70b', input: [{ role: 'user', content: 'Hi' }, reference(id)] })
        .catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({ type: 'invalid_request_error', param: 'input[1].id' });
    }
    expect(fixture.groq.requests.length).toBe(before);
  });
});
