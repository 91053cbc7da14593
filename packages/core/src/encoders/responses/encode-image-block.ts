import type { OutputItemBook } from './output-item-book.js';
import type { ImageItemState } from './output-item-state.js';
import type { UnsequencedResponseEvent } from './response-output-types.js';

/**
 * A generated image becomes a completed `image_generation_call` item (`ig_…`) with `result` =
 * the pure base64: `output_item.added` (in progress, no result),
 * `image_generation_call.in_progress`, `image_generation_call.completed`, `output_item.done`.
 */
export function encodeImageBlock(
  book: OutputItemBook,
  emit: (event: UnsequencedResponseEvent) => void,
  generateId: (prefix: string) => string,
  base64: string,
): void {
  book.sealMessage();
  const state = book.add<ImageItemState>({
    type: 'image_generation_call',
    outputIndex: book.nextOutputIndex,
    id: generateId('ig'),
    status: 'in_progress',
    ended: false,
    doneSent: false,
    base64,
  });
  const position = { item_id: state.id, output_index: state.outputIndex };
  emit({ type: 'response.image_generation_call.in_progress', ...position });
  emit({ type: 'response.image_generation_call.completed', ...position });
  book.end(state, 'completed');
}
