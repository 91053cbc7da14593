import type { ChatCompletionFunctionToolCall, ChatCompletionToolCallChunk } from './chat-completion-types.js';

interface ToolCallState {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  arguments: string;
  streamedArguments: boolean;
  done: boolean;
}

/**
 * The tool calls of one turn, numbered by first appearance (`index`). The first chunk of a call
 * carries `id`, `type` and `function.name` (with empty arguments, or the whole arguments for a
 * call that arrived in one piece); later chunks carry `{ index, function: { arguments } }` only.
 */
export class ChatToolCalls {
  readonly #calls = new Map<string, ToolCallState>();
  readonly #generateId: (prefix: string) => string;

  constructor(generateId: (prefix: string) => string) {
    this.#generateId = generateId;
  }

  get size(): number {
    return this.#calls.size;
  }

  start(id: string, name: string, initialArguments = ''): ChatCompletionToolCallChunk | undefined {
    if (this.#calls.has(id)) return undefined;
    const state: ToolCallState = {
      index: this.#calls.size,
      id: id === '' ? this.#generateId('call') : id,
      name,
      arguments: initialArguments,
      streamedArguments: initialArguments !== '',
      done: false,
    };
    this.#calls.set(id, state);
    return { index: state.index, id: state.id, type: 'function', function: { name, arguments: initialArguments } };
  }

  /** Deltas of unknown (never started) or finished calls are dropped. */
  delta(id: string, delta: string): ChatCompletionToolCallChunk | undefined {
    const state = this.#calls.get(id);
    if (state === undefined || state.done || delta === '') return undefined;
    state.arguments += delta;
    state.streamedArguments = true;
    return { index: state.index, function: { arguments: delta } };
  }

  /** A whole call: completes a started one (its input, if nothing was streamed) or starts it whole. */
  call(id: string, name: string, input: string): ChatCompletionToolCallChunk | undefined {
    const state = this.#calls.get(id);
    if (state === undefined) {
      const chunk = this.start(id, name, input);
      this.#finish(id);
      return chunk;
    }
    if (state.done) return undefined;
    state.done = true;
    if (state.streamedArguments || input === '') return undefined;
    state.arguments = input;
    return { index: state.index, function: { arguments: input } };
  }

  /** The calls as the non-streaming message carries them, in `index` order. */
  toMessageToolCalls(): ChatCompletionFunctionToolCall[] {
    return [...this.#calls.values()].map((state) => ({
      id: state.id,
      type: 'function',
      function: { name: state.name, arguments: state.arguments },
    }));
  }

  #finish(id: string): void {
    const state = this.#calls.get(id);
    if (state !== undefined) state.done = true;
  }
}
