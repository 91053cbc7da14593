/**
 * Context windows (tokens) of well-known model families, by upstream model id; undefined when
 * unknown (the gateway then neither truncates nor rejects: the provider decides).
 */
const windows: ReadonlyArray<readonly [RegExp, number]> = [
  [/^gpt-4\.1/, 1_047_576],
  [/^gpt-5/, 400_000],
  [/^(gpt-4o|chatgpt-4o|gpt-4-turbo|gpt-4\.5)/, 128_000],
  [/^gpt-4-32k/, 32_768],
  [/^gpt-4(-\d{4})?$/, 8_192],
  [/^gpt-3\.5-turbo/, 16_385],
  [/^(o1|o3|o4)/, 200_000],
  [/^claude-/, 200_000],
  [/^gemini-/, 1_048_576],
  [/^(meta-llama\/)?llama-3\.[123]/, 131_072],
  [/^(mistral-large|mistral-small|mistral-medium)/, 131_072],
  [/^deepseek-/, 131_072],
  [/^command-r/, 128_000],
];

export function contextWindowFor(upstreamModel: string): number | undefined {
  const model = upstreamModel.toLowerCase();
  return windows.find(([pattern]) => pattern.test(model))?.[1];
}
