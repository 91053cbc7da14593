import type { CreateResponse } from '@switchyard/contract';

/** What the Responses encoder needs besides the parts. */
export interface ResponseEncoderOptions {
  /** The gateway's id for this response, `resp_…`. */
  readonly responseId: string;
  /** Unix seconds. */
  readonly createdAt: number;
  /** The model as the client asked for it, e.g. `groq/llama-3.3-70b`. */
  readonly model: string;
  /** The client's request; its settings are echoed into every `Response` snapshot. */
  readonly request: CreateResponse;
  /** Makes item ids (`msg`, `rs`, `fc`, `call`, `ig` prefixes). Default: random OpenAI-style ids. */
  readonly generateId?: (prefix: string) => string;
  /** Clock for `completed_at`, unix seconds. Default: the system clock. */
  readonly now?: () => number;
}
