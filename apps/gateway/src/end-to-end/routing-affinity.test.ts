import { decodeAnthropicReasoning } from '@switchyard/provider-anthropic';
import type { RecordedRequest } from '@switchyard/testing';
import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { defaultTenant } from '../config/gateway-config.js';
import { useRoutingAlias } from './routing-alias-fixture.js';
import { waitFor } from './stateful-fixture.js';

// `trio` = east-small (openai), west-large (openai), claude (anthropic). Sorted by price, the
// OpenAI deployment `east-small` is the normal choice; Anthropic is the dearest.
const routing = useRoutingAlias();

type Created = OpenAI.Responses.ResponseCreateParamsNonStreaming;
type CreatedStreaming = OpenAI.Responses.ResponseCreateParamsStreaming;
type InputItems = OpenAI.Responses.ResponseInputItem[];

const byPrice = { provider: { sort: 'price' } };
const forcedToClaude = { provider: { order: ['claude'] } };
const thinking = { reasoning: { effort: 'low' } } as const;

/** A create through the `openai` client with Switchyard's `provider` extension, and the deployment that served it. */
async function create(params: Record<string, unknown>): Promise<{ response: OpenAI.Responses.Response; deployment: string | null; warnings: string | null }> {
  const { data, response } = await routing()
    .client.responses.create({ model: 'trio', ...params } as unknown as Created)
    .withResponse();
  return { response: data, deployment: response.headers.get('x-switchyard-deployment'), warnings: response.headers.get('x-switchyard-warnings') };
}

/** The `encrypted_content` of the response's reasoning item (an Anthropic thinking block). */
function encryptedReasoningOf(response: OpenAI.Responses.Response): string {
  const reasoning = response.output.find((item) => item.type === 'reasoning');
  const encrypted = reasoning?.type === 'reasoning' ? reasoning.encrypted_content : undefined;
  expect(encrypted).toMatch(/^anthropic:/);
  return encrypted as string;
}

/** The thinking blocks of the assistant turns the Anthropic fake received in one request. */
function thinkingBlocksIn(request: RecordedRequest | undefined): unknown[] {
  const messages = (request?.body as { messages?: Array<{ role: string; content: unknown }> } | undefined)?.messages ?? [];
  return messages
    .filter((message) => message.role === 'assistant' && Array.isArray(message.content))
    .flatMap((message) => (message.content as Array<{ type: string }>).filter((block) => block.type === 'thinking'));
}

/** Asserts the latest Anthropic request carried back exactly the block the first turn produced, signature included. */
function expectThinkingSentBack(encrypted: string): void {
  const block = decodeAnthropicReasoning(encrypted);
  expect(block?.type).toBe('thinking');
  const sent = thinkingBlocksIn(routing().generationRequests('claude').at(-1));
  expect(sent).toEqual([block]);
  // Byte-exact: the thinking text and signature appear in the upstream body exactly as produced.
  expect(routing().generationRequests('claude').at(-1)?.rawBody).toContain(JSON.stringify(block).slice(1, -1));
}

/** The reasoning items an OpenAI-kind upstream received in its latest request. */
function reasoningItemsSentTo(name: 'east' | 'west'): unknown[] {
  const input = (routing().generationRequests(name).at(-1)?.body as { input?: unknown } | undefined)?.input;
  return Array.isArray(input) ? input.filter((item) => (item as { type?: unknown }).type === 'reasoning') : [];
}

/** Turn 1, stored, forced to the Anthropic deployment although the alias's first is OpenAI. */
async function storedClaudeTurn(extra: Record<string, unknown> = {}): Promise<OpenAI.Responses.Response> {
  const first = await create({ input: 'Why is the sky blue?', ...thinking, ...forcedToClaude, ...extra });
  expect(first.deployment).toBe('claude');
  return first.response;
}

