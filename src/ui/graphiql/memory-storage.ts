import type { Storage } from '@graphiql/toolkit';

/**
 * GraphiQL's storage, kept in this page's memory only. Stock GraphiQL writes to
 * localStorage: its tabs and its query history hold the Headers pane (so a Bearer
 * key typed there) even with shouldPersistHeaders off. Here a reload starts afresh
 * (the URL's query and variables aside) and nothing outlives the tab.
 */
export class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>();

  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.#items.set(key, String(value));
  }

  removeItem(key: string): void {
    this.#items.delete(key);
  }

  clear(): void {
    this.#items.clear();
  }

  get length(): number {
    return this.#items.size;
  }
}
