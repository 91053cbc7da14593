import { describe, expect, it } from 'vitest';
import { buildRequestPath } from './build-request-path.js';
import { combineHeaders, normalizeHeaders } from './normalize-headers.js';

describe('buildRequestPath', () => {
  it('joins base path and path, and merges queries in order', () => {
    expect(buildRequestPath('/v1/', '/responses')).toBe('/v1/responses');
    expect(buildRequestPath('', 'models')).toBe('/models');
    expect(buildRequestPath('/openai', '/deployments/d/chat/completions', { 'api-version': '2024-10-21' }, { a: [1, 2], b: undefined })).toBe(
      '/openai/deployments/d/chat/completions?api-version=2024-10-21&a=1&a=2',
    );
  });
});

describe('headers', () => {
  it('combineHeaders lower-cases names and lets later sets win', () => {
    expect(combineHeaders({ Accept: 'a', 'X-Skip': undefined }, { accept: 'b', Authorization: 'Bearer k' })).toEqual({ accept: 'b', authorization: 'Bearer k' });
  });

  it('normalizeHeaders joins repeated values', () => {
    expect(normalizeHeaders({ 'Set-Cookie': ['a=1', 'b=2'], 'x-one': '1', 'x-none': undefined })).toEqual({ 'set-cookie': 'a=1, b=2', 'x-one': '1' });
  });
});
