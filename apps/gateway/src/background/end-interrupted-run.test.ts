import type { ResponseStreamEvent } from '@switchyard/contract';
import { generateId } from '@switchyard/core';
import { followResponseEvents } from '@switchyard/store';
import { checkResponsesStream } from '@switchyard/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createRowSnapshot } from '../responses/create-row-snapshot.js';
import type { OpenedStorage } from '../state/open-storage.js';
import { createServiceStorage, missingServicesMessage, serviceUrls, type ServiceStorage } from '../test-support/service-storage.js';
import { sharedTestStorage } from '../test-support/shared-test-storage.js';
import { endInterruptedRun, interruptedRunMessage } from './end-interrupted-run.js';

const message = (id: string, text: string) => ({ type: 'message', id, role: 'assistant', status: 'completed', content: [{ type: 'output_text', text, annotations: [], logprobs: [] }] });

/** What an earlier execution stored before its instance died: one finished item and one half-streamed. */
function outputEvents(first: number): ResponseStreamEvent[] {
  const part = { type: 'output_text', text: '', annotations: [], logprobs: [] };
  const events = [
    { type: 'response.output_item.added', output_index: 0, item: { ...message('msg_a', ''), status: 'in_progress', content: [] } },
    { type: 'response.content_part.added', output_index: 0, item_id: 'msg_a', content_index: 0, part },
    { type: 'response.output_text.delta', output_index: 0, item_id: 'msg_a', content_index: 0, delta: 'Kept.', logprobs: [] },
    { type: 'response.output_text.done', output_index: 0, item_id: 'msg_a', content_index: 0, text: 'Kept.', logprobs: [] },
    { type: 'response.content_part.done', output_index: 0, item_id: 'msg_a', content_index: 0, part: { ...part, text: 'Kept.' } },
    { type: 'response.output_item.done', output_index: 0, item: message('msg_a', 'Kept.') },
    { type: 'response.output_item.added', output_index: 1, item: { ...message('msg_b', ''), status: 'in_progress', content: [] } },
    { type: 'response.content_part.added', output_index: 1, item_id: 'msg_b', content_index: 0, part },
    { type: 'response.output_text.delta', output_index: 1, item_id: 'msg_b', content_index: 0, delta: 'Half', logprobs: [] },
  ];
  return events.map((event, index) => ({ ...event, sequence_number: first + index }) as unknown as ResponseStreamEvent);
}

