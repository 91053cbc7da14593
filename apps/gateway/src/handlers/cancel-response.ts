import type { OperationHandlers } from '@switchyard/contract';
import { closeUnrunRun } from '../accounting/close-unrun-run.js';
import { gatewayErrors } from '../errors/gateway-errors.js';
import type { HandlerContext } from './handler-context.js';

/**
 * POST /v1/responses/{response_id}/cancel: a background run becomes `cancelled` for good and the
 * instance running it aborts the upstream call at once (cancel signal through the hot state);
 * repeating it returns the same object; a foreground response is a 400.
 */
export const cancelResponse: OperationHandlers<HandlerContext>['cancelResponse'] = async (input, context) => {
  const responseId = input.path.response_id;
  const cancelled = await context.state.store.requestCancel(context.tenantId, responseId);
  if (cancelled?.snapshot === undefined || cancelled.snapshot === null) throw gatewayErrors.responseNotFound(responseId);
  // A run cancelled while queued has no worker to bill it: its reservation is freed here.
  closeUnrunRun(cancelled, { accounting: context.accounting, logger: context.logger });
  await context.state.hot.cancels.publishCancel(responseId).catch((error: unknown) =>
    context.logger.warn({ requestId: context.requestId, err: error }, 'publishing a cancel failed; the worker sees it at its next lease renewal'),
  );
  return cancelled.snapshot;
};
