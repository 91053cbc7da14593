import type {
  ChatCompletionResponseMessage,
  ChatCompletionStreamResponseDelta,
  CompletionUsage,
  CreateChatCompletionStreamResponse,
} from '@switchyard/contract';

/**
 * Fields OpenAI-compatible servers add to chat chunks and messages, read by the transforms:
 * `reasoning_content` (DeepSeek, vLLM, Together, Fireworks), `reasoning` (Groq, OpenRouter,
 * Ollama), an `error` object mid-stream (OpenRouter and others), and Groq's `x_groq.usage`.
 */
export interface ChatReasoningExtensions {
  readonly reasoning_content?: string | null;
  readonly reasoning?: string | null;
}

export type ChatStreamDeltaWithExtensions = ChatCompletionStreamResponseDelta & ChatReasoningExtensions;
export type ChatResponseMessageWithExtensions = ChatCompletionResponseMessage & ChatReasoningExtensions;

export interface ChatChunkError {
  readonly message?: string;
  readonly type?: string | null;
  readonly code?: string | number | null;
  readonly param?: string | null;
}

export type ChatChunkWithExtensions = CreateChatCompletionStreamResponse & {
  readonly error?: ChatChunkError;
  readonly x_groq?: { readonly usage?: CompletionUsage };
};

/** The reasoning text a delta or message carries, whichever field the server uses. */
export function reasoningTextOf(value: ChatReasoningExtensions): string | undefined {
  const text = value.reasoning_content ?? value.reasoning;
  return typeof text === 'string' && text !== '' ? text : undefined;
}
