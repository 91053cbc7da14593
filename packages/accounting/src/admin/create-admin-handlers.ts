import type { OperationHandlers } from '@switchyard/contract';
import type { Caller } from '../keys/caller.js';
import type { KeyAdmin } from './key-admin.js';
import type { UsageAdmin } from './usage-admin.js';

export const adminOperationIds = ['createAdminKey', 'listAdminKeys', 'getAdminKey', 'updateAdminKey', 'revokeAdminKey', 'getAdminUsage'] as const;
export type AdminOperationId = (typeof adminOperationIds)[number];

export interface AdminHandlerOptions<TContext> {
  readonly keys: KeyAdmin;
  readonly usage: UsageAdmin;
  /** The authenticated caller of this request (the gateway resolved it with `resolveCaller`). */
  readonly callerOf: (context: TContext) => Caller | Promise<Caller>;
}

/**
 * The six admin operations of the contract, ready to spread into the gateway's handler map:
 * `{ ...createAdminHandlers({ keys, usage, callerOf: (context) => context.caller }), … }`.
 * Each checks the master key before reading the body, so a virtual key gets 403 whatever it sends.
 */
export function createAdminHandlers<TContext>(options: AdminHandlerOptions<TContext>): Pick<OperationHandlers<TContext>, AdminOperationId> {
  const { keys, usage, callerOf } = options;
  return {
    createAdminKey: async (input, context) => keys.createKey(await callerOf(context), input.body),
    listAdminKeys: async (input, context) =>
      keys.listKeys(await callerOf(context), input.query?.tenant === undefined ? {} : { tenant: input.query.tenant }),
    getAdminKey: async (input, context) => keys.getKey(await callerOf(context), input.path.key_id),
    updateAdminKey: async (input, context) => keys.updateKey(await callerOf(context), input.path.key_id, input.body),
    revokeAdminKey: async (input, context) => keys.revokeKey(await callerOf(context), input.path.key_id),
    getAdminUsage: async (input, context) => usage.getUsage(await callerOf(context), input.query ?? {}),
  };
}
