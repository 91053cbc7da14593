import type { Migration } from './migration.js';

/**
 * What a background run needs to be metered like the request that queued it (`accounting jsonb`:
 * ledger request id, key id, tenant, model, estimated tokens, budget reservation; never a key's
 * secret or hash), and an index that lets budget housekeeping skip reservations of live runs.
 */
export const migration0004RunAccounting: Migration = {
  id: 4,
  name: 'run_accounting',
  sql: `
ALTER TABLE responses ADD COLUMN accounting jsonb;

CREATE INDEX responses_live_reservation_idx ON responses ((accounting #>> '{reservation,id}'))
  WHERE background AND status IN ('queued', 'in_progress') AND accounting IS NOT NULL;
`,
};
