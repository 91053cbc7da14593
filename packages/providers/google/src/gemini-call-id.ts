import { randomBytes } from 'node:crypto';

const prefix = 'call_gm_';

/**
 * Gemini function calls usually carry no `id`; the adapter then makes one up. Such ids are
 * never sent back upstream (Gemini matches results by name and order); ids Gemini gave are.
 */
export function generateGeminiCallId(): string {
  return `${prefix}${randomBytes(12).toString('hex')}`;
}

export function isGeneratedGeminiCallId(callId: string): boolean {
  return callId.startsWith(prefix);
}
