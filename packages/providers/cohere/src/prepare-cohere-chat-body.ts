import type { CreateResponse, ReasoningEffort } from '@switchyard/contract';
import type { ChatOnlyParameters, Warning } from '@switchyard/core';
import type { CohereChatRequest, CohereThinking } from './cohere-api.js';
import type { CohereModelTraits } from './cohere-config.js';
import { convertToCohereMessages } from './convert-to-cohere-messages.js';
import { prepareCohereTools } from './cohere-prepare-tools.js';

export interface PrepareCohereChatBodyInput {
  readonly body: CreateResponse;
  readonly chatParameters?: ChatOnlyParameters | undefined;
  readonly model: string;
  readonly stream: boolean;
  readonly traits: CohereModelTraits;
}

/**
 * Thinking budgets for `reasoning.effort` on Cohere's hybrid reasoning models. Cohere recommends
 * unlimited thinking (no budget), so `high` and above send none; `none` turns thinking off.
 */
const thinkingForEffort: Readonly<Record<Exclude<ReasoningEffort, null>, CohereThinking>> = {
  none: { type: 'disabled' },
  minimal: { type: 'enabled', token_budget: 512 },
  low: { type: 'enabled', token_budget: 2048 },
  medium: { type: 'enabled', token_budget: 8192 },
  high: { type: 'enabled' },
  xhigh: { type: 'enabled' },
  max: { type: 'enabled' },
};

/**
 * The canonical request (+ chat-only parameters) → a Cohere v2 `POST /chat` body, with a warning
 * for everything Cohere cannot honour. Gateway-level fields (`store`, `metadata`, `background`,
 * `previous_response_id` once expanded, `provider`, `tags`, `trace`, `stream_options`) are not
 * the provider's business and give no warning.
 */
export function prepareCohereChatBody(input: PrepareCohereChatBodyInput): { request: CohereChatRequest; warnings: Warning[] } {
  const { body, traits } = input;
  const chat = input.chatParameters ?? {};
  const warnings: Warning[] = [];
  const warn = (parameter: string, reason: string): void => {
    warnings.push({ type: 'unsupported-parameter', parameter, message: `${parameter} ${reason}` });
  };

  const converted = convertToCohereMessages(body.instructions, body.input, traits);
  warnings.push(...converted.warnings);
  const request: CohereChatRequest = { model: input.model, messages: converted.messages, stream: input.stream };

  const tools = prepareCohereTools(body.tools, body.tool_choice);
  warnings.push(...tools.warnings);
  Object.assign(request, tools.settings);
  if (body.parallel_tool_calls === false && request.tools !== undefined) warn('parallel_tool_calls', 'false cannot be enforced: Cohere may call several tools at once.');
  if (body.max_tool_calls !== undefined && body.max_tool_calls !== null) warn('max_tool_calls', 'has no Cohere equivalent and was ignored.');

  const format = body.text?.format;
  if (format?.type === 'json_object') request.response_format = { type: 'json_object' };
  if (format?.type === 'json_schema') {
    request.response_format = { type: 'json_object', json_schema: format.schema };
    if (format.strict === false) warn('text.format.strict', 'false is not available: Cohere always enforces the schema it is given.');
  }
  if (body.text?.verbosity !== undefined && body.text.verbosity !== null) warn('text.verbosity', 'has no Cohere equivalent and was ignored.');

  if (body.max_output_tokens !== undefined && body.max_output_tokens !== null) request.max_tokens = body.max_output_tokens;
  if (body.temperature !== undefined && body.temperature !== null) request.temperature = body.temperature;
  if (body.top_p !== undefined && body.top_p !== null) request.p = body.top_p;
  if (body.top_logprobs !== undefined && body.top_logprobs !== null) warn('top_logprobs', 'cannot be returned by this adapter and was ignored.');

  const effort = body.reasoning?.effort;
  if (effort !== undefined && effort !== null) {
    if (traits.thinking) request.thinking = thinkingForEffort[effort];
    else if (effort !== 'none') warn('reasoning.effort', `is only available on Cohere reasoning models; ${input.model} does not think and it was ignored.`);
  }

  if (chat.stop !== undefined && chat.stop !== null) request.stop_sequences = typeof chat.stop === 'string' ? [chat.stop] : [...chat.stop];
  if (chat.seed !== undefined && chat.seed !== null) request.seed = chat.seed;
  if (chat.frequency_penalty !== undefined && chat.frequency_penalty !== null) request.frequency_penalty = chat.frequency_penalty;
  if (chat.presence_penalty !== undefined && chat.presence_penalty !== null) request.presence_penalty = chat.presence_penalty;
  if (chat.n !== undefined && chat.n !== null && chat.n > 1) warn('n', 'greater than 1 is not available at Cohere; one choice is returned.');
  if (chat.logit_bias !== undefined && chat.logit_bias !== null) warn('logit_bias', 'has no Cohere v2 equivalent and was ignored.');
  if (chat.logprobs === true) warn('logprobs', 'cannot be returned through this adapter and were not requested.');
  if (chat.top_logprobs !== undefined && chat.top_logprobs !== null) warn('top_logprobs', 'cannot be returned through this adapter and were not requested.');

  body.include?.forEach((value, index) => {
    if (value !== 'reasoning.encrypted_content') warn(`include[${index}]`, `("${value}") cannot be produced by Cohere and was ignored.`);
  });
  if (body.truncation === 'auto') warn('truncation', '"auto" is not available at Cohere; the input is sent whole.');
  if (body.prompt !== undefined && body.prompt !== null) warn('prompt', 'templates are stored at OpenAI and cannot be used with Cohere; it was ignored.');
  if (body.context_management !== undefined && body.context_management !== null) warn('context_management', 'is not available at Cohere and was ignored.');
  if (body.user !== undefined && body.user !== null) warn('user', 'has no Cohere equivalent and was not sent.');
  if (body.safety_identifier !== undefined && body.safety_identifier !== null) warn('safety_identifier', 'has no Cohere equivalent and was not sent.');
  if (body.prompt_cache_key !== undefined && body.prompt_cache_key !== null) warn('prompt_cache_key', 'has no Cohere equivalent and was ignored.');
  if (body.prompt_cache_retention !== undefined && body.prompt_cache_retention !== null) warn('prompt_cache_retention', 'has no Cohere equivalent and was ignored.');
  if (body.prompt_cache_options !== undefined && body.prompt_cache_options !== null) warn('prompt_cache_options', 'has no Cohere equivalent and was ignored.');
  if (body.service_tier !== undefined && body.service_tier !== null && body.service_tier !== 'auto' && body.service_tier !== 'default') {
    warn('service_tier', `("${body.service_tier}") is not available at Cohere and was ignored.`);
  }
  if (body.moderation !== undefined && body.moderation !== null) warn('moderation', 'is not available at Cohere and was ignored.');
  return { request, warnings };
}
