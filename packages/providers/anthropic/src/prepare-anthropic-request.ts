import type { CreateResponse } from '@switchyard/contract';
import { GatewayError, type ChatOnlyParameters, type GenerateRequest, type Warning } from '@switchyard/core';
import type { AnthropicMessagesRequest } from './anthropic-api.js';
import { defaultMaxTokensFor } from './anthropic-config.js';
import { anthropicThinkingFor } from './anthropic-thinking-config.js';
import { applyAnthropicCacheControl } from './apply-anthropic-cache-control.js';
import { prepareAnthropicTools } from './anthropic-prepare-tools.js';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.js';

export interface PrepareAnthropicRequestOptions {
  readonly model: string;
  readonly promptCaching: 'auto' | 'off';
  readonly defaultMaxTokens: number | undefined;
  readonly structuredOutput: 'tool' | 'native';
}

export interface PreparedAnthropicRequest {
  readonly body: AnthropicMessagesRequest;
  readonly warnings: Warning[];
  /** Set when `text.format` is carried by a forced tool whose input must be shown as text. */
  readonly structuredOutputToolName: string | undefined;
}

const present = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

/**
 * The canonical request (Responses shape plus chat-only parameters) → the body of
 * POST /v1/messages, with a warning for everything Anthropic cannot honour.
 */
export function prepareAnthropicRequest(request: GenerateRequest, options: PrepareAnthropicRequestOptions): PreparedAnthropicRequest {
  const body = request.body;
  rejectStatefulFields(body);
  const warnings: Warning[] = [];
  const warn = (parameter: string, message: string): void => {
    warnings.push({ type: 'unsupported-parameter', parameter, message: `${parameter} ${message}` });
  };

  const prompt = convertToAnthropicMessages(body.instructions, body.input);
  warnings.push(...prompt.warnings);
  if (prompt.messages.length === 0) {
    throw new GatewayError({ status: 400, type: 'invalid_request_error', code: 'missing_required_parameter', param: 'input', message: 'input must hold at least one user or assistant message for Anthropic.' });
  }

  const thinkingConfig = anthropicThinkingFor(options.model, body.reasoning?.effort);
  if (thinkingConfig?.form === 'unsupported') warn('reasoning.effort', `cannot be honoured: ${options.model} has no extended thinking; the request was sent without it.`);
  const thinking = thinkingConfig?.form === 'unsupported' ? undefined : thinkingConfig;
  const budget = thinking?.form === 'budget' ? thinking.budgetTokens : undefined;
  const requestedMaxTokens = body.max_output_tokens ?? options.defaultMaxTokens ?? defaultMaxTokensFor(options.model);
  let maxTokens = requestedMaxTokens;
  if (budget !== undefined && maxTokens <= budget) {
    maxTokens = budget + requestedMaxTokens;
    warnings.push({ type: 'other', message: `max_tokens was raised to ${maxTokens} because Anthropic requires it to exceed the thinking budget (${budget}).` });
  }

  const tools = prepareAnthropicTools(body, { thinking: thinking !== undefined, structuredOutput: options.structuredOutput });
  warnings.push(...tools.warnings);

  const anthropic: AnthropicMessagesRequest = { model: options.model, max_tokens: maxTokens, messages: prompt.messages };
  if (prompt.system.length > 0) anthropic.system = prompt.system;
  if (thinking !== undefined) anthropic.thinking = thinking.thinking;
  if (present(body.temperature)) {
    if (thinking === undefined || body.temperature === 1) anthropic.temperature = body.temperature;
    else warn('temperature', 'cannot be set (other than 1) while Anthropic thinking is enabled; it was ignored.');
  }
  if (present(body.top_p)) {
    if (thinking === undefined || body.top_p >= 0.95) anthropic.top_p = body.top_p;
    else warn('top_p', 'must be between 0.95 and 1 while Anthropic thinking is enabled; it was ignored.');
  }
  if (tools.tools !== undefined) anthropic.tools = tools.tools;
  if (tools.toolChoice !== undefined) anthropic.tool_choice = tools.toolChoice;
  if (tools.outputFormat !== undefined || thinking?.form === 'adaptive') {
    anthropic.output_config = {
      ...(tools.outputFormat === undefined ? {} : { format: tools.outputFormat }),
      ...(thinking?.form === 'adaptive' ? { effort: thinking.effort } : {}),
    };
  }
  const userId = body.safety_identifier ?? body.user;
  if (present(userId) && userId !== '') anthropic.metadata = { user_id: userId };

  applyChatParameters(anthropic, request.chatParameters, warn);
  warnAboutUnmapped(body, warn, warnings);
  if (options.promptCaching === 'auto') applyAnthropicCacheControl(prompt.system, prompt.messages);
  if (request.stream) anthropic.stream = true;
  return { body: anthropic, warnings, structuredOutputToolName: tools.structuredOutputToolName };
}

