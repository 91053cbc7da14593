import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import {
  startFakeAnthropicUpstream,
  startFakeOpenAIUpstream,
  type FakeAnthropicUpstream,
  type FakeBehaviour,
  type FakeOpenAIUpstream,
  type RecordedRequest,
} from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

/**
 * The alias `trio` of the routing end-to-end tests: three deployments on three upstreams.
 *
 * | deployment   | provider (kind)      | context window | price in/out per M |
 * |--------------|----------------------|----------------|--------------------|
 * | `east-small` | `east` (openai)      | 16 000         | 0.1 / 0.2          |
 * | `west-large` | `west` (openai)      | 128 000        | 0.5 / 1            |
 * | `claude`     | `claude` (anthropic) | 200 000        | 1 / 5              |
 *
 * `provider.sort: price` tries them in that order. The alias `refused` puts `nowhere` (a deployment
 * on a closed port) first, then the same two fallbacks.
 */
export type UpstreamName = 'east' | 'west' | 'claude';

export interface RoutingAlias {
  readonly gateway: TestGateway;
  readonly client: OpenAI;
  /** Scripts the next generation request of one upstream. */
  enqueue(name: UpstreamName, behaviour: FakeBehaviour, times?: number): void;
  /** Generation requests one upstream received during this test. */
  generations(name: UpstreamName): number;
  /** Those generation requests themselves (bodies as the upstream received them), in order. */
  generationRequests(name: UpstreamName): RecordedRequest[];
  /** When each generation request of one upstream arrived (ms since the epoch), in order. */
  arrivals(name: UpstreamName): number[];
}

const upstreamKey = 'sk-upstream-routing-alias';
const generationPaths = new Set(['/v1/responses', '/v1/chat/completions', '/v1/messages']);

/** A port nothing listens on (opened, then closed): connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The raw `routing:` section of the fixture; `retry` is merged over the fixture's fast defaults. */
function routingSection(retry: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return {
    retry: { max_retries: 1, base_delay_ms: 1, max_delay_ms: 5, max_retry_after_ms: 2000, attempt_timeout_ms: 2000, ...retry },
    deployments: [
      { name: 'east-small', provider: 'east', model: 'gpt-4o-mini', context_window: 16_000, prices: { input: 0.1, output: 0.2 } },
      { name: 'west-large', provider: 'west', model: 'gpt-4o-mini', context_window: 128_000, prices: { input: 0.5, output: 1 } },
      { name: 'claude', provider: 'claude', model: 'claude-haiku-4-5-20251001', context_window: 200_000, prices: { input: 1, output: 5 } },
      { name: 'nowhere', provider: 'nowhere', model: 'gpt-4o-mini', context_window: 128_000, prices: { input: 0.01, output: 0.01 } },
    ],
    aliases: { trio: ['east-small', 'west-large', 'claude'], refused: ['nowhere', 'west-large', 'claude'] },
  };
}

/**
 * Registers the hooks of a routing test file: the three fake upstreams for the whole file, and a
 * fresh gateway per test (its in-process cooldowns and latency statistics start empty). Call it at
 * the top level of the file; the returned function gives the current test's handles.
 */
export function useRoutingAlias(options: { readonly retry?: Readonly<Record<string, unknown>>; readonly environment?: Readonly<Record<string, string>> } = {}): () => RoutingAlias {
  let east: FakeOpenAIUpstream;
  let west: FakeOpenAIUpstream;
  let claude: FakeAnthropicUpstream;
  let nowherePort: number;
  let current: RoutingAlias | undefined;

  beforeAll(async () => {
    [east, west, claude, nowherePort] = await Promise.all([
      startFakeOpenAIUpstream({ apiKey: upstreamKey }),
      startFakeOpenAIUpstream({ apiKey: upstreamKey }),
      startFakeAnthropicUpstream({ apiKey: upstreamKey }),
      closedPort(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([east?.close(), west?.close(), claude?.close()]);
  });

  beforeEach(async () => {
    const upstreams = { east, west, claude };
    const gateway = await startTestGateway({
      environment: { ...options.environment },
      config: {
        providers: {
          east: { type: 'openai', api_key: upstreamKey, base_url: east.url },
          west: { type: 'openai', api_key: upstreamKey, base_url: west.url },
          claude: { type: 'anthropic', api_key: upstreamKey, base_url: claude.url },
          nowhere: { type: 'openai', api_key: upstreamKey, base_url: `http://127.0.0.1:${nowherePort}/v1` },
        },
        routing: routingSection(options.retry ?? {}),
      },
    });
    const generationRequests = (name: UpstreamName) => upstreams[name].requests.filter((request) => request.method === 'POST' && generationPaths.has(request.path));
    for (const upstream of Object.values(upstreams)) upstream.requests.length = 0;
    current = {
      gateway,
      client: new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 }),
      enqueue: (name, behaviour, times = 1) => upstreams[name].enqueue(behaviour, { times }),
      generations: (name) => generationRequests(name).length,
      generationRequests,
      arrivals: (name) => generationRequests(name).map((request) => request.receivedAt),
    };
  });
  afterEach(async () => {
    await current?.gateway.close();
    current = undefined;
  });

  return () => {
    if (current === undefined) throw new Error('useRoutingAlias: only available inside a test');
    return current;
  };
}
