import type { Annotation } from '@switchyard/contract';
import type { TextAnnotation } from '../parts/stream-part.js';

/** A Responses annotation → the part's annotation; container files and file paths have no chat form. */
export function textAnnotationFromAnnotation(annotation: Annotation | null): TextAnnotation | undefined {
  if (annotation === null) return undefined;
  if (annotation.type === 'url_citation') {
    return { type: 'url_citation', url: annotation.url, title: annotation.title, startIndex: annotation.start_index, endIndex: annotation.end_index };
  }
  if (annotation.type === 'file_citation') {
    return { type: 'file_citation', fileId: annotation.file_id, filename: annotation.filename, index: annotation.index };
  }
  return undefined;
}
