import type { FakeRoute } from '../http/fake-server-types.js';
import { answerScriptOf, streamPlanFor } from '../openai/fake-behaviour.js';
import { cohereErrorDialect } from './cohere-error-dialect.js';
import { cohereScriptFromFakeAnswer, deriveCohereAnswer } from './derive-cohere-answer.js';
import type { FakeCohereAnswerScript } from './fake-cohere-answer-script.js';
import { renderCohereResponse, renderCohereStreamFrames } from './render-cohere-answer.js';

export interface CohereRoutesContext {
  nextId: (prefix: string) => string;
  /** The next scripted answer, if a test queued one. */
  takeScript: () => FakeCohereAnswerScript | undefined;
  models: string[];
}

/** `POST /v2/chat` (JSON or SSE) and `GET /v1/models`. */
export function createCohereRoutes(context: CohereRoutesContext): FakeRoute[] {
  return [
    {
      method: 'POST',
      pattern: /^\/v2\/chat$/,
      generation: true,
      handle: async (exchange) => {
        const { body, behaviour } = exchange;
        if (typeof body.model !== 'string' || body.model === '') return exchange.sendError(cohereErrorDialect.invalidParameter('model', 'a model parameter is required for this endpoint.'));
        if (!Array.isArray(body.messages) || body.messages.length === 0) {
          return exchange.sendError(cohereErrorDialect.invalidParameter('messages', 'messages must be a non-empty list.'));
        }
        if (body.tool_choice === 'REQUIRED' && !Array.isArray(body.tools)) {
          return exchange.sendError(cohereErrorDialect.invalidParameter('tool_choice', 'tool_choice REQUIRED needs tools.'));
        }
        const script = context.takeScript() ?? cohereScriptFromFakeAnswer(answerScriptOf(behaviour));
        const id = `c14c80c3-18eb-4519-9460-${context.nextId('msg').slice(-12)}`;
        const plan = deriveCohereAnswer(body, script, context.nextId);
        if (body.stream !== true) return exchange.sendJson(200, renderCohereResponse(plan, id));
        await exchange.streamFrames(renderCohereStreamFrames(plan, id), streamPlanFor(behaviour, 0), () => cohereErrorDialect.streamError(0), [{ data: '[DONE]' }]);
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/models$/,
      generation: false,
      handle: (exchange) => {
        const endpoint = exchange.recorded.query.endpoint;
        const models = context.models.map((name) => ({
          name,
          endpoints: /embed/.test(name) ? ['embed'] : ['generate', 'chat', 'summarize'],
          finetuned: false,
          context_length: 256000,
          tokenizer_url: `https://storage.googleapis.com/cohere-public/tokenizers/${name}.json`,
          default_endpoints: [],
          features: ['tools', 'json_mode'],
        }));
        exchange.sendJson(200, { models: endpoint === undefined ? models : models.filter((model) => model.endpoints.includes(String(endpoint))) });
      },
    },
  ];
}
