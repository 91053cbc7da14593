import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkResponsesStream, startFakeOpenAIUpstream, type FakeOpenAIUpstream } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interruptedRunMessage } from '../background/end-interrupted-run.js';
import { createServiceStorage, serviceUrls, type ServiceStorage } from '../test-support/service-storage.js';
import { spawnGatewayProcess, type GatewayProcess } from '../test-support/spawn-gateway-process.js';
import { waitFor } from './stateful-fixture.js';

const masterKey = 'sk-process-test';
const longAnswer = { text: 'This answer is long enough to stream for several seconds in small pieces. '.repeat(4) };

let upstream: FakeOpenAIUpstream;
beforeAll(async () => {
  upstream = await startFakeOpenAIUpstream();
});
afterAll(async () => {
  await upstream.close();
});

function clientFor(gateway: GatewayProcess): OpenAI {
  return new OpenAI({ apiKey: masterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
}

function configFor(storage: Record<string, unknown>): Record<string, unknown> {
  return {
    auth: { master_key: masterKey },
    providers: { openai: { type: 'openai', api_key: 'sk-upstream', base_url: upstream.url } },
    storage: { lease_ms: 1500, worker_concurrency: 2, ...storage },
  };
}

interface Setup {
  readonly config: Record<string, unknown>;
  readonly env: Record<string, string>;
  dispose(): Promise<void>;
}

/**
 * `kill -9` a gateway mid-run; a new process on the same data reclaims the run and drives it to a
 * terminal state. The run had already streamed output, so it is not restarted (a second upstream
 * call would stream a second, different answer after the first one's events): it ends `failed`
 * with a `server_error` naming what happened, its stream ending cleanly after the stored events.
 */
function defineDurabilityTest(name: string, setup: () => Promise<Setup>): void {
  it(`a run whose process was killed (kill -9) mid-output is reclaimed and ends failed, never restarted; every acknowledged id survives (${name})`, async () => {
    const prepared = await setup();
    let first: GatewayProcess | undefined;
    let second: GatewayProcess | undefined;
    try {
      first = await spawnGatewayProcess({ config: prepared.config, env: prepared.env });
      const client = clientFor(first);
      const stored = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Acknowledged before the crash' });
      const runCalls = () => upstream.requests.filter((request) => JSON.stringify(request.body).includes('Survive a crash')).length;
      const callsBefore = runCalls();
      upstream.enqueue({ kind: 'slow-stream', intervalMs: 150, answer: longAnswer });
      const run = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Survive a crash', background: true });
      const queuedLater = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Queued next to it', background: true });
      await waitFor(
        async () => {
          const events: Array<{ type: string }> = [];
          const stream = await client.responses.retrieve(run.id, { stream: true });
          for await (const event of stream) {
            events.push(event);
            if (events.length >= 5) break;
          }
          return events.length;
        },
        (count) => count >= 5,
      );
      await first.kill();
      const startedAt = Date.now();
      second = await spawnGatewayProcess({ config: prepared.config, env: prepared.env });
      const after = clientFor(second);
      const finished = await waitFor(
        () => after.responses.retrieve(run.id),
        (response) => response.status !== 'queued' && response.status !== 'in_progress',
        60_000,
      );
      console.info(`[durability ${name}] killed run reached '${finished.status}' ${Date.now() - startedAt} ms after the restart began`);
      expect(finished.status).toBe('failed');
      expect(finished.error).toMatchObject({ code: 'server_error', message: interruptedRunMessage });
      expect(runCalls()).toBe(callsBefore + 1);
      const replay: Array<{ sequence_number: number; type: string; output_index?: number }> = [];
      for await (const event of await after.responses.retrieve(run.id, { stream: true })) replay.push(event);
      expect(replay.map((event) => event.sequence_number)).toEqual(replay.map((_event, index) => index));
      expect(replay.at(-1)?.type).toBe('response.failed');
      expect(replay.filter((event) => event.type === 'response.output_item.added').map((event) => event.output_index)).toEqual([0]);
      checkResponsesStream(replay);
      expect((await after.responses.retrieve(stored.id)).status).toBe('completed');
      const other = await waitFor(() => after.responses.retrieve(queuedLater.id), (response) => response.status === 'completed', 60_000);
      expect(other.status).toBe('completed');
    } finally {
      await first?.kill();
      await second?.stop();
      await prepared.dispose();
    }
  }, 120_000);
}

describe('durability across a killed process', () => {
  defineDurabilityTest('PGlite', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-durability-'));
    return { config: configFor({ data_dir: dataDir }), env: {}, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
  });

  const urls = serviceUrls('process durability');
  if (urls.databaseUrl !== undefined && urls.redisUrl !== undefined) {
    defineDurabilityTest('PostgreSQL + Redis', async () => {
      const services: ServiceStorage = await createServiceStorage({ databaseUrl: urls.databaseUrl!, redisUrl: urls.redisUrl! });
      return {
        config: configFor({}),
        env: { DATABASE_URL: urls.databaseUrl!, REDIS_URL: urls.redisUrl!, SWITCHYARD_TEST_SCHEMA: services.schema, SWITCHYARD_TEST_KEY_PREFIX: services.keyPrefix },
        dispose: () => services.dispose(),
      };
    });
  }
});