function applyChatParameters(anthropic: AnthropicMessagesRequest, parameters: ChatOnlyParameters | undefined, warn: (parameter: string, message: string) => void): void {
  if (parameters === undefined) return;
  if (present(parameters.stop)) {
    const stops = (typeof parameters.stop === 'string' ? [parameters.stop] : parameters.stop).filter((stop) => stop !== '');
    if (stops.length > 0) anthropic.stop_sequences = stops;
  }
  if (present(parameters.seed)) warn('seed', 'is not supported by Anthropic and was ignored.');
  if (present(parameters.presence_penalty)) warn('presence_penalty', 'is not supported by Anthropic and was ignored.');
  if (present(parameters.frequency_penalty)) warn('frequency_penalty', 'is not supported by Anthropic and was ignored.');
  if (present(parameters.logit_bias)) warn('logit_bias', 'is not supported by Anthropic and was ignored.');
  if (parameters.logprobs === true) warn('logprobs', 'are not returned by Anthropic; the request was sent without them.');
  if (present(parameters.top_logprobs)) warn('top_logprobs', 'are not returned by Anthropic; the request was sent without them.');
  if (present(parameters.n) && parameters.n > 1) warn('n', 'greater than 1 is not supported by Anthropic; one choice is returned.');
}

function warnAboutUnmapped(body: CreateResponse, warn: (parameter: string, message: string) => void, warnings: Warning[]): void {
  if (present(body.top_logprobs)) warn('top_logprobs', 'are not returned by Anthropic; the request was sent without them.');
  if (present(body.service_tier) && body.service_tier !== 'auto') warn('service_tier', 'cannot be chosen for Anthropic here; it was ignored.');
  if (present(body.max_tool_calls)) warn('max_tool_calls', 'has no Anthropic equivalent and was ignored.');
  if (body.truncation === 'auto') warn('truncation', '"auto" is not available for Anthropic; the input is sent whole.');
  if (present(body.prompt)) warn('prompt', 'templates are stored at OpenAI and cannot be used with Anthropic; it was ignored.');
  if (present(body.context_management)) warn('context_management', 'is not available for Anthropic here and was ignored.');
  if (present(body.text?.verbosity) && body.text.verbosity !== 'medium') warn('text.verbosity', 'has no Anthropic equivalent and was ignored.');
  body.include?.forEach((value, index) => {
    if (value !== 'reasoning.encrypted_content') warn(`include[${index}]`, `("${value}") cannot be produced by Anthropic and was ignored.`);
  });
  if (present(body.prompt_cache_key)) warnings.push({ type: 'other', message: 'prompt_cache_key is not used by Anthropic; caching follows the prompt prefix.' });
  if (present(body.prompt_cache_retention)) warnings.push({ type: 'other', message: 'prompt_cache_retention is not used by Anthropic; cache entries live 5 minutes.' });
}

function rejectStatefulFields(body: CreateResponse): void {
  const field = present(body.previous_response_id) ? 'previous_response_id' : present(body.conversation) ? 'conversation' : undefined;
  if (field === undefined) return;
  throw new GatewayError({
    status: 400,
    type: 'invalid_request_error',
    code: 'unsupported_parameter',
    param: field,
    message: `${field} needs stored conversation state, which was not expanded for this provider. Send the full input instead.`,
  });
}
