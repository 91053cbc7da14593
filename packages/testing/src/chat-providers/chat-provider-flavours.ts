import type { ChatDialect } from '../openai/chat-dialect.js';
import { createErrorDialect, type ErrorFields } from './create-error-dialect.js';
import type { ErrorDialect } from '../http/fake-server-types.js';

export type ChatProviderFlavour = 'groq' | 'mistral' | 'xai' | 'together' | 'deepseek' | 'fireworks' | 'openrouter' | 'generic';

export interface ChatProviderFlavourSpec {
  basePath: string;
  dialect: ChatDialect;
  errors: ErrorDialect;
  models: string[];
  ownedBy: string;
  /** Models whose answers start with reasoning (`reasoning_content`), e.g. DeepSeek's reasoner. */
  reasoningModels?: RegExp;
  /** SSE comment sent before the first chunk (OpenRouter: `: OPENROUTER PROCESSING`). */
  leadingComment?: string;
}

const openaiShape = ({ message, type, code, param }: ErrorFields) => ({ error: { message, type, param, code } });
const openaiLike = (invalidKeyMessage: (masked: string) => string) =>
  createErrorDialect({
    shape: openaiShape,
    authStatus: 401,
    invalidKeyMessage,
    missingKeyMessage: 'No API key provided.',
  });
const plain = (prefix: string): ChatDialect => ({ streamUsage: 'usage-chunk', reasoningField: undefined, openaiExtras: false, idPrefix: prefix });

/**
 * Documented differences between OpenAI-compatible chat providers (sources, checked 2026-11):
 * - Groq: base `https://api.groq.com/openai/v1`; usage in `x_groq.usage` on the last chunk; OpenAI-style errors.
 * - Mistral: base `/v1`; error body `{object: "error", message, type, param, code}` without an `error` wrapper
 *   (docs.mistral.ai/resources/error-glossary); streams carry `usage` on the final chunk.
 * - xAI: base `/v1`; errors `{code: <string>, error: <message>}`, a bad key answers 400 "Incorrect API key
 *   provided: xa***yz. You can obtain an API key from https://console.x.ai." (as reported in
 *   continuedev/continue#10778).
 * - Together: base `/v1`; OpenAI-style errors; usage on the final chunk.
 * - DeepSeek: base `/v1` (also without `/v1`); `deepseek-reasoner` streams `delta.reasoning_content` before
 *   `content` and returns `message.reasoning_content` (api-docs.deepseek.com/guides/reasoning_model);
 *   usage chunk with `stream_options.include_usage`.
 * - Fireworks: base `/inference/v1`; errors `{error: {object: "error", type, message}}`; usage on the final chunk.
 * - OpenRouter: base `/api/v1`; errors `{error: {code: <http status number>, message, metadata?}}`
 *   (openrouter.ai/docs/api/reference/errors-and-debugging); `: OPENROUTER PROCESSING` comments; the usage
 *   chunk with `choices: []` is always sent.
 * - generic (vLLM, Ollama, LM Studio): OpenAI's format without `system_fingerprint`/`service_tier`.
 */
export const chatProviderFlavours: Record<ChatProviderFlavour, ChatProviderFlavourSpec> = {
  groq: {
    basePath: '/openai/v1',
    dialect: { ...plain('chatcmpl'), streamUsage: 'x-groq', openaiExtras: true },
    errors: openaiLike(() => 'Invalid API Key'),
    models: ['llama-3.3-70b-versatile', 'llama-3.1-8b-instant'],
    ownedBy: 'Meta',
  },
  mistral: {
    basePath: '/v1',
    dialect: { ...plain('cmpl'), streamUsage: 'final-chunk' },
    errors: createErrorDialect({
      shape: ({ message, type, code, param }) => ({ object: 'error', message, type, param, code }),
      authStatus: 401,
      invalidKeyMessage: () => 'Unauthorized',
      missingKeyMessage: 'Unauthorized',
    }),
    models: ['mistral-large-latest', 'mistral-small-latest'],
    ownedBy: 'mistralai',
  },
  xai: {
    basePath: '/v1',
    dialect: { ...plain('chatcmpl'), openaiExtras: true },
    errors: createErrorDialect({
      shape: ({ message }) => ({ code: 'Client specified an invalid argument', error: message }),
      authStatus: 400,
      invalidKeyMessage: (masked) => `Incorrect API key provided: ${masked}. You can obtain an API key from https://console.x.ai.`,
      missingKeyMessage: 'No API key provided. You can obtain an API key from https://console.x.ai.',
    }),
    models: ['grok-4', 'grok-3-mini'],
    ownedBy: 'xai',
  },
  together: {
    basePath: '/v1',
    dialect: { ...plain('chatcmpl'), streamUsage: 'final-chunk' },
    errors: openaiLike((masked) => `Invalid API key provided: ${masked}`),
    models: ['meta-llama/Llama-3.3-70B-Instruct-Turbo'],
    ownedBy: 'together',
  },
  deepseek: {
    basePath: '/v1',
    dialect: { ...plain('chatcmpl'), reasoningField: 'reasoning_content', openaiExtras: true },
    errors: openaiLike((masked) => `Authentication Fails, Your api key: ${masked} is invalid`),
    models: ['deepseek-chat', 'deepseek-reasoner'],
    ownedBy: 'deepseek',
    reasoningModels: /reasoner/,
  },
  fireworks: {
    basePath: '/inference/v1',
    dialect: { ...plain('chatcmpl'), streamUsage: 'final-chunk' },
    errors: createErrorDialect({
      shape: ({ message, type }) => ({ error: { object: 'error', type, message } }),
      authStatus: 401,
      invalidKeyMessage: () => 'The API key you provided is invalid.',
      missingKeyMessage: 'The API key you provided is invalid.',
    }),
    models: ['accounts/fireworks/models/llama-v3p1-8b-instruct'],
    ownedBy: 'fireworks',
  },
  openrouter: {
    basePath: '/api/v1',
    dialect: { ...plain('gen'), streamUsage: 'always-usage-chunk' },
    errors: createErrorDialect({
      shape: ({ status, message }) => ({ error: { code: status, message } }),
      authStatus: 401,
      invalidKeyMessage: () => 'No auth credentials found',
      missingKeyMessage: 'No auth credentials found',
    }),
    models: ['openai/gpt-4o-mini', 'anthropic/claude-sonnet-4'],
    ownedBy: 'openrouter',
    leadingComment: 'OPENROUTER PROCESSING',
  },
  generic: {
    basePath: '/v1',
    dialect: plain('chatcmpl'),
    errors: openaiLike((masked) => `Incorrect API key provided: ${masked}.`),
    models: ['llama3.2', 'qwen2.5:7b'],
    ownedBy: 'library',
  },
};
