import type { InputItem } from '@switchyard/contract';
import type { Warning } from '@switchyard/core';
import { decodeCompactionToken } from './compaction-token.js';

type Item = Record<string, unknown>;

/** The text a Switchyard compaction item becomes before the upstream call. */
export function summaryMessageText(summary: string): string {
  return `Summary of the earlier part of this conversation (compacted by Switchyard):\n${summary}`;
}

export function summaryMessage(summary: string): InputItem {
  return { role: 'user', content: summaryMessageText(summary) } as InputItem;
}

/**
 * Replaces each Switchyard `compaction` item with a user message carrying its summary (for every
 * provider: no upstream knows Switchyard's token). A foreign compaction item (OpenAI's encrypted
 * history) stays as it is when the provider compacts natively, and is dropped with a warning
 * otherwise: only the provider that made it can read it.
 */
export function expandCompactionItems(items: readonly InputItem[], nativeCompaction: boolean, warnings: Warning[]): InputItem[] {
  const expanded: InputItem[] = [];
  items.forEach((item, index) => {
    const raw = item as unknown as Item;
    if (raw.type !== 'compaction') {
      expanded.push(item);
      return;
    }
    const payload = decodeCompactionToken(raw.encrypted_content);
    if (payload !== undefined) {
      expanded.push(summaryMessage(payload.summary));
      return;
    }
    if (nativeCompaction) {
      expanded.push(item);
      return;
    }
    warnings.push({
      type: 'unsupported-parameter',
      parameter: `input[${index}]`,
      message: 'A compaction item made by another provider cannot be read by this one; it was dropped.',
    });
  });
  return expanded;
}

/**
 * A conversation (stored chain plus this turn's input) after a Switchyard compaction: the latest
 * compaction item that records its kept items, moved in front of those kept items (the items right
 * before it), then everything after it. Earlier items are the ones the summary replaced. Serves
 * both orders: automatic compaction reports [compaction, answer] after the turn's kept input, and
 * `/responses/compact` answers [kept…, compaction].
 */
export function collapseCompactedChain<T>(items: readonly T[]): T[] {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const raw = items[index] as unknown as Item;
    if (raw.type !== 'compaction') continue;
    const kept = decodeCompactionToken(raw.encrypted_content)?.keptItems;
    if (kept === undefined) continue;
    return [items[index] as T, ...items.slice(Math.max(0, index - kept), index), ...items.slice(index + 1)];
  }
  return [...items];
}
