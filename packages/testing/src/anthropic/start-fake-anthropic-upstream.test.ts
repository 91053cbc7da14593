import { afterEach, describe, expect, it } from 'vitest';
import { parseSseText } from '../sse/parse-sse-text.js';
import { fakeThinkingSignature } from './fake-anthropic-thinking.js';
import { startFakeAnthropicUpstream, type FakeAnthropicUpstream } from './start-fake-anthropic-upstream.js';

let fake: FakeAnthropicUpstream | undefined;
afterEach(async () => fake?.close());

const headers = { 'content-type': 'application/json', 'x-api-key': 'sk-ant-test-key-123456', 'anthropic-version': '2023-06-01' };
const post = (body: unknown, extra: Record<string, string> = {}) =>
  fetch(`${fake?.url}/messages`, { method: 'POST', headers: { ...headers, ...extra }, body: JSON.stringify(body) });
const base = { model: 'claude-sonnet-4-5-20250929', max_tokens: 100 };

describe('the fake Anthropic upstream', () => {
  it('answers a Message that echoes the user, with usage', async () => {
    fake = await startFakeAnthropicUpstream();
    const response = await post({ ...base, messages: [{ role: 'user', content: 'Hello there' }] });
    expect(response.status).toBe(200);
    expect(response.headers.get('request-id')).toMatch(/^req_/);
    const message = (await response.json()) as Record<string, unknown>;
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5-20250929',
      content: [{ type: 'text', text: 'Echo: Hello there' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 3 },
    });
  });

  it('streams named events in the documented order, ping included', async () => {
    fake = await startFakeAnthropicUpstream();
    const response = await post({ ...base, stream: true, messages: [{ role: 'user', content: 'Hi' }] });
    const events = parseSseText(await response.text());
    expect(events.map((event) => event.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    for (const event of events) expect(JSON.parse(event.data).type).toBe(event.event);
  });

  it('rejects a missing key, a missing version, a missing max_tokens and turns that do not alternate', async () => {
    fake = await startFakeAnthropicUpstream();
    const noKey = await fetch(`${fake.url}/messages`, { method: 'POST', headers: { 'anthropic-version': '2023-06-01' }, body: '{}' });
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
    const noVersion = await fetch(`${fake.url}/messages`, { method: 'POST', headers: { 'x-api-key': 'k' }, body: '{}' });
    expect(noVersion.status).toBe(400);
    const noMax = await post({ model: 'claude-x', messages: [{ role: 'user', content: 'Hi' }] });
    expect(await noMax.json()).toMatchObject({ error: { type: 'invalid_request_error', message: 'max_tokens: Field required' } });
    const twoUsers = await post({ ...base, messages: [{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }] });
    expect(twoUsers.status).toBe(400);
  });

  it('calls the tools the user names, and answers tool results', async () => {
    fake = await startFakeAnthropicUpstream();
    const tools = [{ name: 'weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }];
    const first = (await (await post({ ...base, tools, messages: [{ role: 'user', content: 'call weather' }] })).json()) as {
      content: Array<{ type: string; id: string }>;
      stop_reason: string;
    };
    expect(first.stop_reason).toBe('tool_use');
    const call = first.content[0];
    expect(call).toMatchObject({ type: 'tool_use', name: 'weather', input: { city: 'value' } });
    const second = await post({
      ...base,
      tools,
      messages: [
        { role: 'user', content: 'call weather' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: call?.id, content: 'sunny' }] },
      ],
    });
    expect(await second.json()).toMatchObject({ content: [{ type: 'text', text: 'Tool results: sunny' }], stop_reason: 'end_turn' });
  });

  it('thinks with a signature it checks on the next turn', async () => {
    fake = await startFakeAnthropicUpstream();
    const thinking = { type: 'enabled', budget_tokens: 1024 };
    const first = (await (await post({ ...base, max_tokens: 2000, thinking, messages: [{ role: 'user', content: 'Why?' }] })).json()) as { content: unknown[] };
    expect(first.content[0]).toEqual({ type: 'thinking', thinking: 'Thinking about: Why?', signature: fakeThinkingSignature('Thinking about: Why?') });
    const tampered = { type: 'thinking', thinking: 'Thinking about: Why?', signature: 'forged' };
    const replay = (block: unknown) =>
      post({ ...base, max_tokens: 2000, thinking, messages: [{ role: 'user', content: 'Why?' }, { role: 'assistant', content: [block, first.content[1]] }, { role: 'user', content: 'And?' }] });
    expect((await replay(first.content[0])).status).toBe(200);
    expect((await replay(tampered)).status).toBe(400);
  });

  it('reports a cache write, then a cache read for the same prefix', async () => {
    fake = await startFakeAnthropicUpstream();
    const body = { ...base, system: [{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral' } }], messages: [{ role: 'user', content: 'Hi' }] };
    const first = (await (await post(body)).json()) as { usage: Record<string, number> };
    const second = (await (await post(body)).json()) as { usage: Record<string, number> };
    expect(first.usage['cache_creation_input_tokens']).toBeGreaterThan(0);
    expect(first.usage['cache_read_input_tokens']).toBe(0);
    expect(second.usage['cache_read_input_tokens']).toBe(first.usage['cache_creation_input_tokens']);
    expect(second.usage['cache_creation_input_tokens']).toBe(0);
  });

  it('plays scripted errors with Anthropic bodies and a mid-stream error event', async () => {
    fake = await startFakeAnthropicUpstream();
    fake.enqueue({ kind: 'error', status: 529 });
    const overloaded = await post({ ...base, messages: [{ role: 'user', content: 'Hi' }] });
    expect(overloaded.status).toBe(529);
    expect(await overloaded.json()).toMatchObject({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    fake.enqueue({ kind: 'error', status: 429 });
    const limited = await post({ ...base, messages: [{ role: 'user', content: 'Hi' }] });
    expect(limited.headers.get('retry-after')).toBe('7');
    fake.enqueue({ kind: 'stream-error-event', afterEvents: 3 });
    const stream = await post({ ...base, stream: true, messages: [{ role: 'user', content: 'Hi' }] });
    const events = parseSseText(await stream.text());
    expect(events.at(-1)).toMatchObject({ event: 'error' });
    expect(JSON.parse(events.at(-1)?.data ?? '{}')).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
  });

  it('scripts a reset, a too-long prompt and a refusal before any output', async () => {
    fake = await startFakeAnthropicUpstream();
    const messages = [{ role: 'user', content: 'Hi' }];
    fake.enqueue({ kind: 'reset' });
    await expect(post({ ...base, messages })).rejects.toThrow();
    fake.enqueue({ kind: 'context-window-exceeded' });
    const tooLong = await post({ ...base, messages });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: expect.stringMatching(/^prompt is too long/) } });
    fake.enqueue({ kind: 'refusal' }, { times: 2 });
    expect(await (await post({ ...base, messages })).json()).toMatchObject({ content: [], stop_reason: 'refusal' });
    const events = parseSseText(await (await post({ ...base, stream: true, messages })).text());
    expect(events.map((event) => event.event)).toEqual(['message_start', 'message_delta', 'message_stop']);
    expect(JSON.parse(events[1]?.data ?? '{}')).toMatchObject({ delta: { stop_reason: 'refusal' } });
  });

  it('counts tokens without max_tokens, rejecting generation-only fields', async () => {
    fake = await startFakeAnthropicUpstream();
    const count = (body: unknown) => fetch(`${fake?.url}/messages/count_tokens`, { method: 'POST', headers, body: JSON.stringify(body) });
    const counted = await count({ model: 'claude-x', messages: [{ role: 'user', content: 'Hello' }] });
    expect(await counted.json()).toEqual({ input_tokens: expect.any(Number) });
    expect((await count({ model: 'claude-x', max_tokens: 5, messages: [{ role: 'user', content: 'Hello' }] })).status).toBe(400);
  });

  it('lists models', async () => {
    fake = await startFakeAnthropicUpstream({ models: ['claude-a', 'claude-b'] });
    const response = await fetch(`${fake.url}/models`, { headers });
    expect(await response.json()).toMatchObject({ data: [{ id: 'claude-a', type: 'model' }, { id: 'claude-b' }], has_more: false });
  });
});
