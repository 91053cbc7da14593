import type { Migration } from './migration.js';

/** `item_reference` lookups by item id, and `Idempotency-Key` → response id mappings per tenant. */
export const migration0003ItemReferencesAndIdempotency: Migration = {
  id: 3,
  name: 'item_references_and_idempotency',
  sql: `
CREATE INDEX response_items_item_id_idx ON response_items (item_id);

CREATE TABLE idempotency_keys (
  tenant_id text NOT NULL,
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  response_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, idempotency_key)
);
`,
};
