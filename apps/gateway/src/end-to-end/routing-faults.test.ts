import type { FakeBehaviour } from '@switchyard/testing';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { useRoutingAlias, type UpstreamName } from './routing-alias-fixture.js';
import { callSurface, completedEnding, surfaces, type Surface } from './routing-surfaces.js';

// A short attempt timeout: the stalled upstreams below never answer.
const alias = useRoutingAlias({ retry: { attempt_timeout_ms: 1000 } });

interface Fault {
  readonly name: string;
  readonly model?: string;
  readonly provider: Record<string, unknown>;
  readonly script: ReadonlyArray<readonly [UpstreamName, FakeBehaviour]>;
  readonly servedBy: string;
  /** Generation requests each upstream receives (the failing one included). */
  readonly calls: Readonly<Record<UpstreamName, number>>;
  /** Only streams can fail this way (e.g. headers, then silence). */
  readonly streamsOnly?: boolean;
}

const byPrice = { sort: 'price' }; // east-small, west-large, claude
const stalled: FakeBehaviour = { kind: 'delay', ms: 60_000 };

const faults: readonly Fault[] = [
  { name: 'accepts and never answers (attempt timeout)', provider: byPrice, script: [['east', stalled]], servedBy: 'west-large', calls: { east: 1, west: 1, claude: 0 } },
  {
    name: 'sends headers, then no event (attempt timeout before the first byte reaches the client)',
    provider: byPrice,
    script: [['east', { kind: 'slow-stream', intervalMs: 60_000 }]],
    servedBy: 'west-large',
    calls: { east: 1, west: 1, claude: 0 },
    streamsOnly: true,
  },
  { name: 'resets the connection before the headers', provider: byPrice, script: [['east', { kind: 'reset' }]], servedBy: 'west-large', calls: { east: 1, west: 1, claude: 0 } },
  { name: 'cuts the connection before any output', provider: byPrice, script: [['east', { kind: 'cut-mid-stream', afterEvents: 0 }]], servedBy: 'west-large', calls: { east: 1, west: 1, claude: 0 } },
  { name: 'refuses the connection (closed port)', model: 'refused', provider: byPrice, script: [], servedBy: 'west-large', calls: { east: 0, west: 1, claude: 0 } },
  {
    name: 'exceeds its context window (OpenAI): a larger window of the same provider answers',
    provider: byPrice,
    script: [['east', { kind: 'context-window-exceeded' }]],
    servedBy: 'west-large',
    calls: { east: 1, west: 1, claude: 0 },
  },
  {
    name: 'exceeds its context window (OpenAI): the smaller window next in line is skipped',
    provider: { order: ['west-large', 'east-small', 'claude'] },
    script: [['west', { kind: 'context-window-exceeded' }]],
    servedBy: 'claude',
    calls: { east: 0, west: 1, claude: 1 },
  },
  {
    name: 'refuses on content policy (OpenAI 400 content_policy_violation): the other OpenAI deployment is skipped',
    provider: byPrice,
    script: [['east', { kind: 'refusal' }]],
    servedBy: 'claude',
    calls: { east: 1, west: 0, claude: 1 },
  },
  {
    name: 'refuses on content policy (Anthropic stop_reason "refusal", no output): another provider answers',
    provider: { order: ['claude', 'east-small', 'west-large'] },
    script: [['claude', { kind: 'refusal' }]],
    servedBy: 'east-small',
    calls: { east: 1, west: 0, claude: 1 },
  },
];

describe('the alias trio survives one deployment failing in every way, with no client-visible error', () => {
  for (const fault of faults) {
    for (const surface of surfaces) {
      if (fault.streamsOnly === true && !surface.endsWith('stream')) continue;
      it(`${fault.name} — ${surface}`, async () => {
        const { client, enqueue, generations } = alias();
        for (const [name, behaviour] of fault.script) enqueue(name, behaviour);
        const result = await callSurface(client, surface, fault.model ?? 'trio', { provider: fault.provider });
        expect(result.ending).toBe(completedEnding[surface]);
        expect(result.text).toContain('Hello there');
        expect(result.deployment).toBe(fault.servedBy);
        expect({ east: generations('east'), west: generations('west'), claude: generations('claude') }).toEqual(fault.calls);
      });
    }
  }
});