/** Both branches of `endInterruptedRun` on one storage setup. */
function defineEndInterruptedRunSuite(name: string, open: () => Promise<OpenedStorage>): void {
  describe(`endInterruptedRun (${name})`, () => {
    const workerId = `worker_${generateId('test')}`;

    /** A background run queued with its preamble (created, queued), claimed by `workerId`. */
    async function claimedRun(storage: OpenedStorage, extra: (snapshot: unknown) => ResponseStreamEvent[] = () => []) {
      const id = generateId('resp');
      const tenantId = generateId('tenant');
      const request = { model: 'openai/gpt-4o-mini', input: 'Interrupted', background: true };
      const snapshot = createRowSnapshot(id, request, 'queued');
      await storage.store.createResponse({ id, tenantId, status: 'queued', model: request.model, provider: 'openai', request, snapshot, background: true, store: true, inputItems: [] });
      const preamble = [
        { type: 'response.created', sequence_number: 0, response: snapshot },
        { type: 'response.queued', sequence_number: 1, response: snapshot },
      ] as ResponseStreamEvent[];
      await storage.store.appendEvents(id, [...preamble, ...extra({ ...snapshot, status: 'in_progress' })]);
      // Other suites' runs may be queued in the same database: claim until this one is ours.
      for (;;) {
        const run = await storage.store.claimNextRun(workerId, 60_000);
        if (run === undefined) throw new Error('the run was not claimable');
        if (run.id === id) return run;
      }
    }

    it('lets a run whose stored events are only the preamble run (again), changing nothing', async () => {
      const storage = await open();
      const run = await claimedRun(storage, (snapshot) => [{ type: 'response.in_progress', sequence_number: 2, response: snapshot } as ResponseStreamEvent]);
      expect(await endInterruptedRun(run, { store: storage.store, hot: storage.hotState, workerId })).toEqual({ kind: 'run' });
      expect((await storage.store.getResponse(run.tenantId, run.id))?.status).toBe('in_progress');
      expect(await storage.store.readEvents(run.tenantId, run.id)).toHaveLength(3);
    });

    it('fails a run that had started producing output: completed items kept, response.failed next in sequence, followers end', async () => {
      const storage = await open();
      const run = await claimedRun(storage, (snapshot) => [{ type: 'response.in_progress', sequence_number: 2, response: snapshot } as ResponseStreamEvent, ...outputEvents(3)]);
      const follower = await followResponseEvents({ store: storage.store, events: storage.hotState.events, tenantId: run.tenantId, responseId: run.id, startingAfter: 5, pollIntervalMs: 50 });
      expect(await endInterruptedRun(run, { store: storage.store, hot: storage.hotState, workerId })).toEqual({ kind: 'ended', applied: true });

      const row = await storage.store.getResponse(run.tenantId, run.id);
      expect(row).toMatchObject({ status: 'failed', error: { code: 'server_error', message: interruptedRunMessage } });
      expect(row?.snapshot?.output).toEqual([message('msg_a', 'Kept.')]);
      const events = (await storage.store.readEvents(run.tenantId, run.id)) ?? [];
      expect(events.map((event) => event.sequence_number)).toEqual(events.map((_event, index) => index));
      expect(events.at(-1)).toMatchObject({ type: 'response.failed', sequence_number: 12, response: { status: 'failed', error: { code: 'server_error' } } });
      checkResponsesStream(events);

      const followed: ResponseStreamEvent[] = [];
      for await (const event of follower!) followed.push(event);
      expect(followed.map((event) => event.sequence_number)).toEqual([6, 7, 8, 9, 10, 11, 12]);
      expect(followed.at(-1)?.type).toBe('response.failed');
      // A second look (another worker claiming it later) finds it ended and writes nothing more.
      expect(await endInterruptedRun(run, { store: storage.store, hot: storage.hotState, workerId })).toEqual({ kind: 'ended', applied: false });
      expect(await storage.store.readEvents(run.tenantId, run.id)).toHaveLength(13);
    });

    it('leaves a run cancelled meanwhile cancelled, without a terminal event of its own', async () => {
      const storage = await open();
      const run = await claimedRun(storage, () => outputEvents(2));
      await storage.store.requestCancel(run.tenantId, run.id);
      expect(await endInterruptedRun(run, { store: storage.store, hot: storage.hotState, workerId })).toEqual({ kind: 'ended', applied: false });
      expect((await storage.store.getResponse(run.tenantId, run.id))?.status).toBe('cancelled');
      expect((await storage.store.readEvents(run.tenantId, run.id))?.at(-1)?.type).toBe('response.output_text.delta');
    });
  });
}

defineEndInterruptedRunSuite('PGlite, in-process hot state', () => sharedTestStorage());

const urls = serviceUrls('end-interrupted-run');
if (urls.databaseUrl !== undefined && urls.redisUrl !== undefined) {
  let services: ServiceStorage | undefined;
  let opened: Promise<OpenedStorage> | undefined;
  defineEndInterruptedRunSuite('PostgreSQL + Redis', () => {
    opened ??= createServiceStorage({ databaseUrl: urls.databaseUrl!, redisUrl: urls.redisUrl! }).then((created) => {
      services = created;
      return created.storage();
    });
    return opened;
  });
  afterAll(async () => {
    await services?.dispose();
  });
} else if (urls.required) {
  describe('PostgreSQL + Redis', () => {
    it('are required', () => {
      throw new Error(missingServicesMessage());
    });
  });
}
