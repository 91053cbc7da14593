import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamPart } from '../../parts/stream-part.js';
import { streamPartScenarios } from '../__fixtures__/stream-part-scenarios.js';
import { testResponseOptions } from '../test-support/encoder-options.js';
import { type SseServer, serveSse } from '../test-support/serve-sse.js';
import { streamParts } from '../test-support/stream-parts.js';
import { encodeResponseEvents } from './encode-response-events.js';

/** The scenario to serve is named by the request's `input`. */
async function* responseFrames(body: unknown): AsyncGenerator<string> {
  const name = (body as { input: string }).input;
  const scenario = streamPartScenarios.find((candidate) => candidate.name === name);
  const parts: readonly StreamPart[] = scenario?.parts ?? [];
  for await (const event of encodeResponseEvents(streamParts(parts), testResponseOptions())) {
    yield `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
  }
}

describe('Responses encoder through the official openai client', () => {
  let server: SseServer;
  let client: OpenAI;

  beforeAll(async () => {
    server = await serveSse(responseFrames);
    client = new OpenAI({ apiKey: 'test-key', baseURL: server.baseURL, maxRetries: 0 });
  });

  afterAll(async () => {
    await server.close();
  });

  it.each(streamPartScenarios)('$name: responses.stream().finalResponse() accumulates the parts', async (scenario) => {
    const stream = client.responses.stream({ model: 'groq/llama-3.3-70b', input: scenario.name });
    const seen: string[] = [];
    stream.on('response.output_text.delta', (event) => seen.push(event.delta));
    const response = await stream.finalResponse();

    expect(response.status).toBe(scenario.expected.ending);
    expect(response.output_text).toBe(scenario.expected.text);
    expect(seen.join('')).toBe(scenario.expected.text);
    const calls = response.output.flatMap((item) =>
      item.type === 'function_call' ? [{ callId: item.call_id, name: item.name, arguments: item.arguments }] : [],
    );
    expect(calls).toEqual(scenario.expected.toolCalls);
    const refusal = response.output
      .flatMap((item) => (item.type === 'message' ? item.content : []))
      .flatMap((part) => (part.type === 'refusal' ? [part.refusal] : []))
      .join('');
    expect(refusal).toBe(scenario.expected.refusal ?? '');
  });
});
