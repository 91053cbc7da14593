import type { TextAnnotation } from '@switchyard/core';
import type { CohereCitation, CohereSource } from './cohere-api.js';

/**
 * A Cohere citation → one Responses annotation per source.
 * - A source whose document / tool output has an http(s) `url` → `url_citation` with the cited span
 *   (`start_index`/`end_index` = Cohere's `start`/`end`) and its `title` (else the cited text).
 * - Any other source → `file_citation` with `file_id` = the source id (e.g. `doc:1`,
 *   `get_weather_x:0`), `filename` = its `title` (else the id) and `index` = the end of the cited span,
 *   the position where OpenAI places file-search markers.
 * Citations of thinking or of the tool plan (`type` other than `TEXT_CONTENT`) have no place in
 * `output_text` and give nothing.
 */
export function convertCohereCitation(citation: CohereCitation): TextAnnotation[] {
  if (citation.type !== undefined && citation.type !== null && citation.type !== 'TEXT_CONTENT') return [];
  const start = typeof citation.start === 'number' ? citation.start : 0;
  const end = typeof citation.end === 'number' ? citation.end : start;
  const cited = typeof citation.text === 'string' ? citation.text : '';
  return (citation.sources ?? []).map((source, index) => annotationFor(source, index, { start, end, cited }));
}

function annotationFor(source: CohereSource, index: number, span: { start: number; end: number; cited: string }): TextAnnotation {
  const fields = (source.type === 'tool' ? source.tool_output : source.document) ?? {};
  const url = stringField(fields, 'url');
  const title = stringField(fields, 'title');
  const id = typeof source.id === 'string' && source.id !== '' ? source.id : (stringField(fields, 'id') ?? `${source.type}:${index}`);
  if (url !== undefined && /^https?:\/\//i.test(url)) {
    return { type: 'url_citation', url, title: title ?? span.cited, startIndex: span.start, endIndex: span.end };
  }
  return { type: 'file_citation', fileId: id, filename: title ?? id, index: span.end };
}

function stringField(fields: Record<string, unknown>, name: string): string | undefined {
  const value = fields[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
