import type { CreateResponse, InputItem, OperationHandlers } from '@switchyard/contract';
import { gatewayErrors } from '../errors/gateway-errors.js';
import { prepareCreate } from '../responses/prepare-create.js';
import { dispatchOperation } from '../routing/dispatch-operation.js';
import { countTokensLocally, tokenCountMethodFor } from '../tokens/count-tokens-locally.js';
import { dispatchContextFor, type HandlerContext } from './handler-context.js';

/**
 * POST /v1/responses/input_tokens, routed by `provider/model`, with `previous_response_id` expanded
 * from the store. The provider's own count endpoint when its adapter has one; otherwise counted
 * here (gpt-tokenizer for OpenAI models, a documented estimate for others).
 */
export const countInputTokens: OperationHandlers<HandlerContext>['countInputTokens'] = async (input, context) => {
  const body = input.body ?? {};
  if (typeof body.model !== 'string' || body.model === '') {
    throw gatewayErrors.invalidParameter("You must provide a model in the form 'provider/model'.", 'model');
  }
  const prepared = await prepareCreate(body as CreateResponse, context.tenantId, context.state.store, context.providers, { router: context.routing.router });
  context.setProvider(prepared.target.provider.name);
  const { previous_response_id: _previous, ...rest } = body;
  const upstreamBody = { ...rest, model: prepared.target.upstreamModel, ...(prepared.upstreamBody.input === undefined ? {} : { input: prepared.upstreamBody.input }) };
  if (prepared.target.provider.adapter.operations.countInputTokens !== undefined) {
    return dispatchOperation(
      'countInputTokens',
      prepared.target.provider,
      { ...input, body: upstreamBody },
      dispatchContextFor(context, prepared.target.upstreamModel, prepared.clientModel),
    );
  }
  const items = typeof upstreamBody.input === 'string' ? [{ role: 'user', content: upstreamBody.input } as InputItem] : (upstreamBody.input ?? []);
  const method = tokenCountMethodFor(prepared.target.upstreamModel);
  return { object: 'response.input_tokens', input_tokens: countTokensLocally(body, items as unknown as Array<Record<string, unknown>>, method) };
};
