import type { ParseResult } from './parse-result.js';

/** Checks that a parsed value has the shape the caller needs. */
export type ShapeCheck<T> = (value: unknown) => value is T;

const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parses JSON text from an upstream without ever throwing. A `SyntaxError` from `JSON.parse`
 * quotes the offending text, so it is replaced by a failure that names only the length.
 * Without `check`, any JSON object is accepted.
 */
export function safeParseJson<T = Record<string, unknown>>(text: string, check?: ShapeCheck<T>): ParseResult<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { success: false, error: { kind: 'invalid-json', message: `Upstream sent invalid JSON (${text.length} characters).` } };
  }
  const valid = check === undefined ? isJsonObject(value) : check(value);
  if (!valid) {
    return { success: false, error: { kind: 'invalid-shape', message: 'Upstream JSON does not have the expected shape.' } };
  }
  return { success: true, value: value as T };
}
