import type { CreateResponse } from '@switchyard/contract';
import type { ChatOnlyParameters } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { prepareBedrockRequest } from './prepare-bedrock-request.js';

const claude = 'us.anthropic.claude-sonnet-4-20250514-v1:0';
const prepare = (body: Omit<CreateResponse, 'input'> & { input?: CreateResponse['input'] }, options: { modelId?: string; promptCaching?: boolean; chat?: ChatOnlyParameters } = {}) =>
  prepareBedrockRequest(
    { body: { input: 'hi', ...body }, stream: false, ...(options.chat === undefined ? {} : { chatParameters: options.chat }) },
    { modelId: options.modelId ?? claude, promptCaching: options.promptCaching ?? false },
  );
const parameters = (result: ReturnType<typeof prepare>) => result.warnings.map((warning) => (warning.type === 'unsupported-parameter' ? warning.parameter : warning.type));

describe('prepareBedrockRequest', () => {
  it('maps sampling fields to inferenceConfig, chat stop to stopSequences, metadata to requestMetadata', () => {
    const result = prepare({ max_output_tokens: 300, temperature: 0.5, top_p: 0.8, metadata: { team: 'search' }, service_tier: 'flex' }, { chat: { stop: 'END' } });
    expect(result.request).toEqual({
      messages: [{ role: 'user', content: [{ text: 'hi' }] }],
      inferenceConfig: { maxTokens: 300, temperature: 0.5, topP: 0.8, stopSequences: ['END'] },
      requestMetadata: { team: 'search' },
      serviceTier: { type: 'flex' },
    });
    expect(result.warnings).toEqual([]);
  });

  it.each([
    ['minimal', 1024],
    ['low', 2048],
    ['medium', 8192],
    ['high', 16384],
    ['xhigh', 24576],
    ['max', 32000],
  ] as const)('reasoning.effort %s → a %i-token thinking budget for Anthropic models, with room to answer', (effort, budget) => {
    const result = prepare({ reasoning: { effort } });
    expect(result.request.additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: budget } });
    expect(result.request.inferenceConfig?.maxTokens).toBe(budget + 8192);
  });

  it('keeps the thinking budget under max_output_tokens, and gives up (warning) below the minimum', () => {
    expect(prepare({ reasoning: { effort: 'high' }, max_output_tokens: 4000 }).request.additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: 3999 } });
    const tooSmall = prepare({ reasoning: { effort: 'high' }, max_output_tokens: 1000 });
    expect(tooSmall.request.additionalModelRequestFields).toBeUndefined();
    expect(parameters(tooSmall)).toEqual(['reasoning.effort']);
  });

  it('effort none is no thinking; other model families get a warning', () => {
    expect(prepare({ reasoning: { effort: 'none' } }).request.additionalModelRequestFields).toBeUndefined();
    const nova = prepare({ reasoning: { effort: 'low' } }, { modelId: 'amazon.nova-pro-v1:0' });
    expect(nova.request.additionalModelRequestFields).toBeUndefined();
    expect(parameters(nova)).toEqual(['reasoning.effort']);
  });

  it('adds cache points after the system prompt when caching is configured or asked for explicitly', () => {
    expect(prepare({ instructions: 'Rules.' }, { promptCaching: true }).request.system).toEqual([{ text: 'Rules.' }, { cachePoint: { type: 'default' } }]);
    expect(prepare({ instructions: 'Rules.', prompt_cache_options: { mode: 'explicit' } }).request.system).toEqual([{ text: 'Rules.' }, { cachePoint: { type: 'default' } }]);
    expect(prepare({ instructions: 'Rules.' }).request.system).toEqual([{ text: 'Rules.' }]);
  });

  it('warns about every field Bedrock cannot honour', () => {
    const result = prepare(
      {
        top_logprobs: 3,
        include: ['reasoning.encrypted_content', 'message.output_text.logprobs'],
        max_tool_calls: 2,
        parallel_tool_calls: false,
        truncation: 'auto',
        user: 'u',
        safety_identifier: 's',
        prompt_cache_key: 'k',
        text: { verbosity: 'low' },
        reasoning: { summary: 'detailed' },
        service_tier: 'scale',
        background: true,
      },
      { chat: { seed: 1, presence_penalty: 0.1, frequency_penalty: 0.1, logit_bias: { '1': 1 }, logprobs: true, top_logprobs: 2, n: 2 } },
    );
    expect(parameters(result)).toEqual([
      'top_logprobs',
      'include[1]',
      'max_tool_calls',
      'parallel_tool_calls',
      'truncation',
      'background',
      'user',
      'safety_identifier',
      'prompt_cache_key',
      'text.verbosity',
      'reasoning.summary',
      'seed',
      'presence_penalty',
      'frequency_penalty',
      'logit_bias',
      'logprobs',
      'top_logprobs',
      'n',
      'service_tier',
    ]);
  });

  it.each(['previous_response_id', 'conversation'] as const)('rejects %s (state the gateway should have expanded)', (field) => {
    expect(() => prepare({ [field]: 'x' })).toThrow(expect.objectContaining({ status: 400, param: field }));
  });
});

describe('Anthropic thinking constraints', () => {
  it('leaves out temperature and a low top_p while thinking (with warnings)', () => {
    const result = prepare({ reasoning: { effort: 'low' }, temperature: 0.3, top_p: 0.5 });
    expect(result.request.inferenceConfig).toEqual({ maxTokens: 2048 + 8192 });
    expect(parameters(result)).toEqual(['temperature', 'top_p']);
    expect(prepare({ reasoning: { effort: 'low' }, top_p: 0.97 }).request.inferenceConfig?.topP).toBe(0.97);
  });

  it('does not enable thinking with forced tool use (json_schema here)', () => {
    const result = prepare({ reasoning: { effort: 'low' }, text: { format: { type: 'json_schema', name: 'out', schema: { type: 'object' } } } });
    expect(result.request.additionalModelRequestFields).toBeUndefined();
    expect(parameters(result)).toEqual(['reasoning.effort']);
  });
});
