/** A tool use the fake "model" makes. */
export interface FakeBedrockToolUse {
  name: string;
  input: Record<string, unknown>;
  toolUseId?: string;
}

/** A reasoning block: readable text with its signature, or redacted (opaque base64 bytes). */
export type FakeBedrockReasoning = { text: string; signature: string } | { redactedContent: string };

/** What the fake answers. Anything left out falls back to the deterministic default for the request. */
export interface FakeBedrockAnswer {
  text?: string;
  toolUses?: FakeBedrockToolUse[];
  reasoning?: FakeBedrockReasoning[];
  stopReason?: string;
  usage?: {
    inputTokens?: number;
    outputTokens?: number;
    totalTokens?: number;
    cacheReadInputTokens?: number;
    cacheWriteInputTokens?: number;
  };
}

/** The five exception members of `ConverseStreamOutput`. */
export type BedrockStreamExceptionType =
  | 'internalServerException'
  | 'modelStreamErrorException'
  | 'validationException'
  | 'throttlingException'
  | 'serviceUnavailableException';

/** Scripts the next answer of the fake Bedrock upstream (see `enqueue`). */
export type FakeBedrockBehaviour =
  | { kind: 'answer'; answer: FakeBedrockAnswer }
  /** An HTTP error as Bedrock sends it: status, `x-amzn-errortype` and `{"message"}`. */
  | { kind: 'error'; errorType: string; status?: number; message?: string; headers?: Record<string, string> }
  /** A `:message-type: exception` frame after `afterEvents` event frames (0: before any event). */
  | { kind: 'stream-exception'; exceptionType: BedrockStreamExceptionType; afterEvents: number; message?: string; answer?: FakeBedrockAnswer }
  /** Closes the socket after `afterEvents` frames, without an exception frame (`intervalMs` between frames, default 0). */
  | { kind: 'cut-mid-stream'; afterEvents: number; intervalMs?: number; answer?: FakeBedrockAnswer }
  /** Waits `intervalMs` between stream frames (abort tests). */
  | { kind: 'slow-stream'; intervalMs: number; answer?: FakeBedrockAnswer }
  | { kind: 'redirect'; location: string; status?: 301 | 302 | 303 | 307 | 308 }
  /** Plays recorded wire data: `events` as ConverseStream frames, `converse` as the Converse JSON body. */
  | { kind: 'replay'; events?: Array<{ eventType: string; payload: Record<string, unknown> }>; converse?: Record<string, unknown> };

/** Statuses Bedrock answers each error type with (Smithy `httpError` traits of bedrock-runtime). */
export const bedrockErrorStatuses: Readonly<Record<string, number>> = {
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ThrottlingException: 429,
  ValidationException: 400,
  ModelTimeoutException: 408,
  ModelNotReadyException: 429,
  ModelErrorException: 424,
  ModelStreamErrorException: 424,
  ServiceUnavailableException: 503,
  ServiceQuotaExceededException: 400,
  InternalServerException: 500,
  ConflictException: 400,
};

export function answerOf(behaviour: FakeBedrockBehaviour | undefined): FakeBedrockAnswer | undefined {
  if (behaviour === undefined) return undefined;
  if (behaviour.kind === 'answer') return behaviour.answer;
  if (behaviour.kind === 'stream-exception' || behaviour.kind === 'cut-mid-stream' || behaviour.kind === 'slow-stream') return behaviour.answer;
  return undefined;
}
