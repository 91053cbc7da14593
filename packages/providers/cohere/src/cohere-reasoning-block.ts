/**
 * The opaque `encrypted_content` this adapter puts on reasoning items: `cohere:` + base64url of the
 * JSON of the exact upstream block, so the next turn sends the block back byte-identical.
 * - `thinking`: a `{type:"thinking", thinking}` content block of the assistant message;
 * - `tool_plan`: the assistant message's `tool_plan` text.
 */
export type CohereReasoningBlock = { type: 'thinking'; thinking: string } | { type: 'tool_plan'; tool_plan: string };

const prefix = 'cohere:';

export function encodeCohereReasoningBlock(block: CohereReasoningBlock): string {
  return prefix + Buffer.from(JSON.stringify(block), 'utf8').toString('base64url');
}

/** The block carried by `encrypted_content`, or `undefined` when it is not this adapter's (or is damaged). */
export function decodeCohereReasoningBlock(encryptedContent: string | null | undefined): CohereReasoningBlock | undefined {
  if (typeof encryptedContent !== 'string' || !encryptedContent.startsWith(prefix)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encryptedContent.slice(prefix.length), 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  if (record.type === 'thinking' && typeof record.thinking === 'string') return { type: 'thinking', thinking: record.thinking };
  if (record.type === 'tool_plan' && typeof record.tool_plan === 'string') return { type: 'tool_plan', tool_plan: record.tool_plan };
  return undefined;
}
