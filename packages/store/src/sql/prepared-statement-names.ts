/**
 * Names for server-side prepared statements, one per distinct SQL text, so a statement is parsed
 * and analysed once per session instead of once per call. Bounded: past `capacity` distinct
 * texts, new ones run unnamed. `forgetAll` starts a new generation of names (after DDL or a
 * `search_path` change), so no statement prepared against an older schema is reused.
 */
export class PreparedStatementNames {
  readonly #capacity: number;
  readonly #prepared = new Map<string, string>();
  #generation = 0;
  #counter = 0;

  constructor(capacity = 256) {
    this.#capacity = capacity;
  }

  /** The name of `text` if it is prepared already; undefined when it must be parsed. */
  preparedName(text: string): string | undefined {
    return this.#prepared.get(text);
  }

  /** A fresh name for `text`, or undefined when the cache is full (run it unnamed). */
  nameFor(text: string): string | undefined {
    if (this.#prepared.size >= this.#capacity) return undefined;
    this.#counter += 1;
    return `switchyard_${this.#generation}_${this.#counter}`;
  }

  /** Records that the server now holds `name` for `text`. */
  remember(text: string, name: string): void {
    this.#prepared.set(text, name);
  }

  forgetAll(): void {
    this.#prepared.clear();
    this.#generation += 1;
    this.#counter = 0;
  }

  get size(): number {
    return this.#prepared.size;
  }
}
