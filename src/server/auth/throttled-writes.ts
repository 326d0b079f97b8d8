/** How long after a thing's write this process writes it again at the earliest. */
export const WRITE_INTERVAL_MS = 60_000;
const FLUSH_EVERY_MS = 1_000;
/** Things whose last write is remembered; past this, those written longest ago are forgotten. */
const REMEMBERED_WRITES = 10_000;

export interface ThrottledWriteEvents {
  /** A batch was written (saved answers that show what it wrote go: cache/response-cache.ts). */
  written?: () => void;
  /** A batch could not be written (the database is away): what it held is dropped. */
  failed?: (error: unknown) => void;
}

/**
 * Writes that may wait and may be dropped, for what every request would otherwise write (a
 * key's last use, an agent's check-in): each thing, by its identity, is written at most once
 * a minute per process, in one batch a second after the first of it. On shutdown, close()
 * writes what is pending before the database closes; what is added after that (a request
 * cut off at the shutdown timeout) is dropped rather than written to a closed database.
 */
export class ThrottledWrites<T extends { at: string }> {
  private pending = new Map<string, T>();
  /** When this process last wrote each thing, oldest first (insertion order). */
  private written = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly write: (batch: ReadonlyMap<string, T>) => Promise<unknown>,
    private readonly events: ThrottledWriteEvents = {},
  ) {}

  add(identity: string, value: T, now: number): void {
    if (this.closed) return;
    const written = this.written.get(identity);
    if (written !== undefined && now - written < WRITE_INTERVAL_MS) return;
    if (this.pending.has(identity)) return;
    this.pending.set(identity, value);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS).unref();
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    for (const [identity, value] of batch) {
      this.written.delete(identity);
      this.written.set(identity, Date.parse(value.at));
    }
    // Oldest writes first: those are the ones past the interval.
    for (const identity of this.written.keys()) {
      if (this.written.size <= REMEMBERED_WRITES) break;
      this.written.delete(identity);
    }
    try {
      await this.write(batch);
    } catch (error) {
      this.events.failed?.(error);
      return;
    }
    this.events.written?.();
  }

  /** Writes what is pending and stops taking more: called before the store closes. */
  close(): Promise<void> {
    this.closed = true;
    return this.flush();
  }
}
