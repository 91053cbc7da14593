import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStoreBackend } from './open-store.js';

describe('resolveStoreBackend', () => {
  const url = 'postgres://postgres@127.0.0.1:5432/test';
  it.each([
    ['the databaseUrl option first', { databaseUrl: url, dataDir: '/tmp/x', env: { DATABASE_URL: 'postgres://other', SWITCHYARD_DATA_DIR: '/tmp/y' } }, { kind: 'postgres', databaseUrl: url }],
    ['the dataDir option over the environment', { dataDir: '/tmp/x', env: { DATABASE_URL: url } }, { kind: 'pglite', dataDir: '/tmp/x' }],
    ['DATABASE_URL from the environment', { env: { DATABASE_URL: url, SWITCHYARD_DATA_DIR: '/tmp/y' } }, { kind: 'postgres', databaseUrl: url }],
    ['SWITCHYARD_DATA_DIR from the environment', { env: { SWITCHYARD_DATA_DIR: '/tmp/y' } }, { kind: 'pglite', dataDir: '/tmp/y' }],
    ['./data when nothing is set', { env: {} }, { kind: 'pglite', dataDir: path.resolve('data') }],
    ['./data when the variables are blank', { env: { DATABASE_URL: ' ', SWITCHYARD_DATA_DIR: '' } }, { kind: 'pglite', dataDir: path.resolve('data') }],
  ])('takes %s', (_, options, expected) => {
    expect(resolveStoreBackend(options)).toEqual(expected);
  });
});
