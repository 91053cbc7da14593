import { startFakeServer, type FakeServer } from '../http/start-fake-server.js';
import { openaiChatDialect } from './chat-dialect.js';
import { createChatRoutes } from './create-chat-routes.js';
import { createModelsRoutes } from './create-models-routes.js';
import { createResponsesRoutes } from './create-responses-routes.js';
import { createFakeIds } from './fake-ids.js';
import { openaiCommonHeaders, openaiErrorBody, openaiErrorDialect } from './openai-error-dialect.js';
import { ResponseStore } from './response-store.js';

export interface FakeOpenAIUpstreamOptions {
  /** The only API key accepted (401 `invalid_api_key` otherwise). Default: any non-empty key. */
  apiKey?: string;
  /** Model ids served by GET /models (generation accepts any model). */
  models?: string[];
  /** Delay before every generation answer (default 0). */
  latencyMs?: number;
  /** Gap between stream events (default 0: the whole stream in one write). */
  chunkIntervalMs?: number;
  /** How long a `background: true` response stays `queued` before completing (default 50 ms). */
  backgroundDelayMs?: number;
  /** Record requests (default true). Turn off for long benchmarks. */
  record?: boolean;
  /** Keep created responses for GET / DELETE / cancel / input_items (default true). */
  keepResponses?: boolean;
}

export interface FakeOpenAIUpstream extends FakeServer {
  /** Responses created so far (for GET / DELETE / cancel / input_items). */
  store: ResponseStore;
}

export const defaultFakeOpenAIModels = ['gpt-4o-mini', 'gpt-4.1', 'gpt-5-mini', 'o4-mini'];

/**
 * Starts a fake OpenAI API on 127.0.0.1 (random port) speaking the real wire format of Responses,
 * Chat Completions and Models, with scriptable faults. See the package README.
 */
export async function startFakeOpenAIUpstream(options: FakeOpenAIUpstreamOptions = {}): Promise<FakeOpenAIUpstream> {
  const nextId = createFakeIds();
  const store = new ResponseStore();
  const server = await startFakeServer({
    basePath: '/v1',
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    errors: openaiErrorDialect,
    commonHeaders: openaiCommonHeaders,
    latencyMs: options.latencyMs ?? 0,
    chunkIntervalMs: options.chunkIntervalMs ?? 0,
    record: options.record ?? true,
    routes: [
      ...createResponsesRoutes({ store, nextId, backgroundDelayMs: options.backgroundDelayMs ?? 50, keepResponses: options.keepResponses ?? true }),
      ...createChatRoutes({
        dialect: openaiChatDialect,
        errors: openaiErrorDialect,
        nextId,
      }),
      ...createModelsRoutes({
        models: options.models ?? defaultFakeOpenAIModels,
        ownedBy: 'system',
        notFound: (model) =>
          openaiErrorBody(`The model '${model}' does not exist`, 'invalid_request_error', 'model_not_found', 'model'),
      }),
    ],
  });
  return Object.assign(server, { store });
}
