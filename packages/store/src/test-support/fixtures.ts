import { randomUUID } from 'node:crypto';
import type { CreateResponse, Response, ResponseStreamEvent, ResponseUsage } from '@switchyard/contract';
import type { NewResponse } from '../responses/create-response.js';
import type { StoredInputItem, StoredOutputItem } from '../responses/stored-response.js';

export function uniqueId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}

export function inputMessage(id: string, text: string): StoredInputItem {
  return { type: 'message', id, role: 'user', status: 'completed', content: [{ type: 'input_text', text }] } as StoredInputItem;
}

export function outputMessage(id: string, text: string): StoredOutputItem {
  return {
    type: 'message',
    id,
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text, annotations: [], logprobs: [] }],
  } as StoredOutputItem;
}

export const sampleUsage: ResponseUsage = {
  input_tokens: 5,
  input_tokens_details: { cached_tokens: 0 },
  output_tokens: 7,
  output_tokens_details: { reasoning_tokens: 0 },
  total_tokens: 12,
};

export function textDelta(sequenceNumber: number, delta: string): ResponseStreamEvent {
  return {
    type: 'response.output_text.delta',
    sequence_number: sequenceNumber,
    item_id: 'msg_1',
    output_index: 0,
    content_index: 0,
    delta,
    logprobs: [],
  } as ResponseStreamEvent;
}

export interface NewResponseOverrides extends Partial<NewResponse> {
  readonly tenantId: string;
}

/** A valid record; background runs start `queued`, foreground ones `in_progress`. */
export function newResponse(overrides: NewResponseOverrides): NewResponse {
  const id = overrides.id ?? uniqueId('resp');
  const background = overrides.background ?? false;
  const request = { model: 'fake/model', input: 'hello', background } as CreateResponse;
  return {
    id,
    status: background ? 'queued' : 'in_progress',
    model: 'fake/model',
    provider: 'fake',
    request,
    snapshot: null,
    previousResponseId: null,
    background,
    store: true,
    inputItems: [inputMessage(uniqueId('msg'), 'hello')],
    ...overrides,
  };
}

/** A minimal `Response` object as the gateway would store it. */
export function responseSnapshot(id: string, status: NonNullable<Response['status']>): Response {
  return {
    id,
    object: 'response',
    created_at: 1_700_000_000,
    status,
    error: null,
    incomplete_details: null,
    model: 'fake/model',
    instructions: null,
    output: [],
  } as unknown as Response;
}
