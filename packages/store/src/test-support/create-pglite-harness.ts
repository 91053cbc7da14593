import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../open-store.js';
import type { ResponseStore } from '../response-store.js';
import type { StoreHarness } from './store-harness.js';
import { uniqueId } from './fixtures.js';

export interface PgliteHarness extends StoreHarness {
  open(): Promise<void>;
  /** Closes the store and opens the same data folder again, as a restarted process would. */
  reopen(): Promise<void>;
  /** The data folder (missing until `open` creates it). */
  dataDir(): string;
  close(): Promise<void>;
}

/** One PGlite store in a temporary data folder, shared by a whole test file. */
export function createPgliteHarness(): PgliteHarness {
  let store: ResponseStore | undefined;
  let parentDir: string | undefined;
  const dataDir = (): string => {
    if (parentDir === undefined) throw new Error('The PGlite harness is not open.');
    return path.join(parentDir, 'nested', 'data');
  };
  const current = (): ResponseStore => {
    if (store === undefined) throw new Error('The PGlite harness is not open.');
    return store;
  };
  return {
    backend: 'pglite',
    store: current,
    secondStore: current,
    dataDir,
    async open() {
      parentDir = await mkdtemp(path.join(tmpdir(), 'switchyard-store-'));
      store = await openStore({ dataDir: dataDir(), env: {} });
    },
    async reopen() {
      await current().close();
      store = undefined;
      store = await openStore({ dataDir: dataDir(), env: {} });
    },
    async close() {
      await store?.close();
      if (parentDir !== undefined) await rm(parentDir, { recursive: true, force: true });
    },
    async withFreshSchema(count, work) {
      // PGlite has one session: point it at a new schema for the duration of `work`.
      const sql = current().sql;
      const schema = uniqueId('fresh').toLowerCase();
      await sql.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
      try {
        await work(Array.from({ length: count }, () => sql));
      } finally {
        await sql.exec(`RESET search_path; DROP SCHEMA ${schema} CASCADE`);
      }
    },
  };
}
