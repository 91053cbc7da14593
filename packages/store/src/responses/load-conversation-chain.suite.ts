import { describe, expect, it } from 'vitest';
import { PreviousResponseNotFoundError } from '../errors/previous-response-not-found-error.js';
import type { ResponseStore } from '../response-store.js';
import { inputMessage, newResponse, outputMessage, uniqueId } from '../test-support/fixtures.js';
import type { StoreHarness } from '../test-support/store-harness.js';

/** Creates a completed foreground response with one input and one output item. */
async function completedTurn(store: ResponseStore, tenantId: string, previousResponseId: string | null, label: string, options: { store?: boolean } = {}): Promise<string> {
  const record = newResponse({
    tenantId,
    previousResponseId,
    store: options.store ?? true,
    inputItems: [inputMessage(`in_${label}_${uniqueId('m')}`, `question ${label}`)],
  });
  await store.createResponse(record);
  const outcome = await store.completeResponse(record.id, { status: 'completed', outputItems: [outputMessage(`out_${label}_${uniqueId('m')}`, `answer ${label}`)] });
  expect(outcome.applied).toBe(true);
  return record.id;
}

function texts(items: ReadonlyArray<object>): string[] {
  return items.map((item) => {
    const content = (item as { content: Array<{ text: string }> }).content;
    return content[0]?.text ?? '';
  });
}

async function envelopeOf(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PreviousResponseNotFoundError);
  return (error as PreviousResponseNotFoundError).toEnvelope();
}

