import type { OutputItem, Response, ResponseStreamEvent } from '@switchyard/contract';
import { responseErrorFromError } from '@switchyard/core';
import type { Router } from '@switchyard/router';
import { holdRun, isTerminalStatus, type HotState, type ResponseStore, type ServedBy, type StoredResponse } from '@switchyard/store';
import type { Logger } from 'pino';
import { createRunMeter } from '../accounting/create-run-meter.js';
import type { GatewayAccounting } from '../accounting/gateway-accounting.js';
import type { MeterOutcome, RequestMeter } from '../accounting/request-meter.js';
import type { ProviderDirectory } from '../providers/configured-provider.js';
import type { CompactionConfig } from '../config/compaction-config.js';
import { applyContextManagement } from '../responses/compaction/apply-context-management.js';
import { prepareCreate } from '../responses/prepare-create.js';
import { withLeadingOutputItems } from '../responses/with-leading-output-items.js';
import { eventWithIdentity, identityOf, withIdentity } from '../responses/response-identity.js';
import { completionOf, outputItemOf, terminalOutcomeOf, type TerminalOutcome } from '../responses/terminal-outcome.js';
import { dispatchOperation } from '../routing/dispatch-operation.js';
import type { RequestRouting } from '../routing/route-and-dispatch.js';
import { trackServedBy } from '../routing/track-served-by.js';
import { endInterruptedRun } from './end-interrupted-run.js';

export interface RunBackgroundResponseOptions {
  readonly store: ResponseStore;
  readonly hot: HotState<ResponseStreamEvent>;
  readonly providers: ProviderDirectory;
  /** The gateway's router, so a run's alias or deployment name resolves. */
  readonly router?: Router;
  readonly logger: Logger;
  readonly workerId: string;
  readonly leaseMs: number;
  /** Aborted when this instance shuts down: the run is released for another worker. */
  readonly shutdown: AbortSignal;
  /** Keys, budgets and the ledger: the run is metered under the admission stored when it was queued. */
  readonly accounting?: () => GatewayAccounting;
  /** The `compaction:` config section, for `context_management` (see `applyContextManagement`). */
  readonly compaction?: CompactionConfig;
}

function isAsyncIterable<T>(value: unknown): value is AsyncIterable<T> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * Executes one claimed background run: holds its lease (renewed; aborted at once by a cancel
 * from any instance), calls the provider with `stream: true`, and for each event stores it, then
 * publishes it, numbering after the events already stored (a reclaimed run continues the
 * sequence). The terminal state is written with `completeResponse` (only while this worker holds
 * the lease, so a cancelled run stays cancelled), with the provider and deployment the run was
 * routed to, before the terminal event is stored and published.
 */
