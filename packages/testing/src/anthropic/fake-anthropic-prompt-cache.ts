import { createHash } from 'node:crypto';
import type { FakeAnthropicBlock, FakeAnthropicRequest } from './fake-anthropic-types.js';

export interface FakeCacheAccount {
  /** All input tokens (fake count: a quarter of the JSON length). */
  readonly totalTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
}

const tokensOf = (text: string): number => Math.ceil(text.length / 4);

/**
 * Prompt-cache accounting like Anthropic's: the prefix (tools, then system, then messages) up to
 * each `cache_control` breakpoint is a cache entry; the longest entry already seen is read, and
 * the prefix up to the last breakpoint beyond it is written. Unlike the real cache there is no
 * minimum cacheable length and no expiry, so small test prompts show cache use.
 */
export class FakeAnthropicPromptCache {
  private readonly entries = new Set<string>();

  /** What `account` would report as all input tokens, without touching the cache (count_tokens). */
  static countTokens(request: FakeAnthropicRequest): number {
    return new FakeAnthropicPromptCache().account(request).totalTokens;
  }

  account(request: FakeAnthropicRequest): FakeCacheAccount {
    let prefix = '';
    const breakpoints: Array<{ hash: string; tokens: number }> = [];
    const add = (piece: unknown, cacheControl: unknown): void => {
      prefix += JSON.stringify(piece);
      if (cacheControl !== undefined) breakpoints.push({ hash: createHash('sha256').update(prefix).digest('hex'), tokens: tokensOf(prefix) });
    };
    for (const tool of request.tools ?? []) add({ ...tool, cache_control: undefined }, tool.cache_control);
    const system: readonly FakeAnthropicBlock[] = typeof request.system === 'string' ? [{ type: 'text', text: request.system }] : (request.system ?? []);
    for (const block of system) add({ ...block, cache_control: undefined }, block.cache_control);
    for (const message of request.messages) {
      const blocks: readonly FakeAnthropicBlock[] = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
      for (const block of blocks) add({ role: message.role, ...block, cache_control: undefined }, block.cache_control);
    }
    const totalTokens = tokensOf(prefix);
    let cacheReadTokens = 0;
    for (const breakpoint of breakpoints) if (this.entries.has(breakpoint.hash)) cacheReadTokens = breakpoint.tokens;
    const last = breakpoints.at(-1);
    const cacheWriteTokens = last === undefined || this.entries.has(last.hash) ? 0 : last.tokens - cacheReadTokens;
    for (const breakpoint of breakpoints) this.entries.add(breakpoint.hash);
    return { totalTokens, cacheReadTokens, cacheWriteTokens };
  }
}
