import type { FakeExchange, FakeRoute, SseFrame } from '../http/fake-server-types.js';
import { buildResponseObject } from './build-response-object.js';
import { deriveFakeAnswer } from './derive-fake-answer.js';
import { digestResponsesRequest } from './digest-request.js';
import { answerScriptOf, streamPlanFor } from './fake-behaviour.js';
import { normaliseInputItems } from './normalise-input-items.js';
import { openaiErrorBody } from './openai-error-dialect.js';
import { renderResponsesAnswer } from './render-responses-answer.js';
import type { ResponseStore } from './response-store.js';
import { countTokens } from './split-into-pieces.js';

export interface ResponsesRouteContext {
  store: ResponseStore;
  nextId: (prefix: string) => string;
  backgroundDelayMs: number;
  /** Keep created responses for GET / DELETE / cancel (benchmarks turn this off to keep memory flat). */
  keepResponses: boolean;
}

const failureMessage = 'The server had an error while processing your request. Sorry about that!';

function toFrame(event: Record<string, unknown>): SseFrame {
  return { event: String(event.type), data: JSON.stringify(event) };
}

function notFound(exchange: FakeExchange, id: string): void {
  exchange.sendJson(404, openaiErrorBody(`Response with id '${id}' not found.`, 'invalid_request_error', null));
}

function missing(exchange: FakeExchange, param: string): void {
  exchange.sendJson(
    400,
    openaiErrorBody(`Missing required parameter: '${param}'.`, 'invalid_request_error', 'missing_required_parameter', param),
  );
}

