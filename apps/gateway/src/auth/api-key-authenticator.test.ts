import { describe, expect, it } from 'vitest';
import { ApiKeyAuthenticator, presentedKey } from './api-key-authenticator.js';
import { isLoopbackHost } from './is-loopback-host.js';

describe('ApiKeyAuthenticator', () => {
  const authenticator = new ApiKeyAuthenticator({ masterKey: 'sk-master', keys: [{ key: 'sk-team', name: 'team', tenant: 'team-tenant' }] });

  it('accepts the master key and named keys, as Bearer or X-API-Key', () => {
    expect(authenticator.authenticate({ authorization: 'Bearer sk-master' })).toEqual({ ok: true, principal: { kind: 'key', name: 'master', tenant: 'default' } });
    expect(authenticator.authenticate({ 'x-api-key': 'sk-team' })).toEqual({ ok: true, principal: { kind: 'key', name: 'team', tenant: 'team-tenant' } });
  });

  it('tells a missing key from a wrong one', () => {
    expect(authenticator.authenticate({})).toEqual({ ok: false, reason: 'missing' });
    expect(authenticator.authenticate({ authorization: 'Basic abc' })).toEqual({ ok: false, reason: 'missing' });
    expect(authenticator.authenticate({ authorization: 'Bearer sk-mastex' })).toEqual({ ok: false, reason: 'invalid' });
    expect(authenticator.authenticate({ 'x-api-key': 'sk-master-and-more' })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('rejects odd header contents without throwing', () => {
    for (const value of ["Bearer ' OR 1=1 --", `Bearer ${'a'.repeat(65_536)}`, 'Bearer \u0000']) {
      expect(authenticator.authenticate({ authorization: value }).ok).toBe(false);
    }
  });

  it('is open only when no key is configured', () => {
    const open = new ApiKeyAuthenticator({ masterKey: undefined, keys: [] });
    expect(open.open).toBe(true);
    expect(open.authenticate({})).toEqual({ ok: true, principal: { kind: 'anonymous', tenant: 'default' } });
    expect(authenticator.open).toBe(false);
  });

  it('prefers the Authorization header', () => {
    expect(presentedKey({ authorization: 'bearer  abc ', 'x-api-key': 'def' })).toBe('abc');
    expect(presentedKey({ 'x-api-key': ' def ' })).toBe('def');
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['example.com', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
