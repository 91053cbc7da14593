import { safeParseJson } from '@switchyard/provider-utils';
import type { AnthropicRedactedThinkingBlock, AnthropicThinkingBlock } from './anthropic-api.js';

const prefix = 'anthropic:';

export type AnthropicReasoningBlock = AnthropicThinkingBlock | AnthropicRedactedThinkingBlock;

/**
 * The `encrypted_content` of a reasoning item: `anthropic:` + base64url of the JSON of the exact
 * upstream block (`{type:"thinking", thinking, signature}` or `{type:"redacted_thinking", data}`),
 * so the next turn can send the block back byte-identical, signature included.
 */
export function encodeAnthropicReasoning(block: AnthropicReasoningBlock): string {
  const canonical: AnthropicReasoningBlock =
    block.type === 'thinking'
      ? { type: 'thinking', thinking: block.thinking, signature: block.signature }
      : { type: 'redacted_thinking', data: block.data };
  return prefix + Buffer.from(JSON.stringify(canonical), 'utf8').toString('base64url');
}

/** Whether an `encrypted_content` was made by this adapter. */
export function isAnthropicReasoning(encryptedContent: string): boolean {
  return encryptedContent.startsWith(prefix);
}

/** The block an `encrypted_content` carries; `undefined` when it is not a well-formed Anthropic one. */
export function decodeAnthropicReasoning(encryptedContent: string): AnthropicReasoningBlock | undefined {
  if (!isAnthropicReasoning(encryptedContent)) return undefined;
  const json = Buffer.from(encryptedContent.slice(prefix.length), 'base64url').toString('utf8');
  const parsed = safeParseJson<Record<string, unknown>>(json);
  if (!parsed.success) return undefined;
  const block = parsed.value;
  if (block['type'] === 'thinking' && typeof block['thinking'] === 'string' && typeof block['signature'] === 'string') {
    return { type: 'thinking', thinking: block['thinking'], signature: block['signature'] };
  }
  if (block['type'] === 'redacted_thinking' && typeof block['data'] === 'string') {
    return { type: 'redacted_thinking', data: block['data'] };
  }
  return undefined;
}
