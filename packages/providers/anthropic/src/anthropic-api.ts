/**
 * Minimal, tolerant types of the Anthropic Messages API: only the fields this adapter writes or
 * reads. Upstream values are read defensively (unknown block and event types are ignored, as
 * Anthropic's versioning policy allows new ones).
 */

export interface AnthropicCacheControl {
  readonly type: 'ephemeral';
}

export type AnthropicImageSource =
  | { readonly type: 'base64'; readonly media_type: string; readonly data: string }
  | { readonly type: 'url'; readonly url: string };

export interface AnthropicTextBlock {
  readonly type: 'text';
  readonly text: string;
  cache_control?: AnthropicCacheControl;
}

export interface AnthropicImageBlock {
  readonly type: 'image';
  readonly source: AnthropicImageSource;
  cache_control?: AnthropicCacheControl;
}

export interface AnthropicDocumentBlock {
  readonly type: 'document';
  readonly source:
    | { readonly type: 'base64'; readonly media_type: string; readonly data: string }
    | { readonly type: 'url'; readonly url: string };
  readonly title?: string;
  cache_control?: AnthropicCacheControl;
}

export interface AnthropicToolUseBlock {
  readonly type: 'tool_use';
  readonly id: string;
  readonly name: string;
  readonly input: unknown;
  cache_control?: AnthropicCacheControl;
}

export interface AnthropicToolResultBlock {
  readonly type: 'tool_result';
  readonly tool_use_id: string;
  readonly content: string | ReadonlyArray<AnthropicTextBlock | AnthropicImageBlock>;
  readonly is_error?: boolean;
  cache_control?: AnthropicCacheControl;
}

export interface AnthropicThinkingBlock {
  readonly type: 'thinking';
  readonly thinking: string;
  readonly signature: string;
}

export interface AnthropicRedactedThinkingBlock {
  readonly type: 'redacted_thinking';
  readonly data: string;
}

export type AnthropicContentBlock =
  | AnthropicTextBlock
  | AnthropicImageBlock
  | AnthropicDocumentBlock
  | AnthropicToolUseBlock
  | AnthropicToolResultBlock
  | AnthropicThinkingBlock
  | AnthropicRedactedThinkingBlock;

export interface AnthropicMessage {
  readonly role: 'user' | 'assistant';
  content: AnthropicContentBlock[];
}

export interface AnthropicTool {
  readonly name: string;
  readonly description?: string;
  readonly input_schema: Readonly<Record<string, unknown>>;
  cache_control?: AnthropicCacheControl;
}

export type AnthropicToolChoice =
  | { readonly type: 'auto'; readonly disable_parallel_tool_use?: boolean }
  | { readonly type: 'any'; readonly disable_parallel_tool_use?: boolean }
  | { readonly type: 'tool'; readonly name: string; readonly disable_parallel_tool_use?: boolean }
  | { readonly type: 'none' };

export type AnthropicThinking =
  | { readonly type: 'enabled'; readonly budget_tokens: number }
  | { readonly type: 'adaptive' }
  | { readonly type: 'disabled' };

export interface AnthropicOutputConfig {
  format?: { readonly type: 'json_schema'; readonly schema: Readonly<Record<string, unknown>> };
  effort?: 'low' | 'medium' | 'high' | 'max';
}

/** The body of POST /v1/messages as this adapter writes it. */
export interface AnthropicMessagesRequest {
  model: string;
  max_tokens: number;
  messages: AnthropicMessage[];
  system?: AnthropicTextBlock[];
  stream?: boolean;
  temperature?: number;
  top_p?: number;
  stop_sequences?: string[];
  tools?: AnthropicTool[];
  tool_choice?: AnthropicToolChoice;
  thinking?: AnthropicThinking;
  metadata?: { user_id: string };
  output_config?: AnthropicOutputConfig;
}

/** Usage as Anthropic reports it (message_start carries the input side, message_delta is cumulative). */
export interface AnthropicUsage {
  readonly input_tokens?: number | null;
  readonly output_tokens?: number | null;
  readonly cache_creation_input_tokens?: number | null;
  readonly cache_read_input_tokens?: number | null;
}

/** The non-streamed answer of POST /v1/messages. */
export interface AnthropicMessageResponse {
  readonly id?: string;
  readonly type?: 'message';
  readonly role?: 'assistant';
  readonly model?: string;
  readonly content?: ReadonlyArray<{ readonly type: string; readonly [key: string]: unknown }>;
  readonly stop_reason?: string | null;
  readonly stop_sequence?: string | null;
  readonly usage?: AnthropicUsage;
}

export type AnthropicDelta =
  | { readonly type: 'text_delta'; readonly text: string }
  | { readonly type: 'input_json_delta'; readonly partial_json: string }
  | { readonly type: 'thinking_delta'; readonly thinking: string }
  | { readonly type: 'signature_delta'; readonly signature: string }
  | { readonly type: 'citations_delta'; readonly citation: unknown };

export interface AnthropicErrorPayload {
  readonly type?: string;
  readonly message?: string;
}

/** The named SSE events of a streamed message. */
export type AnthropicStreamEvent =
  | { readonly type: 'message_start'; readonly message: AnthropicMessageResponse }
  | { readonly type: 'content_block_start'; readonly index: number; readonly content_block: { readonly type: string; readonly [key: string]: unknown } }
  | { readonly type: 'content_block_delta'; readonly index: number; readonly delta: { readonly type: string; readonly [key: string]: unknown } }
  | { readonly type: 'content_block_stop'; readonly index: number }
  | {
      readonly type: 'message_delta';
      readonly delta: { readonly stop_reason?: string | null; readonly stop_sequence?: string | null };
      readonly usage?: AnthropicUsage;
    }
  | { readonly type: 'message_stop' }
  | { readonly type: 'ping' }
  | { readonly type: 'error'; readonly error: AnthropicErrorPayload };

/** GET /v1/models. */
export interface AnthropicModelList {
  readonly data: ReadonlyArray<{ readonly id?: unknown; readonly type?: unknown }>;
  readonly has_more?: boolean;
  readonly last_id?: string | null;
}
