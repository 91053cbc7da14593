import { createSecretRedactor } from '@switchyard/provider-utils';
import { describe, expect, it } from 'vitest';
import { createOpenAIStreamError } from './openai-error.js';
import { prepareUpstreamBody } from './prepare-upstream-body.js';
import { toUpstreamQuery } from './to-upstream-query.js';

describe('prepareUpstreamBody', () => {
  it('sets the model, removes provider/tags/trace, keeps everything else, and does not mutate the input', () => {
    const body = { model: 'openai/gpt-4o', input: 'hi', provider: { order: ['a'] }, tags: ['t'], trace: { id: 'x' }, future: 1 };
    expect(prepareUpstreamBody(body, 'gpt-4o')).toEqual({ model: 'gpt-4o', input: 'hi', future: 1 });
    expect(body.provider).toEqual({ order: ['a'] });
  });
});

describe('toUpstreamQuery', () => {
  it('passes scalars through and sends arrays as name[]', () => {
    expect(toUpstreamQuery({ include: ['a', 'b'], 'include[]': ['c'], limit: 5, stream: true, nested: { x: 1 } })).toEqual({
      'include[]': ['c'],
      limit: 5,
      stream: true,
    });
    expect(toUpstreamQuery(undefined)).toEqual({});
  });
});

describe('createOpenAIStreamError', () => {
  it.each([
    ['rate_limit_exceeded', undefined, 429],
    ['insufficient_quota', undefined, 429],
    [undefined, 'server_overloaded', 503],
    ['context_length_exceeded', 'invalid_request_error', 400],
    ['server_error', undefined, 500],
    [undefined, undefined, 500],
  ])('code %s / type %s → %i', (code, type, status) => {
    expect(createOpenAIStreamError('openai', { code, type, message: 'm' }, createSecretRedactor()).status).toBe(status);
  });
});
