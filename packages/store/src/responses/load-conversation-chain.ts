import { PreviousResponseNotFoundError } from '../errors/previous-response-not-found-error.js';
import type { SqlClient } from '../sql/sql-client.js';
import type { ResponseStatus } from './response-status.js';
import type { StoredInputItem, StoredOutputItem } from './stored-response.js';

export interface ChainLink {
  readonly id: string;
  readonly status: ResponseStatus;
  /** The provider that produced it (as routed), when known. */
  readonly provider: string | null;
  /** The routing deployment that produced it, when known. */
  readonly deployment: string | null;
}

/** Where one item of the chain comes from. */
export interface ChainItemOrigin {
  readonly responseId: string;
  readonly provider: string | null;
  readonly deployment: string | null;
  readonly kind: 'input' | 'output';
}

export interface ConversationChain {
  /** The responses of the chain, oldest first; the last one is `previousResponseId`. */
  readonly responses: readonly ChainLink[];
  /** For each response, oldest first: its input items then its output items, in position order. */
  readonly items: ReadonlyArray<StoredInputItem | StoredOutputItem>;
  /** `origins[i]` tells which response (and provider) `items[i]` belongs to, and whether it was input or output. */
  readonly origins: readonly ChainItemOrigin[];
}

export interface LoadConversationChainOptions {
  /** Longest chain followed; a longer one fails like a missing ancestor. 10 000 when omitted. */
  readonly maxDepth?: number;
}

interface LinkRow {
  id: string;
  previous_response_id: string | null;
  status: ResponseStatus;
  store: boolean;
  provider: string | null;
  deployment: string | null;
  depth: number;
}

/**
 * Expands `previous_response_id`. Every link must belong to `tenantId`, be stored (`store: true`)
 * and still exist; otherwise the whole call fails with {@link PreviousResponseNotFoundError}
 * (never a silently shortened transcript).
 */
export async function loadConversationChain(
  client: SqlClient,
  tenantId: string,
  previousResponseId: string,
  options: LoadConversationChainOptions = {},
): Promise<ConversationChain> {
  const maxDepth = options.maxDepth ?? 10_000;
  return client.transaction(async (transaction) => {
    const links = await transaction.query<LinkRow>(
      `WITH RECURSIVE chain AS (
         SELECT id, previous_response_id, status, store, provider, deployment, 0 AS depth
         FROM responses WHERE id = $1 AND tenant_id = $2
         UNION ALL
         SELECT parent.id, parent.previous_response_id, parent.status, parent.store, parent.provider, parent.deployment, chain.depth + 1
         FROM responses parent JOIN chain ON parent.id = chain.previous_response_id
         WHERE parent.tenant_id = $2 AND chain.depth < $3
       )
       SELECT id, previous_response_id, status, store, provider, deployment, depth FROM chain ORDER BY depth DESC`,
      [previousResponseId, tenantId, maxDepth],
    );
    const oldest = links.rows[0];
    const complete = oldest !== undefined && oldest.previous_response_id === null && links.rows.every((link) => link.store);
    if (!complete) throw new PreviousResponseNotFoundError(previousResponseId);
    const ids = links.rows.map((link) => link.id);
    const items = await transaction.query<{ item: StoredInputItem | StoredOutputItem; response_id: string; kind: 'input' | 'output' }>(
      `SELECT items.item, items.response_id, items.kind
       FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY AS chain (id, ordinality)
       JOIN response_items items ON items.response_id = chain.id
       ORDER BY chain.ordinality, CASE items.kind WHEN 'input' THEN 0 ELSE 1 END, items.position`,
      [JSON.stringify(ids)],
    );
    const byId = new Map(links.rows.map((link) => [link.id, link]));
    return {
      responses: links.rows.map((link) => ({ id: link.id, status: link.status, provider: link.provider, deployment: link.deployment })),
      items: items.rows.map((row) => row.item),
      origins: items.rows.map((row) => {
        const link = byId.get(row.response_id);
        return { responseId: row.response_id, provider: link?.provider ?? null, deployment: link?.deployment ?? null, kind: row.kind };
      }),
    };
  });
}
