import type { OutputItem, Response, ResponseError, ResponseStreamEvent } from '@switchyard/contract';
import type { HotState, ResponseStore, StoredResponse } from '@switchyard/store';
import { completionOf, outputItemOf } from '../responses/terminal-outcome.js';

/** Events a run stores before any output: rerunning after them repeats nothing a follower saw. */
const preambleTypes: ReadonlySet<string> = new Set(['response.created', 'response.queued', 'response.in_progress']);

export const interruptedRunMessage =
  'The instance running this background response stopped after it had started producing output; the partial output is kept. Create the response again to retry.';

export interface EndInterruptedRunOptions {
  readonly store: ResponseStore;
  readonly hot: HotState<ResponseStreamEvent>;
  /** The worker holding the run's lease (the terminal write applies only while it does). */
  readonly workerId: string;
}

/** What a claimed run's worker does about the events an earlier execution stored. */
export type InterruptedRunOutcome =
  /** Nothing but the preamble was stored: run it (again), numbering after the stored events. */
  | { readonly kind: 'run' }
  /** An earlier execution had produced output: the run is now `failed` (or someone else ended it). */
  | { readonly kind: 'ended'; readonly applied: boolean };

function lastSnapshotOf(run: StoredResponse, events: readonly ResponseStreamEvent[]): Response | undefined {
  for (let index = events.length - 1; index >= 0; index -= 1) {
    const carried = (events[index] as { response?: Response }).response;
    if (typeof carried === 'object' && carried !== null) return carried;
  }
  return run.snapshot ?? undefined;
}

/**
 * A background run never restarts its output. Called by the worker that claimed `run`, before any
 * upstream call: when the stored events hold nothing but the preamble (`response.created`,
 * `queued`, `in_progress`), the run goes ahead (a worker that died before any output is replaced
 * transparently). Otherwise an earlier execution (whose instance died, or released the run while
 * shutting down) had already streamed output that followers saw, and a new upstream call would
 * stream a second, different set after it: the run ends `failed` with a `server_error` saying so,
 * keeping the output items that were completed in the stored events, and the `response.failed`
 * event is stored and published with the next sequence number, so followers end cleanly. The
 * terminal write applies only while this worker holds the lease (a cancel wins).
 */
export async function endInterruptedRun(run: StoredResponse, options: EndInterruptedRunOptions): Promise<InterruptedRunOutcome> {
  const events = (await options.store.readEvents(run.tenantId, run.id)) ?? [];
  if (events.every((event) => preambleTypes.has(event.type))) return { kind: 'run' };
  const items = events.map(outputItemOf).filter((item): item is OutputItem => item !== undefined);
  const error = { code: 'server_error', message: interruptedRunMessage } as ResponseError;
  const snapshot = lastSnapshotOf(run, events);
  const failed = { ...(snapshot as Response), status: 'failed', error, output: items } as Response;
  const completion = completionOf({ status: 'failed', response: failed, error }, items, snapshot, { workerId: options.workerId });
  const done = await options.store.completeResponse(run.id, completion);
  if (!done.applied) return { kind: 'ended', applied: false };
  const sequence = (events.at(-1)?.sequence_number ?? -1) + 1;
  const event = { type: 'response.failed', sequence_number: sequence, response: completion.snapshot ?? failed } as ResponseStreamEvent;
  await options.store.appendEvents(run.id, [event]);
  await options.hot.events.publish(run.id, event);
  return { kind: 'ended', applied: true };
}
