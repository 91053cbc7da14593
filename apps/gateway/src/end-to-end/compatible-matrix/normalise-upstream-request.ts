import type { FakeChatProvider } from '@switchyard/testing';
import { expect } from 'vitest';
import { providerTraits, type MatrixProvider } from './compatible-matrix-fixture.js';

export type JsonRecord = Record<string, unknown>;

/** A flavour-sensitive parameter of a scenario: its upstream form when honoured, and the warning's name when removed. */
export interface SensitiveParameter {
  readonly trait: 'parallel_tool_calls' | 'json_schema' | 'user' | 'tool_choice' | 'seed';
  readonly field: string;
  readonly value: unknown;
  readonly warning: string;
}

/**
 * The one upstream request of a cell, with the flavour differences asserted and then undone, so
 * every provider's body matches the scenario's one snapshot: `model` is the upstream id; `stream`
 * and `stream_options` as the provider takes them; `max_tokens` and `random_seed` renamed back;
 * each sensitive parameter either present or absent with its warning (then put back).
 */
export function normaliseUpstreamRequest(
  provider: MatrixProvider,
  fake: FakeChatProvider,
  options: {
    readonly streaming: boolean;
    readonly includeUsage: boolean;
    readonly warnings: readonly string[] | undefined;
    readonly sensitive?: readonly SensitiveParameter[];
    /** The upstream failed: the gateway may have retried it. */
    readonly retried?: boolean;
  },
): JsonRecord {
  const traits = providerTraits[provider.name]!;
  const generation = fake.requests.filter((request) => request.method === 'POST');
  if (options.retried === true) {
    // A failed attempt may be retried by the gateway's routing: every attempt sends the same body.
    expect(generation.length).toBeGreaterThanOrEqual(1);
    for (const attempt of generation) expect(attempt.body).toEqual(generation[0]!.body);
  } else {
    expect(generation).toHaveLength(1);
  }
  expect(generation[0]!.path).toMatch(/\/chat\/completions$/);
  const { model, stream, stream_options: streamOptions, ...body } = generation[0]!.body as JsonRecord;
  expect(model).toBe(provider.model);
  expect(stream).toBe(options.streaming ? true : undefined);
  expect(streamOptions).toEqual(options.streaming && options.includeUsage && traits.streamUsageOption ? { include_usage: true } : undefined);
  const otherField = traits.maxTokensField === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens';
  expect(body).not.toHaveProperty(otherField);
  if (traits.maxTokensField === 'max_tokens' && 'max_tokens' in body) {
    body['max_completion_tokens'] = body['max_tokens'];
    delete body['max_tokens'];
  }
  for (const parameter of options.sensitive ?? []) {
    const removed = parameter.trait === 'seed' ? traits.seedField === undefined : traits.removes.has(parameter.trait);
    const field = parameter.trait === 'seed' && traits.seedField !== undefined ? traits.seedField : parameter.field;
    if (removed) {
      expect(body).not.toHaveProperty(parameter.field);
      if (options.warnings !== undefined) expect(options.warnings).toContain(parameter.warning);
    } else {
      expect(body[field]).toEqual(parameter.value);
      if (options.warnings !== undefined) expect(options.warnings).not.toContain(parameter.warning);
      delete body[field];
    }
    body[parameter.field] = parameter.value;
  }
  return body;
}

/** The parameters named by an `x-switchyard-warnings` header (none: `[]`). */
export function warningParameters(header: string | null): string[] {
  if (header === null) return [];
  const warnings = JSON.parse(header) as Array<{ parameter?: string; type: string }>;
  return warnings.map((warning) => warning.parameter ?? warning.type);
}

/** Error classes and bodies as the client sees them, the provider's name replaced so one snapshot fits all. */
export function describeClientError(provider: MatrixProvider, error: unknown): JsonRecord {
  if (!(error instanceof Error)) throw error;
  const details = error as Error & { status?: number; error?: unknown; headers?: Headers };
  return anonymise(provider, { class: error.constructor.name, status: details.status, error: details.error ?? error.message });
}

/** The value with the provider's name replaced by `<provider>`, so one snapshot fits every provider. */
export function anonymise(provider: MatrixProvider, value: JsonRecord): JsonRecord {
  return JSON.parse(JSON.stringify(value).replaceAll(new RegExp(`\\b${provider.name}\\b`, 'g'), '<provider>')) as JsonRecord;
}
