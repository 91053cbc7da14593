import { describe, expect, it } from 'vitest';
import { chatStreamFormat, responsesStreamFormat } from './stream-format.js';

describe('responsesStreamFormat', () => {
  it('frames events with their type and numbers a terminal error after the last event', () => {
    const format = responsesStreamFormat();
    expect(format.event({ type: 'response.created', sequence_number: 0 })).toBe(
      'event: response.created\ndata: {"type":"response.created","sequence_number":0}\n\n',
    );
    format.event({ type: 'response.output_text.delta', sequence_number: 7, delta: 'x' });
    const frame = format.error({ message: 'boom', type: 'server_error', param: null, code: 'upstream_error' });
    expect(frame.startsWith('event: error\ndata: ')).toBe(true);
    expect(JSON.parse(frame.slice('event: error\ndata: '.length))).toEqual({
      type: 'error',
      code: 'upstream_error',
      message: 'boom',
      param: null,
      sequence_number: 8,
    });
    expect(format.end).toBeUndefined();
  });
});

describe('chatStreamFormat', () => {
  it('frames chunks as data lines and ends with [DONE]', () => {
    const format = chatStreamFormat();
    expect(format.event({ id: 'c', object: 'chat.completion.chunk' })).toBe('data: {"id":"c","object":"chat.completion.chunk"}\n\n');
    expect(format.end).toBe('data: [DONE]\n\n');
    expect(format.error({ message: 'm', type: 't', param: null, code: null })).toBe(
      'data: {"error":{"message":"m","type":"t","param":null,"code":null}}\n\n',
    );
  });
});
