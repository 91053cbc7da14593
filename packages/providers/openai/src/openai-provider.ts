import type { AdapterContext } from '@switchyard/core';
import { createUpstreamClient, type UpstreamTimeouts } from '@switchyard/provider-utils';
import { createOpenAIAdapterFromConfig, type OpenAIAdapter } from './create-openai-adapter-from-config.js';
import type { OpenAILogger } from './openai-config.js';

export interface OpenAIAdapterSettings {
  readonly apiKey: string;
  /** Default `https://api.openai.com/v1`. */
  readonly baseURL?: string;
  /** Sent as `OpenAI-Organization`. */
  readonly organization?: string;
  /** Sent as `OpenAI-Project`. */
  readonly project?: string;
  /** Extra headers for every upstream request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Provider key in model names; default `openai`. */
  readonly name?: string;
  /** Forward the gateway's request id as `X-Client-Request-Id` (default true). */
  readonly forwardRequestId?: boolean;
  readonly timeouts?: UpstreamTimeouts;
  readonly logger?: OpenAILogger;
}

/**
 * A caller-chosen request id for OpenAI's logs, sent as `X-Client-Request-Id` (OpenAI's own
 * Codex CLI sends this header; openai/codex `codex-api/src/requests/headers.rs`). Only printable
 * ASCII up to 512 characters is forwarded; anything else is left out rather than mangled.
 */
const isForwardableRequestId = (id: string): boolean => id.length > 0 && id.length <= 512 && /^[\x20-\x7e]+$/.test(id);

/**
 * The OpenAI adapter: every Responses and Chat Completions operation relayed natively
 * (passthrough), plus `listModels`.
 */
export function createOpenAIAdapter(settings: OpenAIAdapterSettings): OpenAIAdapter {
  const provider = settings.name ?? 'openai';
  const client = createUpstreamClient({
    provider,
    baseURL: settings.baseURL ?? 'https://api.openai.com/v1',
    headers: {
      ...settings.headers,
      authorization: `Bearer ${settings.apiKey}`,
      'openai-organization': settings.organization,
      'openai-project': settings.project,
    },
    secrets: [settings.apiKey],
    ...(settings.timeouts === undefined ? {} : { timeouts: settings.timeouts }),
  });
  const forwardRequestId = settings.forwardRequestId ?? true;
  return createOpenAIAdapterFromConfig(
    {
      provider,
      client,
      resolveModel: (upstreamModel) => upstreamModel,
      chatCompletionsPath: () => '/chat/completions',
      requestHeaders: (context: AdapterContext): Readonly<Record<string, string>> =>
        forwardRequestId && isForwardableRequestId(context.requestId) ? { 'x-client-request-id': context.requestId } : {},
      logger: settings.logger,
    },
    { listModels: true },
  );
}
