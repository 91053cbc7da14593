/** A set of listeners per channel name, shared by the in-process and Redis implementations. */
export class LocalChannels<Message> {
  readonly #listeners = new Map<string, Set<(message: Message) => void>>();

  /** Adds a listener; true when it is the channel's first. */
  add(channel: string, listener: (message: Message) => void): boolean {
    const existing = this.#listeners.get(channel);
    if (existing !== undefined) {
      existing.add(listener);
      return false;
    }
    this.#listeners.set(channel, new Set([listener]));
    return true;
  }

  /** Removes a listener; true when the channel has none left. */
  remove(channel: string, listener: (message: Message) => void): boolean {
    const existing = this.#listeners.get(channel);
    if (existing === undefined || !existing.delete(listener)) return false;
    if (existing.size > 0) return false;
    this.#listeners.delete(channel);
    return true;
  }

  /** Calls every listener of the channel; a throwing listener does not stop the others. */
  deliver(channel: string, message: Message): void {
    for (const listener of [...(this.#listeners.get(channel) ?? [])]) {
      try {
        listener(message);
      } catch {
        // A listener's failure is its own; delivery to the rest goes on.
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}
