/** What the Chat Completions encoder needs besides the parts. */
export interface ChatCompletionEncoderOptions {
  /** `chatcmpl-…`, the same on every chunk. */
  readonly id: string;
  /** Unix seconds, the same on every chunk. */
  readonly created: number;
  /** The model as the client asked for it, e.g. `groq/llama-3.3-70b`. */
  readonly model: string;
  /** The request's `stream_options.include_usage`: `usage: null` on every chunk, then a usage chunk. */
  readonly includeUsage: boolean;
  readonly systemFingerprint?: string;
  /**
   * Where reasoning goes. By default it is left out: OpenAI's chunks have no reasoning field.
   * `reasoning_content` exposes it as `delta.reasoning_content` / `message.reasoning_content`,
   * the field DeepSeek-style clients read.
   */
  readonly reasoningField?: 'reasoning_content';
  /** Makes tool call ids when a provider sent none. Default: random `call_…` ids. */
  readonly generateId?: (prefix: string) => string;
}
