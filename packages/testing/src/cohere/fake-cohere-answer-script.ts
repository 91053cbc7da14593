/** A cited source as the fake emits it (Cohere `tool` or `document` source). */
export type FakeCohereSource =
  | { type: 'tool'; id: string; tool_output: Record<string, unknown> }
  | { type: 'document'; id: string; document: Record<string, unknown> };

/** A citation the fake should attach to the text: `cited` is located in the text for `start`/`end`. */
export interface FakeCohereCitationScript {
  cited: string;
  sources: FakeCohereSource[];
}

/** Scripts the next Cohere answer (see `FakeCohereUpstream.script`). Unset fields use the deterministic default. */
export interface FakeCohereAnswerScript {
  text?: string;
  /** Thinking content (reasoning models). */
  thinking?: string;
  toolPlan?: string;
  toolCalls?: Array<{ name: string; arguments?: string | Record<string, unknown>; id?: string }>;
  citations?: FakeCohereCitationScript[];
  finishReason?: 'COMPLETE' | 'STOP_SEQUENCE' | 'MAX_TOKENS' | 'TOOL_CALL' | 'ERROR' | 'TIMEOUT';
}
