import type { GenerateRequest, Warning } from '@switchyard/core';

/**
 * Warnings for the request fields and chat-only parameters Bedrock's Converse API has no place for.
 * The fields it maps are handled by `prepareBedrockRequest`; gateway-level fields (`store`,
 * `stream`, `provider`, `tags`, `trace`, `model`) are not the adapter's business.
 */
export function warnAboutUnmappedFields(generate: GenerateRequest): Warning[] {
  const body = generate.body;
  const warnings: Warning[] = [];
  const warn = (parameter: string, reason: string): void => {
    warnings.push({ type: 'unsupported-parameter', parameter, message: `${parameter} ${reason}` });
  };
  const present = (value: unknown): boolean => value !== undefined && value !== null;

  if (present(body.top_logprobs)) warn('top_logprobs', 'is not available on Bedrock and was ignored.');
  body.include?.forEach((value, index) => {
    if (value !== 'reasoning.encrypted_content') warn(`include[${index}]`, `("${value}") cannot be produced by Bedrock and was ignored.`);
  });
  if (present(body.max_tool_calls)) warn('max_tool_calls', 'has no Bedrock equivalent and was ignored.');
  if (body.parallel_tool_calls === false) warn('parallel_tool_calls', '(false) cannot be enforced through Converse; the model may call several tools.');
  if (body.truncation === 'auto') warn('truncation', '"auto" is not available on Bedrock; the input is sent whole.');
  if (present(body.prompt)) warn('prompt', 'templates are stored at OpenAI and cannot be used with Bedrock; it was ignored.');
  if (present(body.context_management)) warn('context_management', 'is not available on Bedrock and was ignored.');
  if (body.background === true) warn('background', 'is handled by the gateway, not by Bedrock; it was ignored here.');
  if (present(body.user)) warn('user', 'has no Bedrock equivalent and was ignored.');
  if (present(body.safety_identifier)) warn('safety_identifier', 'has no Bedrock equivalent and was ignored.');
  if (present(body.prompt_cache_key)) warn('prompt_cache_key', 'has no Bedrock equivalent (caching follows cache points); it was ignored.');
  if (present(body.prompt_cache_retention)) warn('prompt_cache_retention', 'has no Bedrock equivalent and was ignored.');
  if (body.prompt_cache_options?.ttl !== undefined) warn('prompt_cache_options.ttl', 'is not mapped; Bedrock cache points use their default TTL.');
  if (present(body.moderation)) warn('moderation', 'is not available on Bedrock (guardrails are configured per deployment); it was ignored.');
  if (present(body.text?.verbosity)) warn('text.verbosity', 'has no Bedrock equivalent and was ignored.');
  const summary = body.reasoning?.summary ?? body.reasoning?.generate_summary;
  if (summary === 'concise' || summary === 'detailed') warn('reasoning.summary', 'cannot be chosen on Bedrock; reasoning is returned as the model sends it.');
  if (body.stream_options?.include_obfuscation === true) warn('stream_options.include_obfuscation', 'is not produced for Bedrock streams.');

  const chat = generate.chatParameters ?? {};
  if (present(chat.seed)) warn('seed', 'is not available through Converse and was ignored.');
  if (present(chat.presence_penalty)) warn('presence_penalty', 'is not available through Converse and was ignored.');
  if (present(chat.frequency_penalty)) warn('frequency_penalty', 'is not available through Converse and was ignored.');
  if (present(chat.logit_bias)) warn('logit_bias', 'is not available on Bedrock and was ignored.');
  if (chat.logprobs === true) warn('logprobs', 'are not available on Bedrock and were ignored.');
  if (present(chat.top_logprobs)) warn('top_logprobs', 'is not available on Bedrock and was ignored.');
  if (typeof chat.n === 'number' && chat.n > 1) warn('n', 'above 1 is not available on Bedrock; one choice is returned.');
  return warnings;
}
