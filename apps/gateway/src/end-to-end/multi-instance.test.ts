import { startFakeOpenAIUpstream, type FakeOpenAIUpstream } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceStorage, missingServicesMessage, serviceUrls, type ServiceStorage } from '../test-support/service-storage.js';
import { spawnGatewayProcess, type GatewayProcess } from '../test-support/spawn-gateway-process.js';
import { waitFor } from './stateful-fixture.js';

const masterKey = 'sk-multi-instance';
const urls = serviceUrls('multi-instance');

describe.runIf(urls.available)('two gateway processes sharing PostgreSQL and Redis', () => {
  let upstream: FakeOpenAIUpstream;
  let services: ServiceStorage;
  let runner: GatewayProcess;
  let other: GatewayProcess;

  beforeAll(async () => {
    upstream = await startFakeOpenAIUpstream();
    services = await createServiceStorage({ databaseUrl: urls.databaseUrl!, redisUrl: urls.redisUrl! });
    const env = { DATABASE_URL: urls.databaseUrl!, REDIS_URL: urls.redisUrl!, SWITCHYARD_TEST_SCHEMA: services.schema, SWITCHYARD_TEST_KEY_PREFIX: services.keyPrefix };
    const config = (workers: number): Record<string, unknown> => ({
      auth: { master_key: masterKey },
      providers: { openai: { type: 'openai', api_key: 'sk-upstream', base_url: upstream.url } },
      // Long lease: only a cancel signal (not a lease check) can stop the run quickly.
      storage: { worker_concurrency: workers, lease_ms: 60_000 },
    });
    // The first instance runs every background run; the second runs none, so the run lives on the first.
    [runner, other] = await Promise.all([spawnGatewayProcess({ config: config(2), env }), spawnGatewayProcess({ config: config(0), env })]);
  }, 120_000);
  afterAll(async () => {
    await runner?.stop();
    await other?.stop();
    await services?.dispose();
    await upstream?.close();
  });

  it('a run created on one instance is streamed and cancelled from the other; the upstream connection closes', async () => {
    const onRunner = new OpenAI({ apiKey: masterKey, baseURL: `${runner.url}/v1`, maxRetries: 0 });
    const onOther = new OpenAI({ apiKey: masterKey, baseURL: `${other.url}/v1`, maxRetries: 0 });
    upstream.enqueue({ kind: 'slow-stream', intervalMs: 200, answer: { text: 'A slow and long answer that keeps streaming for a good while. '.repeat(4) } });
    const queued = await onRunner.responses.create({ model: 'openai/gpt-4o-mini', input: 'Run on the first, watch from the second', background: true });

    const seen: Array<{ type: string; sequence_number: number }> = [];
    const stream = await onOther.responses.retrieve(queued.id, { stream: true });
    for await (const event of stream) {
      seen.push(event);
      if (event.type === 'response.output_text.delta' && seen.filter((item) => item.type === 'response.output_text.delta').length >= 3) break;
    }
    expect(seen.slice(0, 2).map((event) => event.type)).toEqual(['response.created', 'response.queued']);
    expect(seen.map((event) => event.sequence_number)).toEqual(seen.map((_event, index) => index));

    const abort = upstream.waitForClientAbort({ timeoutMs: 10_000 });
    const cancelledAt = Date.now();
    const cancelled = await onOther.responses.cancel(queued.id);
    expect(cancelled).toMatchObject({ id: queued.id, status: 'cancelled' });
    const closed = await abort;
    console.info(`[multi-instance] cancel on instance B → upstream connection of instance A closed after ${closed.at - cancelledAt} ms`);
    expect(closed).toMatchObject({ path: '/v1/responses', streaming: true });

    const later = await waitFor(() => onRunner.responses.retrieve(queued.id), () => false, 500);
    expect(later.status).toBe('cancelled');
    expect(await onRunner.responses.cancel(queued.id)).toEqual(cancelled);
  }, 60_000);
});

describe.runIf(!urls.available && urls.required)('two gateway processes sharing PostgreSQL and Redis', () => {
  it('are required', () => {
    throw new Error(missingServicesMessage());
  });
});
