import { findResponsesStreamViolations } from './find-responses-stream-violations.js';
import { StreamCheckError } from './stream-violation.js';

/** Throws a `StreamCheckError` listing every violation, or returns when the Responses stream is valid. */
export function checkResponsesStream(events: readonly unknown[]): void {
  const violations = findResponsesStreamViolations(events);
  if (violations.length > 0) throw new StreamCheckError('Responses', violations);
}
