import type { Migration } from './migration.js';

/** Responses, their items and stored stream events, plus the SQL-enforced status machine. */
export const migration0001InitialSchema: Migration = {
  id: 1,
  name: 'initial_schema',
  sql: `
CREATE TABLE responses (
  id text PRIMARY KEY,
  tenant_id text NOT NULL,
  status text NOT NULL
    CHECK (status IN ('queued', 'in_progress', 'completed', 'failed', 'incomplete', 'cancelled')),
  model text NOT NULL,
  provider text,
  request jsonb NOT NULL,
  snapshot jsonb,
  previous_response_id text,
  background boolean NOT NULL DEFAULT false,
  store boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  error jsonb,
  usage jsonb,
  lease_owner text,
  lease_expires_at timestamptz,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  cancel_requested boolean NOT NULL DEFAULT false
);

CREATE INDEX responses_tenant_created_idx ON responses (tenant_id, created_at);
CREATE INDEX responses_previous_idx ON responses (previous_response_id)
  WHERE previous_response_id IS NOT NULL;
CREATE INDEX responses_claim_idx ON responses (status, lease_expires_at, created_at)
  WHERE background AND status IN ('queued', 'in_progress');

CREATE TABLE response_items (
  response_id text NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('input', 'output')),
  position integer NOT NULL CHECK (position >= 0),
  item_id text NOT NULL,
  item jsonb NOT NULL,
  PRIMARY KEY (response_id, kind, position)
);

CREATE INDEX response_items_cursor_idx ON response_items (response_id, kind, item_id);

CREATE TABLE response_events (
  response_id text NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
  sequence_number integer NOT NULL CHECK (sequence_number >= 0),
  event jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (response_id, sequence_number)
);

CREATE FUNCTION switchyard_check_response_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = OLD.status THEN
    RETURN NEW;
  END IF;
  IF OLD.status = 'queued' AND NEW.status IN ('in_progress', 'failed', 'cancelled') THEN
    RETURN NEW;
  END IF;
  IF OLD.status = 'in_progress'
     AND NEW.status IN ('queued', 'completed', 'failed', 'incomplete', 'cancelled') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'response status cannot change from % to %', OLD.status, NEW.status
    USING ERRCODE = 'check_violation';
END;
$$;

CREATE TRIGGER responses_status_transition
  BEFORE UPDATE OF status ON responses
  FOR EACH ROW EXECUTE FUNCTION switchyard_check_response_transition();
`,
};
