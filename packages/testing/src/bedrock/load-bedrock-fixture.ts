import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BedrockStreamEvent } from './render-bedrock-stream-events.js';

export type BedrockStreamFixtureName =
  | 'bedrock-stream-text'
  | 'bedrock-stream-tool-use'
  | 'bedrock-stream-parallel-tools'
  | 'bedrock-stream-reasoning'
  | 'bedrock-stream-redacted-reasoning'
  | 'bedrock-stream-max-tokens';

export type BedrockConverseFixtureName =
  | 'bedrock-converse-text'
  | 'bedrock-converse-tool-use'
  | 'bedrock-converse-reasoning'
  | 'bedrock-converse-prompt-caching';

/** Fixtures live in `src/__fixtures__` (not copied to `dist`), so look there from either place. */
function fixturesDirectory(): string {
  const candidates = ['../__fixtures__/', '../../src/__fixtures__/'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined) throw new Error(`Bedrock fixtures not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * A ConverseStream fixture (`<name>.events.txt`): one JSON object per line, `{"<event type>": payload}`
 * as the SDK names the union member (the frame's `:event-type` header) and the frame's JSON payload.
 */
export function loadBedrockStreamFixture(name: BedrockStreamFixtureName): BedrockStreamEvent[] {
  return readFileSync(`${fixturesDirectory()}${name}.events.txt`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const entry = JSON.parse(line) as Record<string, Record<string, unknown>>;
      const [eventType, payload] = Object.entries(entry)[0] ?? ['', {}];
      return { eventType, payload };
    });
}

/** A Converse answer fixture (`<name>.json`): the JSON body Bedrock returns. */
export function loadBedrockConverseFixture(name: BedrockConverseFixtureName): Record<string, unknown> {
  return JSON.parse(readFileSync(`${fixturesDirectory()}${name}.json`, 'utf8')) as Record<string, unknown>;
}
