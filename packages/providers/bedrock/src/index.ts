export { createBedrockAdapter, type BedrockAdapter } from './bedrock-provider.js';
export type { BedrockAdapterOptions, BedrockCredentials } from './bedrock-config.js';
export { createBedrockUpstreamError } from './bedrock-error.js';
export { buildBedrockStreamTransform, type BedrockStreamTransform, type BedrockStreamTransformOptions } from './build-bedrock-stream-transform.js';
export { prepareBedrockRequest, type PreparedBedrockRequest, type PrepareBedrockRequestOptions } from './prepare-bedrock-request.js';
export { decodeBedrockReasoning, encodeBedrockReasoning } from './bedrock-reasoning-content.js';
