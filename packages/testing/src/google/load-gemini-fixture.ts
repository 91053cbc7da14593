import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSseText } from '../sse/parse-sse-text.js';

export type GeminiFixtureName =
  | 'gemini-text'
  | 'gemini-function-calls'
  | 'gemini-thinking'
  | 'gemini-image'
  | 'gemini-prompt-blocked'
  | 'gemini-max-tokens';

/** Fixtures live in `src/__fixtures__` (not copied to `dist`), so look there from either place. */
function fixturesDirectory(): string {
  const candidates = ['../__fixtures__/', '../../src/__fixtures__/'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined) throw new Error(`gemini fixtures not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * A Gemini `streamGenerateContent?alt=sse` transcript (`__fixtures__/<name>.sse`): the raw body,
 * and its frames parsed (each a whole `GenerateContentResponse`).
 */
export function loadGeminiFixture(name: GeminiFixtureName): { sse: string; chunks: Array<Record<string, unknown>> } {
  const sse = readFileSync(`${fixturesDirectory()}${name}.sse`, 'utf8');
  const chunks = parseSseText(sse).map((record) => JSON.parse(record.data) as Record<string, unknown>);
  return { sse, chunks };
}
