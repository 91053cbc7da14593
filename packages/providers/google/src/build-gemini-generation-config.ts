import type { GenerateRequest, Warning } from '@switchyard/core';
import { convertJsonSchemaToGeminiSchema } from './convert-json-schema-to-gemini-schema.js';
import type { GeminiGenerationConfig } from './gemini-api.js';
import type { GeminiModelTraits } from './gemini-config.js';
import { buildGeminiThinkingConfig } from './gemini-thinking-config.js';

/**
 * Sampling, output format and thinking → `generationConfig`
 * (https://ai.google.dev/api/generate-content#generationconfig). `json_schema` becomes
 * `responseMimeType: application/json` + `responseSchema` in Gemini's OpenAPI subset (accepted
 * by both AI Studio and Vertex AI); `json_object` only the MIME type.
 */
export function buildGeminiGenerationConfig(
  request: GenerateRequest,
  traits: GeminiModelTraits,
): { config: GeminiGenerationConfig | undefined; warnings: Warning[] } {
  const { body, chatParameters = {} } = request;
  const warnings: Warning[] = [];
  const warn = (parameter: string, reason: string): void => {
    warnings.push({ type: 'unsupported-parameter', parameter, message: `${parameter} ${reason}` });
  };
  const config: GeminiGenerationConfig = {};
  if (typeof body.max_output_tokens === 'number') config.maxOutputTokens = body.max_output_tokens;
  if (typeof body.temperature === 'number') config.temperature = body.temperature;
  if (typeof body.top_p === 'number') config.topP = body.top_p;
  const stop = chatParameters.stop;
  if (typeof stop === 'string') config.stopSequences = [stop];
  else if (Array.isArray(stop) && stop.length > 0) config.stopSequences = stop;
  if (typeof chatParameters.seed === 'number') config.seed = chatParameters.seed;
  if (typeof chatParameters.presence_penalty === 'number') config.presencePenalty = chatParameters.presence_penalty;
  if (typeof chatParameters.frequency_penalty === 'number') config.frequencyPenalty = chatParameters.frequency_penalty;
  if (typeof chatParameters.n === 'number' && chatParameters.n > 1) warn('n', 'above 1 is not supported for Gemini through Switchyard; one choice is returned.');
  if (chatParameters.logit_bias !== undefined && chatParameters.logit_bias !== null) warn('logit_bias', 'has no Gemini equivalent and was ignored.');
  if (chatParameters.logprobs === true) warn('logprobs', 'cannot be returned for Gemini models and was ignored.');
  if (typeof chatParameters.top_logprobs === 'number') warn('top_logprobs', 'cannot be returned for Gemini models and was ignored.');
  if (typeof body.top_logprobs === 'number') warn('top_logprobs', 'cannot be returned for Gemini models and was ignored.');
  if (body.text?.verbosity !== undefined && body.text.verbosity !== null) warn('text.verbosity', 'has no Gemini equivalent and was ignored.');

  const format = body.text?.format;
  if (format?.type === 'json_object') config.responseMimeType = 'application/json';
  if (format?.type === 'json_schema') {
    const conversion = convertJsonSchemaToGeminiSchema(format.schema);
    config.responseMimeType = 'application/json';
    if (conversion.schema !== undefined) config.responseSchema = conversion.schema;
    if (conversion.dropped.length > 0) {
      warnings.push({ type: 'other', message: `text.format.schema: Gemini's schema subset has no ${conversion.dropped.join(', ')}; dropped.` });
    }
  }
  if (traits.imageOutput) config.responseModalities = ['TEXT', 'IMAGE'];
  const thinking = buildGeminiThinkingConfig(body.reasoning, traits, warnings);
  if (thinking !== undefined) config.thinkingConfig = thinking;
  return { config: Object.keys(config).length > 0 ? config : undefined, warnings };
}
