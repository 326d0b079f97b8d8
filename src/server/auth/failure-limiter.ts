interface Entry {
  /** Failures settled in the current window. */
  failures: number;
  /** Attempts reserved and not settled yet: they count against the limit too. */
  inFlight: number;
  resetAt: number;
}

/** An attempt counted before it is checked. */
export interface Reservation {
  /** The attempt failed: it counts until its window ends. Returns whether the key's failures have reached the limit. */
  failed(): boolean;
  /** The attempt succeeded, or was never made: it no longer counts. */
  release(): void;
}

/**
 * Failed attempts per key in a window: FailureLimiter (below) in one process's memory,
 * or SharedFailureLimiter (shared-failure-limiter.ts) in a database that several
 * instances share. retryAfter is answered from memory either way.
 */
export interface AttemptLimiter {
  /** Seconds until the key may try again, or 0 when it is under the limit (as far as this instance knows). */
  retryAfter(key: string, now?: number): number;
  /** Counts a failure that was checked without waiting since retryAfter said 0. */
  fail(key: string, now?: number): void;
  /** Counts an attempt before it is checked; null when the key has no attempt left. A shared limiter answers once the database has counted it. */
  reserve(key: string, now?: number): Reservation | null | Promise<Reservation | null>;
}

/**
 * What a limiter counts: a source address (keys and sign-ins), an account (sign-ins), a
 * device cookie (sign-ins), a caller looking keys up (lookup-guard.ts).
 */
export type LimiterScope = 'address' | 'account' | 'device' | 'lookup';

/** Makes the limiters of a server: in memory on SQLite, in the database that several instances share on PostgreSQL. */
export type LimiterFactory = (scope: LimiterScope, limit: number, windowMs: number) => AttemptLimiter;

/** Limiters in this process's memory, each holding at most maxKeys keys. */
export const memoryLimiters =
  (maxKeys: number): LimiterFactory =>
  (_scope, limit, windowMs) =>
    new FailureLimiter(limit, windowMs, maxKeys);

/**
 * Counts failed attempts per key (a source address, an account, a device cookie) in
 * a fixed window and says when a key is over its limit. In memory: one server process.
 *
 * An attempt whose check waits (a password hash, a store lookup) is reserved before
 * the check starts, so that however many arrive at once, at most `limit` per key are
 * being checked or have failed within the window.
 *
 * At most `maxKeys` keys are held. Making room for a new key drops, in this order:
 *  1. expired windows, and windows with no failures (they mean nothing);
 *  2. the oldest windows below the limit with nothing being checked: their partial
 *     count is lost, but clearing a given key this way takes `maxKeys` fresh failures,
 *     each limited per address, to win back fewer than `limit` guesses;
 *  3. only when every window held is a lock, the oldest lock. Reaching this takes
 *     `maxKeys` locked keys within one window: for accounts, `limit` x `maxKeys`
 *     failed password checks inside 15 minutes (100,000 at the defaults; Node hashes
 *     on four threads, and managed 16 a second on the 2-core machine measured), to
 *     win `limit` more guesses at one account; for addresses, `maxKeys` addresses,
 *     and an attacker who has that many gains nothing by clearing one. Refusing new
 *     keys instead would let that attacker lock every other client out.
 * A window with an attempt being checked is never dropped, so reservations keep
 * counting. Room is made a tenth of `maxKeys` at a time, so that a flood of new keys
 * costs one pass over the map per `maxKeys / 10` of them rather than one per key.
 */
export class FailureLimiter implements AttemptLimiter {
  // Every window lasts windowMs and its entry is (re)inserted when the window starts,
  // so the map's order is the order in which windows end: expired ones come first.
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Seconds until the key may try again, or 0 when it is under the limit. */
  retryAfter(key: string, now = Date.now()): number {
    const entry = this.current(key, now);
    return entry && entry.failures + entry.inFlight >= this.limit ? Math.ceil((entry.resetAt - now) / 1000) : 0;
  }

  /** Counts a failure that was checked without waiting since retryAfter said 0. */
  fail(key: string, now = Date.now()): void {
    (this.current(key, now) ?? this.open(key, now)).failures++;
  }

  /** Counts an attempt before it is checked; null when the key has no attempt left (see retryAfter). */
  reserve(key: string, now = Date.now()): Reservation | null {
    const entry = this.current(key, now) ?? this.open(key, now);
    if (entry.failures + entry.inFlight >= this.limit) return null;
    entry.inFlight++;
    // An entry with attempts in flight is never dropped, so it is still the key's entry when they settle.
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      entry.inFlight--;
      const at = Date.now();
      if (at >= entry.resetAt) this.restart(key, entry, at);
      return true;
    };
    return {
      failed: () => {
        if (!settle()) return false;
        entry.failures++;
        return entry.failures >= this.limit;
      },
      // The entry stays until its window ends, even when nothing counts in it any more:
      // V8's Map costs time proportional to its size when one key is set and deleted
      // over and over (about 30 µs per pair at 10,000 keys).
      release: () => {
        settle();
      },
    };
  }

  /** The key's entry, its window restarted if it has ended; undefined when nothing counts for it. */
  private current(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry || now < entry.resetAt) return entry;
    if (entry.inFlight === 0) {
      this.entries.delete(key);
      return undefined;
    }
    this.restart(key, entry, now);
    return entry;
  }

  private restart(key: string, entry: Entry, now: number): void {
    entry.failures = 0;
    entry.resetAt = now + this.windowMs;
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private open(key: string, now: number): Entry {
    if (this.entries.size >= this.maxKeys) this.makeRoom(now);
    const entry = { failures: 0, inFlight: 0, resetAt: now + this.windowMs };
    this.entries.set(key, entry);
    return entry;
  }

  private makeRoom(now: number): void {
    const target = this.maxKeys - Math.max(1, Math.floor(this.maxKeys / 10));
    const drop = (keep: (entry: Entry) => boolean) => {
      for (const [key, entry] of this.entries) {
        if (this.entries.size <= target) return;
        if (entry.inFlight === 0 && !keep(entry)) this.entries.delete(key);
      }
    };
    for (const [key, entry] of this.entries) {
      if (now < entry.resetAt) break;
      if (entry.inFlight === 0) this.entries.delete(key);
    }
    drop((entry) => entry.failures > 0);
    drop((entry) => entry.failures >= this.limit);
    drop(() => false);
  }
}
