import type { AttemptRecord } from '@switchyard/router';
import { describe, expect, it } from 'vitest';
import { attemptRowsOf, type AttemptRow } from './attempt-rows-of.js';

const answered: AttemptRow = {
  inputTokens: 20,
  cachedInputTokens: 0,
  outputTokens: 5,
  reasoningTokens: 0,
  user: 'end-user-1',
  tags: ['checkout'],
  metadata: {},
  costUsd: 0.001,
  deployment: 'backup/gpt-4o-mini',
  provider: 'backup',
  latencyMs: 900,
  status: 'completed',
  errorCode: null,
};

function attempt(deployment: string, outcome: AttemptRecord['outcome'], errorClass?: AttemptRecord['errorClass']): AttemptRecord {
  return { deployment, provider: deployment.split('/')[0] ?? deployment, upstreamModel: 'gpt-4o-mini', attemptNumber: 1, round: 0, outcome, status: undefined, upstreamStatus: undefined, latencyMs: 40, errorClass };
}

describe('attemptRowsOf', () => {
  it('puts a zero-cost row per failed attempt of the router before the row of the attempt that answered', () => {
    const rows = attemptRowsOf(answered, [attempt('primary/gpt-4o-mini', 'failure', 'rate_limit'), attempt('backup/gpt-4o-mini', 'success')]);
    expect(rows).toEqual([
      { ...answered, inputTokens: 0, outputTokens: 0, costUsd: 0, deployment: 'primary/gpt-4o-mini', provider: 'primary', latencyMs: 40, status: 'failed', errorCode: 'rate_limit' },
      answered,
    ]);
  });

  it('leaves the answered row out when the call failed and every attempt failed (upstream_error without a class)', () => {
    const failed = { ...answered, inputTokens: 0, outputTokens: 0, costUsd: 0, status: 'failed', errorCode: 'upstream_error' };
    const rows = attemptRowsOf(failed, [attempt('primary/gpt-4o-mini', 'failure'), attempt('backup/gpt-4o-mini', 'failure', 'timeout')]);
    expect(rows.map((row) => [row.deployment, row.errorCode])).toEqual([
      ['primary/gpt-4o-mini', 'upstream_error'],
      ['backup/gpt-4o-mini', 'timeout'],
    ]);
  });

  it('is the answered row alone when the router made no failed attempt', () => {
    expect(attemptRowsOf(answered, [])).toEqual([answered]);
  });
});
