import { afterEach, describe, expect, it } from 'vitest';
import { checkChatCompletionStream } from '../checkers/check-chat-completion-stream.js';
import { parseSseText } from '../sse/parse-sse-text.js';
import { startFakeChatProvider, type FakeChatProvider } from './start-fake-chat-provider.js';

let provider: FakeChatProvider | undefined;
afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

async function post(body: unknown, key = 'k'): Promise<{ status: number; text: string }> {
  const response = await fetch(`${provider?.url}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const stream = (model = 'm', extra: Record<string, unknown> = {}) => ({
  model,
  messages: [{ role: 'user', content: 'hello there' }],
  stream: true,
  ...extra,
});

describe('startFakeChatProvider', () => {
  it('serves each flavour under its base path', async () => {
    const expected = { groq: '/openai/v1', fireworks: '/inference/v1', openrouter: '/api/v1', mistral: '/v1' } as const;
    for (const [flavour, basePath] of Object.entries(expected)) {
      provider = await startFakeChatProvider({ flavour: flavour as keyof typeof expected });
      expect(provider.url.endsWith(basePath)).toBe(true);
      const { status, text } = await post({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
      expect(status).toBe(200);
      expect(JSON.parse(text).choices[0].message.content).toBe('Echo: hi');
      await provider.close();
      provider = undefined;
    }
  });

  it('generic and xAI streams follow the OpenAI rules', async () => {
    for (const flavour of ['generic', 'xai'] as const) {
      provider = await startFakeChatProvider({ flavour });
      const { text } = await post(stream('m', { stream_options: { include_usage: true } }));
      checkChatCompletionStream(parseSseText(text), { includeUsage: true });
      await provider.close();
      provider = undefined;
    }
  });

  it('mistral puts usage on the final chunk and uses its own error body', async () => {
    provider = await startFakeChatProvider({ flavour: 'mistral', apiKey: 'right' });
    const records = parseSseText((await post(stream(), 'right')).text);
    const final = JSON.parse(records.at(-2)?.data ?? '{}');
    expect(final.choices[0].finish_reason).toBe('stop');
    expect(final.usage.total_tokens).toBeGreaterThan(0);
    provider.enqueue({ kind: 'error', status: 429 });
    const limited = await post(stream(), 'right');
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.text)).toMatchObject({ object: 'error', type: 'rate_limit_error' });
    expect((await post(stream(), 'wrong')).status).toBe(401);
  });

  it('groq reports usage in x_groq; openrouter sends a comment and always a usage chunk', async () => {
    provider = await startFakeChatProvider({ flavour: 'groq' });
    const groq = parseSseText((await post(stream())).text);
    expect(JSON.parse(groq.at(-2)?.data ?? '{}').x_groq.usage.total_tokens).toBeGreaterThan(0);
    await provider.close();
    provider = await startFakeChatProvider({ flavour: 'openrouter' });
    const raw = (await post(stream())).text;
    expect(raw.startsWith(': OPENROUTER PROCESSING\n\n')).toBe(true);
    const records = parseSseText(raw);
    expect(JSON.parse(records.at(-2)?.data ?? '{}')).toMatchObject({ choices: [] });
    provider.enqueue({ kind: 'error', status: 402 });
    expect(JSON.parse((await post(stream())).text)).toMatchObject({ error: { code: 402 } });
  });

  it('deepseek reasoner streams reasoning_content before content', async () => {
    provider = await startFakeChatProvider({ flavour: 'deepseek' });
    const records = parseSseText((await post(stream('deepseek-reasoner'))).text);
    const deltas = records.filter((record) => record.data !== '[DONE]').map((record) => JSON.parse(record.data).choices[0]?.delta ?? {});
    const firstReasoning = deltas.findIndex((delta) => typeof delta.reasoning_content === 'string');
    const firstContent = deltas.findIndex((delta) => typeof delta.content === 'string' && delta.content !== '');
    expect(firstReasoning).toBeGreaterThan(0);
    expect(firstContent).toBeGreaterThan(firstReasoning);
    const json = JSON.parse((await post({ model: 'deepseek-reasoner', messages: [{ role: 'user', content: 'x' }] })).text);
    expect(json.choices[0].message.reasoning_content).toBe('Let me think about that.');
  });

  it('xAI answers a wrong key with 400 and its {code, error} body, masking the key', async () => {
    provider = await startFakeChatProvider({ flavour: 'xai', apiKey: 'xai-right' });
    const { status, text } = await post(stream(), 'xai-wrong-secret-9876');
    expect(status).toBe(400);
    expect(JSON.parse(text).error).toContain('Incorrect API key provided');
    expect(text).not.toContain('wrong-secret');
  });
});
