import type { UpstreamTimeouts } from '@switchyard/provider-utils';

export interface AnthropicAdapterOptions {
  /** Sent as `x-api-key`. */
  readonly apiKey: string;
  /** Default `https://api.anthropic.com/v1`. */
  readonly baseURL?: string;
  /** The `anthropic-version` header; default `2023-06-01`. */
  readonly anthropicVersion?: string;
  /** Extra headers on every call (e.g. `anthropic-beta`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Provider key in model names; default `anthropic`. */
  readonly name?: string;
  /** `auto` (default): cache_control breakpoints on the instructions and the stable conversation prefix. */
  readonly promptCaching?: 'auto' | 'off';
  /** `max_tokens` when the client sets none; default: per model family (see {@link defaultMaxTokensFor}). */
  readonly defaultMaxTokens?: number;
  /**
   * How `text.format: json_schema` is honoured: `tool` (default, every model) forces a tool whose
   * input_schema is the schema and unwraps its input as text; `native` sends `output_config.format`
   * (only models with structured outputs accept it).
   */
  readonly structuredOutput?: 'tool' | 'native';
  readonly timeouts?: UpstreamTimeouts;
}

export const defaultAnthropicBaseURL = 'https://api.anthropic.com/v1';
export const defaultAnthropicVersion = '2023-06-01';

/**
 * Maximum output tokens per model family, from Anthropic's models overview
 * (https://docs.anthropic.com/en/docs/about-claude/models/overview, "Max output" row, and the
 * legacy-models table). The first matching prefix wins. Unknown models get 4096, which every
 * Claude model accepts.
 */
const maxOutputTokensByPrefix: ReadonlyArray<readonly [string, number]> = [
  ['claude-opus-4-6', 128_000],
  ['claude-opus-4-7', 128_000],
  ['claude-sonnet-4-6', 128_000],
  ['claude-opus-4-1', 32_000],
  ['claude-opus-4-0', 32_000],
  ['claude-opus-4-2', 32_000],
  ['claude-opus-4-5', 64_000],
  ['claude-opus-4', 32_000],
  ['claude-sonnet-4', 64_000],
  ['claude-haiku-4', 64_000],
  ['claude-3-7-sonnet', 64_000],
  ['claude-3-5-sonnet', 8_192],
  ['claude-3-5-haiku', 8_192],
  ['claude-3-opus', 4_096],
  ['claude-3-sonnet', 4_096],
  ['claude-3-haiku', 4_096],
];

export const fallbackMaxTokens = 4_096;

/** The documented output-token ceiling of a model family, used as `max_tokens` when the client sets none. */
export function defaultMaxTokensFor(model: string): number {
  const entry = maxOutputTokensByPrefix.find(([prefix]) => model.startsWith(prefix));
  return entry === undefined ? fallbackMaxTokens : entry[1];
}
