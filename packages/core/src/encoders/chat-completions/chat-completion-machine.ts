import type { CompletionUsage, CreateChatCompletionResponse, CreateChatCompletionStreamResponse } from '@switchyard/contract';
import { GatewayError } from '../../errors/gateway-error.js';
import { generateId as generateRandomId } from '../../ids/generate-id.js';
import type { StreamPart } from '../../parts/stream-part.js';
import { chatFinishReasonFromFinishReason } from './chat-finish-reason-from-finish-reason.js';
import type { ChatCompletionEncoderOptions } from './chat-completion-encoder-options.js';
import type {
  ChatCompletionAnnotation,
  ChatCompletionChunkDelta,
  ChatCompletionFinishReason,
  ChatCompletionMessage,
} from './chat-completion-types.js';
import { ChatToolCalls } from './chat-tool-calls.js';
import { completionUsageFromUsage } from './completion-usage-from-usage.js';

/** `delta.reasoning_content` / `message.reasoning_content` are DeepSeek extensions, not OpenAI fields. */
type DeltaWithReasoning = ChatCompletionChunkDelta & { reasoning_content?: string };

/**
 * The state machine behind both the streaming and the non-streaming Chat Completions encoder.
 * `start()` gives the role chunk, `apply(part)` the chunks for one part, `end()` checks the
 * source ended properly. Failures (an `error` part, a provider-reported error stop, a source
 * ending without `finish`) are thrown as GatewayErrors: Chat Completions has no in-band failure
 * chunk, so the gateway's SSE writer turns the exception into its terminal error frame.
 */
export class ChatCompletionMachine {
  readonly #options: ChatCompletionEncoderOptions;
  readonly #toolCalls: ChatToolCalls;
  readonly #annotations: ChatCompletionAnnotation[] = [];
  #content = '';
  #sawText = false;
  #refusal: string | undefined;
  #reasoning = '';
  #started = false;
  #finishReason: ChatCompletionFinishReason | undefined;
  #usage: CompletionUsage | undefined;

  constructor(options: ChatCompletionEncoderOptions) {
    this.#options = options;
    this.#toolCalls = new ChatToolCalls(options.generateId ?? generateRandomId);
  }

  get finished(): boolean {
    return this.#finishReason !== undefined;
  }

  /** True once the role chunk was produced (output has begun). */
  get started(): boolean {
    return this.#started;
  }

  /** The first chunk: `delta: { role: 'assistant', content: '' }`, as OpenAI sends it. */
  start(): CreateChatCompletionStreamResponse[] {
    if (this.#started) return [];
    this.#started = true;
    return [this.#chunk({ role: 'assistant', content: '' })];
  }

  apply(part: StreamPart): CreateChatCompletionStreamResponse[] {
    if (this.finished) return [];
    const chunks = this.start();
    const delta = this.#deltaFor(part);
    if (delta !== undefined) chunks.push(this.#chunk(delta));
    if (part.type === 'finish') {
      if (part.finishReason.unified === 'error') {
        const raw = part.finishReason.raw === undefined ? '' : ` (${part.finishReason.raw})`;
        throw new GatewayError({ status: 502, type: 'upstream_error', message: `The upstream model stopped with an error${raw}.` });
      }
      this.#finishReason = chatFinishReasonFromFinishReason(part.finishReason.unified, this.#toolCalls.size > 0);
      this.#usage = completionUsageFromUsage(part.usage);
      chunks.push(this.#chunk({}, this.#finishReason));
      if (this.#options.includeUsage && this.#usage !== undefined) chunks.push(this.#usageChunk(this.#usage));
    }
    if (part.type === 'error') throw part.error;
    return chunks;
  }

  /** The source ended: fine after `finish`, a failure otherwise. */
  end(): void {
    if (this.finished) return;
    throw new GatewayError({ status: 502, type: 'upstream_error', message: 'upstream stream ended unexpectedly' });
  }

  /** The non-streaming `chat.completion` built from everything applied so far. */
  completion(): CreateChatCompletionResponse {
    const toolCalls = this.#toolCalls.toMessageToolCalls();
    const message: ChatCompletionMessage & { reasoning_content?: string } = {
      role: 'assistant',
      content: this.#sawText || (toolCalls.length === 0 && this.#refusal === undefined) ? this.#content : null,
      refusal: this.#refusal ?? null,
      ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
      annotations: [...this.#annotations],
      ...(this.#options.reasoningField === 'reasoning_content' && this.#reasoning !== ''
        ? { reasoning_content: this.#reasoning }
        : {}),
    };
    return {
      id: this.#options.id,
      object: 'chat.completion',
      created: this.#options.created,
      model: this.#options.model,
      ...(this.#options.systemFingerprint === undefined ? {} : { system_fingerprint: this.#options.systemFingerprint }),
      choices: [{ index: 0, message, logprobs: null, finish_reason: this.#finishReason ?? 'stop' }],
      ...(this.#usage === undefined ? {} : { usage: this.#usage }),
    };
  }

  #deltaFor(part: StreamPart): DeltaWithReasoning | undefined {
    switch (part.type) {
      case 'text-start':
        this.#sawText = true;
        return undefined;
      case 'text-delta':
        this.#sawText = true;
        if (part.delta === '') return undefined;
        this.#content += part.delta;
        return { content: part.delta };
      case 'text-annotation':
        if (part.annotation.type === 'url_citation') {
          const { url, title, startIndex, endIndex } = part.annotation;
          this.#annotations.push({ type: 'url_citation', url_citation: { url, title, start_index: startIndex, end_index: endIndex } });
        }
        return undefined;
      case 'refusal-start':
        this.#refusal ??= '';
        return undefined;
      case 'refusal-delta':
        if (part.delta === '') return undefined;
        this.#refusal = (this.#refusal ?? '') + part.delta;
        return { refusal: part.delta };
      case 'reasoning-delta':
        if (part.delta === '') return undefined;
        this.#reasoning += part.delta;
        return this.#options.reasoningField === 'reasoning_content' ? { reasoning_content: part.delta } : undefined;
      case 'tool-input-start':
        return this.#toolCallDelta(this.#toolCalls.start(part.id, part.toolName));
      case 'tool-input-delta':
        return this.#toolCallDelta(this.#toolCalls.delta(part.id, part.delta));
      case 'tool-call':
        return this.#toolCallDelta(this.#toolCalls.call(part.toolCallId, part.toolName, part.input));
      default:
        // response-metadata, *-end, reasoning-start, image (no Chat Completions shape), finish, error
        return undefined;
    }
  }

  #toolCallDelta(chunk: ReturnType<ChatToolCalls['delta']>): DeltaWithReasoning | undefined {
    return chunk === undefined ? undefined : { tool_calls: [chunk] };
  }

  #chunk(delta: DeltaWithReasoning, finishReason: ChatCompletionFinishReason | null = null): CreateChatCompletionStreamResponse {
    return {
      ...this.#envelope(),
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...(this.#options.includeUsage ? { usage: null } : {}),
    };
  }

  #usageChunk(usage: CompletionUsage): CreateChatCompletionStreamResponse {
    return { ...this.#envelope(), choices: [], usage };
  }

  #envelope() {
    return {
      id: this.#options.id,
      object: 'chat.completion.chunk' as const,
      created: this.#options.created,
      model: this.#options.model,
      ...(this.#options.systemFingerprint === undefined ? {} : { system_fingerprint: this.#options.systemFingerprint }),
    };
  }
}
