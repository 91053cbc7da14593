/**
 * Minimal, tolerant types for Cohere's v2 Chat API (`POST /v2/chat`): only the fields this adapter
 * writes or reads. Source: docs.cohere.com/reference/chat and /reference/chat-stream, the streaming
 * guides (v2/docs/streaming, v2/docs/tool-use-streaming) and the cohere-typescript v2 types.
 */

export type CohereTextContent = { type: 'text'; text: string };
export type CohereThinkingContent = { type: 'thinking'; thinking: string };
export type CohereImageContent = { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } };
export type CohereDocumentContent = { type: 'document'; document: { data: string; id?: string } };

export type CohereUserContent = CohereTextContent | CohereImageContent;
export type CohereAssistantContent = CohereTextContent | CohereThinkingContent;

export interface CohereToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type CohereMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | CohereUserContent[] }
  | {
      role: 'assistant';
      content?: string | CohereAssistantContent[];
      tool_plan?: string;
      tool_calls?: CohereToolCall[];
    }
  | { role: 'tool'; tool_call_id: string; content: string | Array<CohereTextContent | CohereDocumentContent> };

export type CohereAssistantMessage = Extract<CohereMessage, { role: 'assistant' }>;

export interface CohereTool {
  type: 'function';
  function: { name: string; description?: string; parameters: Record<string, unknown> };
}

export type CohereResponseFormat = { type: 'text' } | { type: 'json_object'; json_schema?: Record<string, unknown> };

export type CohereThinking = { type: 'enabled'; token_budget?: number } | { type: 'disabled' };

/** The request body this adapter sends. */
export interface CohereChatRequest {
  model: string;
  messages: CohereMessage[];
  stream: boolean;
  tools?: CohereTool[];
  tool_choice?: 'REQUIRED' | 'NONE';
  strict_tools?: boolean;
  response_format?: CohereResponseFormat;
  max_tokens?: number;
  temperature?: number;
  p?: number;
  seed?: number;
  frequency_penalty?: number;
  presence_penalty?: number;
  stop_sequences?: string[];
  thinking?: CohereThinking;
}

export type CohereFinishReason = 'COMPLETE' | 'STOP_SEQUENCE' | 'MAX_TOKENS' | 'TOOL_CALL' | 'ERROR' | 'TIMEOUT' | (string & {});

export interface CohereUsage {
  billed_units?: { input_tokens?: number | null; output_tokens?: number | null } | null;
  tokens?: { input_tokens?: number | null; output_tokens?: number | null } | null;
  cached_tokens?: number | null;
}

/** A cited source: a tool result (`tool_output`) or a document (`document`, e.g. `{id, title, url, text}`). */
export type CohereSource =
  | { type: 'tool'; id?: string | null; tool_output?: Record<string, unknown> | null }
  | { type: 'document'; id?: string | null; document?: Record<string, unknown> | null };

export interface CohereCitation {
  start?: number | null;
  end?: number | null;
  text?: string | null;
  sources?: CohereSource[] | null;
  /** `TEXT_CONTENT`, `THINKING_CONTENT` or `PLAN`. */
  type?: string | null;
  /** Index of the content block the offsets refer to (newer API versions). */
  content_index?: number | null;
}

export interface CohereResponseMessage {
  role?: 'assistant';
  content?: Array<CohereAssistantContent | { type: string }> | null;
  tool_plan?: string | null;
  tool_calls?: Array<Partial<CohereToolCall> & { function?: { name?: string; arguments?: string } }> | null;
  citations?: CohereCitation[] | null;
}

/** Non-streamed answer. */
export interface CohereChatResponse {
  id?: string;
  finish_reason?: CohereFinishReason | null;
  message?: CohereResponseMessage | null;
  usage?: CohereUsage | null;
}

/** One streamed event (`type` discriminates; unknown types are ignored). */
export type CohereStreamEvent =
  | { type: 'message-start'; id?: string | null; delta?: { message?: { role?: string } | null } | null }
  | {
      type: 'content-start';
      index?: number | null;
      delta?: { message?: { content?: { type?: string; text?: string; thinking?: string } | null } | null } | null;
    }
  | {
      type: 'content-delta';
      index?: number | null;
      delta?: { message?: { content?: { text?: string | null; thinking?: string | null } | null } | null } | null;
    }
  | { type: 'content-end'; index?: number | null }
  | { type: 'tool-plan-delta'; delta?: { message?: { tool_plan?: string | null } | null } | null }
  | {
      type: 'tool-call-start';
      index?: number | null;
      delta?: {
        message?: { tool_calls?: { id?: string; type?: string; function?: { name?: string; arguments?: string | null } } | null } | null;
      } | null;
    }
  | {
      type: 'tool-call-delta';
      index?: number | null;
      delta?: { message?: { tool_calls?: { function?: { arguments?: string | null } | null } | null } | null } | null;
    }
  | { type: 'tool-call-end'; index?: number | null }
  | { type: 'citation-start'; index?: number | null; delta?: { message?: { citations?: CohereCitation | null } | null } | null }
  | { type: 'citation-end'; index?: number | null }
  | {
      type: 'message-end';
      id?: string | null;
      delta?: { finish_reason?: CohereFinishReason | null; usage?: CohereUsage | null; error?: string | null } | null;
    }
  | { type: 'debug' };

export type CohereStreamEventType = CohereStreamEvent['type'];

/** `GET /v1/models` answer. */
export interface CohereModelList {
  models?: Array<{ name?: string; endpoints?: string[] | null }> | null;
  next_page_token?: string | null;
}
