import type { GeminiPart } from './gemini-api.js';

/** Prefix of the `encrypted_content` this adapter writes; other providers' reasoning is not portable. */
export const geminiReasoningPrefix = 'gemini:';

/**
 * Where a `thoughtSignature` was attached upstream, so the next turn can put it back on the
 * same part:
 * - `text`: on a text part; `side` says whether the reasoning item stands before (`next`) or
 *   after (`previous`) the message that holds that text;
 * - `functionCall`: on the call with this `call_id`;
 * - `inlineData`: on the generated image just before the reasoning item;
 * - `part`: on a part the adapter does not surface (a thought part, an empty text part): the
 *   exact part is kept and sent back as it was.
 */
export type ThoughtSignatureTarget =
  | { readonly type: 'text'; readonly side: 'next' | 'previous' }
  | { readonly type: 'functionCall'; readonly callId: string }
  | { readonly type: 'inlineData'; readonly side: 'previous' }
  | { readonly type: 'part'; readonly part: GeminiPart };

/** A signature for a `text`/`functionCall` target; a `part` target carries its own (if any). */
export type GeminiReasoningState =
  | { readonly thoughtSignature: string; readonly attachedTo: Exclude<ThoughtSignatureTarget, { type: 'part' }> }
  | { readonly attachedTo: Extract<ThoughtSignatureTarget, { type: 'part' }> };

/** `gemini:` + base64url(JSON): opaque to clients, rebuilt byte-exact on the next turn. */
export function encodeGeminiReasoning(state: GeminiReasoningState): string {
  return geminiReasoningPrefix + Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function readTarget(value: unknown): ThoughtSignatureTarget | undefined {
  if (!isRecord(value)) return undefined;
  if (value['type'] === 'text' && (value['side'] === 'next' || value['side'] === 'previous')) return { type: 'text', side: value['side'] };
  if (value['type'] === 'functionCall' && typeof value['callId'] === 'string') return { type: 'functionCall', callId: value['callId'] };
  if (value['type'] === 'inlineData' && value['side'] === 'previous') return { type: 'inlineData', side: 'previous' };
  if (value['type'] === 'part' && isRecord(value['part'])) return { type: 'part', part: value['part'] as GeminiPart };
  return undefined;
}

/** Reads what {@link encodeGeminiReasoning} wrote; `undefined` for anything else (another provider's, or damaged). */
export function decodeGeminiReasoning(encrypted: string | null | undefined): GeminiReasoningState | undefined {
  if (typeof encrypted !== 'string' || !encrypted.startsWith(geminiReasoningPrefix)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(encrypted.slice(geminiReasoningPrefix.length), 'base64url').toString('utf8'));
    if (!isRecord(value)) return undefined;
    const attachedTo = readTarget(value['attachedTo']);
    if (attachedTo === undefined) return undefined;
    if (attachedTo.type === 'part') return { attachedTo };
    return typeof value['thoughtSignature'] === 'string' ? { thoughtSignature: value['thoughtSignature'], attachedTo } : undefined;
  } catch {
    return undefined;
  }
}
