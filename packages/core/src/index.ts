export type { AdapterContext } from './adapter/adapter-context.js';
export type { NativeOperationId, NativeOperations, ProviderAdapter } from './adapter/provider-adapter.js';
export { GatewayError, type GatewayErrorOptions, type OpenAIErrorType } from './errors/gateway-error.js';
export { UpstreamError, type UpstreamErrorOptions } from './errors/upstream-error.js';
export type { FinishReason, UnifiedFinishReason } from './parts/finish-reason.js';
export { unknownUsage, type Usage } from './parts/usage.js';
export type { StreamPart, StreamPartType, TextAnnotation } from './parts/stream-part.js';
export type { Warning } from './warnings/warning.js';
