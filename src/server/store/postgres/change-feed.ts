import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import pg from 'pg';
import type { ChangeFeed } from '../../cache/change-feed.js';
import { DatabaseUnavailableError } from '../database-unavailable.js';

// The change feed of several Keyplane instances on one PostgreSQL database.
//
// The rule it keeps: a request that starts after a mutation's answer was sent sees the
// write, on every instance, while a request that hits a cache costs no database round
// trip. How:
//
// - change_feed holds one sequence number. changed() (after the write has committed)
//   moves this instance's stamp at once, then bumps the sequence and pg_notify()s the new
//   value in one statement: every instance that LISTENs hears it in commit order.
// - Each instance keeps one connection of its own (not the store's pool, so that a busy
//   pool never delays it) on which it LISTENs, acknowledges and heartbeats. On each
//   notification it moves its local stamp synchronously, then records the sequence it has
//   seen in its change_feed_instance row (seen_seq) and notifies an acknowledgement.
// - changed() resolves once every other instance whose lease is running (heartbeat_at
//   within lease_ms, on the database's clock) has seen_seq at or past the bump, or has
//   lost its lease. It checks on every acknowledgement and every POLL_MS, so that an
//   instance that died is waited for until its lease runs out and no longer.
// - The lease: an instance heartbeats every heartbeatMs. It counts as live for
//   itself while its last renewed heartbeat was *sent* less than leaseMs ago on its own
//   monotonic clock; the database counts it live for leaseMs from when it *ran* that
//   heartbeat, which is later. So an instance stops using its caches no later than the
//   others stop waiting for it (clock rates, not clocks, need to agree).
// - A heartbeat renews the lease only if the instance has seen every change that had
//   been made by its previous heartbeat (due_seq): an instance whose connection is up
//   but hears nothing (a lost notification) loses its lease within heartbeat + lease, so
//   no mutation waits longer than that for it.
// - An instance that is not live (its connection failed, a heartbeat failed or was not
//   renewed, or its lease ran out locally) answers a new stamp at every call, so its
//   caches are not used, until it has reconnected, LISTENed, re-read the sequence and
//   heartbeated again; then it moves its stamp once more, so nothing read before counts.
// - An instance that stops cleanly deletes its row; a dead one's row is ignored once its
//   lease has run out and deleted by the next instance that starts or resyncs.
//
// A write's changed() that cannot reach the database within bound() rejects with
// DatabaseUnavailableError (the write has committed; its answer is a 503, not a success
// that other instances might contradict). The instances' own leases bound how long they
// can go on answering from their caches without hearing the database.

const CHANGE_CHANNEL = 'keyplane_change';
const ACK_CHANNEL = 'keyplane_change_ack';
/** How often a waiting changed() looks again without an acknowledgement: the precision of a dead instance's lease. */
const POLL_MS = 50;
/** Stale rows of instances that died without deleting them are removed when their lease ran out this long ago. */
const DEAD_ROW_MS = 60_000;

export interface PostgresChangeFeedSettings {
  connectionString: string;
  /** How long a heartbeat vouches for this instance (default 3 s): the longest a mutation waits for a dead instance. */
  leaseMs?: number;
  /** How often this instance heartbeats (default 1 s); well below leaseMs. */
  heartbeatMs?: number;
  /** For tests and operators; a random UUID by default. */
  instanceId?: string;
  /** Where connection trouble is reported (the app's logger). */
  log?: { warn(details: object, message: string): void };
}

export const CHANGE_FEED_DEFAULTS = { leaseMs: 3_000, heartbeatMs: 1_000 } as const;

interface Waiter {
  seq: number;
  resolve(): void;
  reject(error: Error): void;
  deadline: number;
}

