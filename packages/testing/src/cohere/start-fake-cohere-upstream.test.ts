import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSseText } from '../sse/parse-sse-text.js';
import { startFakeCohereUpstream, type FakeCohereUpstream } from './start-fake-cohere-upstream.js';

let fake: FakeCohereUpstream;
beforeAll(async () => {
  fake = await startFakeCohereUpstream({ apiKey: 'co-test-key' });
});
afterAll(async () => {
  await fake.close();
});

async function chat(body: Record<string, unknown>, key = 'co-test-key'): Promise<{ status: number; text: string; type: string | null }> {
  const response = await fetch(`${fake.url}/chat`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

const weatherTool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } } };

describe('startFakeCohereUpstream', () => {
  it('answers JSON in the v2 shape', async () => {
    const { status, text } = await chat({ model: 'command-a-03-2025', messages: [{ role: 'user', content: 'Hello' }], stream: false });
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({
      id: expect.stringMatching(/^c14c80c3-18eb-4519-9460-[0-9a-f]{12}$/),
      message: { role: 'assistant', content: [{ type: 'text', text: 'Echo: Hello' }] },
      finish_reason: 'COMPLETE',
      usage: { billed_units: { input_tokens: 2, output_tokens: 4 }, tokens: { input_tokens: 66, output_tokens: 4 } },
    });
  });

  it('streams named events whose type matches the event name, then [DONE]', async () => {
    const { text, type } = await chat({ model: 'command-a-03-2025', messages: [{ role: 'user', content: 'call get_weather' }], tools: [weatherTool], stream: true });
    expect(type).toBe('text/event-stream; charset=utf-8');
    const records = parseSseText(text);
    expect(records.at(-1)).toEqual({ event: undefined, data: '[DONE]' });
    const events = records.slice(0, -1).map((record) => ({ name: record.event, value: JSON.parse(record.data) as { type: string } }));
    for (const event of events) expect(event.value.type).toBe(event.name);
    expect([...new Set(events.map((event) => event.name))]).toEqual(['message-start', 'tool-plan-delta', 'tool-call-start', 'tool-call-delta', 'tool-call-end', 'message-end']);
    const args = events.filter((event) => event.name === 'tool-call-delta').map((event) => (event.value as unknown as { delta: { message: { tool_calls: { function: { arguments: string } } } } }).delta.message.tool_calls.function.arguments);
    expect(args.join('')).toBe('{"location":"test"}');
    expect(events.at(-1)?.value).toMatchObject({ delta: { finish_reason: 'TOOL_CALL' } });
  });

  it('cites tool results and documents', async () => {
    const afterTool = await chat({
      model: 'command-a-03-2025',
      stream: false,
      messages: [
        { role: 'user', content: 'call get_weather' },
        { role: 'assistant', tool_calls: [{ id: 'get_weather_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'get_weather_1', content: '{"temperature":"24°C"}' },
      ],
    });
    expect(JSON.parse(afterTool.text).message.citations).toEqual([
      { start: 11, end: 33, text: '{"temperature":"24°C"}', sources: [{ type: 'tool', id: 'get_weather_1:0', tool_output: { temperature: '24°C' } }], type: 'TEXT_CONTENT', content_index: 0 },
    ]);
    const withDocs = await chat({ model: 'command-a-03-2025', stream: true, messages: [{ role: 'user', content: 'Answer from the documents' }] });
    const citation = parseSseText(withDocs.text).find((record) => record.event === 'citation-start');
    expect(JSON.parse(citation?.data ?? '{}').delta.message.citations.sources[0]).toMatchObject({ type: 'document', document: { url: 'https://example.com/handbook' } });
  });

  it('thinks on reasoning models unless thinking is disabled', async () => {
    const on = JSON.parse((await chat({ model: 'command-a-reasoning-08-2025', stream: false, messages: [{ role: 'user', content: 'Hi' }] })).text);
    expect(on.message.content.map((block: { type: string }) => block.type)).toEqual(['thinking', 'text']);
    const off = JSON.parse((await chat({ model: 'command-a-reasoning-08-2025', stream: false, thinking: { type: 'disabled' }, messages: [{ role: 'user', content: 'Hi' }] })).text);
    expect(off.message.content.map((block: { type: string }) => block.type)).toEqual(['text']);
  });

  it('plays scripts, scripted errors with Cohere bodies, and rejects bad keys and requests', async () => {
    fake.script({ text: 'Scripted.', finishReason: 'MAX_TOKENS' });
    expect(JSON.parse((await chat({ model: 'm', stream: false, messages: [{ role: 'user', content: 'x' }] })).text)).toMatchObject({ message: { content: [{ text: 'Scripted.' }] }, finish_reason: 'MAX_TOKENS' });
    fake.enqueue({ kind: 'error', status: 429 });
    const limited = await chat({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.text)).toEqual({ id: expect.any(String), message: expect.stringContaining('Trial key') });
    expect(await chat({ model: 'm', messages: [{ role: 'user', content: 'x' }] }, 'wrong')).toMatchObject({ status: 401, text: expect.stringContaining('invalid api token') });
    expect((await chat({ messages: [{ role: 'user', content: 'x' }] })).status).toBe(400);
  });

  it('ends a stream with message-end ERROR when a mid-stream failure is scripted', async () => {
    fake.enqueue({ kind: 'stream-error-event', afterEvents: 2 });
    const records = parseSseText((await chat({ model: 'm', stream: true, messages: [{ role: 'user', content: 'Hello there' }] })).text);
    expect(records.map((record) => record.event)).toEqual(['message-start', 'content-start', 'message-end', undefined]);
    expect(JSON.parse(records[2]?.data ?? '{}')).toEqual({ type: 'message-end', delta: { finish_reason: 'ERROR', error: expect.any(String) } });
  });

  it('lists models at /v1/models', async () => {
    const response = await fetch(`${fake.origin}/v1/models?endpoint=chat`, { headers: { authorization: 'Bearer co-test-key' } });
    const body = (await response.json()) as { models: Array<{ name: string }> };
    expect(body.models.map((model) => model.name)).not.toContain('embed-v4.0');
    expect(body.models.map((model) => model.name)).toContain('command-a-03-2025');
  });
});
