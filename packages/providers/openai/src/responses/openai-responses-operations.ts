import type { AdapterContext } from '@switchyard/core';
import { peekAsyncIterable, type Query } from '@switchyard/provider-utils';
import { encodePathSegment } from '../encode-path-segment.js';
import type { NativeHandler, NativeResult } from '../native-handler.js';
import type { OpenAIConfig } from '../openai-config.js';
import { prepareUpstreamBody } from '../prepare-upstream-body.js';
import { toUpstreamQuery } from '../to-upstream-query.js';
import { relayResponseEvents } from './relay-response-events.js';

export interface OpenAIResponsesOperations {
  readonly createResponse: NativeHandler<'createResponse'>;
  readonly getResponse: NativeHandler<'getResponse'>;
  readonly deleteResponse: NativeHandler<'deleteResponse'>;
  readonly cancelResponse: NativeHandler<'cancelResponse'>;
  readonly listInputItems: NativeHandler<'listInputItems'>;
  readonly countInputTokens: NativeHandler<'countInputTokens'>;
  readonly compactResponse: NativeHandler<'compactResponse'>;
}

const responsePath = (id: string, suffix = ''): string => `/responses/${encodePathSegment(id, 'response_id')}${suffix}`;

/** The Responses API operations, relayed to an OpenAI-shaped upstream as they are. */
export function createOpenAIResponsesOperations(config: OpenAIConfig): OpenAIResponsesOperations {
  const { client } = config;
  const call = (context: AdapterContext, query?: Query) => ({ signal: context.signal, headers: config.requestHeaders(context), ...(query === undefined ? {} : { query }) });
  const body = (clientBody: object, context: AdapterContext) => prepareUpstreamBody(clientBody, config.resolveModel(context.upstreamModel));

  return {
    createResponse: async (input, context) => {
      const upstreamBody = body(input.body, context);
      if (upstreamBody['stream'] !== true) {
        return (await client.postJson('/responses', upstreamBody, call(context))).body as NativeResult<'createResponse'>;
      }
      const stream = await client.postForEventStream('/responses', upstreamBody, call(context));
      return (await peekAsyncIterable(relayResponseEvents(config, stream.events, context))) as NativeResult<'createResponse'>;
    },

    getResponse: async (input, context) => {
      const query = toUpstreamQuery(input.query);
      const path = responsePath(input.path.response_id);
      if (query['stream'] !== true && query['stream'] !== 'true') {
        return (await client.getJson(path, call(context, query))).body as NativeResult<'getResponse'>;
      }
      const startingAfter = Number(query['starting_after']);
      const stream = await client.getForEventStream(path, call(context, query));
      const events = relayResponseEvents(config, stream.events, context, Number.isInteger(startingAfter) ? startingAfter : undefined);
      return (await peekAsyncIterable(events)) as NativeResult<'getResponse'>;
    },

    deleteResponse: async (input, context) =>
      (await client.deleteJson(responsePath(input.path.response_id), call(context))).body as NativeResult<'deleteResponse'>,

    cancelResponse: async (input, context) =>
      (await client.postJson(responsePath(input.path.response_id, '/cancel'), undefined, call(context))).body as NativeResult<'cancelResponse'>,

    listInputItems: async (input, context) =>
      (await client.getJson(responsePath(input.path.response_id, '/input_items'), call(context, toUpstreamQuery(input.query)))).body as NativeResult<'listInputItems'>,

    countInputTokens: async (input, context) =>
      (await client.postJson('/responses/input_tokens', body(input.body, context), call(context))).body as NativeResult<'countInputTokens'>,

    compactResponse: async (input, context) =>
      (await client.postJson('/responses/compact', body(input.body, context), call(context))).body as NativeResult<'compactResponse'>,
  };
}
