export type ResponseStatus = 'completed' | 'failed' | 'in_progress' | 'cancelled' | 'queued' | 'incomplete';

export interface ResponseUsageShape {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number; cache_write_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

export interface ResponseSnapshotFields {
  id: string;
  createdAt: number;
  status: ResponseStatus;
  output: Record<string, unknown>[];
  usage: ResponseUsageShape | null;
  incompleteReason?: 'max_output_tokens' | 'content_filter';
  error?: { code: string; message: string };
}

/** Builds an OpenAI `Response` object (every field the spec requires, echoing request parameters). */
export function buildResponseObject(request: Record<string, unknown>, fields: ResponseSnapshotFields): Record<string, unknown> {
  const terminal = fields.status !== 'in_progress' && fields.status !== 'queued';
  return {
    id: fields.id,
    object: 'response',
    created_at: fields.createdAt,
    status: fields.status,
    background: request.background === true,
    completed_at: fields.status === 'completed' ? Math.floor(Date.now() / 1000) : null,
    error: fields.error ?? null,
    incomplete_details: fields.incompleteReason === undefined ? null : { reason: fields.incompleteReason },
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    max_tool_calls: request.max_tool_calls ?? null,
    model: typeof request.model === 'string' ? request.model : 'gpt-4o-mini',
    output: fields.output,
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    previous_response_id: request.previous_response_id ?? null,
    prompt_cache_key: request.prompt_cache_key ?? null,
    reasoning: { effort: null, summary: null },
    safety_identifier: request.safety_identifier ?? null,
    service_tier: terminal ? 'default' : 'auto',
    store: request.store ?? true,
    temperature: request.temperature ?? 1,
    text: request.text ?? { format: { type: 'text' }, verbosity: 'medium' },
    tool_choice: request.tool_choice ?? 'auto',
    tools: request.tools ?? [],
    top_logprobs: request.top_logprobs ?? 0,
    top_p: request.top_p ?? 1,
    truncation: request.truncation ?? 'disabled',
    usage: fields.usage,
    user: request.user ?? null,
    metadata: request.metadata ?? {},
  };
}
