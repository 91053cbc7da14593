import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteClient } from './create-pglite-client.js';
import type { SqlClient } from './sql-client.js';

describe('createPgliteClient (statements on the wire protocol, prepared once per text)', () => {
  let client: SqlClient;
  const sql = (): SqlClient => client;

  beforeAll(async () => {
    client = await createPgliteClient({ dataDir: 'memory://' });
    await client.exec(`CREATE TABLE notes (id integer PRIMARY KEY, body text, done boolean, at timestamptz, data jsonb, amount numeric)`);
  }, 60_000);
  afterAll(() => client.close());

  it('binds every parameter kind and reads the columns back with their types', async () => {
    const at = new Date(Date.UTC(2026, 10, 22, 5, 6, 7, 89));
    await sql().query('INSERT INTO notes (id, body, done, at, data, amount) VALUES ($1, $2, $3, $4, $5::jsonb, $6)', [
      1,
      "it's \"quoted\" ✓",
      true,
      at,
      JSON.stringify({ list: [1, 'two'], nested: { ok: false } }),
      0.125,
    ]);
    await sql().query('INSERT INTO notes (id, body, done, at, data, amount) VALUES ($1, $2, $3, $4, $5::jsonb, $6)', [2, null, false, null, null, null]);
    const result = await sql().query('SELECT id, body, done, at, data, amount::float8 AS amount FROM notes WHERE id = ANY(ARRAY[$1::integer, $2::integer]) ORDER BY id', [1, 2]);
    expect(result.rows).toEqual([
      { id: 1, body: "it's \"quoted\" ✓", done: true, at, data: { list: [1, 'two'], nested: { ok: false } }, amount: 0.125 },
      { id: 2, body: null, done: false, at: null, data: null, amount: null },
    ]);
    expect(result.rowCount).toBe(0);
    const updated = await sql().query('UPDATE notes SET done = $2 WHERE id <= $1', [2, true]);
    expect(updated.rowCount).toBe(2);
    const text = await sql().query<{ value: string }>('SELECT $1::text AS value', [false]);
    expect(text.rows).toEqual([{ value: 'false' }]);
  });

  it('runs the same text again with other values (a prepared statement), also after it failed', async () => {
    const insert = 'INSERT INTO notes (id, body) VALUES ($1, $2) RETURNING id, body';
    expect((await sql().query(insert, [10, 'ten'])).rows).toEqual([{ id: 10, body: 'ten' }]);
    await expect(sql().query(insert, [10, 'again'])).rejects.toThrow(/duplicate key/);
    expect((await sql().query(insert, [11, 'eleven'])).rows).toEqual([{ id: 11, body: 'eleven' }]);
    const select = 'SELECT body FROM notes WHERE id = $1';
    expect((await sql().query(select, [10])).rows).toEqual([{ body: 'ten' }]);
    expect((await sql().query(select, [11])).rows).toEqual([{ body: 'eleven' }]);
  });

  it('reports a syntax error and keeps working', async () => {
    await expect(sql().query('SELEC nothing', [])).rejects.toThrow(/syntax error/);
    await expect(sql().query('SELEC nothing', [])).rejects.toThrow(/syntax error/);
    expect((await sql().query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('sees schema changes made through exec (DDL, search_path) in statements prepared before them', async () => {
    const everything = 'SELECT * FROM shapes ORDER BY id';
    await sql().exec('CREATE TABLE shapes (id integer)');
    await sql().query('INSERT INTO shapes (id) VALUES ($1)', [1]);
    expect((await sql().query(everything)).rows).toEqual([{ id: 1 }]);
    await sql().exec(`ALTER TABLE shapes ADD COLUMN name text DEFAULT 'circle'`);
    expect((await sql().query(everything)).rows).toEqual([{ id: 1, name: 'circle' }]);
    await sql().exec(`CREATE SCHEMA other; CREATE TABLE other.shapes (id integer, sides integer); INSERT INTO other.shapes VALUES (7, 3); SET search_path TO other`);
    try {
      expect((await sql().query(everything)).rows).toEqual([{ id: 7, sides: 3 }]);
    } finally {
      await sql().exec('RESET search_path; DROP SCHEMA other CASCADE');
    }
    expect((await sql().query(everything)).rows).toEqual([{ id: 1, name: 'circle' }]);
  });

  it('commits a transaction, and rolls it back whole when work throws or a statement fails', async () => {
    const count = async (): Promise<number> => Number((await sql().query<{ n: number }>('SELECT count(*)::integer AS n FROM notes WHERE id >= 100')).rows[0]?.n);
    const returned = await sql().transaction(async (transaction) => {
      await transaction.query('INSERT INTO notes (id) VALUES ($1)', [100]);
      await transaction.query('INSERT INTO notes (id) VALUES ($1)', [101]);
      return 'done';
    });
    expect(returned).toBe('done');
    expect(await count()).toBe(2);
    await expect(
      sql().transaction(async (transaction) => {
        await transaction.query('INSERT INTO notes (id) VALUES ($1)', [102]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expect(
      sql().transaction(async (transaction) => {
        await transaction.query('INSERT INTO notes (id) VALUES ($1)', [103]);
        await transaction.query('INSERT INTO notes (id) VALUES ($1)', [100]);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await count()).toBe(2);
  });

  it('refuses to commit a transaction whose failed statement the work swallowed', async () => {
    await expect(
      sql().transaction(async (transaction) => {
        await transaction.query('INSERT INTO notes (id) VALUES ($1)', [104]);
        await transaction.query('INSERT INTO notes (id) VALUES ($1)', [100]).catch(() => undefined);
      }),
    ).rejects.toThrow(/rolled back/);
    expect((await sql().query('SELECT id FROM notes WHERE id = $1', [104])).rows).toEqual([]);
  });

  it('holds the session for a whole transaction: other statements wait for its end, its own run in order', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = sql().transaction(async (executor) => {
      const inserted = await Promise.all([200, 201, 202].map((id) => executor.query<{ id: number }>('INSERT INTO notes (id) VALUES ($1) RETURNING id', [id])));
      await gate;
      await executor.query('DELETE FROM notes WHERE id = $1', [201]);
      return inserted.map((result) => result.rows[0]?.id);
    });
    const outside = sql().query<{ ids: number[] }>('SELECT array_agg(id ORDER BY id) AS ids FROM notes WHERE id >= 200');
    release();
    expect(await transaction).toEqual([200, 201, 202]);
    expect((await outside).rows).toEqual([{ ids: [200, 202] }]);
  });

  it('refuses statements on a transaction executor once the transaction is over', async () => {
    let kept: Parameters<Parameters<SqlClient['transaction']>[0]>[0] | undefined;
    await sql().transaction(async (executor) => {
      kept = executor;
    });
    await expect(kept?.query('SELECT 1')).rejects.toThrow(/transaction is over/);
  });
});
