import type { OutputItemBook } from './output-item-book.js';
import type { ClosedItemStatus, FunctionCallItemState } from './output-item-state.js';
import type { UnsequencedResponseEvent } from './response-output-types.js';

/**
 * Tool calls, one `function_call` item (`fc_…`, `call_id` = the provider's call id) each:
 * `output_item.added`, `function_call_arguments.delta`…, `function_call_arguments.done`, then
 * `output_item.done`. Arguments are the concatenated deltas, or the `tool-call` part's `input`
 * when no delta was streamed (sent as one delta, so delta-only consumers see it too).
 */
export class FunctionCallBlocks {
  readonly #calls = new Map<string, FunctionCallItemState>();
  readonly #book: OutputItemBook;
  readonly #emit: (event: UnsequencedResponseEvent) => void;
  readonly #generateId: (prefix: string) => string;

  constructor(book: OutputItemBook, emit: (event: UnsequencedResponseEvent) => void, generateId: (prefix: string) => string) {
    this.#book = book;
    this.#emit = emit;
    this.#generateId = generateId;
  }

  start(id: string, toolName: string): FunctionCallItemState {
    const existing = this.#calls.get(id);
    if (existing !== undefined) return existing;
    this.#book.sealMessage();
    const state = this.#book.add<FunctionCallItemState>({
      type: 'function_call',
      outputIndex: this.#book.nextOutputIndex,
      id: this.#generateId('fc'),
      status: 'in_progress',
      ended: false,
      doneSent: false,
      callId: id === '' ? this.#generateId('call') : id,
      name: toolName,
      arguments: '',
      streamedArguments: false,
      inputEnded: false,
      argumentsDone: false,
    });
    this.#calls.set(id, state);
    return state;
  }

  /** Deltas of a call that was never started (no tool name known) or already finished are dropped. */
  delta(id: string, delta: string): void {
    const state = this.#calls.get(id);
    if (state === undefined || state.argumentsDone || delta === '') return;
    this.#sendDelta(state, delta);
  }

  /** Streamed arguments are final at `tool-input-end`; otherwise the `tool-call` part brings them. */
  inputEnd(id: string): void {
    const state = this.#calls.get(id);
    if (state === undefined || state.argumentsDone) return;
    state.inputEnded = true;
    if (state.streamedArguments) this.close(state, 'completed');
  }

  /** A whole call: completes a started call, or opens and closes a new item in one go. */
  call(toolCallId: string, toolName: string, input: string): void {
    const state = this.#calls.get(toolCallId) ?? this.start(toolCallId, toolName);
    if (state.argumentsDone) return;
    if (!state.streamedArguments && input !== '') this.#sendDelta(state, input);
    this.close(state, 'completed');
  }

  close(state: FunctionCallItemState, status: ClosedItemStatus): void {
    if (!state.argumentsDone) {
      state.argumentsDone = true;
      this.#emit({
        type: 'response.function_call_arguments.done',
        item_id: state.id,
        output_index: state.outputIndex,
        name: state.name,
        arguments: state.arguments,
      });
    }
    this.#book.end(state, status);
  }

  #sendDelta(state: FunctionCallItemState, delta: string): void {
    state.arguments += delta;
    state.streamedArguments = true;
    this.#emit({ type: 'response.function_call_arguments.delta', item_id: state.id, output_index: state.outputIndex, delta });
  }
}
