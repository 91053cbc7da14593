import type { HandlerContext } from './handler-context.js';

/** The caller's model allow-list: a virtual key's `allowed_models`, else every model (`undefined`). */
export function allowedModelsOf(context: HandlerContext): readonly string[] | undefined {
  return context.caller.kind === 'key' ? (context.caller.key.allowedModels ?? undefined) : undefined;
}
