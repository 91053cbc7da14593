import type { GenerateRequest, Warning } from '@switchyard/core';
import { buildGeminiGenerationConfig } from './build-gemini-generation-config.js';
import { convertToGeminiContents } from './convert-to-gemini-contents.js';
import type { UrlMediaSupport } from './convert-user-content-part.js';
import type { GeminiGenerateContentRequest } from './gemini-api.js';
import { geminiModelTraits } from './gemini-config.js';
import { prepareGeminiTools } from './gemini-prepare-tools.js';
import { injectThoughtSignatureSentinel } from './inject-thought-signature-sentinel.js';

export interface BuiltGeminiRequest {
  readonly body: GeminiGenerateContentRequest;
  readonly warnings: Warning[];
}


/**
 * The canonical request → a Gemini `generateContent` body plus the warnings for everything
 * Gemini cannot honour. Shared by AI Studio and Vertex AI (same payload).
 */
export function buildGeminiRequest(request: GenerateRequest, options: { modelId: string; urlMedia: UrlMediaSupport }): BuiltGeminiRequest {
  const { body } = request;
  const traits = geminiModelTraits(options.modelId);
  const contents = convertToGeminiContents(body.instructions, body.input, { urlMedia: options.urlMedia });
  const tools = prepareGeminiTools(body);
  const generation = buildGeminiGenerationConfig(request, traits);
  const sentinel = traits.thinking === 'level' ? injectThoughtSignatureSentinel(contents.contents) : [];
  const warnings: Warning[] = [...contents.warnings, ...sentinel, ...tools.warnings, ...generation.warnings];
  const warn = (parameter: string, reason: string): void => {
    warnings.push({ type: 'unsupported-parameter', parameter, message: `${parameter} ${reason}` });
  };
  if (body.max_tool_calls !== undefined && body.max_tool_calls !== null) warn('max_tool_calls', 'has no Gemini equivalent and was ignored.');
  if (body.truncation === 'auto') warn('truncation', '"auto" is not available for Gemini; the input is sent whole.');
  if (body.prompt !== undefined && body.prompt !== null) warn('prompt', 'templates are stored at OpenAI and cannot be used with Gemini; it was ignored.');
  if (body.context_management !== undefined && body.context_management !== null) warn('context_management', 'is not available for Gemini and was ignored.');
  if (body.service_tier !== undefined && body.service_tier !== null && body.service_tier !== 'auto' && body.service_tier !== 'default') {
    warn('service_tier', 'has no Gemini equivalent and was ignored.');
  }
  const include = (body.include ?? []).filter((entry) => entry !== 'reasoning.encrypted_content');
  if (include.length > 0) warn('include', `values ${include.join(', ')} have no Gemini equivalent and were ignored.`);

  const geminiBody: GeminiGenerateContentRequest = { contents: contents.contents };
  if (contents.systemInstruction !== undefined) geminiBody.systemInstruction = contents.systemInstruction;
  if (tools.tools !== undefined) geminiBody.tools = tools.tools;
  if (tools.toolConfig !== undefined) geminiBody.toolConfig = tools.toolConfig;
  if (generation.config !== undefined) geminiBody.generationConfig = generation.config;
  return { body: geminiBody, warnings };
}
