/** The knobs in which OpenAI-compatible chat providers differ from OpenAI's own Chat Completions. */
export interface ChatDialect {
  /**
   * Where a stream's usage goes:
   * - `usage-chunk`: OpenAI — only with `stream_options.include_usage`, an extra chunk with `choices: []`
   *   before `[DONE]`; every other chunk then carries `usage: null`.
   * - `final-chunk`: usage always on the chunk carrying `finish_reason` (Mistral, Together, Fireworks style).
   * - `x-groq`: Groq — `x_groq.usage` on the final chunk, plus the OpenAI usage chunk when asked.
   * - `always-usage-chunk`: OpenRouter — the `choices: []` usage chunk is always sent.
   */
  streamUsage: 'usage-chunk' | 'final-chunk' | 'x-groq' | 'always-usage-chunk';
  /** DeepSeek: reasoning arrives as `reasoning_content` (delta and message). */
  reasoningField: 'reasoning_content' | undefined;
  /** Whether to emit `system_fingerprint` / `service_tier` like OpenAI does. */
  openaiExtras: boolean;
  idPrefix: string;
}

export const openaiChatDialect: ChatDialect = {
  streamUsage: 'usage-chunk',
  reasoningField: undefined,
  openaiExtras: true,
  idPrefix: 'chatcmpl',
};
