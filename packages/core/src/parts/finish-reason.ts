/**
 * Why generation stopped, in one vocabulary for every provider.
 * - `stop`: natural end or a stop sequence
 * - `length`: the output-token cap was reached (Responses: incomplete / `max_output_tokens`)
 * - `content-filter`: the provider blocked content (Responses: incomplete / `content_filter`)
 * - `tool-calls`: the model stopped to call tools
 * - `refusal`: the model refused (Anthropic `refusal`)
 * - `error`: the provider reported an error as the stop reason
 * - `other`: anything else; `raw` keeps the provider's own value
 */
export type UnifiedFinishReason = 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'refusal' | 'error' | 'other';

export interface FinishReason {
  readonly unified: UnifiedFinishReason;
  /** The provider's own value, e.g. `end_turn`, `MAX_TOKENS`, `tool_calls`. */
  readonly raw: string | undefined;
}
