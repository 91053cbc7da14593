import { describe, expect, it } from 'vitest';
import { createPostgresClient } from './create-postgres-client.js';

describe('createPostgresClient', () => {
  it.each(['public; DROP TABLE responses', 'Upper', '1starts_with_digit', 'with space', ''])('refuses the schema name %j', (schema) => {
    expect(() => createPostgresClient({ connectionString: 'postgres://postgres@127.0.0.1:5432/test', schema })).toThrow(/schema name/);
  });

  it('accepts a plain identifier without connecting (the pool is lazy)', async () => {
    const client = createPostgresClient({ connectionString: 'postgres://postgres@127.0.0.1:1/test', schema: 'switchyard_tenant_1' });
    expect(client.dialect).toBe('postgres');
    await client.close();
  });
});
