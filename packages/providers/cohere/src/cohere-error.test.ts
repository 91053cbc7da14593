import { UpstreamError } from '@switchyard/core';
import { expect, it } from 'vitest';
import { createCohereGenerationError, mapCohereError } from './cohere-error.js';

it('leaves errors that are not upstream errors alone', () => {
  const abort = new DOMException('aborted', 'AbortError');
  expect(mapCohereError(abort)).toBe(abort);
});

it('keeps other upstream errors as they are', () => {
  const error = new UpstreamError({ provider: 'cohere', upstreamStatus: 429, message: 'slow down' });
  expect(mapCohereError(error)).toBe(error);
});

it('402 becomes insufficient_quota, keeping status and message', () => {
  const mapped = mapCohereError(new UpstreamError({ provider: 'cohere', upstreamStatus: 402, message: 'cohere answered 402: add a payment method' }));
  expect(mapped).toMatchObject({ status: 402, type: 'insufficient_quota', code: 'insufficient_quota', isRetryable: false, message: 'cohere answered 402: add a payment method' });
});

it('TIMEOUT is a retryable 504', () => {
  expect(createCohereGenerationError('cohere', 'TIMEOUT', 'took too long')).toMatchObject({ status: 504, isRetryable: true, type: 'timeout_error' });
});
