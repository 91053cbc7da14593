import { GatewayError } from '@switchyard/core';
import { outputTokensOf, peekStream, type AttemptRecord, type Deployment, type ProviderPreferences, type ReasoningOrigins, type Router } from '@switchyard/router';
import type { ProviderDirectory } from '../providers/configured-provider.js';
import { blockedAnswerError, blockedEventError, isRelayedOutput } from './blocked-answer.js';

/** What the request's routing needs next to the dispatch context. */
export interface RequestRouting {
  readonly router: Router;
  readonly providers: ProviderDirectory;
  /** The key's model allow-list (undefined: every model). */
  readonly allowedModels: readonly string[] | undefined;
  /** Told which deployment answered (response headers, ledger, request log). */
  readonly onRouted: (deployment: Deployment) => void;
  /** Told about every upstream attempt (ledger rows). */
  readonly onAttempt: (record: AttemptRecord) => void;
}

/** Response headers naming what served the request. */
export const providerHeader = 'x-switchyard-provider';
export const deploymentHeader = 'x-switchyard-deployment';

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** An `error` / `response.failed` event before any output: the attempt failed (retry or fall back). */
function errorOfEvent(event: unknown): unknown {
  type Detail = { type?: unknown; code?: unknown; message?: unknown; param?: unknown };
  const typed = event as Detail & { error?: Detail; response?: { error?: Detail } };
  if (typed.type !== 'error' && typed.type !== 'response.failed') return undefined;
  // OpenAI's `error` event carries its fields at the top level (the spec) or nested under `error` (api.openai.com).
  const detail: Detail = typed.type === 'error' ? (typed.error ?? typed) : (typed.response?.error ?? {});
  const code = typeof detail.code === 'string' ? detail.code : 'upstream_error';
  // The request itself is at fault (e.g. context_length_exceeded): a 400 unless the router finds a deployment that takes it.
  const invalid = detail.type === 'invalid_request_error';
  const status = code === 'rate_limit_exceeded' ? 429 : invalid ? 400 : 502;
  return new GatewayError({
    status,
    type: status === 429 ? 'rate_limit_error' : invalid ? 'invalid_request_error' : 'upstream_error',
    code,
    param: invalid && typeof detail.param === 'string' ? detail.param : null,
    message: typeof detail.message === 'string' ? detail.message : 'The upstream stream failed before any output.',
    isRetryable: !invalid,
  });
}

/**
 * The gateway already retried (and fell back) with backoff: the `openai` SDK's own two retries
 * would multiply the upstream calls (3 × 3), so the final error tells it not to
 * (`x-should-retry: false`, which the official SDKs honour).
 */
function withoutClientRetry(error: unknown): unknown {
  if (!GatewayError.isInstance(error) || error.headers['x-should-retry'] !== undefined) return error;
  Object.defineProperty(error, 'headers', { value: { ...error.headers, 'x-should-retry': 'false' } });
  return error;
}

/** Ends the router's in-flight count for the deployment when the stream is over, with its output tokens per second. */
async function* finishing<T>(source: AsyncIterable<T>, finish: (generation: { outputTokens: number; generationMs: number } | undefined) => void): AsyncGenerator<T> {
  const started = Date.now();
  let outputTokens: number | undefined;
  try {
    for await (const event of source) {
      outputTokens = outputTokensOf(event) ?? outputTokens;
      yield event;
    }
  } finally {
    finish(outputTokens === undefined ? undefined : { outputTokens, generationMs: Date.now() - started });
  }
}

/**
 * Resolves the client's `model` (alias, deployment name or `provider/model`) to candidate
 * deployments with the request's `provider` preferences (and affinity: the deployment that produced
 * the input's opaque reasoning state first), then runs `call` on them with retries,
 * fallbacks and cooldowns. A stream is peeked until its first output event, so a failure before
 * any byte reaches the client still falls back.
 */
export async function routeAndDispatch<T>(
  routing: RequestRouting,
  request: {
    readonly model: string;
    readonly preferences: ProviderPreferences | undefined;
    readonly input: unknown;
    /** The stored chain's reasoning items by id: the deployment that produced them goes first. */
    readonly reasoningOrigins?: ReasoningOrigins | undefined;
    readonly signal: AbortSignal;
  },
  call: (deployment: Deployment, signal: AbortSignal, blockedIsFailure: boolean) => Promise<T>,
): Promise<T> {
  const route = routing.router.route({
    model: request.model,
    preferences: request.preferences,
    allowedModels: routing.allowedModels,
    input: typeof request.input === 'string' || Array.isArray(request.input) ? (request.input as string | readonly unknown[]) : undefined,
    reasoningOrigins: request.reasoningOrigins,
  });
  let attempts = 0;
  let result: Awaited<ReturnType<typeof routing.router.execute<T>>>;
  try {
    result = await routing.router.execute(
      route,
      async (deployment, attempt) => {
        attempts += 1;
        if (!routing.providers.has(deployment.provider)) throw new GatewayError({ status: 404, type: 'not_found_error', code: 'model_not_found', message: `The provider '${deployment.provider}' is not configured.` });
        const signal = attempt.signal === undefined ? request.signal : AbortSignal.any([request.signal, attempt.signal]);
        // An answer blocked by a content policy before any output falls to another provider when one remains.
        const value = await call(deployment, signal, attempt.anotherProviderRemains);
        // A relayed answer blocked by a content filter (a 200) also falls to another provider.
        const blocked = attempt.anotherProviderRemains ? blockedEventError : () => undefined;
        if (!isAsyncIterable(value)) {
          const error = attempt.anotherProviderRemains ? blockedAnswerError(value) : undefined;
          if (error !== undefined) throw error;
          return value;
        }
        return (await peekStream(value, { isOutput: isRelayedOutput, errorOf: (event) => errorOfEvent(event) ?? blocked(event) })) as T;
      },
      { signal: request.signal, onAttempt: routing.onAttempt },
    );
  } catch (error) {
    throw attempts > 1 ? withoutClientRetry(error) : error;
  }
  routing.onRouted(result.deployment);
  if (!isAsyncIterable(result.value)) {
    const outputTokens = outputTokensOf(result.value);
    const generationMs = result.attempts.at(-1)?.latencyMs ?? 0;
    result.finish(outputTokens === undefined ? undefined : { outputTokens, generationMs });
    return result.value;
  }
  return finishing(result.value, (generation) => result.finish(generation)) as T;
}
