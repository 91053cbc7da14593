import type { CreateChatCompletionRequest } from '@switchyard/contract';
import { applyChatCapabilities, type ChatCapabilities, type Warning } from '@switchyard/core';
import type { ChatParameterQuirks } from './openai-compatible-providers.js';

/** Switchyard's own request fields: they steer the gateway and are never sent upstream. */
const gatewayOnlyFields = ['provider', 'tags', 'trace'] as const;

/** The upstream body: what the provider cannot take removed (with warnings), renames applied. */
export type CompatibleChatBody = Omit<CreateChatCompletionRequest, (typeof gatewayOnlyFields)[number]> & {
  random_seed?: number;
  reasoning?: { effort: NonNullable<CreateChatCompletionRequest['reasoning_effort']> };
};

export function prepareCompatibleChatBody(
  body: CreateChatCompletionRequest,
  options: { readonly model: string; readonly provider: string; readonly capabilities: ChatCapabilities; readonly quirks: ChatParameterQuirks },
): { body: CompatibleChatBody; warnings: Warning[] } {
  const adapted = applyChatCapabilities(body, options.capabilities, { target: options.provider });
  const { provider: _provider, tags: _tags, trace: _trace, ...rest } = adapted.request;
  const upstream: CompatibleChatBody = { ...rest, model: options.model };
  if (options.quirks.seedField === 'random_seed' && upstream.seed !== undefined && upstream.seed !== null) {
    upstream.random_seed = upstream.seed;
    delete upstream.seed;
  }
  if (options.quirks.reasoningEffortAsObject === true && upstream.reasoning_effort !== undefined && upstream.reasoning_effort !== null) {
    upstream.reasoning = { effort: upstream.reasoning_effort };
    delete upstream.reasoning_effort;
  }
  return { body: upstream, warnings: adapted.warnings };
}
