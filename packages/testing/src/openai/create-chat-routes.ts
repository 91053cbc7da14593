import type { ErrorDialect, FakeExchange, FakeRoute } from '../http/fake-server-types.js';
import type { ChatDialect } from './chat-dialect.js';
import { deriveFakeAnswer } from './derive-fake-answer.js';
import { digestChatRequest } from './digest-request.js';
import { answerScriptOf, type FakeAnswerScript, streamPlanFor } from './fake-behaviour.js';
import { renderChatAnswer } from './render-chat-answer.js';
import { countTokens } from './split-into-pieces.js';

export interface ChatRouteContext {
  dialect: ChatDialect;
  errors: ErrorDialect;
  nextId: (prefix: string) => string;
  /** Lets a flavour add a default script per request (e.g. DeepSeek reasoner models reason). */
  defaultScript?: (body: Record<string, unknown>) => FakeAnswerScript | undefined;
  missingParameter: (param: string) => unknown;
}

/** POST /chat/completions, JSON and SSE (`data: <chunk>` … `data: [DONE]`). */
export function createChatRoutes(context: ChatRouteContext): FakeRoute[] {
  const create = async (exchange: FakeExchange): Promise<void> => {
    const { body, behaviour } = exchange;
    if (typeof body.model !== 'string') return exchange.sendJson(400, context.missingParameter('model'));
    if (!Array.isArray(body.messages)) return exchange.sendJson(400, context.missingParameter('messages'));
    const digest = digestChatRequest(body);
    const script = { ...context.defaultScript?.(body), ...answerScriptOf(behaviour) };
    const plan = deriveFakeAnswer(digest, script);
    const rendered = renderChatAnswer({
      request: body,
      plan,
      promptTokens: countTokens(digest.inputText),
      dialect: context.dialect,
      nextId: context.nextId,
    });
    if (body.stream !== true) return exchange.sendJson(200, rendered.completion);
    await exchange.streamFrames(
      rendered.chunks.map((chunk) => ({ data: JSON.stringify(chunk) })),
      streamPlanFor(behaviour, 0),
      (index) => context.errors.streamError(index),
      [{ data: '[DONE]' }],
    );
  };
  return [{ method: 'POST', pattern: /^\/chat\/completions$/, generation: true, handle: create }];
}
