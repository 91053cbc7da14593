import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { FakeBehaviour, StreamPlan } from '../openai/fake-behaviour.js';

/** One request as the fake received it. `body` is the parsed JSON (or the raw text when it was not JSON). */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/responses`. */
  path: string;
  query: Record<string, string | string[]>;
  headers: IncomingHttpHeaders;
  body: unknown;
  rawBody: string;
  receivedAt: number;
}

export interface FakeConnection {
  id: number;
  openedAt: number;
  closedAt: number | undefined;
}

/** A response whose socket closed before the fake finished writing it. */
export interface ClientAbort {
  method: string;
  path: string;
  streaming: boolean;
  /** SSE frames written before the close (0 for JSON answers). */
  framesWritten: number;
  at: number;
}

/** One SSE frame; a `comment` frame is written as `: <comment>` (keep-alive / OpenRouter processing notes). */
export interface SseFrame {
  event?: string;
  data: string;
  comment?: string;
}

export interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** How a fake renders its own errors (OpenAI's envelope, Mistral's, …). */
export interface ErrorDialect {
  forStatus(status: number, context: { model: string | undefined }): ErrorAnswer;
  missingKey(): ErrorAnswer;
  invalidKey(key: string): ErrorAnswer;
  badJson(): ErrorAnswer;
  /** A 400 about one request parameter (e.g. a missing `messages`). */
  invalidParameter(param: string, message: string): ErrorAnswer;
  unknownRoute(method: string, path: string): ErrorAnswer;
  /** The input is longer than the model's context window (`path` tells Responses from Chat). */
  contextWindowExceeded(context: { model: string | undefined; path: string }): ErrorAnswer;
  /** The request was refused by the provider's content policy before any output. */
  contentPolicy(): ErrorAnswer;
  /** SSE frames for a mid-stream failure, e.g. a chat `data: {"error":…}` frame. */
  streamError(sequenceNumber: number): SseFrame[];
}

export interface FakeExchange {
  recorded: RecordedRequest;
  /** The parsed JSON object body (`{}` when there was none). */
  body: Record<string, unknown>;
  /** Path segments captured by the route pattern. */
  params: string[];
  behaviour: FakeBehaviour | undefined;
  response: ServerResponse;
  sendJson(status: number, body: unknown, headers?: Record<string, string>): void;
  sendError(answer: ErrorAnswer): void;
  /** Writes SSE frames honouring the behaviour's interval/cut/error; `endFrames` follow a normal end. */
  streamFrames(frames: SseFrame[], plan: StreamPlan, errorFrames: (index: number) => SseFrame[], endFrames?: SseFrame[]): Promise<void>;
}

export interface FakeRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** Matched against the path after the base path, e.g. `^/responses/([^/]+)$`. */
  pattern: RegExp;
  /** Generation routes consume scripted behaviours by default. */
  generation: boolean;
  handle(exchange: FakeExchange): Promise<void> | void;
}

export interface EnqueueOptions {
  /** `generation` (default): consumed by the next POST that generates. `any`: by the next request of any route. */
  route?: 'generation' | 'any';
  /** Repeat the behaviour for this many requests (default 1). */
  times?: number;
}
