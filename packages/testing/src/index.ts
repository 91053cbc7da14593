export type { SseRecord } from './sse/sse-record.js';
export { parseSseText } from './sse/parse-sse-text.js';
export { readSseEvents } from './sse/read-sse-events.js';

export type {
  ClientAbort,
  EnqueueOptions,
  FakeConnection,
  RecordedRequest,
} from './http/fake-server-types.js';
export type { FakeServer } from './http/start-fake-server.js';
export type { FakeAnswerScript, FakeBehaviour, FakeSseFrameScript, FakeToolCallScript } from './openai/fake-behaviour.js';
export {
  defaultFakeOpenAIModels,
  startFakeOpenAIUpstream,
  type FakeOpenAIUpstream,
  type FakeOpenAIUpstreamOptions,
} from './openai/start-fake-openai-upstream.js';

export { checkResponsesStream } from './checkers/check-responses-stream.js';
export { findResponsesStreamViolations } from './checkers/find-responses-stream-violations.js';
export { checkChatCompletionStream } from './checkers/check-chat-completion-stream.js';
export {
  findChatCompletionStreamViolations,
  type ChatStreamCheckOptions,
} from './checkers/find-chat-completion-stream-violations.js';
export { StreamCheckError, type StreamViolation } from './checkers/stream-violation.js';
export { responseStreamEventTypes, terminalResponseEventTypes } from './checkers/response-stream-event-types.js';

export {
  startFakeChatProvider,
  type FakeChatProvider,
  type FakeChatProviderOptions,
} from './chat-providers/start-fake-chat-provider.js';
export { chatProviderFlavours, type ChatProviderFlavour } from './chat-providers/chat-provider-flavours.js';
export {
  chunkFixtureToSse,
  listChunkFixtures,
  loadChunkFixture,
  type ChunkFixtureName,
} from './fixtures/load-chunk-fixture.js';

export {
  defaultFakeCohereModels,
  startFakeCohereUpstream,
  type FakeCohereUpstream,
  type FakeCohereUpstreamOptions,
} from './cohere/start-fake-cohere-upstream.js';
export type { FakeCohereAnswerScript, FakeCohereCitationScript, FakeCohereSource } from './cohere/fake-cohere-answer-script.js';
export {
  cohereStreamFixtureToSse,
  loadCohereResponseFixture,
  loadCohereStreamFixture,
  type CohereResponseFixtureName,
  type CohereStreamFixtureName,
} from './cohere/load-cohere-fixture.js';

export {
  defaultFakeAnthropicModels,
  startFakeAnthropicUpstream,
  type FakeAnthropicUpstream,
  type FakeAnthropicRoute,
  type FakeAnthropicUpstreamOptions,
} from './anthropic/start-fake-anthropic-upstream.js';
export { anthropicErrorBody, anthropicStreamErrorEvent } from './anthropic/anthropic-error-answer.js';
export { fakeThinkingSignature, fakeRedactedThinkingData } from './anthropic/fake-anthropic-thinking.js';
export { loadAnthropicFixture, type AnthropicFixtureName } from './anthropic/load-anthropic-fixture.js';

export {
  startFakeGeminiUpstream,
  type FakeGeminiUpstream,
  type FakeGeminiUpstreamOptions,
} from './google/start-fake-gemini-upstream.js';
export type { FakeGeminiAnswer, FakeGeminiBehaviour, FakeGeminiPart } from './google/gemini-fake-types.js';
export { googleErrorBody } from './google/gemini-fake-types.js';
export { deriveGeminiAnswer, fakeGeminiImageBase64, fakeThoughtSignature } from './google/derive-gemini-answer.js';
export { loadGeminiFixture, type GeminiFixtureName } from './google/load-gemini-fixture.js';

export {
  startFakeBedrockUpstream,
  type FakeBedrockUpstream,
  type FakeBedrockUpstreamOptions,
  type RecordedBedrockRequest,
} from './bedrock/start-fake-bedrock-upstream.js';
export type {
  BedrockStreamExceptionType,
  FakeBedrockAnswer,
  FakeBedrockBehaviour,
  FakeBedrockReasoning,
  FakeBedrockToolUse,
} from './bedrock/fake-bedrock-behaviour.js';
export { decodeBedrockFrame, encodeBedrockEventFrame, encodeBedrockExceptionFrame } from './bedrock/encode-bedrock-event-frame.js';
export type { ResolvedBedrockAnswer } from './bedrock/derive-bedrock-answer.js';
export {
  loadBedrockConverseFixture,
  loadBedrockStreamFixture,
  type BedrockConverseFixtureName,
  type BedrockStreamFixtureName,
} from './bedrock/load-bedrock-fixture.js';
export { missingServiceMessage, serviceSetting, type ServiceSetting } from './services/service-setting.js';
