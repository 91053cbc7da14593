import { validateOperationResponse, validateStreamEvent, type OperationId, type ValidationResult } from '@switchyard/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSseText } from '../sse/parse-sse-text.js';
import { startFakeOpenAIUpstream, type FakeOpenAIUpstream } from './start-fake-openai-upstream.js';

// Every answer the fake gives must validate against Switchyard's contract (OpenAI's shapes).
let upstream: FakeOpenAIUpstream;
beforeAll(async () => {
  upstream = await startFakeOpenAIUpstream();
});
afterAll(async () => {
  await upstream.close();
});

const tool = {
  type: 'function',
  name: 'get_weather',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  strict: false,
};

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; contentType: string; text: string }> {
  const response = await fetch(`${upstream.url}${path}`, {
    method,
    headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

/**
 * Known gap in the contract (reported to the lead): `Response.usage` is not nullable there, but OpenAI
 * sends `usage: null` on in-progress and queued snapshots (the official spec's own `response.created`
 * and `response.in_progress` examples show it). Only that exact error is tolerated.
 */
function realErrors(result: ValidationResult): ValidationResult {
  if (result.valid) return result;
  const errors = result.errors.filter((error) => !(error.param?.endsWith('usage') === true && error.message.includes('but got null')));
  return errors.length === 0 ? { valid: true } : { valid: false, errors };
}

function expectValidJson(operationId: OperationId, answer: { status: number; contentType: string; text: string }): void {
  expect(realErrors(validateOperationResponse(operationId, answer.status, answer.contentType, JSON.parse(answer.text)))).toEqual({
    valid: true,
  });
}

function expectValidEvents(operationId: OperationId, text: string): void {
  for (const record of parseSseText(text)) {
    if (record.data === '[DONE]') continue;
    const result = realErrors(validateStreamEvent(operationId, JSON.parse(record.data)));
    expect(result, record.data.slice(0, 200)).toEqual({ valid: true });
  }
}

describe('fake OpenAI upstream against the contract', () => {
  it('createResponse: JSON and events for text, tool calls, reasoning and incomplete answers', async () => {
    const bodies = [
      { model: 'gpt-4o-mini', input: 'hello there' },
      { model: 'gpt-4o-mini', input: 'please call get_weather', tools: [tool] },
      { model: 'gpt-4o-mini', input: 'a long sentence that will certainly not fit into sixteen small pieces', max_output_tokens: 16 },
    ];
    for (const body of bodies) {
      expectValidJson('createResponse', await call('POST', '/responses', body));
      expectValidEvents('createResponse', (await call('POST', '/responses', { ...body, stream: true })).text);
    }
    upstream.enqueue({ kind: 'answer', answer: { reasoning: { summary: 'Thinking' }, toolCalls: [{ name: 'a' }, { name: 'b' }] } });
    expectValidEvents('createResponse', (await call('POST', '/responses', { model: 'o4-mini', input: 'x', stream: true })).text);
    upstream.enqueue({ kind: 'stream-error-event', afterEvents: 3 });
    upstream.enqueue({ kind: 'stream-error-event', afterEvents: 3, as: 'response.failed' });
    for (let index = 0; index < 2; index += 1) {
      expectValidEvents('createResponse', (await call('POST', '/responses', { model: 'm', input: 'x', stream: true })).text);
    }
  });

  it('stored-response operations', async () => {
    const created = JSON.parse((await call('POST', '/responses', { model: 'gpt-4o-mini', input: 'keep' })).text) as { id: string };
    expectValidJson('getResponse', await call('GET', `/responses/${created.id}`));
    expectValidJson('listInputItems', await call('GET', `/responses/${created.id}/input_items`));
    expectValidJson('deleteResponse', await call('DELETE', `/responses/${created.id}`));
    const background = JSON.parse((await call('POST', '/responses', { model: 'm', input: 'later', background: true })).text) as { id: string };
    expectValidJson('cancelResponse', await call('POST', `/responses/${background.id}/cancel`));
    expectValidJson('countInputTokens', await call('POST', '/responses/input_tokens', { model: 'm', input: 'one two' }));
    expectValidJson('compactResponse', await call('POST', '/responses/compact', { model: 'm', input: 'one two' }));
  });

  it('createChatCompletion: JSON and chunks, with text and tool calls', async () => {
    const bodies = [
      { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
      {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'call get_weather' }],
        tools: [{ type: 'function', function: { name: 'get_weather', parameters: tool.parameters } }],
      },
    ];
    for (const body of bodies) {
      expectValidJson('createChatCompletion', await call('POST', '/chat/completions', body));
      const stream = { ...body, stream: true, stream_options: { include_usage: true } };
      expectValidEvents('createChatCompletion', (await call('POST', '/chat/completions', stream)).text);
    }
  });

  it('models and error bodies', async () => {
    expectValidJson('listModels', await call('GET', '/models'));
    expectValidJson('retrieveModel', await call('GET', '/models/gpt-4o-mini'));
    upstream.enqueue({ kind: 'error', status: 429 });
    expectValidJson('createResponse', await call('POST', '/responses', { model: 'm', input: 'x' }));
    expectValidJson('createResponse', await call('POST', '/responses', { input: 'x' }));
    expectValidJson('getResponse', await call('GET', '/responses/resp_missing'));
  });
});
