import type { RequestCaller } from '../auth/resolve-request-caller.js';

/**
 * The caller's model allow-list: a virtual key's `allowed_models`, else every model (`undefined`).
 * Read with `isModelAllowed` of `@switchyard/router` (exact names, `*`, `provider/*`).
 */
export function allowedModelsOf(caller: RequestCaller): readonly string[] | undefined {
  return caller.kind === 'key' ? (caller.key.allowedModels ?? undefined) : undefined;
}
