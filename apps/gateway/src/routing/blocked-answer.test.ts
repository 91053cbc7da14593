import { describe, expect, it } from 'vitest';
import { blockedAnswerError, blockedEventError, isRelayedOutput } from './blocked-answer.js';

const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({ object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finishReason }] });
const completion = (content: string | null, finishReason: string) => ({ object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }] });
const response = (reason: string | null, output: unknown[] = []) => ({ object: 'response', status: reason === null ? 'completed' : 'incomplete', incomplete_details: reason === null ? null : { reason }, output });

describe('isRelayedOutput', () => {
  it.each([
    ['a role-only first chat chunk', chunk({ role: 'assistant', content: '' }), false],
    ['a usage-only chat chunk', { object: 'chat.completion.chunk', choices: [], usage: { total_tokens: 3 } }, false],
    ['a chat chunk with text', chunk({ content: 'Hi' }), true],
    ['a chat chunk with a tool call', chunk({ tool_calls: [{ index: 0 }] }), true],
    ['a chat chunk with a finish reason', chunk({}, 'stop'), true],
    ['response.created', { type: 'response.created' }, false],
    ['response.in_progress', { type: 'response.in_progress' }, false],
    ['response.output_item.added', { type: 'response.output_item.added' }, true],
  ])('%s → %s', (_name, event, expected) => {
    expect(isRelayedOutput(event)).toBe(expected);
  });
});

describe('blocked answers', () => {
  it('a chat completion filtered before any content is blocked; with content it is an answer', () => {
    expect(blockedAnswerError(completion(null, 'content_filter'))).toMatchObject({ status: 400, code: 'content_filter' });
    expect(blockedAnswerError(completion('Partly', 'content_filter'))).toBeUndefined();
    expect(blockedAnswerError(completion(null, 'stop'))).toBeUndefined();
  });

  it('a Responses object incomplete for content_filter with no output is blocked; other reasons are not', () => {
    expect(blockedAnswerError(response('content_filter'))).toMatchObject({ code: 'content_filter' });
    expect(blockedAnswerError(response('content_filter', [{ type: 'message' }]))).toBeUndefined();
    expect(blockedAnswerError(response('max_output_tokens'))).toBeUndefined();
    expect(blockedAnswerError(response(null))).toBeUndefined();
  });

  it('stream events: a content_filter finish chunk and a filtered response.incomplete', () => {
    expect(blockedEventError(chunk({}, 'content_filter'))).toMatchObject({ code: 'content_filter' });
    expect(blockedEventError(chunk({}, 'stop'))).toBeUndefined();
    expect(blockedEventError({ type: 'response.incomplete', response: response('content_filter') })).toMatchObject({ code: 'content_filter' });
    expect(blockedEventError({ type: 'response.completed', response: response(null) })).toBeUndefined();
  });
});
