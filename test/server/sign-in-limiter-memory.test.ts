import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '../../src/server/auth/key-format.js';
import { FailureLimiter } from '../../src/server/auth/failure-limiter.js';
import { startServer, type Server } from './harness.js';
import { errorCode, post } from './hardening-support.js';

// What the limiters keep is bounded: emails longer than an email can be are refused
// before anything is counted or recorded, and each limiter holds at most so many keys,
// making room without handing an attacker a cheap way to clear a lock.

const PER_ADDRESS = 5;
const LOG_IN = `mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }`;

describe('sign-in emails', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer({ authFailuresPerMinute: PER_ADDRESS, loginFailuresPerAccount: 3 });
  });
  afterAll(() => server.close());
  const logIn = (email: string, remoteAddress: string) =>
    post(server, { query: LOG_IN, variables: { input: { email, password: 'wrong-password-1' } } }, { remoteAddress });

  it('refuses 300 emails of 90 KB as BAD_USER_INPUT on email, counting and recording none of them', async () => {
    const address = '10.40.0.1';
    const before = (await server.snapshot()).audit_event.length;
    for (let i = 0; i < 300; i++) {
      const result = await logIn(`${i}-${'a'.repeat(90 * 1024)}@example.com`, address);
      expect(result.status, `attempt ${i + 1}`).toBe(200);
      expect(result.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'email', request_id: expect.any(String) });
    }
    expect((await server.snapshot()).audit_event.length).toBe(before);
    // Not one of them counted against the address.
    expect(errorCode(await logIn('someone@example.com', address))).toBe('BAD_USER_INPUT');
    expect(
      (await post(server, { query: '{ auth_info { user_id } }' }, { headers: { authorization: `Bearer ${generateKey('kpu_')}` }, remoteAddress: address }))
        .status,
    ).toBe(401);
  });

  it('takes a 254-character email as an ordinary attempt and refuses 255 characters', async () => {
    const local = 'b'.repeat(64);
    const domain = `${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(254 - 64 - 1 - 63 - 1 - 63 - 1 - 4)}.com`;
    const email254 = `${local}@${domain}`;
    expect(email254).toHaveLength(254);
    expect((await logIn(email254, '10.40.0.2')).body.errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'password',
      request_id: expect.any(String),
    });
    expect((await logIn(`x${email254}`, '10.40.0.2')).body.errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'email',
      request_id: expect.any(String),
    });
  });
});

describe('FailureLimiter memory', () => {
  const LIMIT = 3;
  const WINDOW_MS = 60_000;
  const MAX_KEYS = 100;
  const lock = (limiter: FailureLimiter, key: string, now: number) => {
    for (let i = 0; i < LIMIT; i++) limiter.fail(key, now);
  };

  it('holds at most its maximum number of keys, however many distinct keys fail', () => {
    const limiter = new FailureLimiter(LIMIT, WINDOW_MS, MAX_KEYS);
    const now = 1_000_000;
    for (let i = 0; i < 100 * MAX_KEYS; i++) limiter.fail(`flood-${i}`, now + i);
    expect(limiter.size).toBeLessThanOrEqual(MAX_KEYS);
  });

  it('makes room from expired windows first', () => {
    const limiter = new FailureLimiter(LIMIT, WINDOW_MS, MAX_KEYS);
    const start = 1_000_000;
    for (let i = 0; i < MAX_KEYS / 2; i++) limiter.fail(`old-${i}`, start);
    const later = start + WINDOW_MS / 2;
    for (let i = 0; i < MAX_KEYS / 2; i++) limiter.fail(`recent-${i}`, later);
    lock(limiter, 'recent-0', later);
    limiter.fail('newcomer', start + WINDOW_MS);
    expect(limiter.size).toBe(MAX_KEYS / 2 + 1);
    expect(limiter.retryAfter('recent-0', start + WINDOW_MS)).toBeGreaterThan(0);
  });

  it('keeps a locked key through a flood of new keys below their limit (they are evicted first, oldest first)', () => {
    const limiter = new FailureLimiter(LIMIT, WINDOW_MS, MAX_KEYS);
    const now = 1_000_000;
    lock(limiter, 'victim@example.com', now);
    for (let i = 0; i < 100 * MAX_KEYS; i++) limiter.fail(`flood-${i}@example.com`, now + 1);
    expect(limiter.retryAfter('victim@example.com', now + 2)).toBeGreaterThan(0);
    expect(limiter.size).toBeLessThanOrEqual(MAX_KEYS);
  });

  it('evicts a lock only when every key it holds is locked, and then the oldest lock', () => {
    const limiter = new FailureLimiter(LIMIT, WINDOW_MS, MAX_KEYS);
    const now = 1_000_000;
    for (let i = 0; i < MAX_KEYS; i++) lock(limiter, `locked-${i}`, now + i);
    limiter.fail('newcomer', now + MAX_KEYS);
    expect(limiter.size).toBeLessThanOrEqual(MAX_KEYS);
    expect(limiter.retryAfter('locked-0', now + MAX_KEYS)).toBe(0);
    expect(limiter.retryAfter(`locked-${MAX_KEYS - 1}`, now + MAX_KEYS)).toBeGreaterThan(0);
  });

  it('does not evict a key with an attempt still being checked, so its reservation keeps counting', () => {
    const limiter = new FailureLimiter(LIMIT, WINDOW_MS, MAX_KEYS);
    const now = 1_000_000;
    const inFlight = Array.from({ length: LIMIT - 1 }, () => limiter.reserve('busy', now)!);
    for (let i = 0; i < 100 * MAX_KEYS; i++) limiter.fail(`flood-${i}`, now + 1);
    const last = limiter.reserve('busy', now + 2);
    expect(last).not.toBeNull();
    expect(limiter.reserve('busy', now + 2)).toBeNull();
    for (const reservation of [...inFlight, last!]) reservation.release();
    expect(limiter.reserve('busy', now + 3)).not.toBeNull();
  });

  it('counts nothing for attempts that succeeded, and drops keys with no failures first when it needs room', () => {
    const limiter = new FailureLimiter(LIMIT, WINDOW_MS, MAX_KEYS);
    const now = 1_000_000;
    limiter.fail('failed-once', now);
    for (let i = 0; i < 1000; i++) limiter.reserve('busy', now)!.release();
    expect(limiter.retryAfter('busy', now)).toBe(0);
    for (let i = 0; i < 10 * MAX_KEYS; i++) limiter.reserve(`ok-${i}`, now + 1)!.release();
    expect(limiter.size).toBeLessThanOrEqual(MAX_KEYS);
    limiter.fail('failed-once', now + 2);
    limiter.fail('failed-once', now + 2);
    expect(limiter.retryAfter('failed-once', now + 2)).toBeGreaterThan(0);
  });
});
