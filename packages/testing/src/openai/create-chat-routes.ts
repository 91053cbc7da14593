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
  /** An SSE comment written before the first chunk (counts as a frame for `afterEvents`). */
  leadingComment?: string;
}

/** POST /chat/completions, JSON and SSE (`data: <chunk>` … `data: [DONE]`). */
export function createChatRoutes(context: ChatRouteContext): FakeRoute[] {
  const create = async (exchange: FakeExchange): Promise<void> => {
    const { body, behaviour } = exchange;
    for (const [param, present] of [['model', typeof body.model === 'string'], ['messages', Array.isArray(body.messages)]] as const) {
      if (!present) return exchange.sendError(context.errors.invalidParameter(param, `Missing required parameter: '${param}'.`));
    }
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
    const frames = rendered.chunks.map((chunk) => ({ data: JSON.stringify(chunk) }));
    await exchange.streamFrames(
      context.leadingComment === undefined ? frames : [{ data: '', comment: context.leadingComment }, ...frames],
      streamPlanFor(behaviour, 0),
      (index) => context.errors.streamError(index),
      [{ data: '[DONE]' }],
    );
  };
  return [{ method: 'POST', pattern: /^\/chat\/completions$/, generation: true, handle: create }];
}