export function defineLoadConversationChainSuite(harness: StoreHarness): void {
  describe('loadConversationChain', () => {
    it('expands a chain oldest first: each response its inputs then its outputs', async () => {
      const tenantId = uniqueId('tenant');
      const first = await completedTurn(harness.store(), tenantId, null, 'a');
      const second = await completedTurn(harness.store(), tenantId, first, 'b');
      const third = await completedTurn(harness.store(), tenantId, second, 'c');
      const chain = await harness.store().loadConversationChain(tenantId, third);
      expect(chain.responses).toEqual([
        { id: first, status: 'completed', provider: 'fake', deployment: null },
        { id: second, status: 'completed', provider: 'fake', deployment: null },
        { id: third, status: 'completed', provider: 'fake', deployment: null },
      ]);
      expect(texts(chain.items)).toEqual(['question a', 'answer a', 'question b', 'answer b', 'question c', 'answer c']);
      expect(chain.origins.map((origin) => [origin.responseId, origin.kind])).toEqual([
        [first, 'input'],
        [first, 'output'],
        [second, 'input'],
        [second, 'output'],
        [third, 'input'],
        [third, 'output'],
      ]);
    });

    it('tells which provider produced each item', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId, provider: 'anthropic' });
      await harness.store().createResponse(record);
      await harness.store().completeResponse(record.id, { status: 'completed', outputItems: [outputMessage(uniqueId('msg'), 'hi')] });
      const next = newResponse({ tenantId, provider: null, previousResponseId: record.id });
      await harness.store().createResponse(next);
      const chain = await harness.store().loadConversationChain(tenantId, next.id);
      expect(chain.origins.map((origin) => origin.provider)).toEqual(['anthropic', 'anthropic', null]);
    });

    it('tells which provider and deployment served each item when the completion recorded it', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId, provider: 'openai' });
      await harness.store().createResponse(record);
      const servedBy = { provider: 'claude', deployment: 'claude-thinking' };
      await harness.store().completeResponse(record.id, { status: 'completed', outputItems: [outputMessage(uniqueId('msg'), 'hi')], servedBy });
      const next = newResponse({ tenantId, provider: 'openai', previousResponseId: record.id });
      await harness.store().createResponse(next);
      const chain = await harness.store().loadConversationChain(tenantId, next.id);
      expect(chain.responses.map(({ provider, deployment }) => ({ provider, deployment }))).toEqual([servedBy, { provider: 'openai', deployment: null }]);
      expect(chain.origins.map(({ kind, provider, deployment }) => [kind, provider, deployment])).toEqual([
        ['input', 'claude', 'claude-thinking'],
        ['output', 'claude', 'claude-thinking'],
        ['input', 'openai', null],
      ]);
    });

    it('keeps the position order of several items per response', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId, inputItems: ['one', 'two', 'three'].map((text) => inputMessage(uniqueId('msg'), text)) });
      await harness.store().createResponse(record);
      await harness.store().completeResponse(record.id, { status: 'completed', outputItems: ['four', 'five'].map((text) => outputMessage(uniqueId('msg'), text)) });
      const chain = await harness.store().loadConversationChain(tenantId, record.id);
      expect(texts(chain.items)).toEqual(['one', 'two', 'three', 'four', 'five']);
    });

    it('follows a long chain', async () => {
      const tenantId = uniqueId('tenant');
      let previous: string | null = null;
      for (let turn = 0; turn < 25; turn += 1) previous = await completedTurn(harness.store(), tenantId, previous, String(turn));
      const chain = await harness.store().loadConversationChain(tenantId, previous ?? '');
      expect(chain.responses).toHaveLength(25);
      expect(chain.items).toHaveLength(50);
      expect(texts(chain.items).slice(-2)).toEqual(['question 24', 'answer 24']);
    });

    it('includes a response that has not finished, with its inputs only', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId, inputItems: [inputMessage(uniqueId('msg'), 'pending')] });
      await harness.store().createResponse(record);
      const chain = await harness.store().loadConversationChain(tenantId, record.id);
      expect(chain.responses).toEqual([{ id: record.id, status: 'in_progress', provider: 'fake', deployment: null }]);
      expect(texts(chain.items)).toEqual(['pending']);
    });

    it('fails the same way for unknown, foreign, store:false and deleted ids', async () => {
      const owner = uniqueId('tenant');
      const intruder = uniqueId('tenant');
      const foreign = await completedTurn(harness.store(), owner, null, 'foreign');
      const unstored = await completedTurn(harness.store(), intruder, null, 'unstored', { store: false });
      const deleted = await completedTurn(harness.store(), intruder, null, 'deleted');
      expect(await harness.store().deleteResponse(intruder, deleted)).toBe(true);
      const unknown = uniqueId('resp');
      const envelopes = await Promise.all(
        [foreign, unstored, deleted, unknown].map((id) => envelopeOf(harness.store().loadConversationChain(intruder, id))),
      );
      for (const [index, id] of [foreign, unstored, deleted, unknown].entries()) {
        expect(envelopes[index]).toEqual({
          error: {
            message: `Previous response with id '${id}' not found.`,
            type: 'invalid_request_error',
            param: 'previous_response_id',
            code: 'previous_response_not_found',
          },
        });
      }
    });

    it('fails rather than shortening the transcript when an ancestor was deleted or is not stored', async () => {
      const tenantId = uniqueId('tenant');
      const first = await completedTurn(harness.store(), tenantId, null, 'a');
      const second = await completedTurn(harness.store(), tenantId, first, 'b');
      const third = await completedTurn(harness.store(), tenantId, second, 'c');
      expect(await harness.store().deleteResponse(tenantId, first)).toBe(true);
      await expect(harness.store().loadConversationChain(tenantId, third)).rejects.toBeInstanceOf(PreviousResponseNotFoundError);
      const unstoredRoot = await completedTurn(harness.store(), tenantId, null, 'x', { store: false });
      const child = await completedTurn(harness.store(), tenantId, unstoredRoot, 'y');
      await expect(harness.store().loadConversationChain(tenantId, child)).rejects.toBeInstanceOf(PreviousResponseNotFoundError);
    });

    it('never follows a link into another tenant', async () => {
      const owner = uniqueId('tenant');
      const intruder = uniqueId('tenant');
      const secret = await completedTurn(harness.store(), owner, null, 'secret');
      // A forged row of the intruder pointing at the owner's response must not pull the owner's items.
      const forged = await completedTurn(harness.store(), intruder, secret, 'forged');
      await expect(harness.store().loadConversationChain(intruder, forged)).rejects.toBeInstanceOf(PreviousResponseNotFoundError);
    });

    it('stops at maxDepth', async () => {
      const tenantId = uniqueId('tenant');
      const first = await completedTurn(harness.store(), tenantId, null, 'a');
      const second = await completedTurn(harness.store(), tenantId, first, 'b');
      const third = await completedTurn(harness.store(), tenantId, second, 'c');
      await expect(harness.store().loadConversationChain(tenantId, third, { maxDepth: 1 })).rejects.toBeInstanceOf(PreviousResponseNotFoundError);
      expect((await harness.store().loadConversationChain(tenantId, third, { maxDepth: 2 })).responses).toHaveLength(3);
    });
  });
}
