import { startFakeServer, type FakeServer } from '../http/start-fake-server.js';
import { createFakeIds } from '../openai/fake-ids.js';
import { cohereErrorDialect } from './cohere-error-dialect.js';
import { createCohereRoutes } from './create-cohere-routes.js';
import type { FakeCohereAnswerScript } from './fake-cohere-answer-script.js';

export const defaultFakeCohereModels = ['command-a-03-2025', 'command-a-reasoning-08-2025', 'command-a-vision-07-2025', 'command-r7b-12-2024', 'embed-v4.0'];

export interface FakeCohereUpstreamOptions {
  /** The only key accepted; by default any non-empty bearer key. */
  apiKey?: string;
  models?: string[];
  latencyMs?: number;
  chunkIntervalMs?: number;
  record?: boolean;
}

export interface FakeCohereUpstream extends FakeServer {
  /** The v2 base URL to configure the adapter with, e.g. `http://127.0.0.1:40123/v2`. */
  url: string;
  /** Queues a Cohere-specific answer (thinking, tool plan, citations, finish reason) for the next chat call. */
  script(answer: FakeCohereAnswerScript): void;
}

/**
 * A fake Cohere API on 127.0.0.1: `POST /v2/chat` speaking the v2 JSON and SSE formats with
 * deterministic answers (see `deriveCohereAnswer`), `GET /v1/models`, Cohere's `{id, message}` error
 * bodies, scripted errors / cuts / mid-stream `ERROR` through `enqueue`, and recorded requests.
 */
export async function startFakeCohereUpstream(options: FakeCohereUpstreamOptions = {}): Promise<FakeCohereUpstream> {
  const nextId = createFakeIds();
  const scripts: FakeCohereAnswerScript[] = [];
  const server = await startFakeServer({
    basePath: '',
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    errors: cohereErrorDialect,
    commonHeaders: () => ({ 'x-endpoint-monthly-call-limit': '1000', 'x-trial-endpoint-call-limit': '20', 'x-trial-endpoint-call-remaining': '19' }),
    latencyMs: options.latencyMs ?? 0,
    chunkIntervalMs: options.chunkIntervalMs ?? 0,
    record: options.record ?? true,
    routes: createCohereRoutes({ nextId, takeScript: () => scripts.shift(), models: options.models ?? defaultFakeCohereModels }),
  });
  return Object.assign(server, {
    url: `${server.origin}/v2`,
    script: (answer: FakeCohereAnswerScript) => {
      scripts.push(answer);
    },
  });
}
