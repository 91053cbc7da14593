import type { StreamPart } from '@switchyard/core';
import { convertGeminiUsage } from './convert-gemini-usage.js';
import type { GeminiGenerateContentResponse, GeminiPart, GeminiUsageMetadata } from './gemini-api.js';
import { generateGeminiCallId } from './gemini-call-id.js';
import { encodeGeminiReasoning, type GeminiReasoningState } from './gemini-thought-signature.js';
import { mapGeminiFinishReason } from './map-gemini-finish-reason.js';

export interface GeminiStreamTransformOptions {
  /** Block ids (never sent anywhere; unique within one answer). */
  readonly generateId: () => string;
  /** Call ids for function calls Gemini sent without an `id`. */
  readonly generateCallId?: () => string;
}

export interface GeminiStreamTransform {
  /** Parts for one `GenerateContentResponse` (a stream chunk, or the whole non-stream answer). */
  transform(chunk: GeminiGenerateContentResponse): StreamPart[];
  /** Closes open blocks and emits the one `finish`. */
  flush(): StreamPart[];
}

type OpenBlock =
  | { readonly kind: 'text'; readonly id: string; pendingSignature: string | undefined }
  | { readonly kind: 'reasoning'; readonly id: string; text: string; signature: string | undefined };

/**
 * Gemini chunks → canonical parts. Every SSE chunk is a whole `GenerateContentResponse` whose
 * parts continue the previous ones: thought parts (`thought: true`) are reasoning, text parts
 * text, `functionCall` parts whole tool calls, `inlineData` parts generated images. A
 * `thoughtSignature` on any part becomes a reasoning block whose `encryptedContent` tells the
 * next turn which part to put it back on (see `gemini-thought-signature.ts`).
 */
