import type { CreateChatCompletionRequest, CreateResponse } from '@switchyard/contract';
import {
  generateChatCompletionId,
  generateId,
  serveCreateChatCompletion,
  serveCreateResponse,
  type AdapterContext,
  type BridgeableAdapter,
  type NativeOperationId,
  type NativeOperations,
} from '@switchyard/core';
import { withBlockedOutputAsError, withoutUnreadableReasoning, type ReasoningOrigins, type ReasoningReader } from '@switchyard/router';
import type { MeteredCall, RequestMeter } from '../accounting/request-meter.js';
import { gatewayErrors } from '../errors/gateway-errors.js';
import type { ConfiguredProvider } from '../providers/configured-provider.js';
import { routeAndDispatch, type RequestRouting } from './route-and-dispatch.js';

type Operation<K extends NativeOperationId> = NonNullable<NativeOperations[K]>;
export type OperationInput<K extends NativeOperationId> = Parameters<Operation<K>>[0];
export type OperationResult<K extends NativeOperationId> = Awaited<ReturnType<Operation<K>>>;

/** The adapter context plus what the bridges need to know about the client's request. */
export interface DispatchContext extends AdapterContext {
  /** `x-switchyard-strict: true`: unsupported parameters are a 400 instead of a warning. */
  readonly strict: boolean;
  /** The model as the client named it (`groq/llama-3.3-70b`); bridged answers carry it. */
  readonly clientModel: string;
  /** The gateway's `resp_…` id for a create (generated when omitted). */
  readonly responseId?: string;
  /** Admission, pricing and the usage ledger for operations that call a model (absent: not metered). */
  readonly meter?: RequestMeter;
  /** Aliases, provider preferences, retries and fallbacks (absent: the resolved provider only). */
  readonly routing?: RequestRouting;
  /** Who produced the stored reasoning items in the input, by id (see `PreparedCreate.reasoningOrigins`). */
  readonly reasoningOrigins?: ReasoningOrigins;
}

/** Operations that call a model and so are admitted, priced and recorded. */
const meteredOperations: ReadonlySet<NativeOperationId> = new Set(['createResponse', 'createChatCompletion', 'compactResponse']);

/** Operations the bridges in core can serve through another operation of the adapter. */
const bridged: Partial<Record<NativeOperationId, NativeOperationId>> = {
  createResponse: 'createChatCompletion',
  createChatCompletion: 'createResponse',
};

/**
 * The ONE place that decides how an operation reaches a provider:
 * - `createResponse` / `createChatCompletion` go through core's `serveCreateResponse` /
 *   `serveCreateChatCompletion`: natively when the adapter has the operation, else bridged
 *   through the other one (a chat-only provider answering `/v1/responses` and vice versa);
 * - every other operation: the adapter's native operation, else 400 `unsupported_operation`.
 */
export async function dispatchOperation<K extends NativeOperationId>(
  operationId: K,
  provider: ConfiguredProvider,
  input: OperationInput<K>,
  context: DispatchContext,
): Promise<OperationResult<K>> {
  const meter = context.meter;
  if (meter === undefined || !meteredOperations.has(operationId)) return dispatchToAdapter(operationId, provider, readableBy(input, provider, provider.adapter.provider, context), context);
  const body = (input as { readonly body: MeteredCall['body'] }).body;
  return meter.meter(
    {
      providerName: provider.name,
      providerKinds: [provider.adapter.provider, provider.name],
      upstreamModel: context.upstreamModel,
      clientModel: context.clientModel,
      body,
    },
    () =>
      context.routing === undefined
        ? dispatchToAdapter(operationId, provider, readableBy(input, provider, provider.adapter.provider, context), context)
        : dispatchRouted(operationId, context.routing, input, context),
  );
}

/**
 * The input without the reasoning items `provider` cannot take back (see
 * `withoutUnreadableReasoning`): stored ones another provider produced, and, for a native
 * Responses upstream (which would receive them verbatim), client-sent ones with another provider
 * kind's `encrypted_content` prefix. A fallback so never sends foreign opaque state; a warning says so.
 */
