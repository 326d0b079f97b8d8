import { createHash } from 'node:crypto';
import type { Queryable } from '../store/sql/driver.js';
import type { AttemptLimiter, LimiterFactory, LimiterScope, Reservation } from './failure-limiter.js';

// Failed-attempt limits that several instances on one PostgreSQL database share, so that
// a guesser who spreads attempts over them is stopped after as many failures as against
// one. The count of each key's window is a row of auth_failure (PostgreSQL migration 2):
//
// - A reservation is one statement: INSERT … ON CONFLICT DO UPDATE SET count = count + 1,
//   conditional on the count being under the limit (or the window over), RETURNING the
//   count. It is atomic, so however a burst is spread over instances, at most `limit`
//   attempts per key are being checked or have failed within a window. A release takes
//   the attempt back with a decrement; a failure leaves it counted. This instance's next
//   statement for the key waits for its releases to land, so that an attempt given back
//   is not still counted against the next one.
// - "Is this key over its limit?" (retryAfter) is answered from memory, from what this
//   instance learned at its own reservations: a request with a valid key this instance
//   remembers costs no database access. A key locked by another instance is learned at
//   this instance's next reservation for it, which the database refuses.
// - A failure found without any database access (a bad checksum, a key this instance
//   remembers as revoked or expired) is counted in this instance's memory only: it could
//   not have succeeded on any instance, and counting it in the database would give junk
//   a database write per request. It still counts against the key's limit here.
// - Windows are measured on the clock of the instance that counts (its Date.now(), bound as
//   a parameter, as the in-memory limiter does): the instances' clocks agree to far less
//   than a window. The keys are stored as SHA-256 digests (the addresses and emails they
//   are stay out of the table).

interface Known {
  /** The database's count at this instance's last statement for the key, less its own releases since. */
  shared: number;
  /** Releases this instance has made in the key's entry: those made after a statement started are not in its count. */
  released: number;
  /** Failures this instance counted without the database (see above). */
  own: number;
  /** When the window ends, on this instance's clock. */
  resetAt: number;
}

/** Expired rows go every so many reservations, rather than on a timer that would need stopping. */
const CLEANUP_EVERY = 1_000;

const digest = (key: string) => createHash('sha256').update(key).digest('hex');

/** A time on the instance's clock (ms since the epoch, bound as a parameter) as a timestamptz. */
const AT = 'to_timestamp(CAST(? AS double precision) / 1000)';
const ENDS_MS = 'CAST(round(extract(epoch FROM window_end) * 1000) AS double precision)';

// Parameters: scope, key hash, the new window's end, now (three times), the limit.
const RESERVE = `
  INSERT INTO auth_failure (scope, key_hash, window_end, count)
  VALUES (?, ?, ${AT}, 1)
  ON CONFLICT (scope, key_hash) DO UPDATE SET
    count = CASE WHEN auth_failure.window_end <= ${AT} THEN 1 ELSE auth_failure.count + 1 END,
    window_end = CASE WHEN auth_failure.window_end <= ${AT} THEN excluded.window_end ELSE auth_failure.window_end END
  WHERE auth_failure.window_end <= ${AT} OR auth_failure.count < CAST(? AS integer)
  RETURNING count, window_end::text AS window_end, ${ENDS_MS} AS ends_ms`;

const REFUSED = `SELECT count, ${ENDS_MS} AS ends_ms FROM auth_failure WHERE scope = ? AND key_hash = ? AND window_end > ${AT}`;

const RELEASE = `UPDATE auth_failure SET count = count - 1 WHERE scope = ? AND key_hash = ? AND window_end = CAST(? AS timestamptz) AND count > 0`;

const CLEANUP = `DELETE FROM auth_failure WHERE window_end < ${AT} - interval '1 minute'`;

export class SharedFailureLimiter implements AttemptLimiter {
  private readonly known = new Map<string, Known>();
  /** Releases on their way to the database, by key digest: the key's next statement waits for them. */
  private readonly releasing = new Map<string, Promise<unknown>>();
  private reservations = 0;

  constructor(
    private readonly db: Queryable,
    private readonly scope: LimiterScope,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys: number,
  ) {}

