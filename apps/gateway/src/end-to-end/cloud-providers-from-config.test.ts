import { startFakeBedrockUpstream, type FakeBedrockUpstream } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

const accessKeyId = 'AKIACONFIGTEST000001';
let upstream: FakeBedrockUpstream;
let gateway: TestGateway;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startFakeBedrockUpstream({ accessKeyId });
  gateway = await startTestGateway({
    config: {
      providers: {
        aws: {
          type: 'bedrock',
          region: 'ap-southeast-2',
          base_url: upstream.url,
          access_key_id: accessKeyId,
          secret_access_key: 'configSecretAccessKeyValue/0123456789',
        },
      },
    },
  });
  client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

describe('a Bedrock provider declared in the config file', () => {
  it('is built by the gateway (no api_key; region and credentials from config) and answers both endpoints', async () => {
    const response = await client.responses.create({ model: 'aws/anthropic.claude-3-5-haiku-20241022-v1:0', input: 'Hello there', store: false });
    expect(response).toMatchObject({ status: 'completed', output_text: 'Echo: Hello there' });
    const chat = await client.chat.completions.create({
      model: 'aws/anthropic.claude-3-5-haiku-20241022-v1:0',
      messages: [{ role: 'user', content: 'Hi again' }],
    });
    expect(chat.choices[0]?.message.content).toBe('Echo: Hi again');
    const authorization = String(upstream.requests.at(-1)?.headers.authorization);
    expect(authorization).toContain(`Credential=${accessKeyId}/`);
    expect(authorization).toContain('/ap-southeast-2/bedrock/aws4_request');
  });
});
