import { describe, expect, it } from 'vitest';
import { sqlParameterText } from './sql-parameter-text.js';

describe('sqlParameterText', () => {
  it.each([
    [null, null],
    ['', ''],
    ["it's \"quoted\" ✓", "it's \"quoted\" ✓"],
    [42, '42'],
    [-0.125, '-0.125'],
    [true, 'true'],
    [false, 'false'],
    [new Date(Date.UTC(2026, 10, 22, 5, 6, 7, 89)), '2026-11-22T05:06:07.089Z'],
  ])('renders %j as %j', (value, text) => {
    expect(sqlParameterText(value)).toBe(text);
  });
});