export async function runBackgroundResponse(run: StoredResponse, options: RunBackgroundResponseOptions): Promise<void> {
  const { store, hot, workerId } = options;
  const hold = await holdRun({ store, cancels: hot.cancels, responseId: run.id, workerId, leaseMs: options.leaseMs });
  const signal = AbortSignal.any([hold.signal, options.shutdown]);
  const identity = identityOf(run.id, run.request);
  const seenItems: OutputItem[] = [];
  let snapshot: Response | undefined = run.snapshot ?? undefined;
  let sequence = -1;
  let meter: RequestMeter | undefined;
  // Set when this worker wrote the terminal state: the request row then carries that status.
  let ended: MeterOutcome | undefined;
  let interrupted = false;
  // What served the run (set once routed): recorded with its terminal state.
  let servedBy: () => ServedBy | undefined = () => undefined;

  const emit = async (event: ResponseStreamEvent): Promise<void> => {
    sequence += 1;
    const numbered = { ...event, sequence_number: sequence } as ResponseStreamEvent;
    await store.appendEvents(run.id, [numbered]);
    await hot.events.publish(run.id, numbered);
  };
  const finish = async (outcome: TerminalOutcome, event: ResponseStreamEvent): Promise<void> => {
    const served = servedBy();
    const done = await store.completeResponse(run.id, completionOf(outcome, seenItems, snapshot, { workerId, ...(served === undefined ? {} : { servedBy: served }) }));
    if (!done.applied) return;
    ended = { status: outcome.status, errorCode: outcome.error?.code ?? null };
    await emit(event);
  };

  try {
    const stored = (await store.readEvents(run.tenantId, run.id)) ?? [];
    sequence = stored.at(-1)?.sequence_number ?? -1;
    // Metered from the start: a run that ends before any upstream call is billed once too.
    const runMeter = options.accounting === undefined ? undefined : await createRunMeter(run, { accounting: options.accounting, router: options.router, logger: options.logger });
    meter = runMeter?.meter;
    // An earlier execution that had produced output is never restarted (see `endInterruptedRun`).
    if ((await endInterruptedRun(run, { store, hot, workerId })).kind === 'ended') {
      // What that execution streamed is unknown: billed at least its reservation (fails closed).
      interrupted = true;
      return;
    }
    const prepared = await prepareCreate(run.request, run.tenantId, store, options.providers, { router: options.router });
    const routing: RequestRouting | undefined =
      runMeter === undefined || options.router === undefined
        ? undefined
        : {
            router: options.router,
            providers: options.providers,
            allowedModels: runMeter.allowedModels,
            onRouted: (deployment) => runMeter.meter.noteDeployment(deployment),
            onAttempt: (record) => runMeter.meter.noteAttempt(record),
          };
    const tracked = trackServedBy({
      signal,
      requestId: `req_${run.id.replace(/^resp_/, '')}`,
      upstreamModel: prepared.target.upstreamModel,
      warnings: [],
      strict: false,
      clientModel: prepared.clientModel,
      responseId: run.id,
      ...(meter === undefined ? {} : { meter }),
      ...(routing === undefined ? {} : { routing }),
      ...(prepared.reasoningOrigins === undefined ? {} : { reasoningOrigins: prepared.reasoningOrigins }),
    });
    servedBy = tracked.servedBy;
    const dispatch = tracked.context;
    // `context_management` compaction; its item is reported first (stored events and final object).
    const managed = await applyContextManagement(run.request, prepared, { providers: options.providers, router: options.router, config: options.compaction, dispatch });
    const result = withLeadingOutputItems(
      await dispatchOperation('createResponse', managed.target.provider, { body: { ...managed.upstreamBody, stream: true } }, dispatch),
      managed.compaction === undefined ? [] : [managed.compaction],
    );
    if (!isAsyncIterable<ResponseStreamEvent>(result)) {
      const response = withIdentity(result, identity);
      await finish({ status: 'completed', response }, { type: 'response.completed', sequence_number: 0, response } as ResponseStreamEvent);
      return;
    }
    for await (const upstreamEvent of result) {
      if (signal.aborted) return;
      // The run's own `response.created` (status queued) was stored when it was queued.
      if (upstreamEvent.type === 'response.created') continue;
      const event = eventWithIdentity(upstreamEvent, identity);
      const item = outputItemOf(event);
      if (item !== undefined) seenItems.push(item);
      const carried = (event as { response?: Response }).response;
      if (carried !== undefined) snapshot = carried;
      const outcome = terminalOutcomeOf(event);
      if (outcome !== undefined) return await finish(outcome, event);
      await emit(event);
    }
    if (!signal.aborted) {
      const cut = { ...(snapshot as Response), status: 'incomplete' as const, output: seenItems };
      await finish({ status: 'incomplete', response: cut }, { type: 'response.incomplete', sequence_number: 0, response: cut } as ResponseStreamEvent);
    }
  } catch (error) {
    if (signal.aborted) return; // cancelled, lease lost, or shutting down: someone else owns the outcome
    options.logger.warn({ responseId: run.id, err: error }, 'background run failed');
    const responseError = responseErrorFromError(error);
    const failed = { ...(snapshot as Response), status: 'failed' as const, error: responseError, output: seenItems } as Response;
    await finish({ status: 'failed', response: failed, error: responseError }, { type: 'response.failed', sequence_number: 0, response: failed } as ResponseStreamEvent).catch(
      (finishError: unknown) => options.logger.error({ responseId: run.id, err: finishError }, 'recording a failed background run failed'),
    );
  } finally {
    await hold.release();
    if (meter !== undefined) await closeRunMeter(meter, run, ended, interrupted, options);
  }
}

/**
 * Writes the run's request row and settles its reservation once the run is over for good: ended
 * here (its status), cancelled or deleted meanwhile (`cancelled`: what was produced is billed),
 * or ended because an earlier execution had died mid-stream (billed at least its reservation).
 * A run released on shutdown or reclaimed by another worker is left to the worker that finishes it.
 */
async function closeRunMeter(
  meter: RequestMeter,
  run: StoredResponse,
  ended: MeterOutcome | undefined,
  interrupted: boolean,
  options: RunBackgroundResponseOptions,
): Promise<void> {
  try {
    if (ended === undefined) {
      const row = await options.store.getResponse(run.tenantId, run.id);
      if (row !== undefined && !isTerminalStatus(row.status)) return;
      await meter.close({ status: row?.status ?? 'cancelled', errorCode: row?.error?.code ?? null, billReservation: interrupted });
    } else {
      await meter.close(ended);
    }
    // Off any client's path: the worker takes its next run once this one is in the ledger.
    await meter.written();
  } catch (error) {
    options.logger.error({ responseId: run.id, err: error }, 'recording the background run in the usage ledger failed');
  }
}
