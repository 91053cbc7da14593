/** The `id` of a stored item, or undefined when it has none. */
export function itemIdOf(item: object): string | undefined {
  const id: unknown = (item as { id?: unknown }).id;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

/** Items are stored with their ids; an item without one is a programming error upstream of the store. */
export function requireItemIds(items: readonly object[], kind: 'input' | 'output'): void {
  items.forEach((item, index) => {
    if (itemIdOf(item) === undefined) throw new TypeError(`The ${kind} item at position ${index} has no id; assign one before storing it.`);
  });
}
