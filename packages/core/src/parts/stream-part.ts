import type { GatewayError } from '../errors/gateway-error.js';
import type { FinishReason } from './finish-reason.js';
import type { Usage } from './usage.js';

/** A citation attached to a span of output text (Cohere citations, search results). */
export type TextAnnotation =
  | { readonly type: 'url_citation'; readonly url: string; readonly title: string; readonly startIndex: number; readonly endIndex: number }
  | { readonly type: 'file_citation'; readonly fileId: string; readonly filename: string; readonly index: number };

/**
 * Canonical stream parts: what every translating adapter produces and what the two encoders
 * (Responses events, Chat Completions chunks) consume. Names are noun-verb. Blocks of the same
 * kind are opened, filled and closed with one `id`; several blocks may be open at once
 * (parallel tool calls).
 *
 * Ordering contract for producers:
 * - `response-metadata` at most once, before any block;
 * - every `*-delta` / `*-end` follows its `*-start` with the same `id`;
 * - `tool-call` follows the `tool-input-end` of the same call (or stands alone for providers
 *   that send whole calls);
 * - `finish` exactly once, last, unless an `error` ends the stream instead.
 */
export type StreamPart =
  | {
      readonly type: 'response-metadata';
      /** The upstream's own response id, when it has one. */
      readonly id?: string;
      /** The model the upstream says answered. */
      readonly modelId?: string;
      /** Unix seconds. */
      readonly createdAt?: number;
    }
  | { readonly type: 'text-start'; readonly id: string }
  | { readonly type: 'text-delta'; readonly id: string; readonly delta: string }
  | { readonly type: 'text-annotation'; readonly id: string; readonly annotation: TextAnnotation }
  | { readonly type: 'text-end'; readonly id: string }
  | { readonly type: 'refusal-start'; readonly id: string }
  | { readonly type: 'refusal-delta'; readonly id: string; readonly delta: string }
  | { readonly type: 'refusal-end'; readonly id: string }
  | {
      readonly type: 'reasoning-start';
      readonly id: string;
      /**
       * `summary`: readable reasoning (OpenAI summaries, Anthropic/Gemini thinking text);
       * `content`: raw chain of thought (e.g. DeepSeek `reasoning_content`). Default `summary`.
       */
      readonly kind?: 'summary' | 'content';
    }
  | { readonly type: 'reasoning-delta'; readonly id: string; readonly delta: string }
  | {
      readonly type: 'reasoning-end';
      readonly id: string;
      /**
       * Opaque provider state that must travel back byte-identical on the next turn
       * (Anthropic thinking signature or redacted data, Gemini thought signature,
       * OpenAI encrypted reasoning). Becomes the item's `encrypted_content`.
       */
      readonly encryptedContent?: string;
    }
  | { readonly type: 'tool-input-start'; readonly id: string; readonly toolName: string }
  | { readonly type: 'tool-input-delta'; readonly id: string; readonly delta: string }
  | { readonly type: 'tool-input-end'; readonly id: string }
  | {
      readonly type: 'tool-call';
      /** The provider's call id; becomes `call_id`. */
      readonly toolCallId: string;
      readonly toolName: string;
      /** JSON text of the arguments, exactly as the model produced them. */
      readonly input: string;
    }
  | {
      /** A generated image (Gemini image models); becomes an `image_generation_call` item. */
      readonly type: 'image';
      readonly id: string;
      readonly mediaType: string;
      /** Pure base64, no `data:` prefix. */
      readonly base64: string;
    }
  | { readonly type: 'finish'; readonly finishReason: FinishReason; readonly usage: Usage }
  | {
      /** A failure after output began. Before the first part, adapters throw instead. */
      readonly type: 'error';
      readonly error: GatewayError;
    };

export type StreamPartType = StreamPart['type'];