describe("OpenAI's in-stream context-window error (a 200 whose events end in error before any output)", () => {
  // What api.openai.com streams for an input above the window: the error nested under `error`.
  const inStreamError = (sequence: number) => ({
    type: 'error',
    sequence_number: sequence,
    error: { type: 'invalid_request_error', code: 'context_length_exceeded', message: 'Your input exceeds the context window of this model. Please adjust your input and try again.', param: 'input' },
  });
  const created = { type: 'response.created', sequence_number: 0, response: { id: 'resp_up', object: 'response', created_at: 1, status: 'in_progress', model: 'gpt-4o-mini', output: [] } };
  const streamed: FakeBehaviour = { kind: 'reply', sse: [{ event: 'response.created', data: created }, { event: 'error', data: inStreamError(1) }] };

  it('falls to a larger window only', async () => {
    const { client, enqueue, generations } = alias();
    enqueue('west', streamed);
    const result = await callSurface(client, 'responses stream', 'trio', { provider: { order: ['west-large', 'east-small', 'claude'] } });
    expect(result).toMatchObject({ deployment: 'claude', ending: 'response.completed' });
    expect({ east: generations('east'), west: generations('west'), claude: generations('claude') }).toEqual({ east: 0, west: 1, claude: 1 });
  });

  it("is the client's 400 when no larger window is left", async () => {
    const { client, enqueue } = alias();
    enqueue('west', streamed);
    const error = await callSurface(client, 'responses stream', 'trio', { provider: { only: ['west-large'] } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ code: 'context_length_exceeded' });
  });
});

describe('when no deployment can take over', () => {
  const surfacesOf = (kinds: readonly Surface[]) => kinds;

  for (const surface of surfacesOf(surfaces)) {
    it(`a context-window failure of the largest window is the client's 400, the smaller ones untried — ${surface}`, async () => {
      const { client, enqueue, generations } = alias();
      enqueue('claude', { kind: 'context-window-exceeded' });
      const error = await callSurface(client, surface, 'trio', { provider: { order: ['claude'] } }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect((error as InstanceType<typeof OpenAI.BadRequestError>).message).toContain('prompt is too long');
      expect(generations('east') + generations('west')).toBe(0);
    });
  }

  it('an Anthropic refusal with no other provider left is the answer itself, not an error', async () => {
    const { client, enqueue, generations } = alias();
    enqueue('claude', { kind: 'refusal' });
    const result = await callSurface(client, 'responses JSON', 'trio', { provider: { only: ['claude'] } });
    expect(result).toMatchObject({ deployment: 'claude', text: '' });
    expect(generations('claude')).toBe(1);
  });
});

describe('a relayed answer blocked by a content filter with a 200 (Azure-style), before any output', () => {
  const filteredResponse = { id: 'resp_up', object: 'response', created_at: 1, status: 'incomplete', incomplete_details: { reason: 'content_filter' }, model: 'gpt-4o-mini', output: [] };
  const chunk = (delta: Record<string, unknown>, finishReason: string | null) => ({
    id: 'chatcmpl-up',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });
  const blocked: Readonly<Record<Surface, FakeBehaviour>> = {
    'responses JSON': { kind: 'reply', json: filteredResponse },
    'responses stream': {
      kind: 'reply',
      sse: [
        { event: 'response.created', data: { type: 'response.created', sequence_number: 0, response: { ...filteredResponse, status: 'in_progress', incomplete_details: null } } },
        { event: 'response.incomplete', data: { type: 'response.incomplete', sequence_number: 1, response: filteredResponse } },
      ],
    },
    'chat JSON': {
      kind: 'reply',
      json: {
        id: 'chatcmpl-up',
        object: 'chat.completion',
        created: 1,
        model: 'gpt-4o-mini',
        choices: [{ index: 0, message: { role: 'assistant', content: null }, finish_reason: 'content_filter' }],
      },
    },
    'chat stream': { kind: 'reply', sse: [{ data: chunk({ role: 'assistant', content: '' }, null) }, { data: chunk({}, 'content_filter') }, { data: '[DONE]' }] },
  };

  for (const surface of surfaces) {
    it(`another provider answers; the other OpenAI-type deployment is skipped — ${surface}`, async () => {
      const { client, enqueue, generations } = alias();
      enqueue('east', blocked[surface]);
      const result = await callSurface(client, surface, 'trio', { provider: byPrice });
      expect(result).toMatchObject({ deployment: 'claude', ending: completedEnding[surface] });
      expect(result.text).toContain('Hello there');
      expect({ east: generations('east'), west: generations('west'), claude: generations('claude') }).toEqual({ east: 1, west: 0, claude: 1 });
    });
  }

  it('with no other provider left, the blocked answer is the answer', async () => {
    const { client, enqueue } = alias();
    enqueue('east', blocked['chat JSON']);
    const result = await callSurface(client, 'chat JSON', 'trio', { provider: { only: ['east-small'] } });
    expect(result).toMatchObject({ deployment: 'east-small', text: '' });
  });
});
