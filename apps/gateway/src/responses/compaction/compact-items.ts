import type { InputItem, ItemResource, ResponseUsage } from '@switchyard/contract';
import { generateId } from '@switchyard/core';
import type { DispatchContext } from '../../routing/dispatch-operation.js';
import type { ResolvedModel } from '../../routing/resolve-model.js';
import { normaliseInputItems } from '../normalise-input-items.js';
import { encodeCompactionToken } from './compaction-token.js';
import { emptyUsage, summariseItems } from './summarise-items.js';

type Item = Record<string, unknown>;

export interface CompactedItems {
  /**
   * What `POST /v1/responses/compact` answers: the kept recent items, then the `compaction` item
   * (when anything was summarised) LAST, as OpenAI's own compact endpoint orders them (see
   * `compactItems`).
   */
  readonly items: ItemResource[];
  readonly usage: ResponseUsage;
  /** The compaction item, when one was made. */
  readonly compaction: ItemResource | undefined;
  /** The summary text, when one was made. */
  readonly summary: string | undefined;
  /** The kept items as they came in (for the upstream call). */
  readonly kept: InputItem[];
}

export interface CompactItemsOptions {
  readonly keepLastTurns: number;
  readonly summariser: ResolvedModel;
  /** `provider/model` of the summariser, recorded in the token. */
  readonly summariserName: string;
  readonly context: DispatchContext;
}

/** Where the kept part starts: at the user message opening the `turns`-th last turn. */
export function keptStart(items: readonly InputItem[], turns: number): number {
  if (turns <= 0) return items.length;
  let seen = 0;
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index] as unknown as Item;
    const isUserMessage = (item.type === undefined || item.type === 'message') && item.role === 'user';
    if (isUserMessage) {
      seen += 1;
      if (seen === turns) return index;
    }
  }
  return 0;
}

/**
 * Summarises everything before the last `keepLastTurns` turns into one Switchyard `compaction`
 * item; the recent turns are kept verbatim. Nothing older than the kept turns: the items come
 * back unchanged, without a summarising call.
 *
 * Order of `items`, [kept…, compaction]: OpenAI's reference for `POST /responses/compact` (the
 * example of the `CompactResource` schema and the operation's response example in its OpenAPI
 * document) lists the retained input messages first and the `compaction` item last. The token
 * records how many kept items precede it (`keptItems`), so `collapseCompactedChain` puts the
 * summary back in front of them before the upstream call, whichever order the items arrive in.
 */
export async function compactItems(items: readonly InputItem[], options: CompactItemsOptions): Promise<CompactedItems> {
  const start = keptStart(items, options.keepLastTurns);
  const keptRaw = items.slice(start);
  const kept = normaliseInputItems(keptRaw as InputItem[]);
  if (start === 0) return { items: kept, usage: emptyUsage, compaction: undefined, summary: undefined, kept: keptRaw };
  const older = items.slice(0, start);
  const { summary, usage } = await summariseItems(older, options.summariser, options.context);
  const compaction = {
    type: 'compaction',
    id: generateId('cmp'),
    encrypted_content: encodeCompactionToken({
      version: 1,
      summary,
      model: options.summariserName,
      replacedItems: older.length,
      keptItems: keptRaw.length,
    }),
  } as unknown as ItemResource;
  return { items: [...kept, compaction], usage, compaction, summary, kept: keptRaw };
}
