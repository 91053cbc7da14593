import type { Query, QueryValue } from '@switchyard/provider-utils';

const isScalar = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * Passes the client's query parameters through. Arrays are sent the way OpenAI's SDKs send
 * them, as repeated `name[]` keys (`include[]=a&include[]=b`); values that are not scalars
 * are dropped (the contract's validation has already rejected them).
 */
export function toUpstreamQuery(query: object | undefined): Query {
  const upstream: Record<string, QueryValue> = {};
  for (const [name, value] of Object.entries(query ?? {})) {
    if (Array.isArray(value)) {
      upstream[name.endsWith('[]') ? name : `${name}[]`] = value.filter(isScalar);
    } else if (isScalar(value)) {
      upstream[name] = value;
    }
  }
  return upstream;
}
