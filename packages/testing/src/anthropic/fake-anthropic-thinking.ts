import { createHash } from 'node:crypto';

/**
 * The fake's thinking signature: a hash of the thinking text, so the fake can check that a
 * thinking block sent back on the next turn is unchanged (as Anthropic does with real signatures).
 */
export function fakeThinkingSignature(thinking: string): string {
  return createHash('sha256').update(`fake-anthropic-thinking:${thinking}`).digest('base64');
}

/** The opaque payload of the fake's redacted thinking blocks. */
export const fakeRedactedThinkingData = 'RkFLRS1SRURBQ1RFRC1USElOS0lORw==';
