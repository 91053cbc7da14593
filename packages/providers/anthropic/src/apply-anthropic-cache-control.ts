import type {
  AnthropicContentBlock,
  AnthropicMessage,
  AnthropicRedactedThinkingBlock,
  AnthropicTextBlock,
  AnthropicThinkingBlock,
} from './anthropic-api.js';

type CacheableBlock = Exclude<AnthropicContentBlock, AnthropicThinkingBlock | AnthropicRedactedThinkingBlock>;

/** Anthropic accepts at most this many `cache_control` breakpoints per request. */
export const maxCacheBreakpoints = 4;

const cacheable = (block: AnthropicContentBlock): block is CacheableBlock => block.type !== 'thinking' && block.type !== 'redacted_thinking';

/**
 * Automatic prompt caching: an ephemeral `cache_control` breakpoint on the last system block
 * (the `instructions` prefix, which also covers the tools before it) and on the last cacheable
 * block of the stable conversation prefix (the message before the newest user turn), so the next
 * turn reads both from the cache. Mutates the given blocks; returns how many breakpoints it set.
 */
export function applyAnthropicCacheControl(system: AnthropicTextBlock[], messages: AnthropicMessage[]): number {
  let breakpoints = 0;
  const lastSystem = system.at(-1);
  if (lastSystem !== undefined) {
    lastSystem.cache_control = { type: 'ephemeral' };
    breakpoints += 1;
  }
  let newestUser = messages.length - 1;
  while (newestUser >= 0 && messages[newestUser]?.role !== 'user') newestUser -= 1;
  for (let index = newestUser - 1; index >= 0 && breakpoints < maxCacheBreakpoints; index -= 1) {
    const block = messages[index]?.content.findLast(cacheable);
    if (block !== undefined) {
      block.cache_control = { type: 'ephemeral' };
      breakpoints += 1;
      break;
    }
  }
  return breakpoints;
}
