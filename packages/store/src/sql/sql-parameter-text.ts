import type { SqlParameter } from './sql-client.js';

/**
 * A parameter in PostgreSQL's text format, as the `pg` driver sends it (so both backends bind the
 * same values): `null` stays NULL, booleans are `true`/`false`, dates are ISO 8601 instants,
 * numbers and strings their text. The server infers each parameter's type from the statement.
 */
export function sqlParameterText(value: SqlParameter): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}
