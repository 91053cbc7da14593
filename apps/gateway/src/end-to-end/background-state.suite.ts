import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedStorage } from '../state/open-storage.js';
import { startStatefulFixture, waitFor, type StatefulFixture } from './stateful-fixture.js';

type Event = { type: string; sequence_number: number };

/** Background runs, resumable streams and cancel, end to end with the openai client. */
export function defineBackgroundStateSuite(name: string, openStorage: () => Promise<OpenedStorage | undefined>): void {
  describe(`background responses (${name})`, () => {
    let fixture: StatefulFixture;
    beforeAll(async () => {
      fixture = await startStatefulFixture(await openStorage());
    });
    afterAll(async () => {
      await fixture?.close();
    });

    it.each([
      ['the OpenAI passthrough', 'openai/gpt-4o-mini'],
      ['an openai-compatible provider', 'groq/llama-3.3-70b'],
    ])('is queued at once, then runs to completed; its stream replays from a cursor (%s)', async (_label, model) => {
      const { client } = fixture;
      const queued = await client.responses.create({ model, input: 'Background work', background: true });
      expect(queued).toMatchObject({ status: 'queued', background: true });
      const done = await waitFor(() => client.responses.retrieve(queued.id), (response) => response.status === 'completed');
      expect(done.status).toBe('completed');
      expect(done.output_text.length).toBeGreaterThan(0);
      const all: Event[] = [];
      for await (const event of await client.responses.retrieve(queued.id, { stream: true })) all.push(event);
      expect(all.map((event) => event.sequence_number)).toEqual(all.map((_event, index) => index));
      expect(all.slice(0, 2).map((event) => event.type)).toEqual(['response.created', 'response.queued']);
      expect(all.at(-1)?.type).toBe('response.completed');
      const resumed: Event[] = [];
      for await (const event of await client.responses.retrieve(queued.id, { stream: true, starting_after: 3 })) resumed.push(event);
      expect(resumed).toEqual(all.slice(4));
    });

    it('streams live from create (background + stream) and chains a follow-up right after', async () => {
      const { client, upstream } = fixture;
      upstream.enqueue({ kind: 'slow-stream', intervalMs: 20 });
      const stream = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Live background', background: true, stream: true });
      const events: Event[] = [];
      let id = '';
      for await (const event of stream) {
        events.push(event);
        if (event.type === 'response.created') id = event.response.id;
      }
      expect(events.at(-1)?.type).toBe('response.completed');
      const follow = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'And then?', previous_response_id: id });
      expect(follow.status).toBe('completed');
      expect(JSON.stringify(upstream.requests.at(-1)?.body)).toContain('Live background');
    });

    it('cancel stops the upstream call, stays cancelled, repeats with the same object; foreground is a 400', async () => {
      const { client, upstream } = fixture;
      upstream.enqueue({ kind: 'slow-stream', intervalMs: 200 });
      const queued = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'A very long story', background: true });
      await waitFor(() => client.responses.retrieve(queued.id), (response) => response.status === 'in_progress');
      const abort = upstream.waitForClientAbort({ timeoutMs: 5000 });
      const cancelled = await client.responses.cancel(queued.id);
      expect(cancelled).toMatchObject({ id: queued.id, status: 'cancelled' });
      expect(await abort).toMatchObject({ path: '/v1/responses', streaming: true });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await client.responses.retrieve(queued.id)).status).toBe('cancelled');
      expect(await client.responses.cancel(queued.id)).toEqual(cancelled);
      const foreground = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'quick' });
      const error = await client.responses.cancel(foreground.id).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    });

    it('chaining onto a run that has not finished is a 400, not a shortened transcript', async () => {
      const { client, upstream } = fixture;
      upstream.enqueue({ kind: 'slow-stream', intervalMs: 100 });
      const calls = upstream.requests.length;
      const queued = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'slow', background: true });
      // The run took its scripted slow stream (cancelled while still queued, it would leave it to the next test).
      await waitFor(async () => upstream.requests.length, (count) => count > calls);
      const error = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'too early', previous_response_id: queued.id }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      await client.responses.cancel(queued.id);
    });

    it('a failing upstream ends the run failed, with the error on the object', async () => {
      const { client, upstream } = fixture;
      // Every attempt fails: on a busy machine a lease can lapse and the run be reclaimed and executed again.
      upstream.enqueue({ kind: 'error', status: 400, body: { error: { message: 'bad prompt', type: 'invalid_request_error', param: null, code: null } } }, { times: 5 });
      const queued = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'will fail', background: true });
      const done = await waitFor(() => client.responses.retrieve(queued.id), (response) => response.status !== 'queued' && response.status !== 'in_progress');
      expect(done.status).toBe('failed');
      expect(done.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    });
  });
}
