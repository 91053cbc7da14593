import { describe, expect, it } from 'vitest';
import { PreparedStatementNames } from './prepared-statement-names.js';

describe('PreparedStatementNames', () => {
  it('names each text once it is remembered, and only then', () => {
    const names = new PreparedStatementNames();
    expect(names.preparedName('SELECT 1')).toBeUndefined();
    const name = names.nameFor('SELECT 1');
    expect(name).toMatch(/^switchyard_\d+_\d+$/);
    expect(names.preparedName('SELECT 1')).toBeUndefined();
    names.remember('SELECT 1', name ?? '');
    expect(names.preparedName('SELECT 1')).toBe(name);
    expect(names.nameFor('SELECT 2')).not.toBe(name);
  });

  it('runs new texts unnamed once the capacity is reached', () => {
    const names = new PreparedStatementNames(2);
    for (const text of ['a', 'b']) names.remember(text, names.nameFor(text) ?? '');
    expect(names.nameFor('c')).toBeUndefined();
    expect(names.size).toBe(2);
  });

  it('forgets every text and never hands out an earlier name again', () => {
    const names = new PreparedStatementNames();
    const first = names.nameFor('a') ?? '';
    names.remember('a', first);
    names.forgetAll();
    expect(names.preparedName('a')).toBeUndefined();
    expect(names.size).toBe(0);
    expect(names.nameFor('a')).not.toBe(first);
  });
});
