import type { OutputItem, Response, ResponseUsage } from '@switchyard/contract';
import type { ResponseEncoderOptions } from './response-encoder-options.js';
import type { IncompleteReason, ResponseErrorObject, ResponseStatus } from './response-output-types.js';

/** The parts of a `Response` snapshot that change while a response is generated. */
export interface ResponseSnapshotState {
  readonly status: Extract<ResponseStatus, 'in_progress' | 'completed' | 'incomplete' | 'failed'>;
  readonly output: readonly OutputItem[];
  readonly error?: ResponseErrorObject;
  readonly incompleteReason?: IncompleteReason;
  /** Omitted from the snapshot when undefined (unknown usage, or not finished yet). */
  readonly usage?: ResponseUsage | undefined;
  /** Unix seconds; set on `completed` snapshots only. */
  readonly completedAt?: number;
}

function conversationOf(request: ResponseEncoderOptions['request']): Pick<Response, 'conversation'> {
  const conversation = request.conversation;
  if (conversation === undefined || conversation === null) return {};
  return { conversation: { id: typeof conversation === 'string' ? conversation : conversation.id } };
}

/**
 * Builds a `Response` object as OpenAI shapes it: the request's settings echoed (with OpenAI's
 * defaults where the client sent nothing), plus the current status and output. `output_text` is
 * not part of the wire object; OpenAI's SDKs compute it on the client.
 */
export function createResponseSnapshot(options: ResponseEncoderOptions, state: ResponseSnapshotState): Response {
  const { request } = options;
  return {
    id: options.responseId,
    object: 'response',
    created_at: options.createdAt,
    status: state.status,
    background: request.background ?? false,
    completed_at: state.status === 'completed' ? (state.completedAt ?? null) : null,
    ...conversationOf(request),
    error: state.error ?? null,
    incomplete_details: state.incompleteReason === undefined ? null : { reason: state.incompleteReason },
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    max_tool_calls: request.max_tool_calls ?? null,
    model: options.model,
    output: [...state.output],
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    previous_response_id: request.previous_response_id ?? null,
    ...(request.prompt_cache_key === undefined ? {} : { prompt_cache_key: request.prompt_cache_key }),
    reasoning: request.reasoning ?? null,
    ...(request.safety_identifier === undefined ? {} : { safety_identifier: request.safety_identifier }),
    service_tier: request.service_tier ?? 'auto',
    store: request.store ?? true,
    temperature: request.temperature ?? 1,
    text: request.text ?? { format: { type: 'text' } },
    tool_choice: request.tool_choice ?? 'auto',
    tools: request.tools ?? [],
    ...(request.top_logprobs === undefined ? {} : { top_logprobs: request.top_logprobs }),
    top_p: request.top_p ?? 1,
    truncation: request.truncation ?? 'disabled',
    ...(state.usage === undefined ? {} : { usage: state.usage }),
    ...(request.user === undefined ? {} : { user: request.user }),
    metadata: request.metadata ?? {},
  };
}