/** POST /responses, GET/DELETE /responses/{id}, cancel, input_items, input_tokens, compact. */
export function createResponsesRoutes(context: ResponsesRouteContext): FakeRoute[] {
  const { store, nextId } = context;

  const create = async (exchange: FakeExchange): Promise<void> => {
    const { body, behaviour } = exchange;
    if (typeof body.model !== 'string') return missing(exchange, 'model');
    if (typeof body.max_output_tokens === 'number' && body.max_output_tokens < 16) {
      return exchange.sendJson(
        400,
        openaiErrorBody(
          `Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got ${body.max_output_tokens} instead.`,
          'invalid_request_error',
          'integer_below_min_value',
          'max_output_tokens',
        ),
      );
    }
    const digest = digestResponsesRequest(body);
    const plan = deriveFakeAnswer(digest, answerScriptOf(behaviour));
    const rendered = renderResponsesAnswer({ request: body, plan, inputTokens: countTokens(digest.inputText), nextId });
    const inputItems = normaliseInputItems(body.input, nextId);
    const background = body.background === true;
    const stored = { response: rendered.response, events: rendered.events, inputItems, background };
    if (context.keepResponses && (body.store !== false || background)) store.save(stored);

    if (body.stream !== true) {
      if (!background) return exchange.sendJson(200, rendered.response);
      const queued: Record<string, unknown> = { ...rendered.response, status: 'queued', output: [], usage: null, completed_at: null, incomplete_details: null };
      store.save({ ...stored, response: queued });
      setTimeout(() => {
        const current = store.get(String(queued.id));
        if (current?.response.status === 'queued') store.save(stored);
      }, context.backgroundDelayMs).unref();
      return exchange.sendJson(200, queued);
    }

    const streamPlan = streamPlanFor(behaviour, 0);
    const errorFrames = (index: number): SseFrame[] => {
      const failed = buildResponseObject(body, {
        id: String(rendered.response.id),
        createdAt: Number(rendered.response.created_at),
        status: 'failed',
        output: [],
        usage: null,
        error: { code: 'server_error', message: failureMessage },
      });
      store.save({ ...stored, response: failed });
      if (streamPlan.errorAs === 'response.failed') {
        return [toFrame({ type: 'response.failed', sequence_number: index, response: failed })];
      }
      return [toFrame({ type: 'error', code: 'server_error', message: failureMessage, param: null, sequence_number: index })];
    };
    await exchange.streamFrames(rendered.events.map(toFrame), streamPlan, errorFrames);
  };

  const retrieve = async (exchange: FakeExchange): Promise<void> => {
    const id = exchange.params[0] as string;
    const stored = store.get(id);
    if (stored === undefined) return notFound(exchange, id);
    if (exchange.recorded.query.stream !== 'true') return exchange.sendJson(200, stored.response);
    const after = Number(exchange.recorded.query.starting_after ?? -1);
    const events = stored.events.filter((event) => Number(event.sequence_number) > after);
    await exchange.streamFrames(events.map(toFrame), streamPlanFor(exchange.behaviour, 0), () => []);
  };

  const remove = (exchange: FakeExchange): void => {
    const id = exchange.params[0] as string;
    if (!store.delete(id)) return notFound(exchange, id);
    exchange.sendJson(200, { id, object: 'response', deleted: true });
  };

  const cancel = (exchange: FakeExchange): void => {
    const id = exchange.params[0] as string;
    const stored = store.get(id);
    if (stored === undefined) return notFound(exchange, id);
    if (!stored.background) {
      return exchange.sendJson(
        400,
        openaiErrorBody('Only responses created with background=true can be cancelled.', 'invalid_request_error', null),
      );
    }
    const status = stored.response.status;
    if (status === 'queued' || status === 'in_progress') {
      stored.response = { ...stored.response, status: 'cancelled' };
    }
    exchange.sendJson(200, stored.response);
  };

  const inputItems = (exchange: FakeExchange): void => {
    const id = exchange.params[0] as string;
    const stored = store.get(id);
    if (stored === undefined) return notFound(exchange, id);
    const query = exchange.recorded.query;
    const ordered = query.order === 'asc' ? [...stored.inputItems] : [...stored.inputItems].reverse();
    const afterIndex = typeof query.after === 'string' ? ordered.findIndex((item) => item.id === query.after) : -1;
    const limit = Math.min(100, Math.max(1, Number(query.limit ?? 20)));
    const page = ordered.slice(afterIndex + 1, afterIndex + 1 + limit);
    exchange.sendJson(200, {
      object: 'list',
      data: page,
      first_id: page[0]?.id ?? null,
      last_id: page.at(-1)?.id ?? null,
      has_more: afterIndex + 1 + limit < ordered.length,
    });
  };

  const inputTokens = (exchange: FakeExchange): void => {
    const digest = digestResponsesRequest(exchange.body);
    exchange.sendJson(200, { object: 'response.input_tokens', input_tokens: countTokens(digest.inputText) });
  };

  const compact = (exchange: FakeExchange): void => {
    if (typeof exchange.body.model !== 'string') return missing(exchange, 'model');
    const digest = digestResponsesRequest(exchange.body);
    const inputTokensCount = countTokens(digest.inputText);
    const kept = normaliseInputItems(exchange.body.input, nextId).filter((item) => item.role === 'user');
    exchange.sendJson(200, {
      id: nextId('resp'),
      object: 'response.compaction',
      output: [...kept, { type: 'compaction', id: nextId('cmp'), encrypted_content: 'fake-encrypted-compaction' }],
      created_at: Math.floor(Date.now() / 1000),
      usage: {
        input_tokens: inputTokensCount,
        input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
        output_tokens: 8,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: inputTokensCount + 8,
      },
    });
  };

  return [
    { method: 'POST', pattern: /^\/responses$/, generation: true, handle: create },
    { method: 'POST', pattern: /^\/responses\/input_tokens$/, generation: false, handle: inputTokens },
    { method: 'POST', pattern: /^\/responses\/compact$/, generation: false, handle: compact },
    { method: 'GET', pattern: /^\/responses\/([^/]+)$/, generation: false, handle: retrieve },
    { method: 'DELETE', pattern: /^\/responses\/([^/]+)$/, generation: false, handle: remove },
    { method: 'POST', pattern: /^\/responses\/([^/]+)\/cancel$/, generation: false, handle: cancel },
    { method: 'GET', pattern: /^\/responses\/([^/]+)\/input_items$/, generation: false, handle: inputItems },
  ];
}
