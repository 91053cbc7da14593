import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGeminiUpstream, type FakeGeminiUpstream } from '@switchyard/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GeminiAdapter } from './gemini-provider.js';
import { driveChat, driveResponses } from './test-support/drive-gemini.js';
import { createVertexAdapter } from './vertex-provider.js';

let upstream: FakeGeminiUpstream;
let adapter: GeminiAdapter;
let tokenCalls = 0;

beforeAll(async () => {
  upstream = await startFakeGeminiUpstream();
  adapter = createVertexAdapter({
    project: 'my-project',
    location: 'europe-west4',
    baseURL: upstream.vertexURL,
    tokenProvider: () => {
      tokenCalls += 1;
      return Promise.resolve(upstream.accessToken);
    },
  });
});
afterAll(async () => {
  await adapter.close();
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
});

describe.each([{ stream: false }, { stream: true }])('Vertex AI (stream: $stream)', ({ stream }) => {
  it('calls the project/location URL with a bearer token and the same payload', async () => {
    const before = tokenCalls;
    const { response } = await driveResponses(adapter, { model: 'vertex/gemini-2.5-pro', input: 'hi', temperature: 0.5 }, { stream });
    expect(response.output.at(-1)).toMatchObject({ type: 'message', content: [{ type: 'output_text', text: 'Echo: hi' }] });
    const recorded = upstream.requests[0];
    expect(recorded?.path).toBe(
      `/v1/projects/my-project/locations/europe-west4/publishers/google/models/gemini-2.5-pro:${stream ? 'streamGenerateContent' : 'generateContent'}`,
    );
    expect(recorded?.headers.authorization).toBe(`Bearer ${upstream.accessToken}`);
    expect(recorded?.headers['x-goog-api-key']).toBeUndefined();
    expect(recorded?.body).toEqual({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }], generationConfig: { temperature: 0.5 } });
    expect(tokenCalls).toBe(before + 1);
  });

  it('passes image URLs as fileData (Vertex fetches them)', async () => {
    await driveChat(adapter, { model: 'vertex/gemini-2.5-flash', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] }] }, { stream });
    expect(upstream.requests[0]?.body).toMatchObject({ contents: [{ role: 'user', parts: [{ fileData: { mimeType: 'image/png', fileUri: 'https://example.com/a.png' } }] }] });
  });
});

describe('Vertex AI credentials', () => {
  it('maps a rejected token to the upstream 401 without the token in the message', async () => {
    const wrong = createVertexAdapter({ project: 'p', location: 'us-central1', baseURL: upstream.vertexURL, tokenProvider: () => Promise.resolve('ya29.wrong-token-abcdefgh') });
    const error = await driveResponses(wrong, { model: 'vertex/gemini-2.5-flash', input: 'x' }, { stream: false }).catch((caught: unknown) => caught);
    await wrong.close();
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(String((error as Error).message)).not.toContain('ya29.wrong-token');
  });

  it('fails with a retryable 502 naming no secret when no token can be had', async () => {
    const broken = createVertexAdapter({ project: 'p', location: 'global', baseURL: upstream.vertexURL, tokenProvider: () => Promise.reject(new Error('metadata server unreachable')) });
    await expect(driveResponses(broken, { model: 'vertex/gemini-2.5-flash', input: 'x' }, { stream: true })).rejects.toMatchObject({ status: 502, code: 'upstream_credentials', isRetryable: true });
    await broken.close();
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses a project or location that would change the URL', () => {
    expect(() => createVertexAdapter({ project: 'a/b', location: 'us-central1' })).toThrow(TypeError);
    expect(() => createVertexAdapter({ project: 'p', location: 'evil.com#' })).toThrow(TypeError);
  });

  it('uses google-auth-library by default: a service-account key with a broken private key fails as 502 before sending', async () => {
    const keyed = createVertexAdapter({
      project: 'p',
      location: 'us-central1',
      baseURL: upstream.vertexURL,
      credentials: { type: 'service_account', client_email: 'svc@p.iam.gserviceaccount.com', private_key: '-----BEGIN PRIVATE KEY-----\nnot-a-key\n-----END PRIVATE KEY-----\n' },
    });
    const error = await driveResponses(keyed, { model: 'vertex/gemini-2.5-flash', input: 'x' }, { stream: false }).catch((caught: unknown) => caught);
    await keyed.close();
    expect(error).toMatchObject({ status: 502, code: 'upstream_credentials' });
    expect(String((error as Error).message)).not.toContain('not-a-key');
    expect(upstream.requests).toHaveLength(0);
  });

  it('reads a key file through google-auth-library (a broken one fails before sending)', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'vertex-key-'));
    const keyFile = join(directory, 'key.json');
    writeFileSync(keyFile, JSON.stringify({ type: 'service_account', client_email: 'svc@p.iam.gserviceaccount.com', private_key: 'broken' }));
    const keyed = createVertexAdapter({ project: 'p', location: 'us-central1', baseURL: upstream.vertexURL, keyFile });
    const before = upstream.requests.length;
    await expect(driveResponses(keyed, { model: 'vertex/gemini-2.5-flash', input: 'x' }, { stream: true })).rejects.toMatchObject({ status: 502, code: 'upstream_credentials' });
    await keyed.close();
    expect(upstream.requests).toHaveLength(before);
  });
});
