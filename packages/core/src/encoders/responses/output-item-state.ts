import type { OutputTextAnnotation } from './response-output-types.js';

/** Final status of an item the encoder closes. */
export type ClosedItemStatus = 'completed' | 'incomplete';

interface ItemStateBase {
  readonly outputIndex: number;
  readonly id: string;
  status: 'in_progress' | ClosedItemStatus;
  /** The item is complete; its `response.output_item.done` may be sent. */
  ended: boolean;
  /** `response.output_item.done` was sent (always in `output_index` order). */
  doneSent: boolean;
}

/** One content part (`output_text` or `refusal`) of a message item. */
export interface MessagePartState {
  readonly type: 'output_text' | 'refusal';
  readonly contentIndex: number;
  text: string;
  readonly annotations: OutputTextAnnotation[];
  closed: boolean;
}

export interface MessageItemState extends ItemStateBase {
  readonly type: 'message';
  readonly parts: MessagePartState[];
  /** No further content parts join this message; it ends once its open parts are closed. */
  sealed: boolean;
}

export interface ReasoningItemState extends ItemStateBase {
  readonly type: 'reasoning';
  /** `summary` streams `summary_text` parts, `content` streams `reasoning_text` content. */
  readonly kind: 'summary' | 'content';
  text: string;
  /** The summary part / reasoning_text content part was announced (on the first delta). */
  partOpened: boolean;
  partClosed: boolean;
  encryptedContent: string | undefined;
}

export interface FunctionCallItemState extends ItemStateBase {
  readonly type: 'function_call';
  readonly callId: string;
  readonly name: string;
  arguments: string;
  /** At least one arguments delta was sent. */
  streamedArguments: boolean;
  /** `tool-input-end` arrived; without streamed arguments the `tool-call` part supplies them. */
  inputEnded: boolean;
  argumentsDone: boolean;
}

export interface ImageItemState extends ItemStateBase {
  readonly type: 'image_generation_call';
  readonly base64: string;
}

/** Bookkeeping for one output item, in the order the items were added. */
export type OutputItemState = MessageItemState | ReasoningItemState | FunctionCallItemState | ImageItemState;
