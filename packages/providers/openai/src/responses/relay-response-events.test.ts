import { UpstreamError } from '@switchyard/core';
import { createUpstreamClient, type ServerSentEvent } from '@switchyard/provider-utils';
import { afterAll, describe, expect, it } from 'vitest';
import type { OpenAIConfig } from '../openai-config.js';
import { collect, createTestContext, rejectionOf } from '../test-support/create-test-context.js';
import { relayResponseEvents } from './relay-response-events.js';

// The relay only needs the client's redactor; no request is made.
const client = createUpstreamClient({ provider: 'openai', baseURL: 'http://127.0.0.1:9/v1', secrets: ['sk-configured-key-123456'] });
afterAll(() => client.close());
const config: OpenAIConfig = {
  provider: 'openai',
  client,
  resolveModel: (model) => model,
  chatCompletionsPath: () => '/chat/completions',
  requestHeaders: () => ({}),
  logger: undefined,
};

async function* sse(...events: ReadonlyArray<Record<string, unknown> | string>): AsyncGenerator<ServerSentEvent> {
  for (const event of events) {
    const data = typeof event === 'string' ? event : JSON.stringify(event);
    yield { event: typeof event === 'string' ? undefined : String(event['type']), data, id: undefined };
  }
}

const created = { type: 'response.created', sequence_number: 0, response: { id: 'r' } };
const completed = (sequence: number) => ({ type: 'response.completed', sequence_number: sequence, response: { id: 'r' } });

describe('relayResponseEvents', () => {
  it('relays events unchanged and stops at the terminal event', async () => {
    const delta = { type: 'response.output_text.delta', sequence_number: 1, delta: 'Hi', obfuscation: 'xyz' };
    const after = { type: 'response.output_text.delta', sequence_number: 3, delta: 'ignored' };
    const context = createTestContext();
    expect(await collect(relayResponseEvents(config, sse(created, delta, completed(2), after), context))).toEqual([created, delta, completed(2)]);
    expect(context.warnings).toEqual([]);
  });

  it('expects the event after starting_after first when resuming', async () => {
    const context = createTestContext();
    await collect(relayResponseEvents(config, sse({ type: 'response.output_text.delta', sequence_number: 7 }, completed(8)), context, 4));
    expect(context.warnings.map((warning) => warning.message)).toEqual(['openai stream: sequence_number jumped from 4 to 7.']);
  });

  it('turns response.failed as the first event into a thrown error, redacting the configured key', async () => {
    const failed = { type: 'response.failed', sequence_number: 0, response: { error: { code: 'server_error', message: 'boom with sk-configured-key-123456' } } };
    const error = (await rejectionOf(collect(relayResponseEvents(config, sse(failed), createTestContext())))) as UpstreamError;
    expect([error.status, error.code]).toEqual([500, 'server_error']);
    expect(error.message).not.toContain('sk-configured-key-123456');
  });

  it('rejects an event without a type as malformed', async () => {
    const error = (await rejectionOf(collect(relayResponseEvents(config, sse(created, { sequence_number: 1 }), createTestContext())))) as UpstreamError;
    expect([error.status, error.code]).toEqual([502, 'upstream_invalid_event']);
  });

  it('throws on an empty stream', async () => {
    const error = (await rejectionOf(collect(relayResponseEvents(config, sse(), createTestContext())))) as UpstreamError;
    expect(error.code).toBe('upstream_stream_truncated');
  });
});
