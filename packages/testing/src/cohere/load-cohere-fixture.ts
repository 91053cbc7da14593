import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeSseFrame } from '../http/write-sse-frames.js';

/** Streams: one v2 event per line (`.jsonl`). */
export type CohereStreamFixtureName = 'cohere-text' | 'cohere-tool-calls' | 'cohere-tool-citations' | 'cohere-rag-citations' | 'cohere-thinking';
/** Non-streamed `POST /v2/chat` answers (`.json`). */
export type CohereResponseFixtureName = 'cohere-response-text' | 'cohere-response-tool-call';

/** Fixtures live in `src/__fixtures__` (not copied to `dist`), so look there from either place. */
function fixturesDirectory(): string {
  const candidates = ['../__fixtures__/', '../../src/__fixtures__/'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
  const found = candidates.find((candidate) => existsSync(`${candidate}cohere-text.jsonl`));
  if (found === undefined) throw new Error(`cohere fixtures not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** The events of a documented Cohere stream, parsed, in order. */
export function loadCohereStreamFixture(name: CohereStreamFixtureName): Record<string, unknown>[] {
  return readFileSync(`${fixturesDirectory()}${name}.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A documented non-streamed Cohere answer. */
export function loadCohereResponseFixture(name: CohereResponseFixtureName): Record<string, unknown> {
  return JSON.parse(readFileSync(`${fixturesDirectory()}${name}.json`, 'utf8')) as Record<string, unknown>;
}

/** A stream fixture as Cohere sends it: `event: <type>` + `data: <json>` frames, then `data: [DONE]`. */
export function cohereStreamFixtureToSse(name: CohereStreamFixtureName): string {
  const frames = loadCohereStreamFixture(name).map((event) => encodeSseFrame({ event: String(event.type), data: JSON.stringify(event) }));
  return [...frames, encodeSseFrame({ data: '[DONE]' })].join('');
}
