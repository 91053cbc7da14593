/**
 * Whether a key's model allow-list admits `model`. No list admits everything; entries are exact
 * names, `*`, or `provider/*` (every model of that provider).
 */
export function isModelAllowed(model: string, allowedModels: readonly string[] | undefined): boolean {
  if (allowedModels === undefined) return true;
  return allowedModels.some((entry) => {
    if (entry === '*' || entry === model) return true;
    return entry.endsWith('/*') && model.startsWith(entry.slice(0, -1));
  });
}
