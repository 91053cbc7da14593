export interface Scenario {
  name: 'chat' | 'chat-stream' | 'responses' | 'responses-stream';
  path: '/chat/completions' | '/responses';
  stream: boolean;
  /** The request body; `model` differs per target (the gateway needs `provider/model`). */
  body(model: string): string;
}

/** About 200 bytes of prompt: the fake echoes it back as ~40 deltas when streaming. */
const prompt = 'Summarise the benchmark: a gateway in front of a fake upstream, measured against a raw pass-through floor on two cores.';

export const scenarios: Scenario[] = [
  {
    name: 'chat',
    path: '/chat/completions',
    stream: false,
    body: (model) => JSON.stringify({ model, messages: [{ role: 'user', content: prompt }] }),
  },
  {
    name: 'chat-stream',
    path: '/chat/completions',
    stream: true,
    body: (model) =>
      JSON.stringify({ model, messages: [{ role: 'user', content: prompt }], stream: true, stream_options: { include_usage: true } }),
  },
  { name: 'responses', path: '/responses', stream: false, body: (model) => JSON.stringify({ model, input: prompt }) },
  { name: 'responses-stream', path: '/responses', stream: true, body: (model) => JSON.stringify({ model, input: prompt, stream: true }) },
];
