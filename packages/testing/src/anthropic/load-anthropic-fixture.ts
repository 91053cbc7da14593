import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type AnthropicFixtureName = 'anthropic-text.sse' | 'anthropic-tool-use.sse' | 'anthropic-thinking.sse' | 'anthropic-error.sse' | 'anthropic-message.json';

/** Fixtures live in `src/__fixtures__` (not copied to `dist`), so look there from either place. */
function fixturesDirectory(): string {
  const candidates = ['../__fixtures__/', '../../src/__fixtures__/'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined) throw new Error(`anthropic fixtures not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** The text of an Anthropic fixture: a raw SSE transcript (`.sse`) or a Messages JSON body (`.json`). */
export function loadAnthropicFixture(name: AnthropicFixtureName): string {
  return readFileSync(`${fixturesDirectory()}${name}`, 'utf8');
}
