import { describe, expect, it } from 'vitest';
import { createSecretRedactor } from './redact-secrets.js';

describe('createSecretRedactor', () => {
  const redact = createSecretRedactor(['my-configured-key-123']);

  it('removes a configured secret wherever it appears', () => {
    expect(redact('key my-configured-key-123 is invalid (my-configured-key-123)')).toBe('key [REDACTED] is invalid ([REDACTED])');
  });

  it('removes bearer tokens, sk- keys and Google keys', () => {
    expect(redact('Authorization: Bearer abc.def-ghi')).not.toContain('abc.def-ghi');
    expect(redact('Incorrect API key provided: sk-proj-****************abcd.')).toBe('Incorrect API key provided: [REDACTED].');
    expect(redact('bad key AIzaSyA1234567890abcdefghijklmnop')).toBe('bad key [REDACTED]');
  });

  it('removes credentials in query strings and URL userinfo', () => {
    expect(redact('GET https://x.test/v1/models?key=abc123&alt=sse failed')).toBe('GET https://x.test/v1/models?key=[REDACTED]&alt=sse failed');
    expect(redact('see https://user:hunter2@proxy.test:8080/path')).toBe('see https://[REDACTED]@proxy.test:8080/path');
    expect(redact('{"api_key": "plain-secret"}')).toBe('{"api_key": "[REDACTED]"}');
  });

  it('leaves ordinary text alone and ignores short configured values', () => {
    expect(createSecretRedactor(['abc'])('abc is not a secret; model gpt-4o')).toBe('abc is not a secret; model gpt-4o');
  });
});
