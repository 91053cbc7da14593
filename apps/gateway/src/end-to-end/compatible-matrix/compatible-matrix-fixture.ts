import { startFakeChatProvider, type ChatProviderFlavour, type FakeChatProvider } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startTestGateway, testMasterKey, type TestGateway } from '../../test-support/start-test-gateway.js';

/** One row of the provider axis: the gateway's provider kind, the fake's flavour and a model without model-specific overrides. */
export interface MatrixProvider {
  readonly name: string;
  readonly type: string;
  readonly flavour: ChatProviderFlavour;
  readonly model: string;
}

export const matrixProviders: readonly MatrixProvider[] = [
  { name: 'xai', type: 'xai', flavour: 'xai', model: 'grok-3' },
  { name: 'groq', type: 'groq', flavour: 'groq', model: 'llama-3.3-70b-versatile' },
  { name: 'mistral', type: 'mistral', flavour: 'mistral', model: 'mistral-small-latest' },
  { name: 'together', type: 'together', flavour: 'together', model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo' },
  { name: 'deepseek', type: 'deepseek', flavour: 'deepseek', model: 'deepseek-chat' },
  { name: 'fireworks', type: 'fireworks', flavour: 'fireworks', model: 'accounts/fireworks/models/llama-v3p1-8b-instruct' },
  { name: 'openrouter', type: 'openrouter', flavour: 'openrouter', model: 'openai/gpt-4o-mini' },
  { name: 'local', type: 'openai-compatible', flavour: 'generic', model: 'llama3.2' },
];

export interface CompatibleMatrix {
  readonly gateway: TestGateway;
  readonly client: OpenAI;
  readonly fakes: Readonly<Record<string, FakeChatProvider>>;
  /** The fake behind a provider row, its recorded requests cleared. */
  fakeFor(provider: MatrixProvider): FakeChatProvider;
  close(): Promise<void>;
}

/** One fake per flavour and one gateway configured with all of them, as an operator would. */
export async function startCompatibleMatrix(): Promise<CompatibleMatrix> {
  const entries = await Promise.all(
    matrixProviders.map(async (provider) => [provider.name, await startFakeChatProvider({ flavour: provider.flavour, apiKey: `key-${provider.name}` })] as const),
  );
  const fakes = Object.fromEntries(entries);
  const providers = Object.fromEntries(
    matrixProviders.map((provider) => [provider.name, { type: provider.type, api_key: `key-${provider.name}`, base_url: fakes[provider.name]!.url }]),
  );
  const gateway = await startTestGateway({ config: { providers } });
  const client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  return {
    gateway,
    client,
    fakes,
    fakeFor: (provider) => fakes[provider.name]!,
    close: async () => {
      await gateway.close();
      await Promise.all(Object.values(fakes).map((fake) => fake.close()));
    },
  };
}

/**
 * Registers a test file's hooks: the matrix starts once for the file, every test begins with the
 * fakes' recorded requests cleared, and it closes at the end. The handle reads the started matrix.
 */
export function useCompatibleMatrix(): CompatibleMatrix {
  let started: CompatibleMatrix | undefined;
  const current = (): CompatibleMatrix => {
    if (started === undefined) throw new Error('The compatible matrix starts in beforeAll.');
    return started;
  };
  beforeAll(async () => {
    started = await startCompatibleMatrix();
  });
  afterAll(async () => {
    await started?.close();
  });
  beforeEach(() => {
    for (const fake of Object.values(current().fakes)) fake.requests.length = 0;
  });
  return {
    get gateway() {
      return current().gateway;
    },
    get client() {
      return current().client;
    },
    get fakes() {
      return current().fakes;
    },
    fakeFor: (provider) => current().fakeFor(provider),
    close: () => current().close(),
  };
}

/**
 * What each provider does with the parameters the matrix sends, per `openai-compatible-providers.ts`
 * (verified cell by cell: a removed parameter must be absent upstream and named in `x-switchyard-warnings`).
 */
export interface ProviderTraits {
  /** Where `max_output_tokens` / `max_completion_tokens` lands upstream. */
  readonly maxTokensField: 'max_completion_tokens' | 'max_tokens';
  /** `stream_options.include_usage` forwarded (else removed quietly: the provider always sends usage). */
  readonly streamUsageOption: boolean;
  /** Where `seed` lands; `undefined`: removed with a warning. */
  readonly seedField: 'seed' | 'random_seed' | undefined;
  /** Parameters removed with a warning (`image` stands for image content parts). */
  readonly removes: ReadonlySet<'parallel_tool_calls' | 'json_schema' | 'image' | 'user' | 'tool_choice'>;
}

export const providerTraits: Readonly<Record<string, ProviderTraits>> = {
  xai: { maxTokensField: 'max_completion_tokens', streamUsageOption: true, seedField: 'seed', removes: new Set() },
  groq: { maxTokensField: 'max_completion_tokens', streamUsageOption: true, seedField: 'seed', removes: new Set() },
  mistral: { maxTokensField: 'max_tokens', streamUsageOption: false, seedField: 'random_seed', removes: new Set(['user']) },
  together: { maxTokensField: 'max_tokens', streamUsageOption: false, seedField: 'seed', removes: new Set(['parallel_tool_calls', 'user']) },
  deepseek: {
    maxTokensField: 'max_tokens',
    streamUsageOption: true,
    seedField: undefined,
    removes: new Set(['parallel_tool_calls', 'json_schema', 'image', 'user']),
  },
  fireworks: { maxTokensField: 'max_tokens', streamUsageOption: false, seedField: undefined, removes: new Set(['parallel_tool_calls']) },
  openrouter: { maxTokensField: 'max_tokens', streamUsageOption: true, seedField: 'seed', removes: new Set() },
  local: { maxTokensField: 'max_tokens', streamUsageOption: true, seedField: 'seed', removes: new Set(['parallel_tool_calls', 'user', 'tool_choice']) },
};

/** The cells of one scenario: every provider, non-streaming then streaming. */
export const providerCells = matrixProviders.flatMap((provider) =>
  [false, true].map((streaming) => [provider.name, streaming ? 'streaming' : 'non-streaming', provider, streaming] as const),
);

/** Scripted frames before a failure: the same point in every flavour (OpenRouter's leading comment counts as a frame). */
export function framesBefore(provider: MatrixProvider, chunks: number): number {
  return provider.flavour === 'openrouter' ? chunks + 1 : chunks;
}

export const longAnswer = 'The sea was calm and the sky was wide and the small boat drifted slowly toward the distant shore at dusk';

/** More failures than any retry policy makes attempts, so every attempt of a cell fails the same way. */
export const failingAttempts = 5;

/**
 * Consumes what is left of `failingAttempts` scripted failures (calling the fake directly, never the
 * gateway), so the next cell starts with an empty script queue, then forgets those requests.
 */
export async function drainScriptedFailures(fake: FakeChatProvider, provider: MatrixProvider): Promise<void> {
  for (let attempt = 0; attempt < failingAttempts; attempt += 1) {
    const answered = await fetch(`${fake.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer key-${provider.name}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: provider.model, messages: [{ role: 'user', content: 'drain' }] }),
    })
      .then(async (response) => (await response.arrayBuffer(), response.ok))
      .catch(() => false); // a scripted cut body
    if (answered) break;
  }
  fake.requests.length = 0;
}
