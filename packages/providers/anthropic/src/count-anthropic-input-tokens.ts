import type { CreateResponse, TokenCountsBody, TokenCountsResource } from '@switchyard/contract';
import { settleWarnings, type ServeContext, type Warning } from '@switchyard/core';
import type { UpstreamClient } from '@switchyard/provider-utils';
import { withAnthropicErrorCode } from './anthropic-error.js';
import { prepareAnthropicRequest, type PrepareAnthropicRequestOptions } from './prepare-anthropic-request.js';

const defined = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;
const isCount = (value: unknown): value is { input_tokens: number } =>
  typeof value === 'object' && value !== null && typeof (value as { input_tokens?: unknown }).input_tokens === 'number';

/**
 * POST /v1/responses/input_tokens served by Anthropic's POST /v1/messages/count_tokens: the body is
 * translated like a generation request (same system, messages, tools, tool_choice and thinking),
 * without the generation-only fields count_tokens refuses.
 */
export async function countAnthropicInputTokens(
  client: UpstreamClient,
  input: { readonly body: TokenCountsBody; readonly headers?: { readonly 'x-switchyard-strict'?: 'true' | 'false' } },
  context: ServeContext,
  options: Omit<PrepareAnthropicRequestOptions, 'model' | 'promptCaching'>,
): Promise<TokenCountsResource> {
  const body = input.body;
  const canonical: CreateResponse = {
    model: context.upstreamModel,
    ...(defined(body.input) ? { input: body.input } : {}),
    ...(defined(body.instructions) ? { instructions: body.instructions } : {}),
    ...(defined(body.tools) ? { tools: body.tools } : {}),
    ...(defined(body.tool_choice) ? { tool_choice: body.tool_choice } : {}),
    ...(defined(body.parallel_tool_calls) ? { parallel_tool_calls: body.parallel_tool_calls } : {}),
    ...(defined(body.text) ? { text: body.text } : {}),
    ...(defined(body.reasoning) ? { reasoning: body.reasoning } : {}),
    ...(defined(body.previous_response_id) ? { previous_response_id: body.previous_response_id } : {}),
    ...(defined(body.conversation) ? { conversation: body.conversation } : {}),
  };
  const prepared = prepareAnthropicRequest({ body: canonical, stream: false }, { ...options, model: context.upstreamModel, promptCaching: 'off' });
  const warnings: Warning[] = [...prepared.warnings];
  if (body.truncation === 'auto') warnings.push({ type: 'unsupported-parameter', parameter: 'truncation', message: 'truncation "auto" is not available for Anthropic; the input is counted whole.' });
  if (body.personality !== undefined) warnings.push({ type: 'unsupported-parameter', parameter: 'personality', message: 'personality has no Anthropic equivalent and was ignored.' });
  settleWarnings(warnings, { ...context, strict: context.strict === true || input.headers?.['x-switchyard-strict'] === 'true', warnings: context.warnings });

  const { model, messages, system, tools, tool_choice: toolChoice, thinking } = prepared.body;
  const countBody = {
    model,
    messages,
    ...(system === undefined ? {} : { system }),
    ...(tools === undefined ? {} : { tools }),
    ...(toolChoice === undefined ? {} : { tool_choice: toolChoice }),
    ...(thinking === undefined ? {} : { thinking }),
  };
  try {
    const response = await client.postJson<{ input_tokens: number }>('/messages/count_tokens', countBody, { signal: context.signal, check: isCount });
    return { object: 'response.input_tokens', input_tokens: (response.body as { input_tokens: number }).input_tokens };
  } catch (error) {
    throw withAnthropicErrorCode(error);
  }
}
