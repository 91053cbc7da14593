import type { CreateChatCompletionRequest, CreateResponse, Tool, ToolChoiceParam } from '@switchyard/contract';
import type { Warning } from '../warnings/warning.js';
import { convertChatMessagesToResponsesInput } from './convert-chat-messages-to-responses-input.js';

/**
 * Translates a Chat Completions request into a Responses request, for a responses-only model
 * served through `/v1/chat/completions`. Chat parameters Responses cannot honour (`n` > 1,
 * `logit_bias`, `logprobs`, `stop`, `seed`, penalties, audio, …) give warnings naming them.
 * The upstream request is never stored (`store: false`): the chat surface has no response ids.
 */
export function convertChatRequestToResponses(body: CreateChatCompletionRequest): { request: CreateResponse; warnings: Warning[] } {
  const converted = convertChatMessagesToResponsesInput(body.messages);
  const warnings: Warning[] = [...converted.warnings];
  const warn = (parameter: string, reason = 'is not supported by this model and was ignored.'): void => {
    warnings.push({ type: 'unsupported-parameter', parameter, message: `${parameter} ${reason}` });
  };

  const request: CreateResponse = { model: body.model, input: converted.input, store: false };
  if (converted.instructions !== undefined) request.instructions = converted.instructions;

  const tools: Tool[] = [];
  (body.tools ?? []).forEach((tool, index) => {
    if (tool.type === 'function') {
      tools.push({
        type: 'function',
        name: tool.function.name,
        ...(tool.function.description === undefined ? {} : { description: tool.function.description }),
        parameters: tool.function.parameters ?? null,
        strict: tool.function.strict ?? null,
      });
    } else warn(`tools[${index}]`, `(${tool.type}) cannot be sent to this model and was ignored.`);
  });
  if (tools.length > 0) request.tools = tools;
  const toolChoice = convertToolChoice(body.tool_choice, warn);
  if (toolChoice !== undefined) request.tool_choice = toolChoice;
  if (body.parallel_tool_calls !== undefined) request.parallel_tool_calls = body.parallel_tool_calls;

  const format = body.response_format;
  if (format?.type === 'json_object') request.text = { format: { type: 'json_object' } };
  if (format?.type === 'json_schema') {
    request.text = {
      format: {
        type: 'json_schema',
        name: format.json_schema.name,
        schema: format.json_schema.schema ?? {},
        ...(format.json_schema.description === undefined ? {} : { description: format.json_schema.description }),
        ...(format.json_schema.strict === undefined || format.json_schema.strict === null ? {} : { strict: format.json_schema.strict }),
      },
    };
  }
  if (body.verbosity !== undefined && body.verbosity !== null) request.text = { ...request.text, verbosity: body.verbosity };

  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  if (maxTokens !== undefined && maxTokens !== null) request.max_output_tokens = maxTokens;
  if (body.temperature !== undefined && body.temperature !== null) request.temperature = body.temperature;
  if (body.top_p !== undefined && body.top_p !== null) request.top_p = body.top_p;
  if (body.reasoning_effort !== undefined && body.reasoning_effort !== null) request.reasoning = { effort: body.reasoning_effort };
  if (body.metadata !== undefined) request.metadata = body.metadata;
  if (body.user !== undefined) request.user = body.user;
  if (body.safety_identifier !== undefined) request.safety_identifier = body.safety_identifier;
  if (body.prompt_cache_key !== undefined) request.prompt_cache_key = body.prompt_cache_key;
  if (body.prompt_cache_retention !== undefined) request.prompt_cache_retention = body.prompt_cache_retention;
  if (body.prompt_cache_options !== undefined) request.prompt_cache_options = body.prompt_cache_options;
  if (body.service_tier !== undefined) request.service_tier = body.service_tier;
  if (body.moderation !== undefined && body.moderation !== null) request.moderation = body.moderation;
  if (body.stream === true) request.stream = true;

  if (body.n !== undefined && body.n !== null && body.n > 1) warn('n', 'greater than 1 is not supported by this model; one choice is returned.');
  if (body.logit_bias !== undefined && body.logit_bias !== null) warn('logit_bias');
  if (body.logprobs === true) warn('logprobs', 'are not carried through the Responses bridge and were ignored.');
  if (body.top_logprobs !== undefined && body.top_logprobs !== null) warn('top_logprobs', 'are not carried through the Responses bridge and were ignored.');
  if (body.stop !== undefined && body.stop !== null) warn('stop');
  if (body.seed !== undefined && body.seed !== null) warn('seed');
  if (body.presence_penalty !== undefined && body.presence_penalty !== null) warn('presence_penalty');
  if (body.frequency_penalty !== undefined && body.frequency_penalty !== null) warn('frequency_penalty');
  if (body.audio !== undefined && body.audio !== null) warn('audio');
  if (body.modalities?.includes('audio') === true) warn('modalities', '"audio" output is not supported by this model and was ignored.');
  if (body.prediction !== undefined && body.prediction !== null) warn('prediction');
  if (body.web_search_options !== undefined) warn('web_search_options', 'is not carried through the Responses bridge and was ignored.');
  if (body.store === true) warn('store', 'stored chat completions are not kept for this model.');
  if (body.functions !== undefined) warn('functions', 'is the deprecated function-calling form; use tools. It was ignored.');
  if (body.function_call !== undefined) warn('function_call', 'is the deprecated function-calling form; use tool_choice. It was ignored.');
  return { request, warnings };
}

function convertToolChoice(
  toolChoice: CreateChatCompletionRequest['tool_choice'],
  warn: (parameter: string, reason?: string) => void,
): ToolChoiceParam | undefined {
  if (toolChoice === undefined) return undefined;
  if (typeof toolChoice === 'string') return toolChoice;
  if (toolChoice.type === 'function') return { type: 'function', name: toolChoice.function.name };
  if (toolChoice.type === 'allowed_tools') {
    return { type: 'allowed_tools', mode: toolChoice.allowed_tools.mode, tools: toolChoice.allowed_tools.tools };
  }
  warn('tool_choice', `(${toolChoice.type}) cannot be sent to this model and was ignored.`);
  return undefined;
}
