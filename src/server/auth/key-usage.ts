import type { Store } from '../store/types.js';

const WRITE_INTERVAL_MS = 60_000;
const FLUSH_EVERY_MS = 1_000;

/**
 * Keeps last_used_at without a write per request: a use is recorded only when the
 * stored value is more than a minute old, and recorded uses are written in one
 * batch a second later. On shutdown, close() writes what is pending before the
 * database closes; a use noted after that (a request cut off at the shutdown
 * timeout) is dropped rather than written to a closed database.
 */
export class KeyUsage {
  private pending = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly store: Store) {}

  note(keyId: string, storedLastUsedAt: string | null, now: number): void {
    if (this.closed) return;
    if (storedLastUsedAt && now - Date.parse(storedLastUsedAt) < WRITE_INTERVAL_MS) return;
    if (this.pending.has(keyId)) return;
    this.pending.set(keyId, new Date(now).toISOString());
    this.timer ??= setTimeout(() => this.flush(), FLUSH_EVERY_MS).unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const uses = this.pending;
    this.pending = new Map();
    this.store.touchApiKeys(uses);
  }

  /** Writes what is pending and stops recording: called before the store closes. */
  close(): void {
    this.closed = true;
    this.flush();
  }
}
