/** One part of a Gemini answer, on the wire. */
export interface FakeGeminiPart {
  text?: string;
  thought?: boolean;
  thoughtSignature?: string;
  inlineData?: { mimeType: string; data: string };
  functionCall?: { id?: string; name: string; args?: Record<string, unknown> };
}

/** What the fake model answers; anything left out is derived from the request. */
export interface FakeGeminiAnswer {
  /** The candidate's parts, exactly as sent (streaming splits text parts into pieces). */
  parts?: FakeGeminiPart[];
  finishReason?: string;
  promptFeedback?: { blockReason: string; blockReasonMessage?: string };
  usageMetadata?: Record<string, number>;
}

/** Scripts the next generation request of the fake (consumed in order). */
export type FakeGeminiBehaviour =
  | { kind: 'answer'; answer: FakeGeminiAnswer }
  | { kind: 'error'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Streams this many chunks, then destroys the socket. */
  | { kind: 'cut-mid-stream'; afterChunks: number; answer?: FakeGeminiAnswer }
  /** Streams this many chunks, then a `data: {"error":{…}}` frame (Google's in-stream error). */
  | { kind: 'stream-error'; afterChunks: number; status?: number; answer?: FakeGeminiAnswer }
  /** Replays a recorded transcript: the SSE body byte for byte, or (non-streaming) its first frame as the JSON answer. */
  | { kind: 'replay'; sse: string }
  /** Waits between chunks (for abort tests). */
  | { kind: 'slow-stream'; intervalMs: number; answer?: FakeGeminiAnswer };

/** The Google error status name for an HTTP status. */
export function googleStatusName(status: number): string {
  const names: Record<number, string> = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
    409: 'ABORTED',
    429: 'RESOURCE_EXHAUSTED',
    500: 'INTERNAL',
    503: 'UNAVAILABLE',
    504: 'DEADLINE_EXCEEDED',
  };
  return names[status] ?? 'UNKNOWN';
}

/** Google's error envelope (https://ai.google.dev/gemini-api/docs/troubleshooting). */
export function googleErrorBody(status: number, message?: string, details?: unknown[]): { error: Record<string, unknown> } {
  const defaults: Record<number, string> = {
    400: 'Request contains an invalid argument.',
    403: 'The caller does not have permission',
    404: 'models/unknown is not found for API version v1beta, or is not supported for generateContent.',
    429: 'Resource has been exhausted (e.g. check quota).',
    500: 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
    503: 'The model is overloaded. Please try again later.',
    504: 'Deadline expired before operation could complete.',
  };
  return {
    error: {
      code: status,
      message: message ?? defaults[status] ?? 'Unknown error.',
      status: googleStatusName(status),
      ...(details === undefined ? {} : { details }),
    },
  };
}
