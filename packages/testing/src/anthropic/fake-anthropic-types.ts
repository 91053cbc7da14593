/** What the fake reads of a Messages request (loosely typed: it validates like the real API). */
export interface FakeAnthropicBlock {
  readonly type: string;
  readonly text?: string;
  readonly thinking?: string;
  readonly signature?: string;
  readonly data?: string;
  readonly id?: string;
  readonly name?: string;
  readonly input?: unknown;
  readonly tool_use_id?: string;
  readonly content?: string | readonly FakeAnthropicBlock[];
  readonly source?: { readonly type?: string; readonly media_type?: string; readonly data?: string; readonly url?: string };
  readonly cache_control?: unknown;
}

export interface FakeAnthropicMessage {
  readonly role: string;
  readonly content: string | readonly FakeAnthropicBlock[];
}

export interface FakeAnthropicTool {
  readonly name: string;
  readonly description?: string;
  readonly input_schema?: { readonly properties?: Readonly<Record<string, { readonly type?: unknown }>>; readonly required?: readonly string[] };
  readonly cache_control?: unknown;
}

export interface FakeAnthropicRequest {
  readonly model: string;
  readonly max_tokens: number;
  readonly messages: readonly FakeAnthropicMessage[];
  readonly system?: string | readonly FakeAnthropicBlock[];
  readonly stream?: boolean;
  readonly temperature?: number;
  readonly top_p?: number;
  readonly stop_sequences?: readonly string[];
  readonly tools?: readonly FakeAnthropicTool[];
  readonly tool_choice?: { readonly type: string; readonly name?: string; readonly disable_parallel_tool_use?: boolean };
  readonly thinking?: { readonly type: string; readonly budget_tokens?: number };
  readonly output_config?: { readonly format?: { readonly type?: string; readonly schema?: FakeAnthropicTool['input_schema'] }; readonly effort?: string };
}

/** A content block of the fake's answer, exactly as the Messages API returns it. */
export type FakeAnthropicAnswerBlock =
  | { type: 'text'; text: string }
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'redacted_thinking'; data: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

export interface FakeAnthropicUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  output_tokens: number;
}

/** The non-streamed Message the fake answers with (and streams piece by piece). */
export interface FakeAnthropicMessageResponse {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: FakeAnthropicAnswerBlock[];
  stop_reason: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'refusal' | 'pause_turn';
  stop_sequence: string | null;
  usage: FakeAnthropicUsage;
}
