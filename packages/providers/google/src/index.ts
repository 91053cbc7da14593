export { createGeminiAdapter, type GeminiAdapter, type GeminiAdapterOptions } from './gemini-provider.js';
export { createVertexAdapter, type VertexAdapterOptions } from './vertex-provider.js';
export type { ServiceAccountCredentials, VertexTokenProvider } from './vertex-token-provider.js';
export { geminiModelTraits, type GeminiModelTraits } from './gemini-config.js';
export type { GeminiGenerateContentRequest, GeminiGenerateContentResponse } from './gemini-api.js';