export function buildGeminiStreamTransform(options: GeminiStreamTransformOptions): GeminiStreamTransform {
  const generateCallId = options.generateCallId ?? generateGeminiCallId;
  let metadataSent = false;
  let open: OpenBlock | undefined;
  let hasToolCalls = false;
  let finishReason: string | undefined;
  let blockReason: string | undefined;
  let usage: GeminiUsageMetadata | undefined;

  const signatureBlock = (state: GeminiReasoningState): StreamPart[] => {
    const id = options.generateId();
    return [
      { type: 'reasoning-start', id },
      { type: 'reasoning-end', id, encryptedContent: encodeGeminiReasoning(state) },
    ];
  };

  const close = (): StreamPart[] => {
    const block = open;
    open = undefined;
    if (block === undefined) return [];
    if (block.kind === 'text') {
      const parts: StreamPart[] = [{ type: 'text-end', id: block.id }];
      if (block.pendingSignature !== undefined) parts.push(...signatureBlock({ thoughtSignature: block.pendingSignature, attachedTo: { type: 'text', side: 'previous' } }));
      return parts;
    }
    const part: GeminiPart = { text: block.text, thought: true, ...(block.signature === undefined ? {} : { thoughtSignature: block.signature }) };
    return [{ type: 'reasoning-end', id: block.id, encryptedContent: encodeGeminiReasoning({ attachedTo: { type: 'part', part } }) }];
  };

  const thoughtPart = (part: GeminiPart): StreamPart[] => {
    const parts: StreamPart[] = [];
    if (open?.kind !== 'reasoning') {
      parts.push(...close());
      open = { kind: 'reasoning', id: options.generateId(), text: '', signature: undefined };
      parts.push({ type: 'reasoning-start', id: open.id });
    }
    const block = open;
    if (part.text !== undefined && part.text !== '') {
      block.text += part.text;
      parts.push({ type: 'reasoning-delta', id: block.id, delta: part.text });
    }
    if (part.thoughtSignature !== undefined) block.signature = part.thoughtSignature;
    return parts;
  };

  const textPart = (part: GeminiPart, text: string): StreamPart[] => {
    const parts: StreamPart[] = [];
    if (text === '') {
      // An empty text part only carries a signature: keep the exact part.
      if (part.thoughtSignature !== undefined) parts.push(...close(), ...signatureBlock({ attachedTo: { type: 'part', part } }));
      return parts;
    }
    if (open?.kind !== 'text') {
      parts.push(...close());
      if (part.thoughtSignature !== undefined) parts.push(...signatureBlock({ thoughtSignature: part.thoughtSignature, attachedTo: { type: 'text', side: 'next' } }));
      open = { kind: 'text', id: options.generateId(), pendingSignature: undefined };
      parts.push({ type: 'text-start', id: open.id });
    } else if (part.thoughtSignature !== undefined) open.pendingSignature = part.thoughtSignature;
    parts.push({ type: 'text-delta', id: open.id, delta: text });
    return parts;
  };

  const functionCallPart = (part: GeminiPart): StreamPart[] => {
    const call = part.functionCall;
    if (call === undefined) return [];
    hasToolCalls = true;
    const callId = typeof call.id === 'string' && call.id !== '' ? call.id : generateCallId();
    const parts = close();
    if (part.thoughtSignature !== undefined) parts.push(...signatureBlock({ thoughtSignature: part.thoughtSignature, attachedTo: { type: 'functionCall', callId } }));
    const input = JSON.stringify(call.args ?? {});
    parts.push(
      { type: 'tool-input-start', id: callId, toolName: call.name },
      { type: 'tool-input-delta', id: callId, delta: input },
      { type: 'tool-input-end', id: callId },
      { type: 'tool-call', toolCallId: callId, toolName: call.name, input },
    );
    return parts;
  };

  const imagePart = (part: GeminiPart): StreamPart[] => {
    const image = part.inlineData;
    if (image === undefined) return [];
    const parts = close();
    parts.push({ type: 'image', id: options.generateId(), mediaType: image.mimeType, base64: image.data });
    if (part.thoughtSignature !== undefined) parts.push(...signatureBlock({ thoughtSignature: part.thoughtSignature, attachedTo: { type: 'inlineData', side: 'previous' } }));
    return parts;
  };

  return {
    transform(chunk) {
      const parts: StreamPart[] = [];
      if (!metadataSent) {
        metadataSent = true;
        const created = chunk.createTime === undefined ? Number.NaN : Date.parse(chunk.createTime);
        parts.push({
          type: 'response-metadata',
          ...(chunk.responseId === undefined ? {} : { id: chunk.responseId }),
          ...(chunk.modelVersion === undefined ? {} : { modelId: chunk.modelVersion }),
          ...(Number.isNaN(created) ? {} : { createdAt: Math.floor(created / 1000) }),
        });
      }
      if (chunk.usageMetadata !== undefined) usage = chunk.usageMetadata;
      if (chunk.promptFeedback?.blockReason !== undefined) blockReason = chunk.promptFeedback.blockReason;
      const candidate = chunk.candidates?.find((entry) => (entry.index ?? 0) === 0);
      for (const part of candidate?.content?.parts ?? []) {
        if (part.thought === true) parts.push(...thoughtPart(part));
        else if (part.functionCall !== undefined) parts.push(...functionCallPart(part));
        else if (part.inlineData !== undefined) parts.push(...imagePart(part));
        else if (part.text !== undefined) parts.push(...textPart(part, part.text));
        else if (part.thoughtSignature !== undefined) parts.push(...close(), ...signatureBlock({ attachedTo: { type: 'part', part } }));
      }
      if (candidate?.finishReason !== undefined) finishReason = candidate.finishReason;
      return parts;
    },
    flush() {
      const parts: StreamPart[] = [];
      if (!metadataSent) {
        metadataSent = true;
        parts.push({ type: 'response-metadata' });
      }
      parts.push(...close());
      const reason =
        finishReason === undefined && blockReason !== undefined
          ? { unified: 'content-filter' as const, raw: blockReason }
          : mapGeminiFinishReason(finishReason, { hasToolCalls });
      parts.push({ type: 'finish', finishReason: reason, usage: convertGeminiUsage(usage) });
      return parts;
    },
  };
}
