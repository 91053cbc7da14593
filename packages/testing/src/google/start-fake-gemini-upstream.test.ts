import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSseText } from '../sse/parse-sse-text.js';
import { startFakeGeminiUpstream, type FakeGeminiUpstream } from './start-fake-gemini-upstream.js';

let upstream: FakeGeminiUpstream;
beforeAll(async () => {
  upstream = await startFakeGeminiUpstream();
});
afterAll(async () => {
  await upstream.close();
});

const post = (url: string, body: unknown, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('startFakeGeminiUpstream', () => {
  it('streams whole GenerateContentResponse frames with no event names and no terminator', async () => {
    const response = await post(`${upstream.url}/models/gemini-2.5-flash:streamGenerateContent?alt=sse`, { contents: [{ role: 'user', parts: [{ text: 'one two three four' }] }] }, { 'x-goog-api-key': upstream.apiKey });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const records = parseSseText(await response.text());
    expect(records.every((record) => record.event === undefined || record.event === 'message')).toBe(true);
    const chunks = records.map((record) => JSON.parse(record.data) as { candidates: Array<{ content: { parts: Array<{ text: string }> }; finishReason?: string }> });
    expect(chunks.map((chunk) => chunk.candidates[0]?.content.parts[0]?.text).join('')).toBe('Echo: one two three four');
    expect(chunks.at(-1)?.candidates[0]?.finishReason).toBe('STOP');
    expect(chunks.slice(0, -1).every((chunk) => chunk.candidates[0]?.finishReason === undefined)).toBe(true);
  });

  it('serves the Vertex URL shape with a bearer token and refuses a bad one with Google errors', async () => {
    const path = `${upstream.vertexURL}/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-pro:generateContent`;
    const ok = await post(path, { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }, { authorization: `Bearer ${upstream.accessToken}` });
    expect(await ok.json()).toMatchObject({ candidates: [{ content: { role: 'model', parts: [{ text: 'Echo: hi' }] }, finishReason: 'STOP' }] });
    const denied = await post(path, { contents: [] }, { authorization: 'Bearer nope' });
    expect(denied.status).toBe(401);
    expect(await denied.json()).toMatchObject({ error: { code: 401, status: 'UNAUTHENTICATED' } });
    const badKey = await post(`${upstream.url}/models/gemini-2.5-flash:generateContent?key=${upstream.apiKey}`, { contents: [] }, {});
    expect(badKey.status).toBe(400);
    expect(await badKey.json()).toMatchObject({ error: { status: 'INVALID_ARGUMENT', details: [{ reason: 'API_KEY_INVALID' }] } });
  });

  it('answers scripted errors with Google\'s envelope', async () => {
    upstream.enqueue({ kind: 'error', status: 429 });
    const response = await post(`${upstream.url}/models/gemini-2.5-flash:generateContent`, { contents: [] }, { 'x-goog-api-key': upstream.apiKey });
    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({ error: { code: 429, status: 'RESOURCE_EXHAUSTED' } });
  });
});
