import type { TextAnnotation } from '../../parts/stream-part.js';
import type { OutputTextAnnotation } from './response-output-types.js';

/** A canonical citation in the shape of an `output_text` annotation. */
export function outputTextAnnotationFromTextAnnotation(annotation: TextAnnotation): OutputTextAnnotation {
  switch (annotation.type) {
    case 'url_citation':
      return {
        type: 'url_citation',
        url: annotation.url,
        title: annotation.title,
        start_index: annotation.startIndex,
        end_index: annotation.endIndex,
      };
    case 'file_citation':
      return { type: 'file_citation', file_id: annotation.fileId, filename: annotation.filename, index: annotation.index };
  }
}
