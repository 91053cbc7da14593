import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStorage, type OpenedStorage } from '../state/open-storage.js';
import { storageConfigDefaults } from './storage-config-defaults.js';

let shared: Promise<OpenedStorage> | undefined;

/**
 * One PGlite store (in a temporary folder, removed at exit) and one in-process hot state per test
 * process, shared by every test gateway that brings no storage of its own: PGlite's first start
 * costs seconds, and tenants keep the gateways' data apart anyway. Ignores `DATABASE_URL` and
 * `REDIS_URL` (suites that want the real services open them explicitly).
 */
export function sharedTestStorage(): Promise<OpenedStorage> {
  shared ??= (async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-gateway-test-'));
    process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
    return openStorage({ ...storageConfigDefaults, dataDir }, {});
  })();
  return shared;
}
