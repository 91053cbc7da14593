import type { BedrockReasoningContentBlock } from './bedrock-api.js';

const prefix = 'bedrock:';

/** A reasoning block as it travels on the wire (redacted bytes as base64). */
export type BedrockReasoningWireBlock =
  | { readonly reasoningText: { readonly text: string; readonly signature?: string } }
  | { readonly redactedContent: string };

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** The wire form of an SDK reasoning block (bytes → base64, as the JSON protocol sends them). */
export function reasoningWireBlock(block: BedrockReasoningContentBlock): BedrockReasoningWireBlock | undefined {
  if (block.reasoningText !== undefined) {
    const { text = '', signature } = block.reasoningText;
    return { reasoningText: signature === undefined ? { text } : { text, signature } };
  }
  if (block.redactedContent !== undefined) return { redactedContent: toBase64(block.redactedContent) };
  return undefined;
}

/**
 * Opaque `encrypted_content` for a reasoning item: `bedrock:` + base64url of the JSON of the exact
 * wire block, so the next turn can send the block back byte-identical.
 */
export function encodeBedrockReasoning(block: BedrockReasoningWireBlock): string {
  return prefix + Buffer.from(JSON.stringify(block), 'utf8').toString('base64url');
}

/** The SDK block for an `encrypted_content` this adapter made; `undefined` when it is someone else's. */
export function decodeBedrockReasoning(encrypted: string): BedrockReasoningContentBlock | undefined {
  if (!encrypted.startsWith(prefix)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(encrypted.slice(prefix.length), 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = value as { reasoningText?: { text?: unknown; signature?: unknown }; redactedContent?: unknown };
  if (typeof candidate.redactedContent === 'string') {
    return { redactedContent: new Uint8Array(Buffer.from(candidate.redactedContent, 'base64')) };
  }
  const text = candidate.reasoningText?.text;
  const signature = candidate.reasoningText?.signature;
  if (typeof text !== 'string' || (signature !== undefined && typeof signature !== 'string')) return undefined;
  return { reasoningText: signature === undefined ? { text } : { text, signature } };
}
