/** A query value: `undefined` is left out; an array repeats its key. */
export type QueryValue = string | number | boolean | readonly (string | number | boolean)[] | undefined;

export type Query = Readonly<Record<string, QueryValue>>;

/**
 * Joins a base path (`/v1`, `/openai/v1`, or empty) with an operation path (`/responses`)
 * and a query string. Path parameters must already be encoded (`encodeURIComponent`).
 */
export function buildRequestPath(basePath: string, path: string, ...queries: readonly (Query | undefined)[]): string {
  const joined = `${basePath.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  const search = new URLSearchParams();
  for (const query of queries) {
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
      else search.append(key, String(value));
    }
  }
  const queryString = search.toString();
  return queryString === '' ? joined : `${joined}?${queryString}`;
}
