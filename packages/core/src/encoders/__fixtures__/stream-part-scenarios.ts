import { GatewayError } from '../../errors/gateway-error.js';
import type { StreamPart } from '../../parts/stream-part.js';
import type { Usage } from '../../parts/usage.js';

/** What a client must end up with after accumulating the encoded stream. */
export interface ScenarioExpectation {
  readonly text: string;
  readonly refusal?: string;
  readonly toolCalls: ReadonlyArray<{ readonly callId: string; readonly name: string; readonly arguments: string }>;
  /** How the stream ends: a normal finish, a cut, or a failure. */
  readonly ending: 'completed' | 'incomplete' | 'failed';
}

export interface StreamPartScenario {
  readonly name: string;
  readonly parts: readonly StreamPart[];
  readonly expected: ScenarioExpectation;
}

const usage: Usage = {
  inputTokens: 12,
  cachedInputTokens: 4,
  outputTokens: 9,
  reasoningTokens: 3,
  totalTokens: 21,
};

const stop = { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage } as const;
const toolCallsFinish = { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage } as const;

function textBlock(id: string, ...deltas: string[]): StreamPart[] {
  return [
    { type: 'text-start', id },
    ...deltas.map((delta): StreamPart => ({ type: 'text-delta', id, delta })),
    { type: 'text-end', id },
  ];
}

const upstreamFailure = new GatewayError({
  status: 502,
  type: 'upstream_error',
  message: 'The upstream connection was reset.',
  isRetryable: true,
});

