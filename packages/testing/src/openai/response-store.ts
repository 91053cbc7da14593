/** A response the fake created, kept so GET / DELETE / cancel / input_items work. */
export interface StoredResponse {
  response: Record<string, unknown>;
  events: Record<string, unknown>[];
  inputItems: Record<string, unknown>[];
  background: boolean;
}

/** In-memory store of created responses, keyed by id. */
export class ResponseStore {
  readonly #responses = new Map<string, StoredResponse>();

  save(stored: StoredResponse): void {
    this.#responses.set(String(stored.response.id), stored);
  }

  get(id: string): StoredResponse | undefined {
    return this.#responses.get(id);
  }

  delete(id: string): boolean {
    return this.#responses.delete(id);
  }

  get size(): number {
    return this.#responses.size;
  }
}
