import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedStorage } from '../state/open-storage.js';
import { sharedTestStorage } from '../test-support/shared-test-storage.js';
import { startStatefulFixture, waitFor, type StatefulFixture } from './stateful-fixture.js';

const keyed = (key: string) => ({ headers: { 'Idempotency-Key': key } });
let counter = 0;
const newKey = () => `key-${Date.now()}-${(counter += 1)}`;

type Outcome = { readonly id: string } | { readonly error: unknown };

/** Five identical creates at once, without SDK retries: each either answers or fails. */
async function fiveAtOnce(create: () => Promise<{ id: string }>): Promise<Outcome[]> {
  return Promise.all(Array.from({ length: 5 }, () => create().then((answer) => ({ id: answer.id }), (error: unknown) => ({ error }))));
}

/** Every loser is the retryable 409 `idempotency_key_in_use`; every winner names the same response. */
function expectOneResponse(outcomes: readonly Outcome[]): string {
  const ids = new Set(outcomes.flatMap((outcome) => ('id' in outcome ? [outcome.id] : [])));
  expect(ids.size).toBe(1);
  for (const outcome of outcomes) {
    if (!('error' in outcome)) continue;
    expect(outcome.error).toBeInstanceOf(OpenAI.ConflictError);
    const conflict = outcome.error as InstanceType<typeof OpenAI.ConflictError>;
    expect(conflict.error).toMatchObject({ code: 'idempotency_key_in_use', type: 'invalid_request_error' });
    expect(conflict.headers.get('retry-after')).toBe('1');
    expect(conflict.headers.get('x-should-retry')).toBe('true');
  }
  return [...ids][0] as string;
}

/** `Idempotency-Key` end to end with the openai client, on one storage setup. */
export function defineIdempotencyKeySuite(name: string, openStorage: () => Promise<OpenedStorage | undefined>): void {
  describe(`Idempotency-Key on POST /v1/responses (${name})`, () => {
    let fixture: StatefulFixture;
    let storage: OpenedStorage;
    beforeAll(async () => {
      const opened = await openStorage();
      storage = opened ?? (await sharedTestStorage());
      fixture = await startStatefulFixture(opened);
    });
    afterAll(async () => {
      await fixture?.close();
    });

    /** Rows stored for `text` (the tests' inputs are unique). */
    async function storedResponsesFor(text: string): Promise<number> {
      const result = await storage.store.sql.query<{ count: string | number }>(`SELECT count(*) AS count FROM responses WHERE request ->> 'input' = $1`, [text]);
      return Number(result.rows[0]?.count);
    }

    it.each([
      ['foreground JSON', {}],
      ['foreground stream', { stream: true }],
      ['background', { background: true }],
    ] as const)('five concurrent first creates with one new key make one upstream call and one stored response (%s)', async (_label, extra) => {
      const key = newKey();
      const text = `Concurrent ${key}`;
      const model = 'groq/llama-3.3-70b';
      const upstreamCalls = () => fixture.groq.requests.filter((request) => JSON.stringify(request.body).includes(text)).length;
      // The winner's upstream call takes a while, so the others arrive while it is in flight.
      fixture.groq.enqueue({ kind: 'delay', ms: 1500 });
      const create = async (): Promise<{ id: string }> => {
        const answer = await fixture.client.responses.create({ model, input: text, ...extra } as OpenAI.Responses.ResponseCreateParamsNonStreaming, keyed(key));
        if (!(Symbol.asyncIterator in (answer as object))) return answer;
        let id = '';
        for await (const event of answer as unknown as AsyncIterable<OpenAI.Responses.ResponseStreamEvent>) if (event.type === 'response.completed') id = event.response.id;
        return { id };
      };
      const id = expectOneResponse(await fiveAtOnce(create));
      const done = await waitFor(() => fixture.client.responses.retrieve(id), (response) => response.status === 'completed');
      expect(done.status).toBe('completed');
      // The SDK's retry after the 409 replays the first response.
      expect((await create()).id).toBe(id);
      expect(upstreamCalls()).toBe(1);
      expect(await storedResponsesFor(text)).toBe(1);
    });

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
      // A 400 (a 5xx would be retried by the gateway's router and answered by the next attempt).
      fixture.groq.enqueue({ kind: 'error', status: 400 });
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
}
