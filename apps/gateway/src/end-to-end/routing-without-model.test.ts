import { startFakeOpenAIUpstream, type FakeOpenAIUpstream } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

let upstream: FakeOpenAIUpstream;
let gateway: TestGateway;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startFakeOpenAIUpstream({ models: ['gpt-4o-mini', 'listed-upstream-only'] });
  gateway = await startTestGateway({
    config: {
      providers: {
        first: { type: 'openai', api_key: 'sk-1', base_url: upstream.url },
        second: { type: 'openai', api_key: 'sk-2', base_url: upstream.url },
        unreachable: { type: 'openai', api_key: 'sk-3', base_url: 'http://127.0.0.1:9/v1' },
      },
    },
  });
  client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

describe('operations without a model', () => {
  it('are served from the gateway store whichever provider made the response', async () => {
    const created = await client.responses.create({ model: 'second/gpt-4o-mini', input: 'hi' });
    const fetched = await client.responses.retrieve(created.id);
    expect(fetched).toMatchObject({ id: created.id, status: 'completed' });
    const missing = 'resp_does_not_exist';
    const error = await client.responses.retrieve(missing).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as InstanceType<typeof OpenAI.NotFoundError>).message).toContain(`Response with id '${missing}' not found.`);
  });
});

describe('an unreachable upstream', () => {
  it('is a 502 whose message names the provider, not its URL or key', async () => {
    const error = await client.responses.create({ model: 'unreachable/gpt-4o-mini', input: 'hi' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    const serverError = error as InstanceType<typeof OpenAI.InternalServerError>;
    expect(serverError.status).toBe(502);
    const text = JSON.stringify(serverError.error);
    expect(text).not.toContain('127.0.0.1:9');
    expect(text).not.toContain('sk-3');
  });

  it('does not fail the model list; the reachable providers still list theirs', async () => {
    const ids = (await client.models.list()).data.map((model) => model.id);
    expect(ids).toEqual(expect.arrayContaining(['first/listed-upstream-only', 'second/listed-upstream-only']));
    // The unreachable provider lists only the built-in table's models of its kind: nothing from its upstream.
    expect(ids).toContain('unreachable/gpt-4o');
    expect(ids).not.toContain('unreachable/listed-upstream-only');
  });
});
