import { startFakeServer, type FakeServer } from '../http/start-fake-server.js';
import { createChatRoutes } from '../openai/create-chat-routes.js';
import { createModelsRoutes } from '../openai/create-models-routes.js';
import { createFakeIds } from '../openai/fake-ids.js';
import { chatProviderFlavours, type ChatProviderFlavour } from './chat-provider-flavours.js';

export interface FakeChatProviderOptions {
  flavour: ChatProviderFlavour;
  /** The only API key accepted. Default: any non-empty bearer key. */
  apiKey?: string;
  /** Model ids for GET /models (generation accepts any model). */
  models?: string[];
  latencyMs?: number;
  chunkIntervalMs?: number;
  record?: boolean;
}

export interface FakeChatProvider extends FakeServer {
  flavour: ChatProviderFlavour;
}

/**
 * Starts a fake OpenAI-compatible chat provider (`POST <base>/chat/completions`, `GET <base>/models`) with
 * that provider's base path, error body, usage placement and reasoning fields. `url` includes the base path.
 */
export async function startFakeChatProvider(options: FakeChatProviderOptions): Promise<FakeChatProvider> {
  const spec = chatProviderFlavours[options.flavour];
  const nextId = createFakeIds();
  let requestCounter = 0;
  const server = await startFakeServer({
    basePath: spec.basePath,
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    errors: spec.errors,
    commonHeaders: () => {
      requestCounter += 1;
      return { 'x-request-id': `req_${options.flavour}_${requestCounter}` };
    },
    latencyMs: options.latencyMs ?? 0,
    chunkIntervalMs: options.chunkIntervalMs ?? 0,
    record: options.record ?? true,
    routes: [
      ...createChatRoutes({
        dialect: spec.dialect,
        errors: spec.errors,
        nextId,
        ...(spec.leadingComment === undefined ? {} : { leadingComment: spec.leadingComment }),
        defaultScript: (body) => {
          const model = typeof body.model === 'string' ? body.model : '';
          return spec.reasoningModels?.test(model) === true ? { reasoning: { summary: 'Let me think about that.' } } : undefined;
        },
      }),
      ...createModelsRoutes({
        models: options.models ?? spec.models,
        ownedBy: spec.ownedBy,
        notFound: (model) => spec.errors.forStatus(404, { model }).body,
      }),
    ],
  });
  return Object.assign(server, { flavour: options.flavour });
}