/** The table every encoder test runs through. */
export const streamPartScenarios: readonly StreamPartScenario[] = [
  {
    name: 'plain text',
    parts: [{ type: 'response-metadata', id: 'upstream-1', modelId: 'llama-3.3-70b' }, ...textBlock('t1', 'Hel', 'lo', '!'), stop],
    expected: { text: 'Hello!', toolCalls: [], ending: 'completed' },
  },
  {
    name: 'text with annotations',
    parts: [
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'See the docs.' },
      {
        type: 'text-annotation',
        id: 't1',
        annotation: { type: 'url_citation', url: 'https://example.com/docs', title: 'Docs', startIndex: 8, endIndex: 12 },
      },
      { type: 'text-annotation', id: 't1', annotation: { type: 'file_citation', fileId: 'file-1', filename: 'a.txt', index: 12 } },
      { type: 'text-end', id: 't1' },
      stop,
    ],
    expected: { text: 'See the docs.', toolCalls: [], ending: 'completed' },
  },
  {
    name: 'refusal',
    parts: [
      { type: 'refusal-start', id: 'r1' },
      { type: 'refusal-delta', id: 'r1', delta: "I can't " },
      { type: 'refusal-delta', id: 'r1', delta: 'help with that.' },
      { type: 'refusal-end', id: 'r1' },
      { type: 'finish', finishReason: { unified: 'refusal', raw: 'refusal' }, usage },
    ],
    expected: { text: '', refusal: "I can't help with that.", toolCalls: [], ending: 'completed' },
  },
  {
    name: 'text and refusal share one message',
    parts: [...textBlock('t1', 'Partly. '), { type: 'refusal-start', id: 'r1' }, { type: 'refusal-delta', id: 'r1', delta: 'No more.' }, { type: 'refusal-end', id: 'r1' }, ...textBlock('t2', 'Bye.'), stop],
    expected: { text: 'Partly. Bye.', refusal: 'No more.', toolCalls: [], ending: 'completed' },
  },
  {
    name: 'reasoning summary then text',
    parts: [
      { type: 'reasoning-start', id: 'th1' },
      { type: 'reasoning-delta', id: 'th1', delta: 'Think ' },
      { type: 'reasoning-delta', id: 'th1', delta: 'first.' },
      { type: 'reasoning-end', id: 'th1' },
      ...textBlock('t1', 'Answer.'),
      stop,
    ],
    expected: { text: 'Answer.', toolCalls: [], ending: 'completed' },
  },
  {
    name: 'reasoning with encrypted content',
    parts: [
      { type: 'reasoning-start', id: 'th1' },
      { type: 'reasoning-delta', id: 'th1', delta: 'Signed thought.' },
      { type: 'reasoning-end', id: 'th1', encryptedContent: 'c2lnbmF0dXJl' },
      { type: 'reasoning-start', id: 'th2' },
      { type: 'reasoning-end', id: 'th2', encryptedContent: 'cmVkYWN0ZWQ=' },
      ...textBlock('t1', 'Done.'),
      stop,
    ],
    expected: { text: 'Done.', toolCalls: [], ending: 'completed' },
  },
  {
    name: 'raw reasoning content',
    parts: [
      { type: 'reasoning-start', id: 'th1', kind: 'content' },
      { type: 'reasoning-delta', id: 'th1', delta: 'Chain of thought.' },
      { type: 'reasoning-end', id: 'th1' },
      ...textBlock('t1', '42'),
      stop,
    ],
    expected: { text: '42', toolCalls: [], ending: 'completed' },
  },
  {
    name: 'single tool call with deltas',
    parts: [
      { type: 'tool-input-start', id: 'call_a', toolName: 'get_weather' },
      { type: 'tool-input-delta', id: 'call_a', delta: '{"city":' },
      { type: 'tool-input-delta', id: 'call_a', delta: '"Paris"}' },
      { type: 'tool-input-end', id: 'call_a' },
      { type: 'tool-call', toolCallId: 'call_a', toolName: 'get_weather', input: '{"city":"Paris"}' },
      toolCallsFinish,
    ],
    expected: { text: '', toolCalls: [{ callId: 'call_a', name: 'get_weather', arguments: '{"city":"Paris"}' }], ending: 'completed' },
  },
  {
    name: 'bare tool call',
    parts: [{ type: 'tool-call', toolCallId: 'call_b', toolName: 'lookup', input: '{"id":7}' }, toolCallsFinish],
    expected: { text: '', toolCalls: [{ callId: 'call_b', name: 'lookup', arguments: '{"id":7}' }], ending: 'completed' },
  },
  {
    name: 'tool input without deltas completed by tool-call',
    parts: [
      { type: 'tool-input-start', id: 'call_c', toolName: 'now' },
      { type: 'tool-input-end', id: 'call_c' },
      { type: 'tool-call', toolCallId: 'call_c', toolName: 'now', input: '{}' },
      toolCallsFinish,
    ],
    expected: { text: '', toolCalls: [{ callId: 'call_c', name: 'now', arguments: '{}' }], ending: 'completed' },
  },
  {
    name: 'parallel tool calls interleaved',
    parts: [
      { type: 'tool-input-start', id: 'call_1', toolName: 'get_weather' },
      { type: 'tool-input-start', id: 'call_2', toolName: 'get_time' },
      { type: 'tool-input-delta', id: 'call_1', delta: '{"city":' },
      { type: 'tool-input-delta', id: 'call_2', delta: '{"zone":"UTC"}' },
      { type: 'tool-input-end', id: 'call_2' },
      { type: 'tool-input-delta', id: 'call_1', delta: '"Oslo"}' },
      { type: 'tool-input-end', id: 'call_1' },
      { type: 'tool-call', toolCallId: 'call_2', toolName: 'get_time', input: '{"zone":"UTC"}' },
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'get_weather', input: '{"city":"Oslo"}' },
      toolCallsFinish,
    ],
    expected: {
      text: '',
      toolCalls: [
        { callId: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}' },
        { callId: 'call_2', name: 'get_time', arguments: '{"zone":"UTC"}' },
      ],
      ending: 'completed',
    },
  },
  {
    name: 'text then tool call',
    parts: [
      ...textBlock('t1', 'Let me check.'),
      { type: 'tool-input-start', id: 'call_w', toolName: 'get_weather' },
      { type: 'tool-input-delta', id: 'call_w', delta: '{"city":"Rome"}' },
      { type: 'tool-input-end', id: 'call_w' },
      { type: 'tool-call', toolCallId: 'call_w', toolName: 'get_weather', input: '{"city":"Rome"}' },
      toolCallsFinish,
    ],
    expected: { text: 'Let me check.', toolCalls: [{ callId: 'call_w', name: 'get_weather', arguments: '{"city":"Rome"}' }], ending: 'completed' },
  },
  {
    name: 'text still open while a tool call starts',
    parts: [
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'Checking' },
      { type: 'tool-input-start', id: 'call_x', toolName: 'search' },
      { type: 'tool-input-delta', id: 'call_x', delta: '{"q":"tides"}' },
      { type: 'text-delta', id: 't1', delta: ' now.' },
      { type: 'text-end', id: 't1' },
      { type: 'tool-input-end', id: 'call_x' },
      { type: 'tool-call', toolCallId: 'call_x', toolName: 'search', input: '{"q":"tides"}' },
      ...textBlock('t2', 'Then more.'),
      toolCallsFinish,
    ],
    expected: {
      text: 'Checking now.Then more.',
      toolCalls: [{ callId: 'call_x', name: 'search', arguments: '{"q":"tides"}' }],
      ending: 'completed',
    },
  },
  {
    name: 'tool call cut by length',
    parts: [
      { type: 'tool-input-start', id: 'call_l', toolName: 'write' },
      { type: 'tool-input-delta', id: 'call_l', delta: '{"text":"abc' },
      { type: 'finish', finishReason: { unified: 'length', raw: 'length' }, usage },
    ],
    expected: { text: '', toolCalls: [{ callId: 'call_l', name: 'write', arguments: '{"text":"abc' }], ending: 'incomplete' },
  },
  {
    name: 'sloppy producer without start and end parts',
    parts: [
      { type: 'text-delta', id: 't1', delta: 'No ' },
      { type: 'text-delta', id: 't1', delta: 'brackets.' },
      { type: 'reasoning-delta', id: 'th1', delta: 'Late thought.' },
      stop,
    ],
    expected: { text: 'No brackets.', toolCalls: [], ending: 'completed' },
  },
  {
    name: 'image',
    parts: [...textBlock('t1', 'Here it is.'), { type: 'image', id: 'img1', mediaType: 'image/png', base64: 'iVBORw0KGgo=' }, stop],
    expected: { text: 'Here it is.', toolCalls: [], ending: 'completed' },
  },
  {
    name: 'length cut',
    parts: [
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'Once upon a ' },
      { type: 'finish', finishReason: { unified: 'length', raw: 'max_tokens' }, usage },
    ],
    expected: { text: 'Once upon a ', toolCalls: [], ending: 'incomplete' },
  },
  {
    name: 'content filter',
    parts: [...textBlock('t1', 'Some'), { type: 'finish', finishReason: { unified: 'content-filter', raw: 'SAFETY' }, usage }],
    expected: { text: 'Some', toolCalls: [], ending: 'incomplete' },
  },
  {
    name: 'error after output',
    parts: [{ type: 'text-start', id: 't1' }, { type: 'text-delta', id: 't1', delta: 'Half' }, { type: 'error', error: upstreamFailure }],
    expected: { text: 'Half', toolCalls: [], ending: 'failed' },
  },
  {
    name: 'stream ended without finish',
    parts: [{ type: 'text-start', id: 't1' }, { type: 'text-delta', id: 't1', delta: 'Cut off' }],
    expected: { text: 'Cut off', toolCalls: [], ending: 'failed' },
  },
  {
    name: 'parts after finish are ignored',
    parts: [...textBlock('t1', 'Final.'), stop, ...textBlock('t2', 'Ghost.'), { type: 'error', error: upstreamFailure }],
    expected: { text: 'Final.', toolCalls: [], ending: 'completed' },
  },
  {
    name: 'unknown usage',
    parts: [...textBlock('t1', 'No counts.'), { type: 'finish', finishReason: { unified: 'stop', raw: undefined }, usage: { inputTokens: undefined, outputTokens: undefined } }],
    expected: { text: 'No counts.', toolCalls: [], ending: 'completed' },
  },
];
