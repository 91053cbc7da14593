import { InvalidListParameterError } from '../errors/invalid-list-parameter-error.js';
import type { SqlClient } from '../sql/sql-client.js';
import { itemIdOf } from './item-id.js';
import type { StoredInputItem } from './stored-response.js';

export interface ListInputItemsOptions {
  /** Id of an item of this response; the page starts right after it in `order`. */
  readonly after?: string;
  /** 1..100; 20 when omitted. */
  readonly limit?: number;
  /** `desc` (newest first, OpenAI's default) or `asc`. */
  readonly order?: 'asc' | 'desc';
}

export interface InputItemPage {
  readonly data: StoredInputItem[];
  readonly first_id: string | null;
  readonly last_id: string | null;
  readonly has_more: boolean;
}

function checkedLimit(limit: number | undefined): number {
  if (limit === undefined) return 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new InvalidListParameterError('limit', 'limit must be an integer between 1 and 100.');
  }
  return limit;
}

/**
 * One page of a response's input items. Undefined when the response is unknown or another
 * tenant's; an `after` that is not an item of this response is a 400.
 */
export async function listInputItems(
  client: SqlClient,
  tenantId: string,
  id: string,
  options: ListInputItemsOptions = {},
): Promise<InputItemPage | undefined> {
  const limit = checkedLimit(options.limit);
  const order = options.order ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw new InvalidListParameterError('order', "order must be 'asc' or 'desc'.");
  return client.transaction(async (transaction) => {
    const owner = await transaction.query('SELECT 1 FROM responses WHERE id = $1 AND tenant_id = $2', [id, tenantId]);
    if (owner.rows.length === 0) return undefined;
    let cursor: number | null = null;
    if (options.after !== undefined) {
      const found = await transaction.query<{ position: number }>(
        `SELECT min(position) AS position FROM response_items WHERE response_id = $1 AND kind = 'input' AND item_id = $2`,
        [id, options.after],
      );
      const position = found.rows[0]?.position;
      if (position === undefined || position === null) {
        throw new InvalidListParameterError('after', `No input item with id '${options.after.slice(0, 200)}' in this response.`);
      }
      cursor = Number(position);
    }
    const comparison = order === 'asc' ? '>' : '<';
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    const page = await transaction.query<{ item: StoredInputItem }>(
      `SELECT item FROM response_items
       WHERE response_id = $1 AND kind = 'input' AND ($2::integer IS NULL OR position ${comparison} $2::integer)
       ORDER BY position ${direction}
       LIMIT $3`,
      [id, cursor, limit + 1],
    );
    const data = page.rows.slice(0, limit).map((row) => row.item);
    const first = data[0];
    const last = data[data.length - 1];
    return {
      data,
      first_id: first === undefined ? null : (itemIdOf(first) ?? null),
      last_id: last === undefined ? null : (itemIdOf(last) ?? null),
      has_more: page.rows.length > limit,
    };
  });
}
