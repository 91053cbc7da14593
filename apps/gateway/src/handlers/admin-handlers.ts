import { AdminForbiddenError, createAdminHandlers, type AdminOperationId, type Caller } from '@switchyard/accounting';
import type { OperationHandlers } from '@switchyard/contract';
import type { HandlerContext } from './handler-context.js';

type AdminHandlers = Pick<OperationHandlers<HandlerContext>, AdminOperationId>;

/** Only the master key and virtual keys are callers the admin API knows; anyone else is refused (403). */
function callerOf(context: HandlerContext): Caller {
  const caller = context.caller;
  if (caller.kind === 'master') return { kind: 'master' };
  if (caller.kind === 'key') return { kind: 'key', key: caller.key };
  throw new AdminForbiddenError();
}

function adminFor(context: HandlerContext): AdminHandlers {
  const accounting = context.accounting();
  return createAdminHandlers<HandlerContext>({ keys: accounting.keyAdmin, usage: accounting.usageAdmin, callerOf });
}

/** `/v1/admin/*`: the accounting package's admin API, master key only. */
export const adminHandlers: AdminHandlers = {
  createAdminKey: (input, context) => adminFor(context).createAdminKey(input, context),
  listAdminKeys: (input, context) => adminFor(context).listAdminKeys(input, context),
  getAdminKey: (input, context) => adminFor(context).getAdminKey(input, context),
  updateAdminKey: (input, context) => adminFor(context).updateAdminKey(input, context),
  revokeAdminKey: (input, context) => adminFor(context).revokeAdminKey(input, context),
  getAdminUsage: (input, context) => adminFor(context).getAdminUsage(input, context),
};
