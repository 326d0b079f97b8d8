import type { Store } from '../store/types.js';

const WRITE_INTERVAL_MS = 60_000;
const FLUSH_EVERY_MS = 1_000;
/** Keys whose last write is remembered (see note); past this, those written longest ago are forgotten. */
const REMEMBERED_WRITES = 10_000;

/**
 * Keeps last_used_at without a write per request: a use is recorded only when the
 * stored value is more than a minute old, and recorded uses are written in one
 * batch a second later, each with the source address of the use recorded (what
 * "Whose key is this?" shows as the last address). On shutdown, close() writes what is pending before the
 * database closes; a use noted after that (a request cut off at the shutdown
 * timeout) is dropped rather than written to a closed database.
 */
export class KeyUsage {
  private pending = new Map<string, string>();
  /** The source address of each pending use, when the request had one. */
  private pendingAddresses = new Map<string, string>();
  /**
   * When this process last wrote each key's use: the credential a request sees may be
   * remembered from before that write (writing uses does not make caches forget).
   */
  private written = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly store: Pick<Store, 'touchApiKeys'>,
    private readonly events: {
      /** A batch was written (saved answers that show last_used_at go: cache/response-cache.ts). */
      written?: () => void;
      /** A batch could not be written (the database is away): its uses are dropped. */
      failed?: (error: unknown) => void;
    } = {},
  ) {}

  note(keyId: string, storedLastUsedAt: string | null, now: number, address?: string): void {
    if (this.closed) return;
    if (storedLastUsedAt && now - Date.parse(storedLastUsedAt) < WRITE_INTERVAL_MS) return;
    const written = this.written.get(keyId);
    if (written !== undefined && now - written < WRITE_INTERVAL_MS) return;
    if (this.pending.has(keyId)) return;
    this.pending.set(keyId, new Date(now).toISOString());
    if (address) this.pendingAddresses.set(keyId, address);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS).unref();
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const uses = this.pending;
    const addresses = this.pendingAddresses;
    this.pending = new Map();
    this.pendingAddresses = new Map();
    for (const [keyId, at] of uses) {
      this.written.delete(keyId);
      this.written.set(keyId, Date.parse(at));
    }
    // Oldest writes first (insertion order): those are the ones past the interval.
    for (const keyId of this.written.keys()) {
      if (this.written.size <= REMEMBERED_WRITES) break;
      this.written.delete(keyId);
    }
    try {
      await this.store.touchApiKeys(uses, addresses);
    } catch (error) {
      this.events.failed?.(error);
      return;
    }
    this.events.written?.();
  }

  /** Writes what is pending and stops recording: called before the store closes. */
  close(): Promise<void> {
    this.closed = true;
    return this.flush();
  }
}
