import type { Response, ResponseStreamEvent, ResponseUsage } from '@switchyard/contract';
import { generateId as generateRandomId } from '../../ids/generate-id.js';
import type { StreamPart } from '../../parts/stream-part.js';
import { createResponseSnapshot } from './create-response-snapshot.js';
import { FunctionCallBlocks } from './function-call-blocks.js';
import { encodeImageBlock } from './encode-image-block.js';
import { MessageBlocks } from './message-blocks.js';
import { OutputItemBook } from './output-item-book.js';
import type { OutputItemState } from './output-item-state.js';
import { ReasoningBlocks } from './reasoning-blocks.js';
import type { ResponseEncoderOptions } from './response-encoder-options.js';
import { responseErrorFromError } from './response-error-from-error.js';
import { type ResponseOutcome, responseOutcomeFromFinishReason } from './response-outcome-from-finish-reason.js';
import type { UnsequencedResponseEvent } from './response-output-types.js';
import { responseUsageFromUsage } from './response-usage-from-usage.js';

/**
 * The state machine behind both the streaming and the non-streaming Responses encoder. Feed it
 * `start()`, then `apply(part)` per part, then `end()` (or `fail(error)` when the source threw);
 * each call returns the events it produced, numbered from 0 without gaps. After the terminal
 * event (`response.completed` / `.incomplete` / `.failed`) every call returns nothing.
 */
export class ResponseEventMachine {
  readonly #options: ResponseEncoderOptions;
  readonly #book: OutputItemBook;
  readonly #messages: MessageBlocks;
  readonly #reasoning: ReasoningBlocks;
  readonly #functionCalls: FunctionCallBlocks;
  readonly #generateId: (prefix: string) => string;
  #pending: ResponseStreamEvent[] = [];
  #sequenceNumber = 0;
  #started = false;
  #finalResponse: Response | undefined;

  constructor(options: ResponseEncoderOptions) {
    this.#options = options;
    this.#generateId = options.generateId ?? generateRandomId;
    const emit = (event: UnsequencedResponseEvent): void => this.#emit(event);
    this.#book = new OutputItemBook(emit);
    this.#messages = new MessageBlocks(this.#book, emit, this.#generateId);
    this.#reasoning = new ReasoningBlocks(this.#book, emit, this.#generateId);
    this.#functionCalls = new FunctionCallBlocks(this.#book, emit, this.#generateId);
  }

  /** True once the terminal event was produced. */
  get finished(): boolean {
    return this.#finalResponse !== undefined;
  }

  /** The snapshot carried by the terminal event, once there is one. */
  get finalResponse(): Response | undefined {
    return this.#finalResponse;
  }

  /** `response.created` then `response.in_progress` (both `in_progress`, empty output). */
  start(): ResponseStreamEvent[] {
    if (this.#started) return [];
    this.#started = true;
    const response = createResponseSnapshot(this.#options, { status: 'in_progress', output: [] });
    this.#emit({ type: 'response.created', response });
    this.#emit({ type: 'response.in_progress', response: createResponseSnapshot(this.#options, { status: 'in_progress', output: [] }) });
    return this.#drain();
  }

  apply(part: StreamPart): ResponseStreamEvent[] {
    if (this.finished) return [];
    this.start();
    switch (part.type) {
      case 'response-metadata':
        break;
      case 'text-start':
        this.#messages.start('output_text', part.id);
        break;
      case 'text-delta':
        this.#messages.delta('output_text', part.id, part.delta);
        break;
      case 'text-annotation':
        this.#messages.annotate(part.id, part.annotation);
        break;
      case 'text-end':
        this.#messages.end('output_text', part.id);
        break;
      case 'refusal-start':
        this.#messages.start('refusal', part.id);
        break;
      case 'refusal-delta':
        this.#messages.delta('refusal', part.id, part.delta);
        break;
      case 'refusal-end':
        this.#messages.end('refusal', part.id);
        break;
      case 'reasoning-start':
        this.#reasoning.start(part.id, part.kind ?? 'summary');
        break;
      case 'reasoning-delta':
        this.#reasoning.delta(part.id, part.delta);
        break;
      case 'reasoning-end':
        this.#reasoning.end(part.id, part.encryptedContent);
        break;
      case 'tool-input-start':
        this.#functionCalls.start(part.id, part.toolName);
        break;
      case 'tool-input-delta':
        this.#functionCalls.delta(part.id, part.delta);
        break;
      case 'tool-input-end':
        this.#functionCalls.inputEnd(part.id);
        break;
      case 'tool-call':
        this.#functionCalls.call(part.toolCallId, part.toolName, part.input);
        break;
      case 'image':
        encodeImageBlock(this.#book, (event) => this.#emit(event), this.#generateId, part.base64);
        break;
      case 'finish':
        this.#terminate(responseOutcomeFromFinishReason(part.finishReason), responseUsageFromUsage(part.usage));
        break;
      case 'error':
        this.#terminate({ status: 'failed', error: responseErrorFromError(part.error) }, undefined);
        break;
    }
    return this.#drain();
  }

  /** The part source threw after the stream began: `response.failed`, open items incomplete. */
  fail(error: unknown): ResponseStreamEvent[] {
    if (this.finished) return [];
    this.start();
    this.#terminate({ status: 'failed', error: responseErrorFromError(error) }, undefined);
    return this.#drain();
  }

  /** The part source ended. Without a `finish` or `error` part that is a failure. */
  end(): ResponseStreamEvent[] {
    if (this.finished) return [];
    this.start();
    this.#terminate(
      { status: 'failed', error: { code: 'server_error', message: 'upstream stream ended unexpectedly' } },
      undefined,
    );
    return this.#drain();
  }

  #emit(event: UnsequencedResponseEvent): void {
    this.#pending.push({ ...event, sequence_number: this.#sequenceNumber++ } as ResponseStreamEvent);
  }

  #drain(): ResponseStreamEvent[] {
    const events = this.#pending;
    this.#pending = [];
    return events;
  }

  /** Closes every open item in `output_index` order, then sends the terminal event. */
  #terminate(outcome: ResponseOutcome, usage: ResponseUsage | undefined): void {
    const closingStatus = outcome.status === 'completed' ? 'completed' : 'incomplete';
    this.#book.sealMessage(closingStatus);
    for (const item of this.#book.items) {
      if (!item.ended) this.#close(item, closingStatus);
    }
    const response = createResponseSnapshot(this.#options, {
      status: outcome.status,
      output: this.#book.output(),
      ...(outcome.status === 'failed' ? { error: outcome.error } : {}),
      ...(outcome.status === 'incomplete' ? { incompleteReason: outcome.reason } : {}),
      usage,
      ...(outcome.status === 'completed' ? { completedAt: this.#now() } : {}),
    });
    this.#finalResponse = response;
    if (outcome.status === 'completed') this.#emit({ type: 'response.completed', response });
    else if (outcome.status === 'incomplete') this.#emit({ type: 'response.incomplete', response });
    else this.#emit({ type: 'response.failed', response });
  }

  #close(item: OutputItemState, status: 'completed' | 'incomplete'): void {
    switch (item.type) {
      case 'message':
        this.#messages.close(item, status);
        break;
      case 'reasoning':
        this.#reasoning.close(item, status);
        break;
      case 'function_call':
        this.#functionCalls.close(item, status);
        break;
      case 'image_generation_call':
        this.#book.end(item, 'completed');
        break;
    }
  }

  #now(): number {
    return this.#options.now?.() ?? Math.floor(Date.now() / 1000);
  }
}
