import type { FakeGeminiAnswer, FakeGeminiPart } from './gemini-fake-types.js';

export interface RenderedGeminiAnswer {
  /** The whole `GenerateContentResponse` (non-streaming). */
  readonly response: Record<string, unknown>;
  /** The chunks of `streamGenerateContent?alt=sse`, each a whole `GenerateContentResponse`. */
  readonly chunks: Array<Record<string, unknown>>;
}

/** Splits text into about three pieces at word boundaries (keeps the spaces). */
function splitText(text: string): string[] {
  const words = text.split(/(?<= )/);
  if (words.length < 3) return [text];
  const size = Math.ceil(words.length / 3);
  const pieces: string[] = [];
  for (let index = 0; index < words.length; index += size) pieces.push(words.slice(index, index + size).join(''));
  return pieces;
}

/** Renders an answer as Gemini does: one response, or chunks whose last one carries the finish reason and usage. */
export function renderGeminiChunks(answer: FakeGeminiAnswer, meta: { model: string; responseId: string }): RenderedGeminiAnswer {
  const common = { modelVersion: meta.model, responseId: meta.responseId };
  if (answer.promptFeedback !== undefined) {
    const response = { promptFeedback: answer.promptFeedback, usageMetadata: answer.usageMetadata, ...common };
    return { response, chunks: [response] };
  }
  const parts = answer.parts ?? [];
  const candidate = (chunkParts: FakeGeminiPart[], last: boolean): Record<string, unknown> => ({
    content: { parts: chunkParts, role: 'model' },
    ...(last && answer.finishReason !== undefined ? { finishReason: answer.finishReason } : {}),
    index: 0,
  });
  const response = { candidates: [candidate(parts, true)], usageMetadata: answer.usageMetadata, ...common };
  const pieces: FakeGeminiPart[] = parts.flatMap((part) => {
    if (part.text === undefined || part.text === '') return [part];
    return splitText(part.text).map((text, index) => (index === 0 ? { ...part, text } : { ...part, text, thoughtSignature: undefined }));
  });
  const clean = (part: FakeGeminiPart): FakeGeminiPart => Object.fromEntries(Object.entries(part).filter(([, value]) => value !== undefined)) as FakeGeminiPart;
  const chunks = pieces.map((part, index) => ({
    candidates: [candidate([clean(part)], index === pieces.length - 1)],
    ...(index === pieces.length - 1 ? { usageMetadata: answer.usageMetadata } : {}),
    ...common,
  }));
  if (chunks.length === 0) chunks.push({ candidates: [candidate([], true)], usageMetadata: answer.usageMetadata, ...common });
  return { response, chunks };
}
