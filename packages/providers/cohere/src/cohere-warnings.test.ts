import { serveCreateChatCompletion, serveCreateResponse } from '@switchyard/core';
import { startFakeCohereUpstream, type FakeCohereUpstream } from '@switchyard/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCohereAdapter, type CohereAdapter } from './index.js';
import { serveContext } from './test-support/run-through-endpoints.js';

let fake: FakeCohereUpstream;
let adapter: CohereAdapter;
beforeAll(async () => {
  fake = await startFakeCohereUpstream();
  adapter = createCohereAdapter({ apiKey: 'co-secret-key-0123456789', baseURL: fake.url });
});
afterAll(async () => {
  await adapter.close();
  await fake.close();
});

const chatOptions = { id: 'chatcmpl-test', created: 1, model: 'cohere/command-a-03-2025' };

it('strict mode rejects with a 400 naming the parameters before anything is sent upstream', async () => {
  const before = fake.requests.length;
  await expect(
    serveCreateResponse(
      adapter,
      { body: { model: 'cohere/command-a-03-2025', input: 'Hi', top_logprobs: 2, text: { verbosity: 'low' } } },
      serveContext('command-a-03-2025', { strict: true }),
      { responseId: 'resp_test', createdAt: 1, model: 'cohere/command-a-03-2025' },
    ),
  ).rejects.toMatchObject({ status: 400, code: 'unsupported_parameter', param: 'text.verbosity', message: expect.stringContaining('text.verbosity, top_logprobs') });
  expect(fake.requests.length).toBe(before);
});

it('without strict mode the warnings are kept and the request goes out', async () => {
  const context = serveContext('command-a-03-2025');
  await serveCreateChatCompletion(
    adapter,
    { body: { model: 'cohere/command-a-03-2025', messages: [{ role: 'user', content: 'Hi there END of it' }], logit_bias: { '42': 1 }, stop: ['END'], seed: 3 } },
    context,
    chatOptions,
  );
  expect(context.warnings.map((warning) => warning.type === 'unsupported-parameter' && warning.parameter)).toEqual(['logit_bias']);
  expect(fake.requests.at(-1)?.body).toMatchObject({ stop_sequences: ['END'], seed: 3 });
});

it('a stop sequence cuts the answer and finishes with stop', async () => {
  const completion = await serveCreateChatCompletion(
    adapter,
    { body: { model: 'cohere/command-a-03-2025', messages: [{ role: 'user', content: 'alpha STOP beta' }], stop: 'STOP' } },
    serveContext('command-a-03-2025'),
    chatOptions,
  );
  expect(completion).toMatchObject({ choices: [{ message: { content: 'Echo: alpha ' }, finish_reason: 'stop' }] });
});

it('thinking on a reasoning model through chat: reasoning stays out of the chat content', async () => {
  const completion = await serveCreateChatCompletion(
    adapter,
    { body: { model: 'cohere/command-a-reasoning-08-2025', messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: 'low' } },
    serveContext('command-a-reasoning-08-2025'),
    chatOptions,
  );
  expect(fake.requests.at(-1)?.body).toMatchObject({ thinking: { type: 'enabled', token_budget: 2048 } });
  expect(completion).toMatchObject({ choices: [{ message: { content: 'Echo: Hi' } }] });
});
