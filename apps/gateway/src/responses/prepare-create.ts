import type { CreateResponse, InputItem, ItemResource } from '@switchyard/contract';
import { GatewayError, type Warning } from '@switchyard/core';
import type { ReasoningOrigin, Router } from '@switchyard/router';
import type { ResponseStore } from '@switchyard/store';
import type { ProviderDirectory } from '../providers/configured-provider.js';
import { resolveModel, type ResolvedModel } from '../routing/resolve-model.js';
import { applyTruncation } from './apply-truncation.js';
import { collapseCompactedChain, expandCompactionItems } from './compaction/expand-compaction-items.js';
import { normaliseInputItems } from './normalise-input-items.js';
import { resolveItemReferences } from './resolve-item-references.js';

export interface PreparedCreate {
  readonly target: ResolvedModel;
  /** The model as the client named it (`openai/gpt-4o-mini`). */
  readonly clientModel: string;
  /** This turn's input items as stored (each with an `id`). */
  readonly inputItems: ItemResource[];
  /** What the provider receives: the chain expanded, no `previous_response_id`, no `background`. */
  readonly upstreamBody: CreateResponse;
  /** A `compaction` item made by automatic compaction, reported first in the response's output. */
  readonly compaction?: ItemResource;
  /**
   * The chain's reasoning items carried upstream, by id: who produced them. Routing prefers that
   * deployment, and an attempt on another provider drops them (see `dispatchOperation`).
   */
  readonly reasoningOrigins?: ReadonlyMap<string, ReasoningOrigin>;
}

export interface PrepareCreateOptions {
  /** Receives what the gateway could not carry (a foreign compaction item dropped). */
  readonly warnings?: Warning[];
  /** The gateway's router, so an alias or deployment name resolves (see `resolveModel`). */
  readonly router?: Router;
}

type Item = Record<string, unknown>;

/** Ids the gateway gave this turn's messages stay gateway-side; model-made ids (outputs) travel. */
function chainItemForUpstream(item: ItemResource | Item): InputItem {
  const raw = item as Item;
  if (raw.type === 'message' && raw.role !== 'assistant') {
    const { id: _id, ...rest } = raw;
    return rest as unknown as InputItem;
  }
  return raw as unknown as InputItem;
}

/** The providers a request for `model` may be routed to: the target's, and every deployment's of its route. */
function routeProvidersOf(model: unknown, target: ResolvedModel, router: Router | undefined): ReadonlySet<string> {
  const names = new Set([target.provider.name]);
  if (router === undefined || typeof model !== 'string') return names;
  try {
    for (const deployment of router.registry.resolve(model).deployments) names.add(deployment.provider);
  } catch {
    // Not a routed name: the target alone.
  }
  return names;
}

function inputAsItems(input: CreateResponse['input']): InputItem[] {
  if (input === undefined || input === null) return [];
  if (typeof input === 'string') return [{ role: 'user', content: input } as InputItem];
  return input;
}

/**
 * Everything a create needs before any write: the provider, this turn's items, and the upstream
 * body with `previous_response_id` expanded from the store (inputs, outputs, tool calls and their
 * outputs, and the reasoning items a provider the request may be routed to produced — with an
 * alias, any of its deployments' — listed in `reasoningOrigins`) for every provider. Only the new request's `instructions` apply
 * (earlier turns' instructions are not carried, as at OpenAI). Unknown, foreign, deleted and
 * `store: false` ids are `previous_response_not_found`; a previous response still running is a 400.
 * `truncation` is applied here for providers without native Responses (see `applyTruncation`).
 * `item_reference`s are resolved from the store and Switchyard `compaction` items expanded into
 * their summary (see `expandCompactionItems`).
 */
export async function prepareCreate(
  body: CreateResponse,
  tenantId: string,
  store: ResponseStore,
  providers: ProviderDirectory,
  options: PrepareCreateOptions = {},
): Promise<PreparedCreate> {
  const target = resolveModel(body.model, providers, options.router);
  const { previous_response_id: previousResponseId, background: _background, ...rest } = body;
  const turnInput = await resolveItemReferences(body.input, tenantId, store);
  let input = turnInput;
  const reasoningOrigins = new Map<string, ReasoningOrigin>();
  if (typeof previousResponseId === 'string' && previousResponseId !== '') {
    const chain = await store.loadConversationChain(tenantId, previousResponseId);
    const last = chain.responses.at(-1);
    if (last !== undefined && (last.status === 'queued' || last.status === 'in_progress')) {
      throw new GatewayError({
        status: 400,
        type: 'invalid_request_error',
        code: 'previous_response_in_progress',
        param: 'previous_response_id',
        message: `Previous response with id '${previousResponseId}' is still ${last.status}; wait until it finishes.`,
      });
    }
    // Reasoning items carry provider-signed content (OpenAI's encrypted reasoning, Anthropic's
    // thinking signatures): only the provider that made them can take them back. Those of a provider
    // the route may use are carried with their origin; each attempt drops the ones it cannot read.
    const routeProviders = routeProvidersOf(body.model, target, options.router);
    const carried = chain.items.filter((item, index) => {
      const origin = chain.origins[index];
      if ((item as { type?: unknown }).type !== 'reasoning' || origin === undefined) return true;
      if (origin.provider === null || !routeProviders.has(origin.provider)) return false;
      const id = (item as { id?: unknown }).id;
      if (typeof id === 'string') reasoningOrigins.set(id, { provider: origin.provider, deployment: origin.deployment });
      return true;
    });
    input = [...carried.map(chainItemForUpstream), ...inputAsItems(turnInput)];
  }
  if (Array.isArray(input)) {
    input = collapseCompactedChain(input);
    const nativeCompaction = target.provider.adapter.operations.compactResponse !== undefined;
    input = expandCompactionItems(input, nativeCompaction, options.warnings ?? []);
  }
  const expanded: CreateResponse = { ...rest, model: target.upstreamModel, ...(input === undefined ? {} : { input }) };
  // Native Responses providers truncate upstream; for the others the gateway does it.
  const native = target.provider.adapter.operations.createResponse !== undefined;
  const upstreamBody = native ? expanded : applyTruncation(expanded, target.upstreamModel);
  return {
    target,
    clientModel: body.model as string,
    inputItems: normaliseInputItems(turnInput),
    upstreamBody,
    ...(reasoningOrigins.size === 0 ? {} : { reasoningOrigins }),
  };
}
