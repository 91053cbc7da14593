import { startFakeOpenAIUpstream, type FakeOpenAIUpstream } from '@switchyard/testing';
import type { SqlClient } from '@switchyard/store';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedStorage } from '../state/open-storage.js';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';
import { waitFor } from './stateful-fixture.js';

interface LedgerRow {
  kind: 'attempt' | 'request';
  attempt_number: number;
  deployment: string | null;
  status: string;
  error_code: string | null;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
}

interface CreatedKey {
  id: string;
  key: string;
  tenant: string;
}

const upstreamKey = 'sk-upstream-background-accounting';
// gpt-4o-mini in the built-in table: 0.15 USD per million input tokens, 0.60 per million output tokens.
const costOf = (input: number, output: number) => (input * 0.15 + output * 0.6) / 1_000_000;

/**
 * Background runs are admitted when they are queued, then routed, metered and priced by the worker
 * like foreground requests; budgets cover every deployment of the route; unknown prices are refused
 * for budgeted keys. End to end with the openai client.
 */
export function defineBackgroundAccountingSuite(name: string, openStorage: () => Promise<OpenedStorage | undefined>): void {
  describe(`background accounting (${name})`, () => {
    let upstream: FakeOpenAIUpstream;
    let dear: FakeOpenAIUpstream;
    let gateway: TestGateway;
    let master: OpenAI;
    let sql: SqlClient;

    const clientWith = (apiKey: string) => new OpenAI({ apiKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    const createKey = async (body: Record<string, unknown>): Promise<CreatedKey> => {
      const tenant = `tenant-${Math.random().toString(36).slice(2, 10)}`;
      const created = await master.post<{ id: string; key: string }>('/admin/keys', { body: { name: 'background', tenant, ...body } });
      return { ...created, tenant };
    };
    const ledgerOf = async (keyId: string): Promise<LedgerRow[]> => {
      const result = await sql.query<LedgerRow>(
        `SELECT kind, attempt_number, deployment, status, error_code, input_tokens::int AS input_tokens, output_tokens::int AS output_tokens, cost_usd::float8 AS cost_usd
         FROM usage_ledger WHERE key_id = $1 ORDER BY kind, attempt_number`,
        [keyId],
      );
      return result.rows;
    };
    const requestRowsOf = async (keyId: string) => (await ledgerOf(keyId)).filter((row) => row.kind === 'request');
    const reservationsOf = async (keyId: string) =>
      (await sql.query<{ amount_usd: number; actual_usd: number | null; settled: boolean }>(
        'SELECT amount_usd::float8 AS amount_usd, actual_usd::float8 AS actual_usd, settled_at IS NOT NULL AS settled FROM budget_reservations WHERE key_id = $1',
        [keyId],
      )).rows;
    const storedResponsesOf = async (tenant: string) =>
      Number((await sql.query<{ count: string }>('SELECT count(*) AS count FROM responses WHERE tenant_id = $1', [tenant])).rows[0]?.count);
    const generations = (fake: FakeOpenAIUpstream) => fake.requests.filter((request) => request.method === 'POST').length;
    const finished = (client: OpenAI, id: string) =>
      waitFor(() => client.responses.retrieve(id), (response) => response.status !== 'queued' && response.status !== 'in_progress');

    beforeAll(async () => {
      upstream = await startFakeOpenAIUpstream({ apiKey: upstreamKey });
      dear = await startFakeOpenAIUpstream({ apiKey: upstreamKey });
      const storage = await openStorage();
      gateway = await startTestGateway({
        config: {
          providers: {
            openai: { type: 'openai', api_key: upstreamKey, base_url: upstream.url },
            dear: { type: 'openai', api_key: upstreamKey, base_url: dear.url },
          },
          routing: {
            retry: { max_retries: 2, base_delay_ms: 1, max_delay_ms: 5 },
            // Cooldowns are not under test here (and may be shared through Redis with other files).
            cooldown: { allowed_fails: 1000 },
            deployments: [
              { name: 'cheap', provider: 'openai', model: 'gpt-4o-mini', prices: { input: 0.15, output: 0.6 } },
              { name: 'dear-fallback', provider: 'dear', model: 'gpt-4o-mini', prices: { input: 10, output: 40 } },
              { name: 'mystery', provider: 'openai', model: 'mystery-model-x' },
            ],
            aliases: { fast: { deployments: ['cheap'], fallbacks: ['dear/gpt-4o-mini'] } },
          },
        },
        ...(storage === undefined ? {} : { storage }),
      });
      master = clientWith(testMasterKey);
      sql = gateway.gateway.state().store.sql;
    });
    afterAll(async () => {
      await gateway?.close();
      await upstream?.close();
      await dear?.close();
    });

    it('a background run with a virtual key: one request row with the upstream usage and its cost, an attempt row per upstream attempt (503 retried)', async () => {
      const created = await createKey({});
      const client = clientWith(created.key);
      upstream.enqueue({ kind: 'error', status: 503 });
      const queued = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Background accounting', background: true });
      expect(queued.status).toBe('queued');
      const done = await finished(client, queued.id);
      expect(done.status).toBe('completed');
      const input = done.usage?.input_tokens ?? 0;
      const output = done.usage?.output_tokens ?? 0;
      expect(input).toBeGreaterThan(0);

      await expect.poll(async () => (await requestRowsOf(created.id)).length).toBe(1);
      const rows = await ledgerOf(created.id);
      const [request] = rows.filter((row) => row.kind === 'request');
      expect(request).toMatchObject({ status: 'completed', input_tokens: input, output_tokens: output, deployment: 'cheap' });
      expect(request!.cost_usd).toBeCloseTo(costOf(input, output), 10);
      const attempts = rows.filter((row) => row.kind === 'attempt');
      expect(attempts.map((row) => row.attempt_number)).toEqual(attempts.map((_row, index) => index + 1));
      expect(attempts[0]).toMatchObject({ status: 'failed', output_tokens: 0, cost_usd: 0 });
      expect(attempts.at(-1)).toMatchObject({ status: 'completed', input_tokens: input, output_tokens: output });
    });

    it('a run reclaimed after its worker died continues the attempt numbers and is billed once', async () => {
      const created = await createKey({});
      const requestId = `req_reclaimed_${Math.random().toString(36).slice(2, 12)}`;
      const responseId = `resp_reclaimed${Math.random().toString(36).slice(2, 12)}`;
      const accounting = { requestId, tenantId: created.tenant, keyId: created.id, model: 'openai/gpt-4o-mini', estimatedTokens: 100, reservation: null };
      // What the dead worker left: its first attempt's row, and the run in progress with a lapsed lease.
      await sql.query(
        `INSERT INTO usage_ledger (kind, request_id, attempt_number, tenant_id, key_id, model, deployment, provider, status, error_code)
         VALUES ('attempt', $1, 1, $2, $3, 'openai/gpt-4o-mini', 'cheap', 'openai', 'failed', 'server_error')`,
        [requestId, created.tenant, created.id],
      );
      await sql.query(
        `INSERT INTO responses (id, tenant_id, status, model, provider, request, background, lease_owner, lease_expires_at, attempts, accounting)
         VALUES ($1, $2, 'in_progress', 'openai/gpt-4o-mini', 'openai', $3::jsonb, true, 'worker_dead', now() - interval '1 second', 1, $4::jsonb)`,
        [responseId, created.tenant, JSON.stringify({ model: 'openai/gpt-4o-mini', input: 'Reclaimed work', background: true }), JSON.stringify(accounting)],
      );
      const statusOf = async () =>
        (await sql.query<{ status: string; usage: { input_tokens: number; output_tokens: number } | null }>('SELECT status, usage FROM responses WHERE id = $1', [responseId])).rows[0];
      await expect.poll(async () => (await statusOf())?.status, { timeout: 15_000 }).toBe('completed');
      const done = { usage: (await statusOf())?.usage };
      await expect.poll(async () => (await requestRowsOf(created.id)).length).toBe(1);
      const rows = await ledgerOf(created.id);
      const attempts = rows.filter((row) => row.kind === 'attempt');
      expect(attempts.map((row) => row.attempt_number)).toEqual([1, 2]);
      expect(attempts[1]).toMatchObject({ status: 'completed', input_tokens: done.usage?.input_tokens });
      expect(rows.filter((row) => row.kind === 'request')[0]).toMatchObject({ status: 'completed', output_tokens: done.usage?.output_tokens });
    });

    it('a run whose dead worker had streamed output is ended, not restarted, and billed its reservation (fails closed)', async () => {
      const created = await createKey({ budget: { limit_usd: 1, period: 'total' } });
      const requestId = `req_interrupted_${Math.random().toString(36).slice(2, 12)}`;
      const responseId = `resp_interrupted${Math.random().toString(36).slice(2, 12)}`;
      const periodStart = '1970-01-01T00:00:00.000Z';
      await sql.query(`INSERT INTO budget_counters (key_id, period_start, reserved_usd) VALUES ($1, $2, 0.25)`, [created.id, periodStart]);
      await sql.query(`INSERT INTO budget_reservations (id, key_id, period_start, amount_usd) VALUES ($1, $2, $3, 0.25)`, [requestId, created.id, periodStart]);
      const accounting = { requestId, tenantId: created.tenant, keyId: created.id, model: 'openai/gpt-4o-mini', estimatedTokens: 100, reservation: { id: requestId, amountUsd: 0.25, periodStart } };
      await sql.query(
        `INSERT INTO responses (id, tenant_id, status, model, provider, request, background, lease_owner, lease_expires_at, attempts, accounting)
         VALUES ($1, $2, 'in_progress', 'openai/gpt-4o-mini', 'openai', $3::jsonb, true, 'worker_dead', now() + interval '1 minute', 1, $4::jsonb)`,
        [responseId, created.tenant, JSON.stringify({ model: 'openai/gpt-4o-mini', input: 'Interrupted work', background: true }), JSON.stringify(accounting)],
      );
      await sql.query(
        `INSERT INTO response_events (response_id, sequence_number, event) VALUES ($1, 0, $2::jsonb), ($1, 1, $3::jsonb), ($1, 2, $4::jsonb)`,
        [
          responseId,
          JSON.stringify({ type: 'response.created', sequence_number: 0 }),
          JSON.stringify({ type: 'response.queued', sequence_number: 1 }),
          JSON.stringify({ type: 'response.output_text.delta', sequence_number: 2, item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Half a sen' }),
        ],
      );
      const before = generations(upstream);
      // The dead worker's lease lapses now (inserted live, so no worker could claim it before its events existed).
      await sql.query(`UPDATE responses SET lease_expires_at = now() - interval '1 second' WHERE id = $1`, [responseId]);
      await expect.poll(async () => (await sql.query<{ status: string }>('SELECT status FROM responses WHERE id = $1', [responseId])).rows[0]?.status, { timeout: 15_000 }).toBe('failed');
      expect(generations(upstream)).toBe(before);
      await expect.poll(async () => (await requestRowsOf(created.id)).length).toBe(1);
      expect((await requestRowsOf(created.id))[0]).toMatchObject({ status: 'failed', cost_usd: 0.25 });
      expect((await reservationsOf(created.id))[0]).toMatchObject({ settled: true, actual_usd: 0.25 });
    });

    it('a key revoked after its run was queued still finishes the admitted run, billed to that key', async () => {
      const created = await createKey({ budget: { limit_usd: 1, period: 'daily' } });
      upstream.enqueue({ kind: 'delay', ms: 300 });
      const queued = await clientWith(created.key).responses.create({ model: 'openai/gpt-4o-mini', input: 'Before the revocation', background: true });
      await master.delete(`/admin/keys/${created.id}`);
      await expect.poll(async () => (await sql.query<{ status: string }>('SELECT status FROM responses WHERE id = $1', [queued.id])).rows[0]?.status, { timeout: 15_000 }).toBe('completed');
      await expect.poll(async () => (await requestRowsOf(created.id)).length).toBe(1);
      expect((await requestRowsOf(created.id))[0]!.status).toBe('completed');
      await expect.poll(async () => (await reservationsOf(created.id))[0]?.settled).toBe(true);
    });

    it('a background create over the key budget is a 402 at once: nothing stored, nothing called', async () => {
      const created = await createKey({ budget: { limit_usd: 0.0001, period: 'daily' } });
      const before = generations(upstream);
      const refused = await clientWith(created.key)
        .responses.create({ model: 'openai/gpt-4o-mini', input: 'too dear', background: true, max_output_tokens: 1000 })
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(OpenAI.APIError);
      expect(refused).toMatchObject({ status: 402, code: 'budget_exceeded' });
      expect(await storedResponsesOf(created.tenant)).toBe(0);
      expect(generations(upstream)).toBe(before);
    });

    it('a background create over the key rate limit is a 429 at once with x-ratelimit-* headers: only the admitted run is stored', async () => {
      const created = await createKey({ rpm: 1 });
      const client = clientWith(created.key);
      const first = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'one', background: true });
      const refused = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'two', background: true }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
      const error = refused as InstanceType<typeof OpenAI.RateLimitError>;
      expect(error.code).toBe('rate_limit_exceeded');
      expect(error.headers.get('x-ratelimit-remaining-requests')).toBe('0');
      expect(await storedResponsesOf(created.tenant)).toBe(1);
      expect((await finished(client, first.id)).status).toBe('completed');
    });

    it('a cancelled background run is billed for what it produced and its reservation is settled', async () => {
      const created = await createKey({ budget: { limit_usd: 5, period: 'daily' } });
      const client = clientWith(created.key);
      upstream.enqueue({ kind: 'slow-stream', intervalMs: 100 });
      const queued = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'A long story, please', background: true });
      const store = gateway.gateway.state().store;
      await waitFor(
        async () => (await store.readEvents(created.tenant, queued.id)) ?? [],
        (events) => events.some((event) => event.type === 'response.output_text.delta'),
      );
      expect(await client.responses.cancel(queued.id)).toMatchObject({ status: 'cancelled' });

      await expect.poll(async () => (await requestRowsOf(created.id)).length, { timeout: 10_000 }).toBe(1);
      const [request] = await requestRowsOf(created.id);
      expect(request!.status).toBe('cancelled');
      expect(request!.output_tokens).toBeGreaterThan(0);
      expect(request!.cost_usd).toBeGreaterThan(0);
      await expect.poll(async () => (await reservationsOf(created.id))[0]?.settled).toBe(true);
      const [reservation] = await reservationsOf(created.id);
      expect(reservation!.actual_usd).toBeCloseTo(request!.cost_usd, 10);
      expect(reservation!.actual_usd).toBeLessThanOrEqual(reservation!.amount_usd);
    });

    it('the budget reservation covers a pricier fallback of the route (402 when only the primary would fit)', async () => {
      // Worst cases for 1000 output tokens: cheap ≈ 0.0006 USD, the dear fallback ≈ 0.04 USD.
      const tight = await createKey({ budget: { limit_usd: 0.01, period: 'daily' } });
      const before = generations(upstream) + generations(dear);
      const refused = await clientWith(tight.key)
        .responses.create({ model: 'fast', input: 'Hello', max_output_tokens: 1000 })
        .catch((error: unknown) => error);
      expect(refused).toMatchObject({ status: 402, code: 'budget_exceeded' });
      expect(generations(upstream) + generations(dear)).toBe(before);

      const roomy = await createKey({ budget: { limit_usd: 1, period: 'daily' } });
      upstream.enqueue({ kind: 'error', status: 500 });
      const { response } = await clientWith(roomy.key).responses.create({ model: 'fast', input: 'Hello', max_output_tokens: 1000 }).withResponse();
      expect(response.headers.get('x-switchyard-deployment')).toBe('dear-fallback');
      await expect.poll(async () => (await reservationsOf(roomy.id))[0]?.settled).toBe(true);
      const [reservation] = await reservationsOf(roomy.id);
      expect(reservation!.amount_usd).toBeGreaterThanOrEqual(0.04);
      // Billed at the prices of the deployment that answered.
      const [request] = await requestRowsOf(roomy.id);
      expect(request!.deployment).toBe('dear-fallback');
      expect(request!.cost_usd).toBeCloseTo((request!.input_tokens * 10 + request!.output_tokens * 40) / 1_000_000, 10);
      expect(reservation!.actual_usd).toBeCloseTo(request!.cost_usd, 10);
    });

    it('a model with no known price is refused for a budgeted key (403 model_price_unknown, no upstream call) and served at cost 0 otherwise', async () => {
      const budgeted = await createKey({ budget: { limit_usd: 1, period: 'daily' } });
      const before = generations(upstream);
      for (const background of [false, true]) {
        const refused = await clientWith(budgeted.key)
          .responses.create({ model: 'openai/mystery-model-x', input: 'Hi', background })
          .catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(OpenAI.PermissionDeniedError);
        const error = refused as InstanceType<typeof OpenAI.PermissionDeniedError>;
        expect(error.code).toBe('model_price_unknown');
        expect(error.message).toContain('prices');
      }
      expect(generations(upstream)).toBe(before);
      expect(await storedResponsesOf(budgeted.tenant)).toBe(0);

      const unbudgeted = await createKey({});
      const answer = await clientWith(unbudgeted.key).responses.create({ model: 'openai/mystery-model-x', input: 'Hi' });
      expect(answer.status).toBe('completed');
      await expect.poll(async () => (await requestRowsOf(unbudgeted.id)).length).toBe(1);
      expect((await requestRowsOf(unbudgeted.id))[0]!.cost_usd).toBe(0);
    });
  });
}
