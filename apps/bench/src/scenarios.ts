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

/**
 * The scenarios with `store: false` on the Responses requests (the gateway then keeps no response
 * row, items or events; the usage ledger is still written). Chat requests are unchanged.
 */
export function withoutResponseStorage(list: readonly Scenario[]): Scenario[] {
  return list.map((scenario) =>
    scenario.path === '/responses'
      ? { ...scenario, body: (model: string) => JSON.stringify({ ...(JSON.parse(scenario.body(model)) as object), store: false }) }
      : scenario,
  );
}

/** The scenarios named in a comma-separated list (all when the list is empty or undefined). */
export function selectScenarios(list: readonly Scenario[], names: string | undefined): Scenario[] {
  const wanted = (names ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (wanted.length === 0) return [...list];
  const unknown = wanted.filter((name) => !list.some((scenario) => scenario.name === name));
  if (unknown.length > 0) throw new Error(`unknown scenario(s): ${unknown.join(', ')} (known: ${list.map((scenario) => scenario.name).join(', ')})`);
  return list.filter((scenario) => wanted.includes(scenario.name));
}
