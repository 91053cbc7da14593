import type { ChatCompletionMessageToolCallChunk } from '@switchyard/contract';
import type { StreamPart } from '../parts/stream-part.js';

interface TrackedToolCall {
  readonly index: number;
  id: string | undefined;
  name: string | undefined;
  arguments: string;
  started: boolean;
}

/**
 * Accumulates streamed chat tool-call deltas by `index` into canonical parts:
 * `tool-input-start` once the call's id and name are known, `tool-input-delta` per
 * argument fragment, and `tool-input-end` + `tool-call` when closed. A new id arriving on
 * an index that already has a call (some servers reuse index 0) closes the old call first.
 */
export class StreamingToolCallTracker {
  private readonly open = new Map<number, TrackedToolCall>();
  private closedCount = 0;

  /** Whether any call was seen. */
  get hasToolCalls(): boolean {
    return this.open.size > 0 || this.closedCount > 0;
  }

  update(chunk: ChatCompletionMessageToolCallChunk, position: number): StreamPart[] {
    const parts: StreamPart[] = [];
    const index = typeof chunk.index === 'number' ? chunk.index : position;
    let call = this.open.get(index);
    if (call !== undefined && chunk.id !== undefined && chunk.id !== '' && call.id !== undefined && call.id !== chunk.id) {
      parts.push(...this.close(call));
      call = undefined;
    }
    if (call === undefined) {
      call = { index, id: undefined, name: undefined, arguments: '', started: false };
      this.open.set(index, call);
    }
    if (chunk.id !== undefined && chunk.id !== '') call.id = chunk.id;
    if (chunk.function?.name !== undefined && chunk.function.name !== '' && call.name === undefined) call.name = chunk.function.name;
    const delta = chunk.function?.arguments ?? '';
    call.arguments += delta;
    if (!call.started && call.id !== undefined && call.name !== undefined) {
      parts.push(...this.start(call, call.arguments));
    } else if (call.started && delta !== '') {
      parts.push({ type: 'tool-input-delta', id: this.idOf(call), delta });
    }
    return parts;
  }

  /** Closes every open call, in index order. */
  finish(): StreamPart[] {
    const calls = [...this.open.values()].sort((left, right) => left.index - right.index);
    return calls.flatMap((call) => this.close(call));
  }

  private start(call: TrackedToolCall, bufferedArguments: string): StreamPart[] {
    call.started = true;
    const id = this.idOf(call);
    const parts: StreamPart[] = [{ type: 'tool-input-start', id, toolName: call.name ?? '' }];
    if (bufferedArguments !== '') parts.push({ type: 'tool-input-delta', id, delta: bufferedArguments });
    return parts;
  }

  private close(call: TrackedToolCall): StreamPart[] {
    this.open.delete(call.index);
    this.closedCount += 1;
    const parts = call.started ? [] : this.start(call, call.arguments);
    const id = this.idOf(call);
    parts.push({ type: 'tool-input-end', id });
    parts.push({ type: 'tool-call', toolCallId: id, toolName: call.name ?? '', input: call.arguments === '' ? '{}' : call.arguments });
    return parts;
  }

  private idOf(call: TrackedToolCall): string {
    return call.id ?? `call_${call.index}`;
  }
}
