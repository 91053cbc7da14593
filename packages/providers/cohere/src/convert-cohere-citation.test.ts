import { expect, it } from 'vitest';
import { convertCohereCitation } from './convert-cohere-citation.js';

it('a document with a URL becomes a url_citation over the cited span', () => {
  expect(
    convertCohereCitation({ start: 9, end: 24, text: 'gym memberships', type: 'TEXT_CONTENT', sources: [{ type: 'document', id: 'doc:1', document: { url: 'https://example.com/b', title: 'Benefits' } }] }),
  ).toEqual([{ type: 'url_citation', url: 'https://example.com/b', title: 'Benefits', startIndex: 9, endIndex: 24 }]);
});

it('a URL without a title uses the cited text as title', () => {
  expect(convertCohereCitation({ start: 0, end: 4, text: 'Echo', sources: [{ type: 'tool', id: 't:0', tool_output: { url: 'http://example.com' } }] })).toEqual([
    { type: 'url_citation', url: 'http://example.com', title: 'Echo', startIndex: 0, endIndex: 4 },
  ]);
});

it('tool outputs and documents without a URL become file citations (id, title, end of span)', () => {
  expect(
    convertCohereCitation({
      start: 16,
      end: 20,
      text: '24°C',
      sources: [
        { type: 'tool', id: 'get_weather_x:0', tool_output: { temperature: '24°C' } },
        { type: 'document', id: 'doc:2', document: { title: 'Report', url: 'ftp://not-web' } },
      ],
    }),
  ).toEqual([
    { type: 'file_citation', fileId: 'get_weather_x:0', filename: 'get_weather_x:0', index: 20 },
    { type: 'file_citation', fileId: 'doc:2', filename: 'Report', index: 20 },
  ]);
});

it('citations of thinking or of the plan give nothing', () => {
  expect(convertCohereCitation({ start: 0, end: 3, type: 'THINKING_CONTENT', sources: [{ type: 'document', id: 'd' }] })).toEqual([]);
  expect(convertCohereCitation({ start: 0, end: 3, type: 'PLAN', sources: [{ type: 'document', id: 'd' }] })).toEqual([]);
});
