import type { CreateResponse, ItemResource, OutputItem, Response, ResponseError, ResponseUsage } from '@switchyard/contract';
import type { ResponseStatus } from './response-status.js';
import { runAccountingFrom, type RunAccounting } from './run-accounting.js';

/** An input item as stored and listed by `input_items` (always with an `id`). */
export type StoredInputItem = ItemResource;
/** An output item as the model produced it. */
export type StoredOutputItem = OutputItem;

/** One row of `responses`, typed. */
export interface StoredResponse {
  readonly id: string;
  readonly tenantId: string;
  readonly status: ResponseStatus;
  readonly model: string;
  /** The provider that served it once it completed (as routed); before that, the one it was planned for. */
  readonly provider: string | null;
  /** The routing deployment that served it; null when unknown (see migration 0005). */
  readonly deployment: string | null;
  /** The request as accepted (after validation), replayed by the background worker. */
  readonly request: CreateResponse;
  /** The latest `Response` object; its `status` is kept equal to `status` by every transition. */
  readonly snapshot: Response | null;
  readonly previousResponseId: string | null;
  readonly background: boolean;
  readonly store: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** When the row reached a terminal status (any of them, not only `completed`). */
  readonly completedAt: Date | null;
  readonly error: ResponseError;
  readonly usage: ResponseUsage | null;
  readonly leaseOwner: string | null;
  readonly leaseExpiresAt: Date | null;
  /** How many times a worker claimed this run. */
  readonly attempts: number;
  readonly cancelRequested: boolean;
  /** A background run's admission (key id, ledger request id, reservation); null for foreground responses. */
  readonly accounting: RunAccounting | null;
}

/** The raw row both drivers return (jsonb already parsed, timestamptz as Date or string). */
export interface ResponseRow {
  id: string;
  tenant_id: string;
  status: ResponseStatus;
  model: string;
  provider: string | null;
  /** Absent in rows read before migration 0005 ran. */
  deployment?: string | null;
  request: CreateResponse;
  snapshot: Response | null;
  previous_response_id: string | null;
  background: boolean;
  store: boolean;
  created_at: Date | string;
  updated_at: Date | string;
  completed_at: Date | string | null;
  error: ResponseError | null;
  usage: ResponseUsage | null;
  lease_owner: string | null;
  lease_expires_at: Date | string | null;
  attempts: number | string;
  cancel_requested: boolean;
  /** Absent in rows read before migration 0004 ran. */
  accounting?: unknown;
}

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

function toOptionalDate(value: Date | string | null): Date | null {
  return value === null ? null : toDate(value);
}

export function responseFromRow(row: ResponseRow): StoredResponse {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    status: row.status,
    model: row.model,
    provider: row.provider,
    deployment: row.deployment ?? null,
    request: row.request,
    snapshot: row.snapshot,
    previousResponseId: row.previous_response_id,
    background: row.background,
    store: row.store,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    completedAt: toOptionalDate(row.completed_at),
    error: row.error ?? null,
    usage: row.usage,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: toOptionalDate(row.lease_expires_at),
    attempts: Number(row.attempts),
    cancelRequested: row.cancel_requested,
    accounting: runAccountingFrom(row.accounting),
  };
}

/** Keeps the snapshot's `status` in step with the column; a NULL snapshot stays NULL. */
export function snapshotStatusSql(statusExpression: string): string {
  return `jsonb_set(snapshot, '{status}', to_jsonb(${statusExpression}::text))`;
}
