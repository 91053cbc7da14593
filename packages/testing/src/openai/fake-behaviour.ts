/** A function call the fake should make, scripted by a test. `arguments` objects are JSON-encoded. */
export interface FakeToolCallScript {
  name: string;
  arguments?: string | Record<string, unknown>;
  callId?: string;
}

/** What the fake "model" answers. Anything left out falls back to the deterministic default. */
export interface FakeAnswerScript {
  text?: string;
  /** One call, or several for parallel tool calls. */
  toolCalls?: FakeToolCallScript[];
  /** Emits a reasoning item (Responses) / `reasoning_content` deltas (DeepSeek flavour) first. */
  reasoning?: { summary: string };
}

export type FakeSseFrameScript = { event?: string; data: unknown };

/** Scripts the next response of a fake upstream (see `enqueue`). */
export type FakeBehaviour =
  | { kind: 'answer'; answer: FakeAnswerScript }
  | { kind: 'error'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'delay'; ms: number; then?: FakeBehaviour }
  /** `intervalMs` spaces the frames out, so the ones before the cut reach the client before the connection drops. */
  | { kind: 'cut-mid-stream'; afterEvents: number; answer?: FakeAnswerScript; intervalMs?: number }
  | { kind: 'stream-error-event'; afterEvents: number; as?: 'error' | 'response.failed'; answer?: FakeAnswerScript }
  | { kind: 'slow-stream'; intervalMs: number; answer?: FakeAnswerScript }
  | { kind: 'redirect'; location: string; status?: 301 | 302 | 303 | 307 | 308 }
  /** Destroys the connection without answering: a reset before the response headers. */
  | { kind: 'reset' }
  /** The provider's own "input longer than the context window" error (OpenAI 400 `context_length_exceeded`, Anthropic 400 "prompt is too long"). */
  | { kind: 'context-window-exceeded' }
  /** The provider's content-policy refusal before any output (OpenAI 400 `content_policy_violation`, Anthropic `stop_reason: "refusal"` with no content). */
  | { kind: 'refusal' }
  | {
      kind: 'reply';
      status?: number;
      headers?: Record<string, string>;
      json?: unknown;
      /** A raw body string, or frames written as `event:`(optional) + `data:` (objects are JSON-encoded). */
      sse?: string | FakeSseFrameScript[];
    };

/** How the stream writer should treat the frames of one streamed answer. */
export interface StreamPlan {
  intervalMs: number;
  cutAfterEvents: number | undefined;
  errorAfterEvents: number | undefined;
  errorAs: 'error' | 'response.failed';
}

export function streamPlanFor(behaviour: FakeBehaviour | undefined, defaultIntervalMs: number): StreamPlan {
  const plan: StreamPlan = { intervalMs: defaultIntervalMs, cutAfterEvents: undefined, errorAfterEvents: undefined, errorAs: 'error' };
  if (behaviour?.kind === 'slow-stream') plan.intervalMs = behaviour.intervalMs;
  if (behaviour?.kind === 'cut-mid-stream') {
    plan.cutAfterEvents = behaviour.afterEvents;
    if (behaviour.intervalMs !== undefined) plan.intervalMs = behaviour.intervalMs;
  }
  if (behaviour?.kind === 'stream-error-event') {
    plan.errorAfterEvents = behaviour.afterEvents;
    plan.errorAs = behaviour.as ?? 'error';
  }
  return plan;
}

export function answerScriptOf(behaviour: FakeBehaviour | undefined): FakeAnswerScript | undefined {
  if (behaviour === undefined) return undefined;
  if (behaviour.kind === 'answer') return behaviour.answer;
  if (behaviour.kind === 'cut-mid-stream' || behaviour.kind === 'stream-error-event' || behaviour.kind === 'slow-stream') {
    return behaviour.answer;
  }
  return undefined;
}