  retryAfter(key: string, now = Date.now()): number {
    const entry = this.current(key, now);
    return entry && entry.shared + entry.own >= this.limit ? Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) : 0;
  }

  fail(key: string, now = Date.now()): void {
    (this.current(key, now) ?? this.remember(key, { shared: 0, released: 0, own: 0, resetAt: now + this.windowMs })).own++;
  }

  reserve(key: string, now = Date.now()): null | Promise<Reservation | null> {
    if (this.retryAfter(key, now) > 0) return null;
    const own = this.current(key, now)?.own ?? 0;
    const hash = digest(key);
    if (++this.reservations % CLEANUP_EVERY === 0) void this.db.run(CLEANUP, [now]).catch(() => undefined);
    return this.afterReleases(hash, async () => {
      const started = this.current(key, now) ?? this.remember(key, { shared: 0, released: 0, own: 0, resetAt: now + this.windowMs });
      const releasedBefore = started.released;
      /** Releases made since the statement started are not in its count. */
      const count = (value: number) => value - (this.known.get(key) === started ? started.released - releasedBefore : 0);
      const row = await this.db.get<{ count: number; window_end: string; ends_ms: number }>(RESERVE, [
        this.scope,
        hash,
        now + this.windowMs,
        now,
        now,
        now,
        this.limit - own,
      ]);
      if (!row) {
        // Another instance's attempts (or this one's) have reached the limit: learn the window's end.
        const refused = await this.db.get<{ count: number; ends_ms: number }>(REFUSED, [this.scope, hash, now]);
        if (refused) this.learn(key, count(refused.count), refused.ends_ms);
        return null;
      }
      const entry = this.learn(key, count(row.count), row.ends_ms);
      return this.reservation(key, hash, entry, row.count, row.window_end);
    });
  }

  /** Runs `statement` once this instance's releases for the key have reached the database. */
  private afterReleases<T>(hash: string, statement: () => Promise<T>): Promise<T> {
    const pending = this.releasing.get(hash);
    return pending ? pending.then(statement) : statement();
  }

  private reservation(key: string, hash: string, entry: Known, count: number, windowEnd: string): Reservation {
    let settled = false;
    return {
      failed: () => {
        if (settled) return false;
        settled = true;
        return count + entry.own >= this.limit;
      },
      release: () => {
        if (settled) return;
        settled = true;
        if (this.known.get(key) === entry) {
          entry.released++;
          if (entry.shared > 0) entry.shared--;
        }
        // A release that does not reach the database leaves the attempt counted until the window ends: the safe side.
        const landed = this.afterReleases(hash, () => this.db.run(RELEASE, [this.scope, hash, windowEnd])).catch(() => undefined);
        this.releasing.set(hash, landed);
        void landed.then(() => {
          if (this.releasing.get(hash) === landed) this.releasing.delete(hash);
        });
      },
    };
  }

  /** Records the database's count for the key; a newer window than the one known starts the own count again. */
  private learn(key: string, count: number, resetAt: number): Known {
    const entry = this.known.get(key);
    if (!entry) return this.remember(key, { shared: Math.max(0, count), released: 0, own: 0, resetAt });
    if (resetAt > entry.resetAt + 1_000) entry.own = 0;
    entry.shared = Math.max(0, count);
    entry.resetAt = resetAt;
    return entry;
  }

  private current(key: string, now: number): Known | undefined {
    const entry = this.known.get(key);
    if (entry && now >= entry.resetAt) {
      this.known.delete(key);
      return undefined;
    }
    return entry;
  }

  /**
   * At most maxKeys keys are known. Forgetting one costs little: the next reservation for
   * it asks the database again (the count is there); only failures counted in memory
   * alone are lost, and they could not have succeeded.
   */
  private remember(key: string, entry: Known): Known {
    if (this.known.size >= this.maxKeys) {
      const now = Date.now();
      for (const [known, value] of this.known) if (value.resetAt <= now) this.known.delete(known);
      const target = this.maxKeys - Math.max(1, Math.floor(this.maxKeys / 10));
      for (const known of this.known.keys()) {
        if (this.known.size <= target) break;
        this.known.delete(known);
      }
    }
    this.known.set(key, entry);
    return entry;
  }
}

/** Limiters whose counts live in the PostgreSQL database that the instances share. */
export const sharedLimiters =
  (db: Queryable, maxKeys: number): LimiterFactory =>
  (scope, limit, windowMs) =>
    new SharedFailureLimiter(db, scope, limit, windowMs, maxKeys);
