import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FailureLimiter, type AttemptLimiter } from '../../src/server/auth/failure-limiter.js';
import { SharedFailureLimiter } from '../../src/server/auth/shared-failure-limiter.js';
import { PostgresDriver } from '../../src/server/store/postgres/driver.js';
import { migratePostgres } from '../../src/server/store/postgres/migrations.js';
import type { Queryable, SqlValue } from '../../src/server/store/sql/driver.js';
import { describePostgres, freshDatabaseUrl } from '../support/postgres.js';

// Two SharedFailureLimiters, each on a driver of its own, stand for two instances.

const LIMIT = 5;
const digest = (key: string) => createHash('sha256').update(key).digest('hex');
const drivers: PostgresDriver[] = [];

/** A driver that counts the statements it is sent. */
function counted(driver: Queryable): Queryable & { statements: number } {
  const wrapper = {
    statements: 0,
    all: <T>(sql: string, params?: readonly SqlValue[]) => (wrapper.statements++, driver.all<T>(sql, params)),
    get: <T>(sql: string, params?: readonly SqlValue[]) => (wrapper.statements++, driver.get<T>(sql, params)),
    rows: (sql: string, params?: readonly SqlValue[]) => (wrapper.statements++, driver.rows(sql, params)),
    run: (sql: string, params?: readonly SqlValue[]) => (wrapper.statements++, driver.run(sql, params)),
  };
  return wrapper;
}

let url = '';
const instance = (windowMs = 60_000) => {
  const driver = new PostgresDriver({ connectionString: url, maxConnections: 4 });
  drivers.push(driver);
  const db = counted(driver);
  return { db, limiter: new SharedFailureLimiter(db, 'address', LIMIT, windowMs, 1_000) };
};

/** Failed guesses from `key`, each on the next limiter in turn, until one is refused: how many were checked. */
async function guessesUntilRefused(limiters: AttemptLimiter[], key: string): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const limiter = limiters[attempt % limiters.length];
    if (limiter.retryAfter(key) > 0) return attempt;
    const reservation = await limiter.reserve(key);
    if (!reservation) return attempt;
    reservation.failed();
  }
  return 100;
}

describePostgres('SharedFailureLimiter', () => {
  beforeAll(async () => {
    url = await freshDatabaseUrl();
    const driver = new PostgresDriver({ connectionString: url, maxConnections: 1 });
    await migratePostgres(driver);
    await driver.close();
  });
  afterAll(() => Promise.all(drivers.map((driver) => driver.close())));

  it('stops a guesser who alternates between two instances after as many failures as one instance does', async () => {
    const alone = await guessesUntilRefused([new FailureLimiter(LIMIT, 60_000, 1_000)], 'in memory');
    const one = await guessesUntilRefused([instance().limiter], '192.0.2.1');
    const two = await guessesUntilRefused([instance().limiter, instance().limiter], '192.0.2.2');
    expect(alone).toBe(LIMIT);
    expect(one).toBe(LIMIT);
    expect(two).toBe(LIMIT);
  });

  it('lets at most the limit through when a burst is spread over two instances', async () => {
    const a = instance().limiter;
    const b = instance().limiter;
    const results = await Promise.all(Array.from({ length: 40 }, async (_, i) => (i % 2 ? a : b).reserve('192.0.2.3')));
    expect(results.filter(Boolean)).toHaveLength(LIMIT);
    // Attempts still being checked count: no more until one is settled.
    expect(await a.reserve('192.0.2.3')).toBeNull();
    expect(await b.reserve('192.0.2.3')).toBeNull();
  });

  it('takes back a released attempt, on every instance', async () => {
    const a = instance().limiter;
    const b = instance().limiter;
    for (let i = 0; i < 3 * LIMIT; i++) {
      const reservation = await (i % 2 ? a : b).reserve('192.0.2.4');
      expect(reservation).not.toBeNull();
      reservation!.release();
      // The decrement is not awaited by the caller: let it land before the next attempt.
      const counted = () => drivers[0].get<{ count: number }>("SELECT count FROM auth_failure WHERE scope = 'address' AND key_hash = ?", [digest('192.0.2.4')]);
      while ((await counted())?.count !== 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });

  it('answers for a locked key from memory, without asking the database', async () => {
    const a = instance();
    const b = instance();
    expect(await guessesUntilRefused([a.limiter], '192.0.2.5')).toBe(LIMIT);
    // b learns of the lock at its first reservation, which the database refuses.
    expect(await b.limiter.reserve('192.0.2.5')).toBeNull();
    expect(b.limiter.retryAfter('192.0.2.5')).toBeGreaterThan(0);
    const before = b.db.statements;
    for (let i = 0; i < 10; i++) {
      expect(b.limiter.retryAfter('192.0.2.5')).toBeGreaterThan(0);
      expect(await b.limiter.reserve('192.0.2.5')).toBeNull();
    }
    expect(b.db.statements).toBe(before);
  });

  it('counts failures found without the database in memory alone, against the same limit', async () => {
    const a = instance();
    for (let i = 0; i < LIMIT - 1; i++) a.limiter.fail('192.0.2.6');
    expect(a.db.statements).toBe(0);
    const last = await a.limiter.reserve('192.0.2.6');
    expect(last).not.toBeNull();
    expect(last!.failed()).toBe(true);
    expect(a.limiter.retryAfter('192.0.2.6')).toBeGreaterThan(0);
  });

  it('opens a new window once the old one has ended', async () => {
    const a = instance(300).limiter;
    const b = instance(300).limiter;
    expect(await guessesUntilRefused([a, b], '192.0.2.7')).toBe(LIMIT);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await guessesUntilRefused([b, a], '192.0.2.7')).toBe(LIMIT);
  });

  it('keeps each scope and key apart, and stores digests rather than addresses', async () => {
    const a = instance().limiter;
    expect(await guessesUntilRefused([a], '192.0.2.8')).toBe(LIMIT);
    expect(await guessesUntilRefused([a], '192.0.2.9')).toBe(LIMIT);
    const rows = await drivers[0].all<{ key_hash: string }>('SELECT key_hash FROM auth_failure');
    expect(rows.some((row) => row.key_hash.includes('192.0.2'))).toBe(false);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.key_hash))).toBe(true);
  });
});
