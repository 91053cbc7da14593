import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStatefulFixture, waitFor, type StatefulFixture } from './stateful-fixture.js';

let fixture: StatefulFixture;
beforeAll(async () => {
  fixture = await startStatefulFixture(undefined);
});
afterAll(async () => {
  await fixture?.close();
});

const keyed = (key: string) => ({ headers: { 'Idempotency-Key': key } });
let counter = 0;
const newKey = () => `key-${Date.now()}-${(counter += 1)}`;

describe('Idempotency-Key on POST /v1/responses', () => {
  it('a repeated foreground create answers with the first response and calls the provider once', async () => {
    const key = newKey();
    const before = fixture.groq.requests.length;
    const first = await fixture.client.responses.create({ model: 'groq/llama-3.3-70b', input: 'Once.' }, keyed(key));
    const second = await fixture.client.responses.create({ model: 'groq/llama-3.3-70b', input: 'Once.' }, keyed(key));
    expect(second.id).toBe(first.id);
    expect(second.output_text).toBe(first.output_text);
    expect(fixture.groq.requests.length).toBe(before + 1);
  });

  it('a repeated background create (the SDK retry case) never queues a second run', async () => {
    const key = newKey();
    const before = fixture.upstream.requests.length;
    const first = await fixture.client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Background once.', background: true }, keyed(key));
    const second = await fixture.client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Background once.', background: true }, keyed(key));
    expect(second.id).toBe(first.id);
    const done = await waitFor(() => fixture.client.responses.retrieve(first.id), (response) => response.status === 'completed');
    expect(done.status).toBe('completed');
    const third = await fixture.client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Background once.', background: true }, keyed(key));
    expect(third).toMatchObject({ id: first.id, status: 'completed' });
    expect(fixture.upstream.requests.length).toBe(before + 1);
  });

  it('a streamed repeat replays the stored events of the first response', async () => {
    const key = newKey();
    const before = fixture.groq.requests.length;
    const first = await fixture.client.responses.create({ model: 'groq/llama-3.3-70b', input: 'Stream once.', stream: true }, keyed(key));
    const firstEvents: OpenAI.Responses.ResponseStreamEvent[] = [];
    for await (const event of first) firstEvents.push(event);
    const second = await fixture.client.responses.create({ model: 'groq/llama-3.3-70b', input: 'Stream once.', stream: true }, keyed(key));
    const secondEvents: OpenAI.Responses.ResponseStreamEvent[] = [];
    for await (const event of second) secondEvents.push(event);
    expect(fixture.groq.requests.length).toBe(before + 1);
    const completed = (events: OpenAI.Responses.ResponseStreamEvent[]) => events.find((event) => event.type === 'response.completed') as { response: { id: string } } | undefined;
    expect(completed(secondEvents)?.response.id).toBe(completed(firstEvents)?.response.id);
  });

  it('the same key with another body is a 409 idempotency_key_reused; keys are per tenant', async () => {
    const key = newKey();
    const first = await fixture.client.responses.create({ model: 'groq/llama-3.3-70b', input: 'A.' }, keyed(key));
    const error = await fixture.client.responses.create({ model: 'groq/llama-3.3-70b', input: 'B.' }, keyed(key)).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OpenAI.ConflictError);
    expect((error as InstanceType<typeof OpenAI.ConflictError>).error).toMatchObject({ code: 'idempotency_key_reused', type: 'invalid_request_error' });
    const other = await fixture.otherTenant.responses.create({ model: 'groq/llama-3.3-70b', input: 'A.' }, keyed(key));
    expect(other.id).not.toBe(first.id);
  });

  it('a create whose upstream call failed does not hold the key: the retry creates the response', async () => {
    const key = newKey();
    fixture.groq.enqueue({ kind: 'error', status: 500 });
    const failed = await fixture.client.responses.create({ model: 'groq/llama-3.3-70b', input: 'Retry me.' }, keyed(key)).catch((thrown: unknown) => thrown);
    expect(failed).toBeInstanceOf(OpenAI.APIError);
    const retried = await fixture.client.responses.create({ model: 'groq/llama-3.3-70b', input: 'Retry me.' }, keyed(key));
    expect(retried.status).toBe('completed');
    expect((await fixture.client.responses.retrieve(retried.id)).id).toBe(retried.id);
  });

  it('is ignored with store: false (nothing is kept to answer with)', async () => {
    const key = newKey();
    const first = await fixture.client.responses.create({ model: 'groq/llama-3.3-70b', input: 'Ephemeral.', store: false }, keyed(key));
    const second = await fixture.client.responses.create({ model: 'groq/llama-3.3-70b', input: 'Ephemeral.', store: false }, keyed(key));
    expect(second.id).not.toBe(first.id);
  });
});
