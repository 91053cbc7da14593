import type { OperationHandlers } from '@switchyard/contract';
import { claimIdempotentCreate } from '../responses/claim-idempotent-create.js';
import { applyContextManagement } from '../responses/compaction/apply-context-management.js';
import { prepareCreate } from '../responses/prepare-create.js';
import { queueBackgroundResponse } from '../responses/queue-background-response.js';
import { serveForegroundResponse } from '../responses/serve-foreground-response.js';
import { dispatchContextFor, type HandlerContext } from './handler-context.js';

/**
 * POST /v1/responses: routed by `provider/model`; `previous_response_id` expanded from the store
 * for every provider; stored unless `store: false`; `background: true` queued for the worker;
 * an `Idempotency-Key` seen before answers with the response it created (and a create that fails
 * before answering releases it); `context_management` compaction runs before the foreground call.
 */
export const createResponse: OperationHandlers<HandlerContext>['createResponse'] = async (input, context) => {
  const prepared = await prepareCreate(input.body, context.tenantId, context.state.store, context.providers, { warnings: context.warnings, router: context.routing.router });
  context.setProvider(prepared.target.provider.name);
  const claimed = await claimIdempotentCreate(input.headers?.['Idempotency-Key'], input.body, context);
  if (claimed.kind === 'replay') return claimed.result;
  const release = async (): Promise<void> => {
    await claimed.release?.().catch((error: unknown) => context.logger.warn({ requestId: context.requestId, err: error }, 'releasing an Idempotency-Key failed'));
  };
  try {
    if (input.body.background === true) return await queueBackgroundResponse(input.body, prepared, context, claimed.id);
    const managed = await applyContextManagement(input.body, prepared, {
      providers: context.providers,
      router: context.routing.router,
      config: context.state.compaction,
      dispatch: dispatchContextFor(context, prepared.target.upstreamModel, prepared.clientModel),
    });
    return await serveForegroundResponse(input, managed, context, claimed.id, { onDiscarded: release });
  } catch (error) {
    // Nothing was acknowledged: the key must not keep answering "in use" for a create that failed.
    await release();
    throw error;
  }
};
