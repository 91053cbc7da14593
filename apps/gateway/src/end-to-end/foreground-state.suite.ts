import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedStorage } from '../state/open-storage.js';
import { testMasterKey } from '../test-support/start-test-gateway.js';
import { rawCall, startStatefulFixture, tenantBKey, waitFor, type StatefulFixture } from './stateful-fixture.js';

type ChatMessage = { role: string; content: unknown };

/** Stored foreground responses, chaining and tenant isolation, end to end with the openai client. */
export function defineForegroundStateSuite(name: string, openStorage: () => Promise<OpenedStorage | undefined>): void {
  describe(`stored responses (${name})`, () => {
    let fixture: StatefulFixture;
    beforeAll(async () => {
      fixture = await startStatefulFixture(await openStorage());
    });
    afterAll(async () => {
      await fixture?.close();
    });

    it('stores a response: GET returns it, input_items lists this turn, DELETE removes it, then 404', async () => {
      const { client } = fixture;
      const created = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Remember the number 42' });
      expect(created.id).toMatch(/^resp_/);
      const fetched = await client.responses.retrieve(created.id);
      expect(fetched).toMatchObject({ id: created.id, status: 'completed', store: true });
      expect(fetched.output).toEqual(created.output);
      const items = await client.responses.inputItems.list(created.id);
      expect(items.data).toHaveLength(1);
      expect(items.data[0]).toMatchObject({ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Remember the number 42' }] });
      expect(items.data[0]?.id).toMatch(/^msg_/);
      expect(await client.responses.delete(created.id)).toEqual({ id: created.id, object: 'response', deleted: true });
      await expect(client.responses.retrieve(created.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
      await expect(client.responses.delete(created.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
      await expect(client.responses.inputItems.list(created.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    });

    it('GET ?stream=true on a foreground response is a 400 naming stream (only background responses stream after creation)', async () => {
      const { client } = fixture;
      const streamed = await client.responses.create({ model: 'groq/llama-3.3-70b', input: 'Streamed in the foreground', stream: true });
      let id = '';
      for await (const event of streamed) if (event.type === 'response.completed') id = event.response.id;
      const plain = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Plain foreground' });
      for (const responseId of [id, plain.id]) {
        const error = await client.responses.retrieve(responseId, { stream: true }).catch((thrown: unknown) => thrown);
        expect(error).toBeInstanceOf(OpenAI.BadRequestError);
        expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({ type: 'invalid_request_error', param: 'stream' });
        expect((error as Error).message).toContain('Only background responses can be streamed');
      }
      // Without stream=true the same responses are still there.
      expect((await client.responses.retrieve(id)).status).toBe('completed');
      await expect(client.responses.retrieve('resp_unknown', { stream: true })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    });

    it('pages input_items with after, limit and order', async () => {
      const { client } = fixture;
      const input = ['one', 'two', 'three', 'four'].map((text) => ({ role: 'user' as const, content: text }));
      const created = await client.responses.create({ model: 'groq/llama-3.3-70b', input });
      const ascending = await client.responses.inputItems.list(created.id, { order: 'asc', limit: 2 });
      const texts = (page: typeof ascending): string[] => page.data.map((item) => ((item as { content: Array<{ text: string }> }).content[0]?.text ?? ''));
      expect(texts(ascending)).toEqual(['one', 'two']);
      expect(ascending.has_more).toBe(true);
      const next = await client.responses.inputItems.list(created.id, { order: 'asc', limit: 2, after: ascending.data.at(-1)!.id });
      expect(texts(next)).toEqual(['three', 'four']);
      expect(next.has_more).toBe(false);
      const descending = await client.responses.inputItems.list(created.id);
      expect(texts(descending)).toEqual(['four', 'three', 'two', 'one']);
    });

    it('expands previous_response_id for a chat provider; only the new instructions apply', async () => {
      const { client, groq } = fixture;
      const first = await client.responses.create({ model: 'groq/llama-3.3-70b', input: 'My name is Ada.', instructions: 'Old rules' });
      const second = await client.responses.create({
        model: 'groq/llama-3.3-70b',
        input: 'What is my name?',
        instructions: 'New rules',
        previous_response_id: first.id,
      });
      expect(second.previous_response_id).toBe(first.id);
      const messages = (groq.requests.at(-1)?.body as { messages: ChatMessage[] }).messages;
      const text = JSON.stringify(messages);
      expect(text).toContain('My name is Ada.');
      expect(text).toContain(first.output_text);
      expect(text).toContain('What is my name?');
      expect(text).toContain('New rules');
      expect(text).not.toContain('Old rules');
      const third = await client.responses.create({ model: 'groq/llama-3.3-70b', input: 'And again?', previous_response_id: second.id });
      const chained = JSON.stringify(groq.requests.at(-1)?.body);
      for (const part of ['My name is Ada.', 'What is my name?', 'And again?', second.output_text]) expect(chained).toContain(part);
      expect(third.status).toBe('completed');
    });

    it.each([
      ['the OpenAI passthrough', 'openai/gpt-4o-mini'],
      ['an openai-compatible provider', 'groq/llama-3.3-70b'],
    ])('a streamed follow-up sent right after response.completed finds the previous turn (%s)', async (_label, model) => {
      const { client, upstream, groq } = fixture;
      let previousId: string | undefined;
      const outputs: string[] = [];
      for (const text of ['First turn', 'Second turn', 'Third turn']) {
        const stream = await client.responses.create({ model, input: text, stream: true, ...(previousId === undefined ? {} : { previous_response_id: previousId }) });
        for await (const event of stream) {
          if (event.type === 'response.completed') {
            previousId = event.response.id;
            outputs.push(event.response.output_text ?? '');
            break; // follow up at once, without waiting for the stream to close
          }
        }
      }
      const last = model.startsWith('openai/') ? upstream.requests.at(-1)?.body : groq.requests.at(-1)?.body;
      const sent = JSON.stringify(last);
      for (const text of ['First turn', 'Second turn', 'Third turn']) expect(sent).toContain(text);
      expect(sent).not.toContain('previous_response_id');
      const fetched = await client.responses.retrieve(previousId!);
      expect(fetched.status).toBe('completed');
    });

    it('a client that disconnects mid-stream leaves the response retrievable as cancelled, with the upstream aborted', async () => {
      const { client, upstream } = fixture;
      upstream.enqueue({ kind: 'slow-stream', intervalMs: 60 });
      const controller = new AbortController();
      const stream = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'long story', stream: true }, { signal: controller.signal });
      let id = '';
      for await (const event of stream) {
        if (event.type === 'response.created') id = event.response.id;
        if (event.type === 'response.output_text.delta') {
          controller.abort();
          break;
        }
      }
      await upstream.waitForClientAbort({ timeoutMs: 5000 });
      const stored = await waitFor(() => client.responses.retrieve(id), (response) => response.status !== 'in_progress');
      expect(stored.status).toBe('cancelled');
    });

    it.each([
      ['the OpenAI passthrough', 'openai/gpt-4o-mini'],
      ['an openai-compatible provider', 'groq/llama-3.3-70b'],
    ])('a tool result chained with previous_response_id reaches the model with its call (%s)', async (_label, model) => {
      const { client, upstream, groq } = fixture;
      const fake = model.startsWith('openai/') ? upstream : groq;
      fake.enqueue({ kind: 'answer', answer: { toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' }, callId: 'call_weather_1' }] } });
      const tools = [{ type: 'function' as const, name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: false }];
      const first = await client.responses.create({ model, input: 'Weather in Paris?', tools });
      const call = first.output.find((item) => item.type === 'function_call');
      expect(call).toMatchObject({ call_id: 'call_weather_1', name: 'get_weather' });
      const second = await client.responses.create({
        model,
        tools,
        previous_response_id: first.id,
        input: [{ type: 'function_call_output', call_id: 'call_weather_1', output: '{"celsius":21}' }],
      });
      expect(second.status).toBe('completed');
      const sent = JSON.stringify(fake.requests.at(-1)?.body);
      for (const part of ['Weather in Paris?', 'call_weather_1', 'get_weather', '{\\"celsius\\":21}']) expect(sent).toContain(part);
      const items = await client.responses.inputItems.list(second.id);
      expect(items.data).toEqual([expect.objectContaining({ type: 'function_call_output', call_id: 'call_weather_1', id: expect.stringMatching(/^fco_/) })]);
    });

    it('a chain can move between providers: each turn sends the whole transcript to the provider it names', async () => {
      const { client, upstream, groq } = fixture;
      const first = await client.responses.create({ model: 'groq/llama-3.3-70b', input: 'Turn on Groq' });
      const second = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Turn on OpenAI', previous_response_id: first.id });
      const toOpenAI = JSON.stringify(upstream.requests.at(-1)?.body);
      for (const part of ['Turn on Groq', first.output_text, 'Turn on OpenAI']) expect(toOpenAI).toContain(part);
      await client.responses.create({ model: 'groq/llama-3.3-70b', input: 'Back on Groq', previous_response_id: second.id });
      const toGroq = JSON.stringify(groq.requests.at(-1)?.body);
      for (const part of ['Turn on Groq', first.output_text, 'Turn on OpenAI', second.output_text, 'Back on Groq']) expect(toGroq).toContain(part);
    });

    it('store: false keeps nothing: GET is 404 and chaining onto it is previous_response_not_found', async () => {
      const { client } = fixture;
      const created = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Forget me', store: false });
      expect((created as { store?: boolean }).store).toBe(false);
      await expect(client.responses.retrieve(created.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
      const error = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'hi', previous_response_id: created.id }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({ code: 'previous_response_not_found', param: 'previous_response_id' });
    });

    it('an unknown or deleted previous_response_id is previous_response_not_found', async () => {
      const { client } = fixture;
      const deleted = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'soon gone' });
      await client.responses.delete(deleted.id);
      for (const id of ['resp_unknown', deleted.id]) {
        const error = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'hi', previous_response_id: id }).catch((thrown: unknown) => thrown);
        expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({ code: 'previous_response_not_found' });
      }
    });

    it('another tenant sees every route answer exactly like an unknown id', async () => {
      const { client, otherTenant, url } = fixture;
      const owned = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'tenant A only' });
      const background = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'tenant A job', background: true });
      const routes = (id: string): Array<[string, string]> => [
        ['GET', `/v1/responses/${id}`],
        ['GET', `/v1/responses/${id}?stream=true`],
        ['GET', `/v1/responses/${id}/input_items`],
        ['POST', `/v1/responses/${id}/cancel`],
        ['DELETE', `/v1/responses/${id}`],
      ];
      const foreign: Array<{ status: number; body: string }> = [];
      for (const id of [owned.id, background.id]) for (const [method, path] of routes(id)) foreign.push(await rawCall(url, tenantBKey, method, path));
      const chain = await otherTenant.responses.create({ model: 'openai/gpt-4o-mini', input: 'x', previous_response_id: owned.id }).catch((thrown: unknown) => thrown);
      expect((chain as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({ code: 'previous_response_not_found' });
      // Still there for its owner: the probes changed nothing.
      expect((await client.responses.retrieve(owned.id)).status).toBe('completed');
      await client.responses.delete(owned.id);
      await client.responses.delete(background.id);
      const unknown: Array<{ status: number; body: string }> = [];
      for (const id of [owned.id, background.id]) for (const [method, path] of routes(id)) unknown.push(await rawCall(url, tenantBKey, method, path));
      expect(foreign.map((answer) => answer.status)).toEqual(foreign.map(() => 404));
      expect(foreign).toEqual(unknown);
      expect((await rawCall(url, testMasterKey, 'GET', `/v1/responses/${owned.id}`)).body).toBe(unknown[0]?.body);
    });
  });
}
