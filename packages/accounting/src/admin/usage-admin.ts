import { InvalidAdminRequestError } from '../errors/invalid-admin-request-error.js';
import type { Caller } from '../keys/caller.js';
import type { UsageGroupBy } from '../ledger/aggregate-usage.js';
import type { UsageLedger } from '../ledger/usage-ledger.js';
import type { AdminUsageReport } from './admin-wire.js';
import { requireMasterKey } from './key-admin.js';

/** Query parameters as they arrive (strings from the URL, or numbers once a validator coerced them). */
export interface AdminUsageQuery {
  readonly group_by?: unknown;
  readonly start?: unknown;
  readonly end?: unknown;
  readonly tenant?: unknown;
}

const groups: readonly UsageGroupBy[] = ['day', 'key', 'model', 'user', 'tag'];
const maximumRangeSeconds = 366 * 86_400;

function unixSeconds(value: unknown, param: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isInteger(parsed) || parsed < 0 || parsed > 253_402_300_799) {
    throw new InvalidAdminRequestError(`'${param}' must be a Unix time in seconds.`, param);
  }
  return parsed;
}

export interface UsageAdmin {
  getUsage(caller: Caller, query: AdminUsageQuery, now?: Date): Promise<AdminUsageReport>;
}

/** The handler behind `GET /v1/admin/usage` (master key only). Defaults: `group_by=day`, the last 30 days. */
export function createUsageAdmin(ledger: UsageLedger): UsageAdmin {
  return {
    async getUsage(caller, query, now = new Date()) {
      requireMasterKey(caller);
      const groupBy = query.group_by ?? 'day';
      if (typeof groupBy !== 'string' || !groups.includes(groupBy as UsageGroupBy)) {
        throw new InvalidAdminRequestError(`'group_by' must be one of ${groups.join(', ')}.`, 'group_by');
      }
      const nowSeconds = Math.floor(now.getTime() / 1000);
      const end = unixSeconds(query.end, 'end', nowSeconds + 1);
      const start = unixSeconds(query.start, 'start', end - 30 * 86_400);
      if (start >= end) throw new InvalidAdminRequestError("'start' must be before 'end'.", 'start');
      if (end - start > maximumRangeSeconds) throw new InvalidAdminRequestError("The range from 'start' to 'end' is at most 366 days.", 'start');
      if (query.tenant !== undefined && (typeof query.tenant !== 'string' || query.tenant === '' || query.tenant.length > 256)) {
        throw new InvalidAdminRequestError("'tenant' must be a non-empty string.", 'tenant');
      }
      const tenant = query.tenant as string | undefined;
      const rows = await ledger.aggregateUsage({
        groupBy: groupBy as UsageGroupBy,
        start: new Date(start * 1000),
        end: new Date(end * 1000),
        ...(tenant === undefined ? {} : { tenant }),
      });
      return {
        object: 'usage.report',
        group_by: groupBy as UsageGroupBy,
        start,
        end,
        tenant: tenant ?? null,
        data: rows.map((row) => ({
          group: row.group,
          requests: row.requests,
          input_tokens: row.inputTokens,
          cached_input_tokens: row.cachedInputTokens,
          output_tokens: row.outputTokens,
          reasoning_tokens: row.reasoningTokens,
          cost_usd: row.costUsd,
        })),
      };
    },
  };
}
