import type { ResponseStore } from '../response-store.js';
import type { SqlClient } from '../sql/sql-client.js';

/** What the shared repository suites need from a backend. */
export interface StoreHarness {
  readonly backend: 'pglite' | 'postgres';
  /** The store every suite shares (opened in the test file's beforeAll). */
  store(): ResponseStore;
  /** A second store on the same database, as another gateway instance would have (the same one on PGlite). */
  secondStore(): ResponseStore;
  /** Runs `work` with `count` clients pointed at a fresh, empty schema, then drops it. */
  withFreshSchema(count: number, work: (clients: SqlClient[]) => Promise<void>): Promise<void>;
}

/** Empties every table (the queue suites need a queue with only their own runs). */
export async function truncateAll(store: ResponseStore): Promise<void> {
  await store.sql.query('TRUNCATE responses CASCADE');
}
