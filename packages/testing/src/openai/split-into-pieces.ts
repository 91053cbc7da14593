/**
 * Splits text into small "token-like" pieces: a run of up to four non-space characters with its leading
 * whitespace. Deterministic, and always several pieces for a sentence, so streams have several deltas.
 */
export function splitIntoPieces(text: string): string[] {
  return text.match(/\s*\S{1,4}|\s+$/g) ?? (text === '' ? [] : [text]);
}

/** Splits a string into pieces of at most `size` characters (used for tool-call arguments). */
export function splitEvenly(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let index = 0; index < text.length; index += size) pieces.push(text.slice(index, index + size));
  return pieces.length > 0 ? pieces : [''];
}

/** A rough token count: the number of pieces `splitIntoPieces` makes (at least 1 for non-empty text). */
export function countTokens(text: string): number {
  return splitIntoPieces(text).length;
}
