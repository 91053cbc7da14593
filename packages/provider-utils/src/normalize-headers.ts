/** Incoming headers as undici gives them. */
export type RawHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** Lower-cased header names, repeated values joined with `, `. */
export function normalizeHeaders(headers: RawHeaders): Record<string, string> {
  const normalized: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    normalized[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return normalized;
}

/** Merges header sets left to right; later names win, compared case-insensitively. */
export function combineHeaders(...sets: readonly (Readonly<Record<string, string | undefined>> | undefined)[]): Record<string, string> {
  const combined: Record<string, string> = {};
  for (const set of sets) {
    for (const [name, value] of Object.entries(set ?? {})) {
      if (value !== undefined) combined[name.toLowerCase()] = value;
    }
  }
  return combined;
}
