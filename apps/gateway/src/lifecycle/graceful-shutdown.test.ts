import type { AdapterContext, ProviderAdapter } from '@switchyard/core';
import { parseSseText } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { getReadiness } from '../handlers/get-readiness.js';
import type { HandlerContext } from '../handlers/handler-context.js';
import { authorization, startTestGateway } from '../test-support/start-test-gateway.js';
import { Lifecycle } from './lifecycle.js';

/** Stand-in adapter: `count-N` streams N events 20 ms apart; `endless` streams until aborted. */
async function* tickingEvents(context: AdapterContext): AsyncGenerator<Record<string, unknown>> {
  const limit = context.upstreamModel === 'endless' ? Number.POSITIVE_INFINITY : Number(context.upstreamModel.replace('count-', ''));
  for (let index = 0; index < limit && !context.signal.aborted; index += 1) {
    if (index > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    yield { type: 'response.output_text.delta', sequence_number: index };
  }
}

const ticking: ProviderAdapter = {
  provider: 'ticking',
  operations: { createResponse: async (_input, context) => tickingEvents(context) as never },
};

async function openStream(url: string, model: string): Promise<{ first: string; rest: Promise<string> }> {
  const response = await fetch(`${url}/v1/responses`, {
    method: 'POST',
    headers: { ...authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ model, input: 'hi', stream: true }),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const first = decoder.decode((await reader.read()).value);
  const rest = (async () => {
    let text = '';
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return text;
      text += decoder.decode(chunk.value, { stream: true });
    }
  })();
  return { first, rest };
}

describe('graceful shutdown', () => {
  it('lets an in-flight stream finish, then closes; new connections are refused', async () => {
    const { url, gateway } = await startTestGateway({ adapters: { ticking } });
    const stream = await openStream(url, 'ticking/count-10');
    const closed = gateway.close();
    const events = parseSseText(stream.first + (await stream.rest));
    expect(events).toHaveLength(10);
    await closed;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('destroys streams still running when the shutdown timeout passes', async () => {
    const { url, gateway } = await startTestGateway({ adapters: { ticking }, config: { server: { shutdown_timeout_ms: 100 } } });
    const stream = await openStream(url, 'ticking/endless');
    await gateway.close();
    const rest = await stream.rest;
    expect(rest).not.toContain('response.completed');
  });
});

describe('readiness', () => {
  it('is ok while serving and 503 once draining', async () => {
    const lifecycle = new Lifecycle();
    const context = { lifecycle } as unknown as HandlerContext;
    await expect(getReadiness({} as never, context)).resolves.toEqual({ status: 'ok' });
    lifecycle.startDraining();
    await expect(getReadiness({} as never, context)).rejects.toMatchObject({ status: 503, code: 'shutting_down' });
  });
});
