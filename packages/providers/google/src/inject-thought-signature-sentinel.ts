import type { Warning } from '@switchyard/core';
import type { GeminiContent } from './gemini-api.js';

/** Google's documented value for replayed calls whose signature was lost (https://ai.google.dev/gemini-api/docs/thought-signatures). */
export const thoughtSignatureSentinel = 'skip_thought_signature_validator';

/**
 * Gemini 3 answers 400 when a replayed model step with function calls carries no thought
 * signature (only the first call of a step has one). Chat Completions clients cannot carry
 * reasoning items, and Responses clients may drop them: for such steps the first call gets the
 * sentinel, and a warning names the functions. Real signatures are never replaced.
 */
export function injectThoughtSignatureSentinel(contents: GeminiContent[]): Warning[] {
  const names: string[] = [];
  for (const content of contents) {
    if (content.role !== 'model') continue;
    const calls = content.parts.filter((part) => part.functionCall !== undefined);
    const first = calls[0];
    if (first === undefined || calls.some((part) => part.thoughtSignature !== undefined)) continue;
    first.thoughtSignature = thoughtSignatureSentinel;
    names.push(first.functionCall?.name ?? '');
  }
  if (names.length === 0) return [];
  return [
    {
      type: 'other',
      message: `Earlier calls to ${names.join(', ')} came back without their Gemini thought signature (send reasoning items back, with include: ["reasoning.encrypted_content"] when store is false); Google's skip_thought_signature_validator was sent instead, which may lower answer quality.`,
    },
  ];
}
