import type { CreateChatCompletionResponse, CreateChatCompletionStreamResponse } from '@switchyard/contract';

/** Narrowed views of the contract's Chat Completions types that the encoder builds. */
export type ChatCompletionChunkChoice = CreateChatCompletionStreamResponse['choices'][number];
export type ChatCompletionChunkDelta = ChatCompletionChunkChoice['delta'];
export type ChatCompletionToolCallChunk = NonNullable<ChatCompletionChunkDelta['tool_calls']>[number];
export type ChatCompletionFinishReason = NonNullable<ChatCompletionChunkChoice['finish_reason']>;
export type ChatCompletionMessage = CreateChatCompletionResponse['choices'][number]['message'];
export type ChatCompletionFunctionToolCall = Extract<NonNullable<ChatCompletionMessage['tool_calls']>[number], { type: 'function' }>;
export type ChatCompletionAnnotation = NonNullable<ChatCompletionMessage['annotations']>[number];
