import type { CreateResponse } from '@switchyard/contract';
import { GatewayError, type GenerateRequest, type Warning } from '@switchyard/core';
import type { BedrockConverseRequest, BedrockInferenceConfig } from './bedrock-api.js';
import { prepareBedrockTools } from './bedrock-prepare-tools.js';
import { answerTokensAboveBudget, minimumThinkingBudget, supportsAnthropicThinking, thinkingBudgetFor } from './bedrock-thinking.js';
import { convertToBedrockMessages } from './convert-to-bedrock-messages.js';
import { warnAboutUnmappedFields } from './warn-about-unmapped-fields.js';

export interface PreparedBedrockRequest {
  readonly request: BedrockConverseRequest;
  readonly warnings: Warning[];
  /** Set when a json_schema answer arrives as this tool's input. */
  readonly jsonToolName: string | undefined;
}

export interface PrepareBedrockRequestOptions {
  readonly modelId: string;
  readonly promptCaching: boolean;
}

/**
 * The Converse body for a canonical request, and a warning for everything Bedrock cannot honour.
 * Throws a 400 for what can never work here (stored-state fields, item references, bad arguments).
 */
export function prepareBedrockRequest(generate: GenerateRequest, options: PrepareBedrockRequestOptions): PreparedBedrockRequest {
  const body = generate.body;
  rejectStatefulFields(body);
  const conversation = convertToBedrockMessages(body.input, body.instructions);
  const warnings: Warning[] = [...conversation.warnings];
  const warn = (parameter: string, reason: string): void => {
    warnings.push({ type: 'unsupported-parameter', parameter, message: `${parameter} ${reason}` });
  };

  const promptCaching = options.promptCaching || body.prompt_cache_options?.mode === 'explicit';
  const system = [...conversation.system];
  if (promptCaching && system.length > 0) system.push({ cachePoint: { type: 'default' } });
  const tools = prepareBedrockTools({
    tools: body.tools,
    toolChoice: body.tool_choice,
    format: body.text?.format,
    hasToolBlocks: conversation.hasToolBlocks,
    historyToolNames: conversation.historyToolNames,
    promptCaching,
  });
  warnings.push(...tools.warnings);

  const inferenceConfig: BedrockInferenceConfig = {};
  if (typeof body.max_output_tokens === 'number') inferenceConfig.maxTokens = body.max_output_tokens;
  if (typeof body.temperature === 'number') inferenceConfig.temperature = body.temperature;
  if (typeof body.top_p === 'number') inferenceConfig.topP = body.top_p;
  const stop = generate.chatParameters?.stop;
  if (typeof stop === 'string') inferenceConfig.stopSequences = [stop];
  else if (Array.isArray(stop) && stop.length > 0) inferenceConfig.stopSequences = [...stop];

  let additionalModelRequestFields: BedrockConverseRequest['additionalModelRequestFields'];
  let budget = thinkingBudgetFor(body.reasoning?.effort);
  if (budget !== undefined && !supportsAnthropicThinking(options.modelId)) {
    warn('reasoning.effort', 'is only mapped for Anthropic models on Bedrock (extended thinking); it was ignored.');
    budget = undefined;
  }
  if (budget !== undefined && inferenceConfig.maxTokens !== undefined && inferenceConfig.maxTokens <= budget) {
    budget = inferenceConfig.maxTokens - 1 >= minimumThinkingBudget ? inferenceConfig.maxTokens - 1 : undefined;
    if (budget === undefined) warn('reasoning.effort', `needs max_output_tokens above ${minimumThinkingBudget} on Bedrock; thinking was not enabled.`);
  }
  const forcedTool = tools.toolConfig?.toolChoice?.any !== undefined || tools.toolConfig?.toolChoice?.tool !== undefined;
  if (budget !== undefined && forcedTool) {
    // Anthropic: thinking cannot be combined with forced tool use (tool_choice any/tool, json_schema).
    warn('reasoning.effort', 'cannot be combined with forced tool use (tool_choice required/named, or json_schema) on Anthropic models; thinking was not enabled.');
    budget = undefined;
  }
  if (budget !== undefined) {
    // Anthropic: thinking is incompatible with temperature changes and with top_p below 0.95.
    if (inferenceConfig.temperature !== undefined) {
      warn('temperature', 'cannot be changed while extended thinking is on (Anthropic); it was left out.');
      delete inferenceConfig.temperature;
    }
    if (inferenceConfig.topP !== undefined && inferenceConfig.topP < 0.95) {
      warn('top_p', 'must be at least 0.95 while extended thinking is on (Anthropic); it was left out.');
      delete inferenceConfig.topP;
    }
    additionalModelRequestFields = { thinking: { type: 'enabled', budget_tokens: budget } };
    inferenceConfig.maxTokens ??= budget + answerTokensAboveBudget;
  }

  warnings.push(...warnAboutUnmappedFields(generate));

  const request: BedrockConverseRequest = {
    messages: conversation.messages,
    ...(system.length === 0 ? {} : { system }),
    ...(Object.keys(inferenceConfig).length === 0 ? {} : { inferenceConfig }),
    ...(tools.toolConfig === undefined ? {} : { toolConfig: tools.toolConfig }),
    ...(additionalModelRequestFields === undefined ? {} : { additionalModelRequestFields }),
    ...requestMetadataOf(body),
    ...serviceTierOf(body, warn),
  };
  return { request, warnings, jsonToolName: tools.jsonToolName };
}

function requestMetadataOf(body: CreateResponse): Pick<BedrockConverseRequest, 'requestMetadata'> {
  if (body.metadata === undefined || body.metadata === null || Object.keys(body.metadata).length === 0) return {};
  return { requestMetadata: { ...body.metadata } };
}

function serviceTierOf(body: CreateResponse, warn: (parameter: string, reason: string) => void): Pick<BedrockConverseRequest, 'serviceTier'> {
  const tier = body.service_tier;
  if (tier === 'default' || tier === 'flex' || tier === 'priority') return { serviceTier: { type: tier } };
  if (tier === 'scale' || tier === 'fast') warn('service_tier', `("${tier}") has no Bedrock tier; the default tier is used.`);
  return {};
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