/** One connection, its queries one after another (pg 8 queues them itself, but deprecates relying on it). */
class Connection {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly client: pg.Client) {}

  query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    const result = this.tail.then(() => this.client.query<R>(text, values));
    this.tail = result.catch(() => undefined);
    return result;
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export class PostgresChangeFeed implements ChangeFeed {
  readonly instanceId: string;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly log: PostgresChangeFeedSettings['log'];

  /** The stamp. Moves on each change heard, each call while not live, and each return to live. */
  private local = 0;
  /** The highest sequence number this instance has heard of. */
  private seen = 0;
  private client: Connection | null = null;
  /** False from a failure until a resync completes. */
  private synced = false;
  /** performance.now() when the last heartbeat that renewed the lease was sent. */
  private renewedSentAt = -Infinity;
  private closed = false;
  private opened = false;
  private resyncing: Promise<void> | null = null;
  private reconnectDelayMs = 50;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;

  private ackInFlight = false;
  private ackAgain = false;

  /** changed() calls that wait for the next bump, and the bump under way. */
  private nextBump: { callers: Waiter[] } | null = null;
  private bumping = false;
  private readonly waiters: Waiter[] = [];
  private checking = false;
  private checkAgain = false;

  private constructor(private readonly settings: PostgresChangeFeedSettings) {
    this.instanceId = settings.instanceId ?? randomUUID();
    this.leaseMs = settings.leaseMs ?? CHANGE_FEED_DEFAULTS.leaseMs;
    this.heartbeatMs = settings.heartbeatMs ?? CHANGE_FEED_DEFAULTS.heartbeatMs;
    this.log = settings.log;
  }

  /** Connects, LISTENs and registers; rejects when the database cannot be reached now. */
  static async open(settings: PostgresChangeFeedSettings): Promise<PostgresChangeFeed> {
    const feed = new PostgresChangeFeed(settings);
    await feed.resync();
    feed.opened = true;
    feed.heartbeatTimer = setInterval(() => void feed.heartbeat(), feed.heartbeatMs);
    feed.heartbeatTimer.unref();
    return feed;
  }

  /** How long changed() waits at most: a live instance that hears nothing loses its lease within heartbeat + lease. */
  bound(): number {
    return 2 * this.heartbeatMs + this.leaseMs + 1_000;
  }

  /** Whether this instance may use its caches: it hears every change and its lease runs. */
  live(): boolean {
    return this.synced && performance.now() - this.renewedSentAt < this.leaseMs;
  }

  stamp(): number {
    if (this.live()) return this.local;
    if (this.synced) {
      // The lease ran out without a renewed heartbeat (a stalled event loop, a slow
      // database): nothing is reused until a resync has heard the sequence again.
      this.synced = false;
      void this.resync();
    }
    return ++this.local;
  }

  changed(): Promise<void> {
    this.local++;
    if (this.closed) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { seq: Number.POSITIVE_INFINITY, resolve, reject, deadline: performance.now() + this.bound() };
      (this.nextBump ??= { callers: [] }).callers.push(waiter);
      void this.bump();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    if (this.pollTimer) clearTimeout(this.pollTimer);
    // Requests have finished by now (the server closes after them): nobody is left to tell.
    for (const waiter of [...this.waiters.splice(0), ...(this.nextBump?.callers ?? [])]) waiter.resolve();
    this.nextBump = null;
    const client = this.client;
    this.client = null;
    this.synced = false;
    if (!client) return;
    try {
      await client.query('DELETE FROM change_feed_instance WHERE id = $1', [this.instanceId]);
    } catch {
      // Its lease runs out instead.
    }
    await client.client.end().catch(() => undefined);
  }

  // ---------------------------------------------------------------- connection

  private async connect(): Promise<Connection> {
    const client = new pg.Client({
      connectionString: this.settings.connectionString,
      application_name: 'keyplane-change-feed',
      keepAlive: true,
      connectionTimeoutMillis: this.leaseMs,
      // A heartbeat that has not answered within the lease has failed anyway.
      query_timeout: this.leaseMs,
    });
    const connection = new Connection(client);
    client.on('error', (error) => this.broken(connection, error));
    client.on('end', () => this.broken(connection, new Error('connection ended')));
    client.on('notification', (message) => this.heard(message.channel, message.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      await client.query(`LISTEN ${ACK_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners('notification');
      await client.end().catch(() => undefined);
      throw error;
    }
    return connection;
  }

  /** The feed's connection failed: not live until a resync. */
  private broken(connection: Connection, error: unknown): void {
    if (this.client !== connection) return;
    this.client = null;
    this.synced = false;
    connection.client.removeAllListeners('notification');
    connection.client.end().catch(() => undefined);
    if (this.closed) return;
    this.log?.warn({ err: error, instance: this.instanceId }, 'change feed: lost its database connection; caches off until it is back');
    void this.resync();
  }

  /**
   * (Re)connects if needed, reads the sequence, registers this instance's row (seen =
   * the sequence, a fresh lease), and only then moves the stamp and counts as live.
   * Retried with backoff until it succeeds or the feed closes.
   */
  private resync(): Promise<void> {
    return (this.resyncing ??= (async () => {
      try {
        for (;;) {
          try {
            await this.resyncOnce();
            this.reconnectDelayMs = 50;
            return;
          } catch (error) {
            if (this.closed) return;
            const client = this.client;
            if (client) this.broken(client, error);
            if (!this.opened) throw error; // open(): the caller hears why
            this.rejectOverdue();
            await pause(this.reconnectDelayMs);
            this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, 1_000);
          }
        }
      } finally {
        this.resyncing = null;
      }
    })());
  }

  private async resyncOnce(): Promise<void> {
    this.synced = false;
    this.client ??= await this.connect();
    const client = this.client;
    const sentAt = performance.now();
    const { rows } = await client.query<{ seq: string }>(
      `INSERT INTO change_feed_instance (id, seen_seq, due_seq, heartbeat_at, lease_ms, host, started_at)
       SELECT $1, seq, seq, now(), $2, $3, now() FROM change_feed WHERE id = 1
       ON CONFLICT (id) DO UPDATE SET seen_seq = excluded.seen_seq, due_seq = excluded.due_seq, heartbeat_at = now(), lease_ms = excluded.lease_ms
       RETURNING seen_seq AS seq`,
      [this.instanceId, this.leaseMs, `${hostname()}:${process.pid}`],
    );
    if (rows.length === 0) throw new Error('change_feed has no row: are the PostgreSQL migrations applied?');
    await client.query(`DELETE FROM change_feed_instance WHERE heartbeat_at < now() - (lease_ms + ${DEAD_ROW_MS}) * interval '1 millisecond'`);
    if (this.client !== client || this.closed) throw new Error('connection lost while resyncing');
    this.seen = Math.max(this.seen, Number(rows[0].seq));
    this.renewedSentAt = sentAt;
    // Whatever was read before this point was read while this instance might have missed a change.
    this.local++;
    this.synced = true;
    // Mutations waiting here: the bump and the check may go ahead now.
    void this.bump();
    this.check();
  }

  private async heartbeat(): Promise<void> {
    const client = this.client;
    if (!client || !this.synced || this.closed) return;
    const sentAt = performance.now();
    try {
      // Renewed only if this instance has seen every change made by its previous heartbeat.
      const { rows } = await client.query<{ renewed: boolean }>(
        `UPDATE change_feed_instance SET
           seen_seq = greatest(seen_seq, $2),
           heartbeat_at = CASE WHEN greatest(seen_seq, $2) >= due_seq THEN now() ELSE heartbeat_at END,
           due_seq = (SELECT seq FROM change_feed WHERE id = 1)
         WHERE id = $1
         RETURNING heartbeat_at = now() AS renewed`,
        [this.instanceId, this.seen],
      );
      if (rows[0]?.renewed) {
        if (this.client === client && this.synced) this.renewedSentAt = sentAt;
        return;
      }
      // No row (deleted by someone) or not renewed (a change not heard): start again.
      this.log?.warn({ instance: this.instanceId }, 'change feed: a change was not heard in time; resyncing');
      this.broken(client, new Error('heartbeat not renewed'));
    } catch (error) {
      this.broken(client, error);
    }
  }

  // ---------------------------------------------------------------- hearing and acknowledging

  private heard(channel: string, payload: string | undefined): void {
    if (channel === ACK_CHANNEL) {
      this.check();
      return;
    }
    if (channel !== CHANGE_CHANNEL) return;
    const seq = Number(payload);
    // Synchronously: a request that starts from here on reads afresh.
    this.local++;
    if (Number.isFinite(seq) && seq > this.seen) this.seen = seq;
    void this.acknowledge();
  }

  /** Records what this instance has seen; coalesced, so a burst of changes costs one statement or two. */
  private async acknowledge(): Promise<void> {
    if (this.ackInFlight) {
      this.ackAgain = true;
      return;
    }
    const client = this.client;
    if (!client) return;
    this.ackInFlight = true;
    try {
      do {
        this.ackAgain = false;
        await client.query(
          `WITH acked AS (UPDATE change_feed_instance SET seen_seq = greatest(seen_seq, $2) WHERE id = $1 RETURNING seen_seq)
           SELECT pg_notify('${ACK_CHANNEL}', seen_seq::text) FROM acked`,
          [this.instanceId, this.seen],
        );
      } while (this.ackAgain && this.client === client);
    } catch (error) {
      this.broken(client, error);
    } finally {
      this.ackInFlight = false;
    }
  }

  // ---------------------------------------------------------------- changed()

  /** Bumps the sequence once for every changed() call made before it was sent (group commit). */
  private async bump(): Promise<void> {
    if (this.bumping || !this.nextBump) return;
    const client = this.client;
    if (!client || !this.synced) {
      this.rejectOverdue();
      this.schedulePoll();
      return;
    }
    this.bumping = true;
    const { callers } = this.nextBump;
    this.nextBump = null;
    try {
      const { rows } = await client.query<{ seq: string }>(
        `WITH bumped AS (UPDATE change_feed SET seq = seq + 1 WHERE id = 1 RETURNING seq)
         SELECT seq, pg_notify('${CHANGE_CHANNEL}', seq::text) FROM bumped`,
      );
      const seq = Number(rows[0]?.seq);
      for (const caller of callers) caller.seq = seq;
      this.waiters.push(...callers);
    } catch (error) {
      // Not bumped: they wait for the next bump, after the resync.
      const later = this.nextBump as { callers: Waiter[] } | null;
      this.nextBump = { callers: [...callers, ...(later?.callers ?? [])] };
      this.broken(client, error);
    } finally {
      this.bumping = false;
    }
    if (this.nextBump) void this.bump();
    this.check();
  }

  /** Resolves the waiters that every other live instance has acknowledged. */
  private check(): void {
    if (this.waiters.length === 0) return;
    if (this.checking) {
      this.checkAgain = true;
      return;
    }
    const client = this.client;
    if (!client || !this.synced) {
      this.rejectOverdue();
      this.schedulePoll();
      return;
    }
    this.checking = true;
    this.checkAgain = false;
    client
      .query<{ low: string | null }>(
        `SELECT min(seen_seq) AS low FROM change_feed_instance
         WHERE id <> $1 AND heartbeat_at > now() - lease_ms * interval '1 millisecond'`,
        [this.instanceId],
      )
      .then(
        ({ rows }) => {
          const low = rows[0]?.low === null || rows[0]?.low === undefined ? Number.POSITIVE_INFINITY : Number(rows[0].low);
          for (let i = this.waiters.length - 1; i >= 0; i--) {
            if (this.waiters[i].seq <= low) this.waiters.splice(i, 1)[0].resolve();
          }
        },
        (error: unknown) => this.broken(client, error),
      )
      .finally(() => {
        this.checking = false;
        this.rejectOverdue();
        if (this.checkAgain) this.check();
        else this.schedulePoll();
      });
  }

  /** While someone waits, look again every POLL_MS: a dead instance sends no acknowledgement. */
  private schedulePoll(): void {
    if (this.pollTimer || this.closed || (this.waiters.length === 0 && !this.nextBump)) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      void this.bump();
      this.check();
      this.schedulePoll();
    }, POLL_MS);
    this.pollTimer.unref();
  }

  private rejectOverdue(): void {
    const now = performance.now();
    const overdue = (waiter: Waiter) => waiter.deadline <= now;
    const refuse = (waiter: Waiter) =>
      waiter.reject(new DatabaseUnavailableError('PostgreSQL is unavailable: the other instances could not be told of a change in time.'));
    for (let i = this.waiters.length - 1; i >= 0; i--) if (overdue(this.waiters[i])) refuse(this.waiters.splice(i, 1)[0]);
    if (this.nextBump) {
      const late = this.nextBump.callers.filter(overdue);
      if (late.length > 0) {
        this.nextBump.callers = this.nextBump.callers.filter((waiter) => !overdue(waiter));
        late.forEach(refuse);
        if (this.nextBump.callers.length === 0) this.nextBump = null;
      }
    }
  }
}
