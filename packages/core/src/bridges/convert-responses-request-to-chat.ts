import type { CreateChatCompletionRequest, CreateResponse } from '@switchyard/contract';
import { GatewayError } from '../errors/gateway-error.js';
import type { Warning } from '../warnings/warning.js';
import { applyChatCapabilities } from './apply-chat-capabilities.js';
import type { ChatCapabilities } from './chat-capabilities.js';
import { convertResponsesInputToChatMessages } from './convert-responses-input-to-chat-messages.js';
import { convertResponsesToolsToChat } from './convert-responses-tools-to-chat.js';

export interface ConvertResponsesRequestToChatOptions {
  readonly capabilities: ChatCapabilities;
  /** Provider name for warning texts. */
  readonly target?: string;
}

/** Chat field → the CreateResponse field it came from, so warnings name what the client sent. */
const responsesNameOf: Readonly<Record<string, string>> = {
  response_format: 'text.format',
  verbosity: 'text.verbosity',
  reasoning_effort: 'reasoning.effort',
  max_completion_tokens: 'max_output_tokens',
  max_tokens: 'max_output_tokens',
  stream_options: 'stream',
};

/**
 * Translates a Responses request into a Chat Completions request for a chat-only target.
 * Everything the target cannot honour yields an `unsupported-parameter` warning naming the
 * CreateResponse field; nothing is dropped silently. Throws a 400 for what can never work
 * without a response store (`previous_response_id`, `conversation`, `item_reference`).
 */
export function convertResponsesRequestToChat(
  body: CreateResponse,
  options: ConvertResponsesRequestToChatOptions,
): { request: CreateChatCompletionRequest; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const warn = (parameter: string, reason: string): void => {
    warnings.push({ type: 'unsupported-parameter', parameter, message: `${parameter} ${reason}` });
  };
  rejectStatefulFields(body);

  const converted = convertResponsesInputToChatMessages(body.input, options.capabilities);
  warnings.push(...converted.warnings);
  const messages = converted.messages;
  if (typeof body.instructions === 'string' && body.instructions !== '') {
    messages.unshift({ role: 'system', content: body.instructions });
  }

  const request: CreateChatCompletionRequest = { model: body.model ?? '', messages };
  const tools = convertResponsesToolsToChat(body.tools, body.tool_choice);
  warnings.push(...tools.warnings);
  if (tools.tools !== undefined) request.tools = tools.tools;
  if (tools.toolChoice !== undefined) request.tool_choice = tools.toolChoice;
  if (body.parallel_tool_calls !== undefined && body.parallel_tool_calls !== null) request.parallel_tool_calls = body.parallel_tool_calls;

  const format = body.text?.format;
  if (format?.type === 'json_object') request.response_format = { type: 'json_object' };
  if (format?.type === 'json_schema') {
    request.response_format = {
      type: 'json_schema',
      json_schema: {
        name: format.name,
        schema: format.schema,
        ...(format.strict === undefined || format.strict === null ? {} : { strict: format.strict }),
        ...(format.description === undefined ? {} : { description: format.description }),
      },
    };
  }
  if (body.text?.verbosity !== undefined && body.text.verbosity !== null) request.verbosity = body.text.verbosity;

  if (body.max_output_tokens !== undefined && body.max_output_tokens !== null) request.max_completion_tokens = body.max_output_tokens;
  if (body.temperature !== undefined && body.temperature !== null) request.temperature = body.temperature;
  if (body.top_p !== undefined && body.top_p !== null) request.top_p = body.top_p;
  if (body.reasoning?.effort !== undefined && body.reasoning.effort !== null) request.reasoning_effort = body.reasoning.effort;
  if (body.reasoning?.summary !== undefined && body.reasoning.summary !== null) {
    warn('reasoning.summary', 'cannot be requested from a Chat Completions provider; reasoning is returned as the provider sends it.');
  }
  if (body.metadata !== undefined) request.metadata = body.metadata;
  if (body.user !== undefined && body.user !== null) request.user = body.user;
  if (body.safety_identifier !== undefined && body.safety_identifier !== null) request.safety_identifier = body.safety_identifier;
  if (body.prompt_cache_key !== undefined && body.prompt_cache_key !== null) request.prompt_cache_key = body.prompt_cache_key;
  if (body.prompt_cache_retention !== undefined && body.prompt_cache_retention !== null) request.prompt_cache_retention = body.prompt_cache_retention;
  if (body.prompt_cache_options !== undefined) request.prompt_cache_options = body.prompt_cache_options;
  if (body.moderation !== undefined && body.moderation !== null) request.moderation = body.moderation;
  if (body.service_tier !== undefined && body.service_tier !== null) request.service_tier = body.service_tier;
  if (body.stream === true) {
    request.stream = true;
    request.stream_options = { include_usage: true };
  }

  if (body.top_logprobs !== undefined && body.top_logprobs !== null) warn('top_logprobs', 'is not carried through the Chat Completions bridge and was ignored.');
  body.include?.forEach((value, index) => warn(`include[${index}]`, `("${value}") cannot be honoured through the Chat Completions bridge and was ignored.`));
  if (body.max_tool_calls !== undefined && body.max_tool_calls !== null) warn('max_tool_calls', 'has no Chat Completions equivalent and was ignored.');
  if (body.truncation === 'auto') warn('truncation', '"auto" is not available for this provider; the input is sent whole.');
  if (body.prompt !== undefined && body.prompt !== null) warn('prompt', 'templates are stored at OpenAI and cannot be used with this provider; it was ignored.');
  if (body.context_management !== undefined && body.context_management !== null) warn('context_management', 'is not available for this provider and was ignored.');
  if (body.background === true) warn('background', 'is handled by the gateway, not by the provider; it was ignored here.');
  if (body.stream_options?.include_obfuscation === true) warn('stream_options.include_obfuscation', 'is not produced by the bridge.');

  const adapted = applyChatCapabilities(request, options.capabilities, {
    parameterName: (field) => responsesNameOf[field] ?? field,
    ...(options.target === undefined ? {} : { target: options.target }),
  });
  if (body.stream === true && adapted.request.stream_options === undefined && !options.capabilities.streamUsageAlways) {
    // The target cannot report usage in the stream; the drop is ours, not the client's.
    warnings.push({ type: 'other', message: 'The provider does not report token usage while streaming; usage will be missing.' });
    return { request: adapted.request, warnings: [...warnings, ...adapted.warnings.filter((warning) => !isParameter(warning, 'stream'))] };
  }
  return { request: adapted.request, warnings: [...warnings, ...adapted.warnings] };
}

function isParameter(warning: Warning, parameter: string): boolean {
  return warning.type === 'unsupported-parameter' && warning.parameter === parameter;
}

function rejectStatefulFields(body: CreateResponse): void {
  const field =
    body.previous_response_id !== undefined && body.previous_response_id !== null
      ? 'previous_response_id'
      : body.conversation !== undefined && body.conversation !== null
        ? 'conversation'
        : undefined;
  if (field === undefined) return;
  throw new GatewayError({
    status: 400,
    type: 'invalid_request_error',
    code: 'unsupported_parameter',
    param: field,
    message: `${field} needs stored conversation state, which was not expanded for this provider. Send the full input instead.`,
  });
}
