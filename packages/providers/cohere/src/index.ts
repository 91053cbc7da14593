export { createCohereAdapter, type CohereAdapter } from './cohere-provider.js';
export {
  defaultCohereBaseURL,
  defaultSupportsThinking,
  defaultSupportsVision,
  deriveModelsBaseURL,
  type CohereAdapterOptions,
} from './cohere-config.js';
export { prepareCohereChatBody, type PrepareCohereChatBodyInput } from './prepare-cohere-chat-body.js';
export { buildCohereStreamTransform, type CohereStreamTransform } from './build-cohere-stream-transform.js';
export { cohereResponseToParts } from './cohere-response-to-parts.js';
export { decodeCohereReasoningBlock, encodeCohereReasoningBlock, type CohereReasoningBlock } from './cohere-reasoning-block.js';
export type { CohereChatRequest, CohereChatResponse, CohereStreamEvent } from './cohere-api.js';
