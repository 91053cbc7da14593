/**
 * The gateway's one model allow-list rule (a virtual key's `allowed_models`), used for admission
 * (403 `model_not_allowed`), routing (a fallback model outside the list is skipped) and
 * `GET /v1/models` (only what the list admits is listed or retrievable). No list admits every model;
 * an empty list admits none. Entries are case-sensitive: an exact public name (an alias, a
 * deployment name, `provider/model`), `*` (everything), or `prefix/*` (every name that starts with
 * `prefix/` and has something after it, e.g. `openai/*`, or `openrouter/meta-llama/*`). No other
 * `*` is a wildcard.
 */
export function isModelAllowed(model: string, allowedModels: readonly string[] | undefined): boolean {
  if (allowedModels === undefined) return true;
  return allowedModels.some((entry) => {
    if (entry === '*' || entry === model) return true;
    if (!entry.endsWith('/*')) return false;
    const prefix = entry.slice(0, -1);
    return prefix.length > 1 && model.length > prefix.length && model.startsWith(prefix);
  });
}
