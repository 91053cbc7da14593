import type { CompactResource, CompactResponseBody, CreateResponse, InputItem } from '@switchyard/contract';
import { generateId } from '@switchyard/core';
import { dispatchContextFor, type HandlerContext } from '../../handlers/handler-context.js';
import { prepareCreate } from '../prepare-create.js';
import { compactItems } from './compact-items.js';
import { summariserFor } from './summariser-for.js';

/**
 * `POST /v1/responses/compact` for providers without native compaction: the conversation (the
 * stored chain of `previous_response_id` plus `input`, compaction items and references expanded as
 * for a create) has its older turns summarised by the configured model (`compaction.model`, else
 * the request's model) into a Switchyard `compaction` item, followed by the kept recent turns.
 */
export async function compactConversation(body: CompactResponseBody, context: HandlerContext): Promise<CompactResource> {
  const config = context.state.compaction;
  const request = {
    model: body.model,
    ...(body.input === undefined || body.input === null ? {} : { input: body.input }),
    ...(typeof body.previous_response_id === 'string' ? { previous_response_id: body.previous_response_id } : {}),
  } as CreateResponse;
  const prepared = await prepareCreate(request, context.tenantId, context.state.store, context.providers, { warnings: context.warnings, router: context.routing.router });
  context.setProvider(prepared.target.provider.name);
  const input = prepared.upstreamBody.input;
  const items: InputItem[] = typeof input === 'string' ? [{ role: 'user', content: input } as InputItem] : (input ?? []);
  const summariser = summariserFor(config, prepared.clientModel, context.providers, context.routing.router);
  const compacted = await compactItems(items, {
    keepLastTurns: config?.keepLastTurns ?? 1,
    summariser: summariser.target,
    summariserName: summariser.name,
    context: dispatchContextFor(context, summariser.target.upstreamModel, summariser.name),
  });
  return {
    id: generateId('resp'),
    object: 'response.compaction',
    output: compacted.items,
    created_at: Math.floor(Date.now() / 1000),
    usage: compacted.usage,
  };
}