function readableBy<K extends NativeOperationId>(input: OperationInput<K>, provider: ConfiguredProvider, providerKind: string, context: DispatchContext): OperationInput<K> {
  const body = (input as { readonly body?: { readonly input?: unknown } }).body;
  if (body === undefined || !Array.isArray(body.input)) return input;
  const reader: ReasoningReader = { provider: provider.name, providerKind };
  const native = provider.adapter.operations.createResponse !== undefined;
  const readable = withoutUnreadableReasoning(body.input, reader, { origins: context.reasoningOrigins, unknownOrigin: native ? 'by-prefix' : 'keep' });
  if (readable.dropped === 0) return input;
  const message = `${readable.dropped} reasoning item(s) made by another provider cannot be sent to '${provider.name}' and were dropped.`;
  if (!context.warnings.some((warning) => warning.message === message)) context.warnings.push({ type: 'other', message });
  return { ...input, body: { ...body, input: readable.input } } as OperationInput<K>;
}

/**
 * Every attempt of a routed request goes to its deployment's provider with the deployment's
 * upstream model, and without the reasoning items that provider cannot read.
 */
function dispatchRouted<K extends NativeOperationId>(
  operationId: K,
  routing: RequestRouting,
  input: OperationInput<K>,
  context: DispatchContext,
): Promise<OperationResult<K>> {
  const body = (input as { readonly body: { readonly provider?: unknown; readonly input?: unknown } }).body;
  return routeAndDispatch(
    routing,
    {
      model: context.clientModel,
      preferences: body.provider as Parameters<typeof routeAndDispatch>[1]['preferences'],
      input: body.input,
      reasoningOrigins: context.reasoningOrigins,
      signal: context.signal,
    },
    (deployment, signal, blockedIsFailure) => {
      const configured = routing.providers.get(deployment.provider) as ConfiguredProvider;
      const provider = blockedIsFailure ? { ...configured, adapter: withBlockedOutputAsError(configured.adapter) } : configured;
      const upstreamInput = readableBy({ ...input, body: { ...body, model: deployment.upstreamModel } } as OperationInput<K>, configured, deployment.providerKind, context);
      return dispatchToAdapter(operationId, provider, upstreamInput, { ...context, signal, upstreamModel: deployment.upstreamModel });
    },
  );
}

async function dispatchToAdapter<K extends NativeOperationId>(
  operationId: K,
  provider: ConfiguredProvider,
  input: OperationInput<K>,
  context: DispatchContext,
): Promise<OperationResult<K>> {
  const adapter: BridgeableAdapter = provider.adapter;
  const createdAt = Math.floor(Date.now() / 1000);
  if (operationId === 'createResponse') {
    const result = await serveCreateResponse(adapter, input as { body: CreateResponse }, context, {
      responseId: context.responseId ?? generateId('resp'),
      createdAt,
      model: context.clientModel,
    });
    return result as OperationResult<K>;
  }
  if (operationId === 'createChatCompletion') {
    const result = await serveCreateChatCompletion(adapter, input as { body: CreateChatCompletionRequest }, context, {
      id: generateChatCompletionId(),
      created: createdAt,
      model: context.clientModel,
    });
    return result as OperationResult<K>;
  }
  const operation = adapter.operations[operationId] as
    | ((input: OperationInput<K>, context: AdapterContext) => Promise<OperationResult<K>>)
    | undefined;
  if (operation === undefined) throw gatewayErrors.unsupportedOperation(operationId, provider.name);
  return operation.call(adapter.operations, input, context);
}

/** Whether `provider` can serve `operationId`, natively or through a bridge. */
export function canDispatch(operationId: NativeOperationId, provider: ConfiguredProvider): boolean {
  const through = bridged[operationId];
  return provider.adapter.operations[operationId] !== undefined || (through !== undefined && provider.adapter.operations[through] !== undefined);
}
