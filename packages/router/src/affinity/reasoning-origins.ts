/** What produced one stored reasoning item: the provider and (when known) the routing deployment. */
export interface ReasoningOrigin {
  /** The configured provider name that served the response the item belongs to. */
  readonly provider: string;
  /** The routing deployment that served it; null when unknown. */
  readonly deployment: string | null;
}

/** Reasoning items' origins keyed by item id (`rs_…`), from the stored conversation chain. */
export type ReasoningOrigins = ReadonlyMap<string, ReasoningOrigin>;

/** The reasoning item's stored origin, when the item has an id the map knows. */
export function originOf(item: unknown, origins: ReasoningOrigins | undefined): ReasoningOrigin | undefined {
  if (origins === undefined || typeof item !== 'object' || item === null) return undefined;
  const id = (item as { id?: unknown }).id;
  return typeof id === 'string' ? origins.get(id) : undefined;
}

/** Whether the value is a Responses `reasoning` item. */
export function isReasoningItem(item: unknown): boolean {
  return typeof item === 'object' && item !== null && (item as { type?: unknown }).type === 'reasoning';
}
