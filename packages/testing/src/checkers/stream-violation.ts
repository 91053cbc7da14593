import type { SseRecord } from '../sse/sse-record.js';

/** One broken rule: `rule` is a stable id (see the README), `index` the offending event/chunk (-1: whole stream). */
export interface StreamViolation {
  rule: string;
  index: number;
  message: string;
}

/** Thrown by the `check*Stream` functions; lists every violation found. */
export class StreamCheckError extends Error {
  readonly isRetryable = false;
  readonly violations: StreamViolation[];

  constructor(kind: string, violations: StreamViolation[]) {
    super(
      `${kind} stream breaks ${violations.length} rule(s):\n${violations
        .map((violation) => `  [${violation.rule}] #${violation.index}: ${violation.message}`)
        .join('\n')}`,
    );
    this.name = 'StreamCheckError';
    this.violations = violations;
  }
}

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isSseRecord(value: unknown): value is SseRecord {
  return isJsonObject(value) && typeof value.data === 'string' && 'event' in value && !('type' in value);
}

/** Structural equality for JSON values (key order ignored). */
export function jsonEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((value, index) => jsonEqual(value, right[index]));
  }
  if (isJsonObject(left) && isJsonObject(right)) {
    const keys = Object.keys(left);
    return keys.length === Object.keys(right).length && keys.every((key) => key in right && jsonEqual(left[key], right[key]));
  }
  return false;
}
