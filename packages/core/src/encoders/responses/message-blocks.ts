import type { TextAnnotation } from '../../parts/stream-part.js';
import type { OutputItemBook } from './output-item-book.js';
import { messagePartSnapshot } from './output-item-snapshot.js';
import type { ClosedItemStatus, MessageItemState, MessagePartState } from './output-item-state.js';
import { outputTextAnnotationFromTextAnnotation } from './output-text-annotation-from-text-annotation.js';
import type { UnsequencedResponseEvent } from './response-output-types.js';

type MessagePartType = MessagePartState['type'];

interface OpenPart {
  readonly message: MessageItemState;
  readonly part: MessagePartState;
}

/**
 * Text and refusal blocks. Each block is one content part (`output_text` / `refusal`) of the
 * open message item; consecutive blocks share that message, with increasing `content_index`.
 * Events per part: `content_part.added`, deltas, `output_text.done` / `refusal.done`,
 * `content_part.done`.
 */
export class MessageBlocks {
  readonly #parts = new Map<string, OpenPart>();
  readonly #book: OutputItemBook;
  readonly #emit: (event: UnsequencedResponseEvent) => void;
  readonly #generateId: (prefix: string) => string;

  constructor(book: OutputItemBook, emit: (event: UnsequencedResponseEvent) => void, generateId: (prefix: string) => string) {
    this.#book = book;
    this.#emit = emit;
    this.#generateId = generateId;
  }

  start(type: MessagePartType, id: string): OpenPart {
    const key = `${type}:${id}`;
    const existing = this.#parts.get(key);
    if (existing !== undefined && !existing.part.closed) return existing;
    const message = this.#book.messageForNewPart(this.#generateId);
    const part: MessagePartState = { type, contentIndex: message.parts.length, text: '', annotations: [], closed: false };
    message.parts.push(part);
    const open = { message, part };
    this.#parts.set(key, open);
    this.#emit({
      type: 'response.content_part.added',
      item_id: message.id,
      output_index: message.outputIndex,
      content_index: part.contentIndex,
      part: messagePartSnapshot(part),
    });
    return open;
  }

  /** A delta without a start opens the part; a delta after its end is dropped. */
  delta(type: MessagePartType, id: string, delta: string): void {
    const { message, part } = this.#parts.get(`${type}:${id}`) ?? this.start(type, id);
    if (part.closed || delta === '') return;
    part.text += delta;
    const position = { item_id: message.id, output_index: message.outputIndex, content_index: part.contentIndex };
    if (type === 'output_text') {
      this.#emit({ type: 'response.output_text.delta', ...position, delta, logprobs: [] });
    } else {
      this.#emit({ type: 'response.refusal.delta', ...position, delta });
    }
  }

  /** Annotations of a text part that is not open (never started, or already ended) are dropped. */
  annotate(id: string, annotation: TextAnnotation): void {
    const open = this.#parts.get(`output_text:${id}`);
    if (open === undefined || open.part.closed) return;
    const { message, part } = open;
    const converted = outputTextAnnotationFromTextAnnotation(annotation);
    part.annotations.push(converted);
    this.#emit({
      type: 'response.output_text.annotation.added',
      item_id: message.id,
      output_index: message.outputIndex,
      content_index: part.contentIndex,
      annotation_index: part.annotations.length - 1,
      annotation: converted,
    });
  }

  end(type: MessagePartType, id: string): void {
    const open = this.#parts.get(`${type}:${id}`);
    if (open === undefined || open.part.closed) return;
    this.#closePart(open.message, open.part);
    this.#book.endMessageIfComplete(open.message, 'completed');
  }

  /** Closes a message's open parts in `content_index` order, then ends it with `status`. */
  close(message: MessageItemState, status: ClosedItemStatus): void {
    for (const part of message.parts) {
      if (!part.closed) this.#closePart(message, part);
    }
    this.#book.end(message, status);
  }

  #closePart(message: MessageItemState, part: MessagePartState): void {
    part.closed = true;
    const position = { item_id: message.id, output_index: message.outputIndex, content_index: part.contentIndex };
    if (part.type === 'output_text') {
      this.#emit({ type: 'response.output_text.done', ...position, text: part.text, logprobs: [] });
    } else {
      this.#emit({ type: 'response.refusal.done', ...position, refusal: part.text });
    }
    this.#emit({ type: 'response.content_part.done', ...position, part: messagePartSnapshot(part) });
  }
}