describe('affinity: a follow-up goes to the deployment that produced its opaque state', () => {
  it('sorted by price, a request without opaque state goes to the OpenAI deployment', async () => {
    const plain = await create({ input: 'Hello', ...thinking, ...byPrice, store: false });
    expect(plain.deployment).toBe('east-small');
    expect(routing().generations('claude')).toBe(0);
  });

  it('stateless: the previous output sent back as input goes to Anthropic, with the thinking block byte-exact', async () => {
    const first = await create({ input: 'Why?', ...thinking, ...forcedToClaude, store: false, include: ['reasoning.encrypted_content'] });
    const encrypted = encryptedReasoningOf(first.response);
    const second = await create({
      ...thinking,
      ...byPrice,
      store: false,
      include: ['reasoning.encrypted_content'],
      input: [{ role: 'user', content: 'Why?' }, ...(first.response.output as InputItems), { role: 'user', content: 'And at sunset?' }],
    });
    expect(second).toMatchObject({ deployment: 'claude', response: { status: 'completed' } });
    expect(routing().generations('east')).toBe(0);
    expectThinkingSentBack(encrypted);
  });

  it('previous_response_id with the alias: the stored response records the serving deployment, and the follow-up goes back to it (JSON)', async () => {
    const first = await storedClaudeTurn();
    const stored = await routing().gateway.gateway.state().store.getResponse(defaultTenant, first.id);
    expect(stored).toMatchObject({ provider: 'claude', deployment: 'claude' });
    const second = await create({ input: 'And at sunset?', ...thinking, ...byPrice, previous_response_id: first.id });
    expect(second).toMatchObject({ deployment: 'claude', response: { status: 'completed' } });
    expect(routing().generations('east')).toBe(0);
    expectThinkingSentBack(encryptedReasoningOf(await routing().client.responses.retrieve(first.id, { include: ['reasoning.encrypted_content'] })));
  });

  it('previous_response_id with the alias, streamed: the follow-up goes back to Anthropic with the thinking block', async () => {
    const first = await storedClaudeTurn({ stream: false });
    const stream = routing().client.responses.stream({ model: 'trio', input: 'And at sunset?', ...thinking, ...byPrice, previous_response_id: first.id } as unknown as CreatedStreaming);
    let created: string | undefined;
    for await (const event of stream) if (event.type === 'response.created') created = event.response.id;
    const final = await stream.finalResponse();
    expect(final.status).toBe('completed');
    expect(routing().generations('east')).toBe(0);
    expect(await routing().gateway.gateway.state().store.getResponse(defaultTenant, created ?? '')).toMatchObject({ provider: 'claude', deployment: 'claude' });
    expectThinkingSentBack(encryptedReasoningOf(await routing().client.responses.retrieve(first.id, { include: ['reasoning.encrypted_content'] })));
  });

  it('a background run records the deployment it was routed to, so its follow-up carries the thinking block', async () => {
    const queued = await create({ input: 'Why is the sky blue?', ...thinking, ...forcedToClaude, background: true });
    const first = await waitFor(() => routing().client.responses.retrieve(queued.response.id), (response) => response.status === 'completed');
    expect(await routing().gateway.gateway.state().store.getResponse(defaultTenant, first.id)).toMatchObject({ provider: 'claude', deployment: 'claude' });
    const second = await create({ input: 'And at sunset?', ...thinking, ...byPrice, previous_response_id: first.id });
    expect(second.deployment).toBe('claude');
    expect(thinkingBlocksIn(routing().generationRequests('claude').at(-1))).toHaveLength(1);
  });

  it('when Anthropic fails (503), the OpenAI fallback receives no foreign reasoning item (previous_response_id)', async () => {
    const first = await storedClaudeTurn();
    routing().enqueue('claude', { kind: 'error', status: 503 });
    const second = await create({ input: 'And at sunset?', ...thinking, ...byPrice, previous_response_id: first.id });
    expect(second).toMatchObject({ deployment: 'east-small', response: { status: 'completed' } });
    expect(routing().generations('claude')).toBe(2);
    expect(reasoningItemsSentTo('east')).toEqual([]);
    expect(routing().generationRequests('east').at(-1)?.rawBody).not.toContain('anthropic:');
    expect(second.warnings).toContain('reasoning item');
    // The chain's next turn knows the fallback served it: no reasoning of its own to carry, no affinity to Anthropic.
    expect(await routing().gateway.gateway.state().store.getResponse(defaultTenant, second.response.id)).toMatchObject({ provider: 'east', deployment: 'east-small' });
  });

  it('when Anthropic fails (503), the OpenAI fallback receives no client-sent Anthropic reasoning item (stateless, streamed)', async () => {
    const first = await create({ input: 'Why?', ...thinking, ...forcedToClaude, store: false, include: ['reasoning.encrypted_content'] });
    encryptedReasoningOf(first.response);
    routing().enqueue('claude', { kind: 'error', status: 503 });
    const stream = routing().client.responses.stream({
      model: 'trio',
      ...thinking,
      ...byPrice,
      store: false,
      input: [{ role: 'user', content: 'Why?' }, ...(first.response.output as InputItems), { role: 'user', content: 'And at sunset?' }],
    } as unknown as CreatedStreaming);
    for await (const _event of stream) {
      // drained
    }
    expect((await stream.finalResponse()).status).toBe('completed');
    expect(routing().generations('east')).toBe(1);
    expect(reasoningItemsSentTo('east')).toEqual([]);
    // The assistant's answer still travels; only the opaque state stays behind.
    expect(JSON.stringify((routing().generationRequests('east').at(-1)?.body as { input: unknown }).input)).toContain('"role":"assistant"');
  });
});
