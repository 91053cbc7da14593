import type { Migration } from './migration.js';

/**
 * Accounting (owned by @switchyard/accounting): virtual keys hashed at rest, spend-budget counters
 * and reservations, and the usage ledger (one row per upstream attempt and one per request).
 */
export const migration0002Accounting: Migration = {
  id: 2,
  name: 'accounting',
  sql: `
CREATE TABLE api_keys (
  id text PRIMARY KEY,
  tenant_id text NOT NULL,
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  role text NOT NULL DEFAULT 'user' CHECK (role IN ('admin', 'user')),
  allowed_models jsonb,
  rpm integer CHECK (rpm IS NULL OR rpm > 0),
  tpm integer CHECK (tpm IS NULL OR tpm > 0),
  budget_limit_usd numeric CHECK (budget_limit_usd IS NULL OR budget_limit_usd >= 0),
  budget_period text CHECK (budget_period IN ('daily', 'weekly', 'monthly', 'total')),
  expires_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  CHECK ((budget_limit_usd IS NULL) = (budget_period IS NULL))
);
CREATE INDEX api_keys_tenant_created_idx ON api_keys (tenant_id, created_at);

CREATE TABLE budget_counters (
  key_id text NOT NULL,
  period_start timestamptz NOT NULL,
  spent_usd numeric NOT NULL DEFAULT 0 CHECK (spent_usd >= 0),
  reserved_usd numeric NOT NULL DEFAULT 0 CHECK (reserved_usd >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (key_id, period_start)
);

CREATE TABLE budget_reservations (
  id text PRIMARY KEY,
  key_id text NOT NULL,
  period_start timestamptz NOT NULL,
  amount_usd numeric NOT NULL CHECK (amount_usd >= 0),
  actual_usd numeric,
  created_at timestamptz NOT NULL DEFAULT now(),
  settled_at timestamptz
);
CREATE INDEX budget_reservations_open_idx ON budget_reservations (created_at) WHERE settled_at IS NULL;

CREATE TABLE usage_ledger (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('attempt', 'request')),
  request_id text NOT NULL,
  attempt_number integer NOT NULL CHECK (attempt_number >= 0),
  tenant_id text NOT NULL,
  key_id text,
  model text NOT NULL,
  deployment text,
  provider text,
  end_user text,
  tags jsonb NOT NULL DEFAULT '[]'::jsonb,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  input_tokens bigint NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
  cached_input_tokens bigint NOT NULL DEFAULT 0 CHECK (cached_input_tokens >= 0),
  output_tokens bigint NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
  reasoning_tokens bigint NOT NULL DEFAULT 0 CHECK (reasoning_tokens >= 0),
  cost_usd numeric NOT NULL DEFAULT 0 CHECK (cost_usd >= 0),
  latency_ms integer CHECK (latency_ms IS NULL OR latency_ms >= 0),
  status text NOT NULL,
  error_code text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (request_id, kind, attempt_number)
);
CREATE INDEX usage_ledger_tenant_created_idx ON usage_ledger (tenant_id, created_at) WHERE kind = 'request';
CREATE INDEX usage_ledger_created_idx ON usage_ledger (created_at) WHERE kind = 'request';
CREATE INDEX usage_ledger_key_created_idx ON usage_ledger (key_id, created_at) WHERE kind = 'request';
CREATE INDEX usage_ledger_model_created_idx ON usage_ledger (model, created_at) WHERE kind = 'request';
CREATE INDEX usage_ledger_user_created_idx ON usage_ledger (end_user, created_at) WHERE kind = 'request' AND end_user IS NOT NULL;
CREATE INDEX usage_ledger_tags_idx ON usage_ledger USING gin (tags) WHERE kind = 'request';
`,
};
