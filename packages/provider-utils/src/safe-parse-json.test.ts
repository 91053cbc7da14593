import { describe, expect, it } from 'vitest';
import { safeParseJson } from './safe-parse-json.js';

describe('safeParseJson', () => {
  it('parses a JSON object', () => {
    expect(safeParseJson('{"a":1}')).toEqual({ success: true, value: { a: 1 } });
  });

  it('turns invalid JSON into a failure that does not quote the text', () => {
    const result = safeParseJson('{"secret":"sk-live-abcdef123456", oops');
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.kind).toBe('invalid-json');
    expect(result.error.message).not.toContain('sk-live');
    expect(result.error.message).not.toContain('oops');
  });

  it('rejects non-objects by default and applies a shape check', () => {
    expect(safeParseJson('[1,2]').success).toBe(false);
    expect(safeParseJson('"text"').success).toBe(false);
    const isList = (value: unknown): value is number[] => Array.isArray(value);
    expect(safeParseJson('[1,2]', isList)).toEqual({ success: true, value: [1, 2] });
    const failed = safeParseJson('{}', isList);
    expect(failed.success === false && failed.error.kind).toBe('invalid-shape');
  });
});
