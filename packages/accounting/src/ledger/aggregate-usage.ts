import type { SqlClient, SqlParameter } from '@switchyard/store';

export type UsageGroupBy = 'day' | 'key' | 'model' | 'user' | 'tag';

export interface AggregateUsageQuery {
  readonly groupBy: UsageGroupBy;
  /** Inclusive. */
  readonly start: Date;
  /** Exclusive. */
  readonly end: Date;
  /** Only this tenant's usage; every tenant when omitted (master key only). */
  readonly tenant?: string;
}

export interface UsageAggregateRow {
  /** The day (`YYYY-MM-DD`, UTC), key id, model, user or tag; `null` for rows without one (no key, no user). */
  readonly group: string | null;
  readonly requests: number;
  readonly inputTokens: number;
  readonly cachedInputTokens: number;
  readonly outputTokens: number;
  readonly reasoningTokens: number;
  readonly costUsd: number;
}

// A fixed map from the validated enum to SQL: no caller text ever reaches the statement.
const groupExpressions: Record<UsageGroupBy, { select: string; from: string }> = {
  day: { select: `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`, from: 'usage_ledger' },
  key: { select: 'key_id', from: 'usage_ledger' },
  model: { select: 'model', from: 'usage_ledger' },
  user: { select: 'end_user', from: 'usage_ledger' },
  tag: { select: 'tag.value', from: 'usage_ledger CROSS JOIN LATERAL jsonb_array_elements_text(tags) AS tag(value)' },
};

interface AggregateRow {
  group_value: string | null;
  requests: string | number;
  input_tokens: string | number;
  cached_input_tokens: string | number;
  output_tokens: string | number;
  reasoning_tokens: string | number;
  cost_usd: string | number;
}

/**
 * Sums request rows (kind 'request': one per client request, already the total of its attempts, so
 * nothing is counted twice). With `tag`, a request with two tags counts in both groups.
 */
export async function aggregateUsage(sql: SqlClient, query: AggregateUsageQuery): Promise<UsageAggregateRow[]> {
  const expression = groupExpressions[query.groupBy];
  const parameters: SqlParameter[] = [query.start, query.end];
  let tenantFilter = '';
  if (query.tenant !== undefined) {
    parameters.push(query.tenant);
    tenantFilter = `AND tenant_id = $${parameters.length}`;
  }
  const result = await sql.query<AggregateRow>(
    `SELECT ${expression.select} AS group_value, count(*) AS requests,
            sum(input_tokens) AS input_tokens, sum(cached_input_tokens) AS cached_input_tokens,
            sum(output_tokens) AS output_tokens, sum(reasoning_tokens) AS reasoning_tokens, sum(cost_usd) AS cost_usd
     FROM ${expression.from}
     WHERE kind = 'request' AND created_at >= $1 AND created_at < $2 ${tenantFilter}
     GROUP BY 1 ORDER BY 1 NULLS LAST`,
    parameters,
  );
  return result.rows.map((row) => ({
    group: row.group_value,
    requests: Number(row.requests),
    inputTokens: Number(row.input_tokens),
    cachedInputTokens: Number(row.cached_input_tokens),
    outputTokens: Number(row.output_tokens),
    reasoningTokens: Number(row.reasoning_tokens),
    costUsd: Number(row.cost_usd),
  }));
}
