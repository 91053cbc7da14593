import type { OutputItemBook } from './output-item-book.js';
import type { ClosedItemStatus, ReasoningItemState } from './output-item-state.js';
import type { UnsequencedResponseEvent } from './response-output-types.js';

/**
 * Reasoning blocks, one `reasoning` item (`rs_…`) each. Kind `summary` streams one summary part
 * (`reasoning_summary_part.added`, `reasoning_summary_text.delta`/`.done`,
 * `reasoning_summary_part.done`); kind `content` streams one `reasoning_text` content part
 * (`content_part.added`, `reasoning_text.delta`/`.done`, `content_part.done`). The part is
 * announced on the first delta, so a block with no text (only encrypted content) has none.
 */
export class ReasoningBlocks {
  readonly #blocks = new Map<string, ReasoningItemState>();
  readonly #book: OutputItemBook;
  readonly #emit: (event: UnsequencedResponseEvent) => void;
  readonly #generateId: (prefix: string) => string;

  constructor(book: OutputItemBook, emit: (event: UnsequencedResponseEvent) => void, generateId: (prefix: string) => string) {
    this.#book = book;
    this.#emit = emit;
    this.#generateId = generateId;
  }

  start(id: string, kind: 'summary' | 'content'): ReasoningItemState {
    const existing = this.#blocks.get(id);
    if (existing !== undefined && !existing.ended) return existing;
    this.#book.sealMessage();
    const state = this.#book.add<ReasoningItemState>({
      type: 'reasoning',
      outputIndex: this.#book.nextOutputIndex,
      id: this.#generateId('rs'),
      status: 'in_progress',
      ended: false,
      doneSent: false,
      kind,
      text: '',
      partOpened: false,
      partClosed: false,
      encryptedContent: undefined,
    });
    this.#blocks.set(id, state);
    return state;
  }

  delta(id: string, delta: string): void {
    const state = this.#blocks.get(id) ?? this.start(id, 'summary');
    if (state.ended || delta === '') return;
    if (!state.partOpened) this.#openPart(state);
    state.text += delta;
    if (state.kind === 'summary') {
      this.#emit({ type: 'response.reasoning_summary_text.delta', ...this.#summaryPosition(state), delta });
    } else {
      this.#emit({ type: 'response.reasoning_text.delta', ...this.#contentPosition(state), delta });
    }
  }

  end(id: string, encryptedContent: string | undefined): void {
    const state = this.#blocks.get(id);
    if (state === undefined || state.ended) return;
    state.encryptedContent = encryptedContent;
    this.close(state, 'completed');
  }

  close(state: ReasoningItemState, status: ClosedItemStatus): void {
    if (state.partOpened && !state.partClosed) this.#closePart(state);
    this.#book.end(state, status);
  }

  #summaryPosition(state: ReasoningItemState) {
    return { item_id: state.id, output_index: state.outputIndex, summary_index: 0 };
  }

  #contentPosition(state: ReasoningItemState) {
    return { item_id: state.id, output_index: state.outputIndex, content_index: 0 };
  }

  #openPart(state: ReasoningItemState): void {
    state.partOpened = true;
    if (state.kind === 'summary') {
      this.#emit({
        type: 'response.reasoning_summary_part.added',
        ...this.#summaryPosition(state),
        part: { type: 'summary_text', text: '' },
      });
    } else {
      this.#emit({
        type: 'response.content_part.added',
        ...this.#contentPosition(state),
        part: { type: 'reasoning_text', text: '' },
      });
    }
  }

  #closePart(state: ReasoningItemState): void {
    state.partClosed = true;
    if (state.kind === 'summary') {
      const position = this.#summaryPosition(state);
      this.#emit({ type: 'response.reasoning_summary_text.done', ...position, text: state.text });
      this.#emit({ type: 'response.reasoning_summary_part.done', ...position, part: { type: 'summary_text', text: state.text } });
    } else {
      const position = this.#contentPosition(state);
      this.#emit({ type: 'response.reasoning_text.done', ...position, text: state.text });
      this.#emit({ type: 'response.content_part.done', ...position, part: { type: 'reasoning_text', text: state.text } });
    }
  }
}
