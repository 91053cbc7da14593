import { describe, expect, it } from 'vitest';
import { openaiChatDialect } from '../openai/chat-dialect.js';
import { createFakeIds } from '../openai/fake-ids.js';
import { renderChatAnswer } from '../openai/render-chat-answer.js';
import { checkChatCompletionStream } from './check-chat-completion-stream.js';
import { findChatCompletionStreamViolations } from './find-chat-completion-stream-violations.js';

interface Chunk {
  choices?: Array<{ index?: unknown; delta?: Record<string, unknown>; finish_reason?: unknown; logprobs?: unknown }>;
  usage?: unknown;
  [key: string]: unknown;
}
type Frame = Chunk | '[DONE]';

function goodStream(options: { tools?: boolean; includeUsage?: boolean } = {}): Frame[] {
  const plan = options.tools
    ? {
        reasoningSummary: undefined,
        text: undefined,
        toolCalls: [
          { name: 'lookup', arguments: '{"query":"weather today"}', callId: undefined },
          { name: 'other', arguments: '{}', callId: undefined },
        ],
      }
    : { reasoningSummary: undefined, text: 'Echo: a sentence to split', toolCalls: [] };
  const request = { model: 'gpt-4o-mini', stream: true, stream_options: { include_usage: options.includeUsage === true } };
  const { chunks } = renderChatAnswer({ request, plan, promptTokens: 3, dialect: openaiChatDialect, nextId: createFakeIds() });
  return [...(chunks as Chunk[]), '[DONE]'];
}

function rulesOf(frames: unknown[], includeUsage = false): string[] {
  return [...new Set(findChatCompletionStreamViolations(frames, { includeUsage }).map((violation) => violation.rule))];
}

function chunkAt(frames: Frame[], index: number): Chunk {
  const frame = frames[index];
  if (frame === undefined || frame === '[DONE]') throw new Error(`no chunk at ${index}`);
  return frame;
}

function withDelta(frames: Frame[], index: number, delta: Record<string, unknown>, finishReason: unknown = null): Frame[] {
  const copy = [...frames];
  const chunk = chunkAt(frames, index);
  copy[index] = { ...chunk, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] };
  return copy;
}

describe('findChatCompletionStreamViolations', () => {
  it('accepts text and tool-call streams, with and without usage', () => {
    expect(findChatCompletionStreamViolations(goodStream())).toEqual([]);
    expect(findChatCompletionStreamViolations(goodStream({ tools: true }))).toEqual([]);
    expect(findChatCompletionStreamViolations(goodStream({ includeUsage: true }), { includeUsage: true })).toEqual([]);
  });

  it('accepts SSE records and flags event names or non-JSON data', () => {
    const records = goodStream().map((frame) => ({ event: undefined, data: frame === '[DONE]' ? frame : JSON.stringify(frame) }));
    expect(findChatCompletionStreamViolations(records)).toEqual([]);
    expect(rulesOf(records.map((record, index) => (index === 1 ? { ...record, event: 'chunk' } : record)))).toEqual(['sse-framing']);
    expect(rulesOf(records.map((record, index) => (index === 1 ? { ...record, data: '{oops' } : record)))).toContain('sse-framing');
  });

  it('flags a wrong object type', () => {
    const frames = [...goodStream()];
    frames[1] = { ...chunkAt(frames, 1), object: 'chat.completion' };
    expect(rulesOf(frames)).toEqual(['object']);
  });

  it('flags a changing id, created or model', () => {
    for (const key of ['id', 'created', 'model']) {
      const frames = [...goodStream()];
      frames[2] = { ...chunkAt(frames, 2), [key]: 'changed' };
      expect(rulesOf(frames)).toEqual(['same-identity']);
    }
  });

  it('flags a first delta without the role', () => {
    expect(rulesOf(withDelta(goodStream(), 0, { content: '' }))).toEqual(['role-first']);
  });

  it('flags tool call deltas without index, or a first chunk without id/name', () => {
    const frames = goodStream({ tools: true });
    const firstCall = frames.findIndex((frame) => frame !== '[DONE]' && frame.choices?.[0]?.delta?.tool_calls !== undefined);
    expect(rulesOf(withDelta(frames, firstCall, { tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'x', arguments: '' } }] }))).toContain(
      'tool-call-index',
    );
    expect(rulesOf(withDelta(frames, firstCall, { tool_calls: [{ index: 0, function: { arguments: '' } }] }))).toEqual([
      'tool-call-first-chunk',
    ]);
  });

  it('flags a missing or repeated finish_reason and content after it', () => {
    const frames = goodStream();
    const finish = frames.length - 2;
    expect(rulesOf(withDelta(frames, finish, {}, null))).toEqual(['finish-reason']);
    expect(rulesOf(withDelta(frames, 2, { content: 'x' }, 'stop'))).toContain('after-finish');
    const twice = [...frames];
    twice.splice(finish, 0, chunkAt(frames, finish));
    expect(rulesOf(twice)).toEqual(['finish-reason']);
  });

  it('flags a missing, early or unrequested usage chunk', () => {
    const withUsage = goodStream({ includeUsage: true });
    expect(rulesOf(withUsage.filter((frame) => frame === '[DONE]' || (frame.choices?.length ?? 0) > 0), true)).toEqual(['usage']);
    const early = [...withUsage];
    const [usageChunk] = early.splice(early.length - 2, 1);
    early.splice(2, 0, usageChunk as Chunk);
    expect(rulesOf(early, true)).toContain('usage');
    expect(rulesOf(withUsage, false)).toEqual(['usage']);
  });

  it('flags a missing [DONE] or chunks after it', () => {
    expect(rulesOf(goodStream().slice(0, -1))).toEqual(['done-last']);
    const frames = goodStream();
    expect(rulesOf([...frames, chunkAt(frames, 1)])).toContain('done-last');
  });

  it('flags error chunks and throws a descriptive error', () => {
    const frames = goodStream();
    frames.splice(2, 0, { error: { message: 'boom', type: 'server_error', param: null, code: null } });
    expect(rulesOf(frames)).toEqual(['error-chunk']);
    expect(() => checkChatCompletionStream(frames)).toThrow(/\[error-chunk\] #2: error chunk/);
    expect(() => checkChatCompletionStream(goodStream())).not.toThrow();
  });
});
