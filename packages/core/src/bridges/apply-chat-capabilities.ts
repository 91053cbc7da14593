import type { ChatCompletionRequestMessage, CreateChatCompletionRequest } from '@switchyard/contract';
import type { Warning } from '../warnings/warning.js';
import type { ChatCapabilities } from './chat-capabilities.js';

export interface ApplyChatCapabilitiesOptions {
  /** Names a chat field in the client's notation (e.g. `text.format` for `response_format`). */
  readonly parameterName?: (chatField: string) => string;
  /** Who cannot honour it, for the warning text, e.g. `groq`. */
  readonly target?: string;
}

/** Fields only OpenAI itself takes; other chat targets get them removed with a warning. */
const openAIOnlyFields = [
  'prediction',
  'audio',
  'modalities',
  'web_search_options',
  'verbosity',
  'prompt_cache_key',
  'prompt_cache_retention',
  'prompt_cache_options',
  'safety_identifier',
  'moderation',
] as const;

type ChatField = keyof CreateChatCompletionRequest;

/**
 * Removes (with one `unsupported-parameter` warning each) every parameter the target cannot
 * honour and renames the output-token cap to the field the target reads. Pure: returns a copy.
 */
export function applyChatCapabilities(
  request: CreateChatCompletionRequest,
  capabilities: ChatCapabilities,
  options: ApplyChatCapabilitiesOptions = {},
): { request: CreateChatCompletionRequest; warnings: Warning[] } {
  const result: CreateChatCompletionRequest = { ...request };
  const warnings: Warning[] = [];
  const name = options.parameterName ?? ((field: string) => field);
  const target = options.target ?? 'the target provider';

  const drop = (field: ChatField, supported: boolean, reason?: string): void => {
    if (supported || result[field] === undefined) return;
    delete result[field];
    warnings.push({
      type: 'unsupported-parameter',
      parameter: name(field),
      message: `${name(field)} is not supported by ${target}${reason === undefined ? '' : ` (${reason})`} and was ignored.`,
    });
  };

  drop('logit_bias', capabilities.logitBias);
  drop('logprobs', capabilities.logprobs);
  drop('top_logprobs', capabilities.logprobs);
  if (result.n !== undefined && result.n !== null && result.n > 1) drop('n', capabilities.multipleChoices, 'only one choice');
  drop('seed', capabilities.seed);
  drop('stop', capabilities.stop);
  drop('temperature', capabilities.temperature);
  drop('top_p', capabilities.topP);
  drop('presence_penalty', capabilities.presencePenalty);
  drop('frequency_penalty', capabilities.frequencyPenalty);
  if (result.response_format?.type === 'json_schema') drop('response_format', capabilities.jsonSchema, 'json_schema');
  if (result.response_format?.type === 'json_object') drop('response_format', capabilities.jsonObject, 'json_object');
  drop('tools', capabilities.tools);
  if (result.tools === undefined) {
    drop('tool_choice', capabilities.tools);
    drop('parallel_tool_calls', capabilities.tools);
  }
  if (result.tool_choice === 'required') drop('tool_choice', capabilities.toolChoiceRequired, '"required"');
  if (typeof result.tool_choice === 'object' && result.tool_choice !== null) {
    drop('tool_choice', capabilities.toolChoiceNamed, 'a named tool');
  }
  drop('parallel_tool_calls', capabilities.parallelToolCalls);
  drop('reasoning_effort', capabilities.reasoningEffort);
  if (!capabilities.streamUsage && capabilities.streamUsageAlways) delete result.stream_options;
  drop('stream_options', capabilities.streamUsage);
  drop('user', capabilities.user);
  drop('metadata', capabilities.metadata);
  drop('store', capabilities.store);
  drop('service_tier', capabilities.serviceTier);
  for (const field of openAIOnlyFields) drop(field, capabilities.openAIExtensions);

  if (capabilities.maxTokensField === 'max_tokens' && result.max_completion_tokens !== undefined) {
    if (result.max_tokens === undefined) result.max_tokens = result.max_completion_tokens;
    delete result.max_completion_tokens;
  }

  result.messages = request.messages.map((message, index) =>
    adaptMessage(message, index, capabilities, (parameter, message) =>
      warnings.push({ type: 'unsupported-parameter', parameter: name(parameter), message: `${name(parameter)}: ${message} (${target}).` }),
    ),
  );
  return { request: result, warnings };
}

function adaptMessage(
  message: ChatCompletionRequestMessage,
  index: number,
  capabilities: ChatCapabilities,
  warn: (parameter: string, message: string) => void,
): ChatCompletionRequestMessage {
  let adapted: ChatCompletionRequestMessage = message;
  if (message.role === 'developer' && !capabilities.developerRole) {
    adapted = { role: 'system', content: message.content, ...(message.name === undefined ? {} : { name: message.name }) };
  }
  if ('name' in adapted && adapted.name !== undefined && !capabilities.messageName) {
    const { name: _name, ...rest } = adapted;
    adapted = rest as ChatCompletionRequestMessage;
    warn(`messages[${index}].name`, 'message names are not supported and were removed');
  }
  if (adapted.role === 'user' && Array.isArray(adapted.content)) {
    const kept = adapted.content.filter((part, partIndex) => {
      if (part.type === 'image_url' && !capabilities.imageInput) {
        warn(`messages[${index}].content[${partIndex}]`, 'image input is not supported; the image was removed');
        return false;
      }
      if (part.type === 'file' && !capabilities.fileInput) {
        warn(`messages[${index}].content[${partIndex}]`, 'file input is not supported; the file was removed');
        return false;
      }
      return true;
    });
    if (kept.length !== adapted.content.length) adapted = { ...adapted, content: kept };
  }
  if (adapted.role === 'assistant' && 'reasoning_content' in adapted && !capabilities.reasoningContentInput) {
    const { reasoning_content: _reasoning, ...rest } = adapted as typeof adapted & { reasoning_content?: unknown };
    adapted = rest;
    warn(`messages[${index}].reasoning_content`, 'earlier reasoning cannot be sent back and was removed');
  }
  return adapted;
}
