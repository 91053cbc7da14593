import { GatewayError, UpstreamError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { classifyError, type ErrorClass } from './classify-error.js';

const upstream = (upstreamStatus: number, message: string, extra: { code?: string; responseBody?: string; cause?: unknown } = {}): UpstreamError =>
  new UpstreamError({ provider: 'test', upstreamStatus, message, ...extra });
const withCode = (code: string): Error => Object.assign(new Error('socket'), { code });

describe('classifyError', () => {
  it.each<[string, unknown, ErrorClass]>([
    ['429', upstream(429, 'Rate limit reached'), 'rate_limit'],
    ['500', upstream(500, 'boom'), 'server_error'],
    ['502', upstream(502, 'bad gateway'), 'server_error'],
    ['503', upstream(503, 'unavailable'), 'server_error'],
    ['Anthropic 529 overloaded', upstream(529, 'Overloaded'), 'server_error'],
    ['504', upstream(504, 'gateway timeout'), 'timeout'],
    ['408', upstream(408, 'request timeout'), 'timeout'],
    ['409', upstream(409, 'conflict'), 'conflict'],
    ['connection reset (status 0)', upstream(0, 'socket hang up', { cause: withCode('ECONNRESET') }), 'connection'],
    ['connect timeout (status 0)', upstream(0, 'connect timeout', { cause: withCode('UND_ERR_CONNECT_TIMEOUT') }), 'timeout'],
    ['a raw ECONNRESET', withCode('ECONNRESET'), 'connection'],
    ['a raw ECONNREFUSED in a cause', new Error('fetch failed', { cause: withCode('ECONNREFUSED') }), 'connection'],
    ['a TimeoutError', Object.assign(new Error('timed out'), { name: 'TimeoutError' }), 'timeout'],
    ['OpenAI context_length_exceeded', upstream(400, "This model's maximum context length is 128000 tokens.", { code: 'context_length_exceeded' }), 'context_window_exceeded'],
    [
      'context_length_exceeded in a stream error event (502)',
      new GatewayError({ status: 502, type: 'upstream_error', code: 'context_length_exceeded', message: 'Your input exceeds the context window of this model.' }),
      'context_window_exceeded',
    ],
    ['Anthropic prompt is too long', upstream(400, 'prompt is too long: 210000 tokens > 200000 maximum'), 'context_window_exceeded'],
    ['Gemini token limit', upstream(400, 'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).'), 'context_window_exceeded'],
    ['Bedrock input too long', upstream(400, 'Input is too long for requested model.'), 'context_window_exceeded'],
    ['413 with a context message', upstream(413, 'context window exceeded'), 'context_window_exceeded'],
    ['OpenAI content_policy_violation', upstream(400, 'Your request was rejected as a result of our safety system.', { code: 'content_policy_violation' }), 'content_policy'],
    ['Azure content_filter', upstream(400, "The response was filtered due to the prompt triggering Azure OpenAI's content management policy."), 'content_policy'],
    ['a gateway refusal error', new GatewayError({ status: 400, type: 'invalid_request_error', code: 'refusal', message: 'The model refused.' }), 'content_policy'],
    ['400 invalid parameter', upstream(400, "Invalid value for 'temperature'."), 'client_error'],
    ['401', upstream(401, 'Incorrect API key provided'), 'client_error'],
    ['403', upstream(403, 'forbidden'), 'client_error'],
    ['404', upstream(404, 'model not found'), 'client_error'],
    ['a programming error', new TypeError('x is undefined'), 'internal'],
    ['a string', 'nope', 'internal'],
  ])('%s', (_name, error, expected) => {
    expect(classifyError(error)).toBe(expected);
  });

  it('is aborted when the caller aborted, whatever the error', () => {
    const controller = new AbortController();
    controller.abort();
    expect(classifyError(upstream(500, 'boom'), controller.signal)).toBe('aborted');
    expect(classifyError(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe('aborted');
  });
});
