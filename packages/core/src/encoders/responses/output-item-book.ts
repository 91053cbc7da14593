import type { OutputItem } from '@switchyard/contract';
import type { ClosedItemStatus, MessageItemState, OutputItemState } from './output-item-state.js';
import { outputItemSnapshot } from './output-item-snapshot.js';
import type { UnsequencedResponseEvent } from './response-output-types.js';

/**
 * The output items of one response, in `output_index` order, and the two ordering rules that
 * concern whole items:
 * - `response.output_item.added` is sent when an item is opened, with `output_index` = number of
 *   items opened before it;
 * - `response.output_item.done` is sent in `output_index` order: an item that ends while an
 *   earlier one is still open (parallel tool calls) waits for it.
 * It also tracks the message item that consecutive text and refusal blocks share.
 */
export class OutputItemBook {
  readonly #items: OutputItemState[] = [];
  readonly #emit: (event: UnsequencedResponseEvent) => void;
  #openMessage: MessageItemState | undefined;

  constructor(emit: (event: UnsequencedResponseEvent) => void) {
    this.#emit = emit;
  }

  get nextOutputIndex(): number {
    return this.#items.length;
  }

  get items(): readonly OutputItemState[] {
    return this.#items;
  }

  /** Registers a new item (its `outputIndex` must be `nextOutputIndex`) and announces it. */
  add<T extends OutputItemState>(state: T): T {
    this.#items.push(state);
    this.#emit({ type: 'response.output_item.added', output_index: state.outputIndex, item: outputItemSnapshot(state) });
    return state;
  }

  /** The message that accepts new content parts, opening one when there is none. */
  messageForNewPart(generateId: (prefix: string) => string): MessageItemState {
    if (this.#openMessage !== undefined) return this.#openMessage;
    this.#openMessage = this.add<MessageItemState>({
      type: 'message',
      outputIndex: this.nextOutputIndex,
      id: generateId('msg'),
      status: 'in_progress',
      ended: false,
      doneSent: false,
      parts: [],
      sealed: false,
    });
    return this.#openMessage;
  }

  /**
   * A non-message block starts (or the response ends): the open message takes no more parts and
   * ends, with `status`, as soon as its open parts are closed.
   */
  sealMessage(status: ClosedItemStatus = 'completed'): void {
    const message = this.#openMessage;
    if (message === undefined) return;
    this.#openMessage = undefined;
    message.sealed = true;
    this.endMessageIfComplete(message, status);
  }

  /** Ends a sealed message whose content parts are all closed. */
  endMessageIfComplete(message: MessageItemState, status: ClosedItemStatus): void {
    if (!message.sealed || message.ended) return;
    if (message.parts.some((part) => !part.closed)) return;
    this.end(message, status);
  }

  /** Marks an item complete and sends every `output_item.done` that is now due, in order. */
  end(state: OutputItemState, status: ClosedItemStatus): void {
    if (state.ended) return;
    state.ended = true;
    if (state.type !== 'image_generation_call') state.status = status;
    for (const item of this.#items) {
      if (item.doneSent) continue;
      if (!item.ended) break;
      item.doneSent = true;
      this.#emit({ type: 'response.output_item.done', output_index: item.outputIndex, item: outputItemSnapshot(item) });
    }
  }

  /** The `output` array of the response snapshot. */
  output(): OutputItem[] {
    return this.#items.map(outputItemSnapshot);
  }
}
