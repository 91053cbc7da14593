import type { OperationHandlers } from '@switchyard/contract';
import { compactConversation } from '../responses/compaction/compact-conversation.js';
import { resolveModel } from '../routing/resolve-model.js';
import { routeByModel } from '../routing/route-by-model.js';
import type { HandlerContext } from './handler-context.js';

/**
 * POST /v1/responses/compact, routed by `provider/model`: passed through to providers that compact
 * natively (OpenAI, Azure); summarised by the gateway for every other provider.
 */
export const compactResponse: OperationHandlers<HandlerContext>['compactResponse'] = async (input, context) => {
  const target = resolveModel(input.body.model, context.providers, context.routing.router);
  if (target.provider.adapter.operations.compactResponse !== undefined) return routeByModel('compactResponse', input, context);
  return compactConversation(input.body, context);
};
