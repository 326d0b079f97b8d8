import pg from 'pg';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { PostgresChangeFeed, type PostgresChangeFeedSettings } from '../../src/server/store/postgres/change-feed.js';
import { PostgresDriver } from '../../src/server/store/postgres/driver.js';
import { migratePostgres } from '../../src/server/store/postgres/migrations.js';
import { describePostgres, freshDatabaseUrl, postgres } from '../support/postgres.js';

// Two feeds in one process on one database stand for two instances.

let url = '';
let admin: pg.Client;
const feeds: PostgresChangeFeed[] = [];

const open = async (settings: Partial<PostgresChangeFeedSettings> = {}) => {
  const feed = await PostgresChangeFeed.open({ connectionString: url, ...settings });
  feeds.push(feed);
  return feed;
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (up to 15 s) until condition() holds. */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    if (await condition()) return;
    await pause(10);
  }
  throw new Error(`timed out waiting until ${what}`);
}

/** Whether a promise has settled, after the event loop has had a turn. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await pause(0);
  return done;
}

const instanceRows = async () =>
  (await admin.query<{ id: string; seen_seq: string }>('SELECT id, seen_seq FROM change_feed_instance ORDER BY id')).rows.map((row) => row.id);

describePostgres('PostgresChangeFeed', () => {
  beforeAll(async () => {
    url = await freshDatabaseUrl();
    const driver = new PostgresDriver({ connectionString: url, maxConnections: 1 });
    await migratePostgres(driver);
    await driver.close();
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });

  afterEach(async () => {
    await Promise.all(feeds.splice(0).map((feed) => feed.close()));
    await admin.query('DELETE FROM change_feed_instance');
  });

  afterAll(async () => {
    await admin?.end();
  });

  it('keeps its stamp while nothing changes, and moves it at once on its own change', async () => {
    const a = await open();
    const before = a.stamp();
    expect(a.stamp()).toBe(before);
    const change = a.changed();
    expect(a.stamp()).not.toBe(before);
    await change;
  });

  it("moves another instance's stamp before changed() resolves", async () => {
    const a = await open();
    const b = await open();
    for (let i = 0; i < 20; i++) {
      const before = b.stamp();
      await a.changed();
      expect(b.stamp()).not.toBe(before);
      expect(b.stamp()).toBe(b.stamp());
    }
  });

  it('waits for a live instance that has not acknowledged, and goes on once it has', async () => {
    const a = await open();
    // An instance with a long lease that hears nothing: a row alone, as a stalled process leaves it.
    await admin.query(
      "INSERT INTO change_feed_instance (id, seen_seq, due_seq, heartbeat_at, lease_ms, host, started_at) VALUES ('stalled', 0, 0, now(), 60000, 'test', now())",
    );
    const change = a.changed();
    await pause(300);
    expect(await settled(change)).toBe(false);
    await admin.query("UPDATE change_feed_instance SET seen_seq = (SELECT seq FROM change_feed) WHERE id = 'stalled'");
    await admin.query("SELECT pg_notify('keyplane_change_ack', '')");
    await change;
  });

  it('stops waiting for an instance whose lease has run out', async () => {
    const a = await open();
    await admin.query(
      "INSERT INTO change_feed_instance (id, seen_seq, due_seq, heartbeat_at, lease_ms, host, started_at) VALUES ('dead', 0, 0, now(), 400, 'test', now())",
    );
    await a.changed();
    // The row is still there, seen_seq behind: it was its lease, not an acknowledgement, that ended the wait.
    const { rows } = await admin.query<{ seen_seq: string }>("SELECT seen_seq FROM change_feed_instance WHERE id = 'dead'");
    expect(rows[0]?.seen_seq).toBe('0');
  });

  it('answers a new stamp at every call while its connection is lost, and recovers by itself', async () => {
    const a = await open();
    const b = await open({ leaseMs: 1_000, heartbeatMs: 200 });
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'keyplane-change-feed' AND pid <> pg_backend_pid()");
    // Until the feeds have heard that their connections were cut, and reconnected.
    await until(() => b.stamp() === b.stamp() && a.stamp() === a.stamp(), 'both feeds are live again');
    expect(b.live()).toBe(true);
    const before = b.stamp();
    await a.changed();
    expect(b.stamp()).not.toBe(before);
    expect((await instanceRows()).sort()).toEqual([a.instanceId, b.instanceId].sort());
  });

  it('uses no cache once its lease has run out without a heartbeat, until it has heartbeated again', async () => {
    // Heartbeats far apart: the lease runs out between them.
    const b = await open({ leaseMs: 300, heartbeatMs: 60_000 });
    expect(b.stamp()).toBe(b.stamp());
    await pause(400);
    const first = b.stamp();
    expect(b.stamp()).not.toBe(first);
    // The resync that call started renews the lease.
    await until(() => b.live(), 'the feed has resynced');
    expect(b.stamp()).toBe(b.stamp());
  });

  it('resyncs when it misses a notification, though its connection is up', async () => {
    const b = await open({ leaseMs: 1_000, heartbeatMs: 100 });
    const before = b.stamp();
    // A change whose notification never arrives.
    await admin.query('UPDATE change_feed SET seq = seq + 1');
    await until(() => b.stamp() !== before, 'the feed noticed the change it missed');
  });

  it('uses no cache while it cannot reconnect, and hears changes again once it has', async () => {
    const a = await open();
    const b = await open({ leaseMs: 500, heartbeatMs: 100 });
    // Connections to the database are refused, and b's is cut: it cannot reconnect for now.
    const server = new pg.Client({ connectionString: postgres.serverUrl! });
    await server.connect();
    const database = new URL(url).pathname.slice(1);
    try {
      await server.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS false`);
      await server.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'keyplane-change-feed'");
      await until(() => !b.live(), 'b knows it is cut off');
      await pause(300);
      expect(b.live()).toBe(false);
      expect(b.stamp()).not.toBe(b.stamp());
    } finally {
      await server.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS true`);
      await server.end();
    }
    await until(() => a.live() && b.live(), 'both are back');
    const before = b.stamp();
    await a.changed();
    expect(b.stamp()).not.toBe(before);
  });

  it('removes its row when it stops cleanly', async () => {
    const a = await open();
    const b = await open();
    expect((await instanceRows()).sort()).toEqual([a.instanceId, b.instanceId].sort());
    await b.close();
    expect(await instanceRows()).toEqual([a.instanceId]);
  });

  it('groups concurrent changes and resolves every one of them', async () => {
    const a = await open();
    const b = await open();
    const before = b.stamp();
    const seq = async () => Number((await admin.query<{ seq: string }>('SELECT seq FROM change_feed')).rows[0]?.seq);
    const from = await seq();
    await Promise.all(Array.from({ length: 50 }, () => a.changed()));
    expect(b.stamp()).not.toBe(before);
    // Fewer bumps than changes: one statement covered several.
    expect((await seq()) - from).toBeLessThan(50);
  });
});
