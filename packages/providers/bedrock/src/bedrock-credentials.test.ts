import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBedrockAdapter } from './bedrock-provider.js';
import { serveResponses } from './test-support/serve-bedrock.js';
import { testCredentials, useFakeBedrock } from './test-support/use-fake-bedrock.js';

const { fake, adapter } = useFakeBedrock();

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('credentials and signing', () => {
  it('signs with a session token when one is given (x-amz-security-token)', async () => {
    const temporary = createBedrockAdapter({ region: 'us-west-2', endpoint: fake().url, credentials: { ...testCredentials, sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN' } });
    await serveResponses(temporary, { input: 'hi' });
    const headers = fake().requests.at(-1)?.headers ?? {};
    expect(headers['x-amz-security-token']).toBe('IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN');
    expect(String(headers.authorization)).toContain('/us-west-2/bedrock/aws4_request');
  });

  it('falls back to the standard chain (environment variables here) without explicit credentials', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', testCredentials.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', testCredentials.secretAccessKey);
    vi.stubEnv('AWS_SESSION_TOKEN', '');
    vi.stubEnv('AWS_PROFILE', '');
    const fromChain = createBedrockAdapter({ region: 'us-east-1', endpoint: fake().url });
    await serveResponses(fromChain, { input: 'hi', stream: true });
    expect(String(fake().requests.at(-1)?.headers.authorization)).toContain(`Credential=${testCredentials.accessKeyId}/`);
  });
});

describe('prompt caching', () => {
  it.each([false, true])('puts cache points after the system prompt and tools, and reports cached tokens (stream: %s)', async (stream) => {
    const { response } = await serveResponses(adapter({ promptCaching: true }), {
      instructions: 'You are a contract lawyer. Read the whole contract below carefully before answering.',
      input: 'What is the notice period?',
      tools: [{ type: 'function', name: 'lookup_clause', parameters: { type: 'object', properties: { id: { type: 'string' } } }, strict: null }],
      stream,
    });
    const body = fake().requests.at(-1)?.body as { system: unknown[]; toolConfig: { tools: unknown[] } };
    expect(body.system.at(-1)).toEqual({ cachePoint: { type: 'default' } });
    expect(body.toolConfig.tools.at(-1)).toEqual({ cachePoint: { type: 'default' } });
    const cached = response.usage?.input_tokens_details.cached_tokens ?? 0;
    expect(cached).toBeGreaterThan(0);
    expect(response.usage?.input_tokens).toBeGreaterThan(cached);
  });
});
