import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey, hashKey, isWellFormedKey, keyHint } from '../../src/server/auth/key-format.js';
import { AUTH_INFO, buildWorld, startServer, TEST_STORE, type Server, type World } from './harness.js';

/** The key with its last character changed, so its checksum fails (a fixed '0' leaves a key that ends in 0 valid: CI saw it once). */
const otherLastCharacter = (key: string) => key.slice(0, -1) + (key.endsWith('0') ? '1' : '0');

describe('key format', () => {
  it('is a prefix, 30 base62 characters and a 6-character CRC32, 40 in all', () => {
    for (const prefix of ['kpu_', 'kps_'] as const) {
      const key = generateKey(prefix);
      expect(key).toMatch(new RegExp(`^${prefix}[0-9A-Za-z]{36}$`));
      expect(isWellFormedKey(key)).toBe(true);
      expect(keyHint(key)).toBe(key.slice(0, 8));
      expect(hashKey(key)).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('rejects any single-character change through the checksum', () => {
    const key = generateKey('kpu_');
    for (let i = 4; i < key.length; i++) {
      const changed = key.slice(0, i) + (key[i] === 'a' ? 'b' : 'a') + key.slice(i + 1);
      expect(isWellFormedKey(changed), `position ${i}`).toBe(false);
    }
    expect(isWellFormedKey(key.replace('kpu_', 'kpx_'))).toBe(false);
    expect(isWellFormedKey(key + 'a')).toBe(false);
  });

  it('accepts keys issued before, and refuses them with another checksum', () => {
    // Keys already issued keep working only while the checksum stays the same.
    const issued = ['kpu_a7shRacbd284gjVWy2ZHn7DdHwCddh4RrL6u', 'kps_E5kLecy26viVbrDlCSG2B54aO4CXMn4alTDt', 'kpu_1Lth3iZAEbnJwVrq3CTVGImGhk0g8C4RXojx'];
    for (const key of issued) {
      expect(isWellFormedKey(key), key).toBe(true);
      expect(isWellFormedKey(key.slice(0, 34) + 'AAAAAA'), key).toBe(false);
    }
  });

  it('draws characters evenly (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const c of generateKey('kpu_').slice(4, 34)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const expected = (2000 * 30) / 62;
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.2);
  });
});

describe('keys at rest and in use', () => {
  let server: Server;
  let world: World;
  beforeAll(async () => {
    server = await startServer();
    world = await buildWorld(server);
  });
  afterAll(() => server.close());

  it('the database holds none of the keys, only their hashes', async () => {
    const keys = Object.values(world.keys).map((k) => k.key);
    // Every row as text; and on SQLite the file's bytes too.
    const bytes = [JSON.stringify(await server.snapshot())];
    await server.app.close(); // checkpoints the WAL into the file
    if (TEST_STORE === 'sqlite') bytes.push(readFileSync(server.dbPath, 'latin1'));
    for (const key of keys) {
      for (const text of bytes) {
        expect(text.includes(key)).toBe(false);
        expect(text.includes(hashKey(key))).toBe(true);
      }
    }
    await server.restart();
    // A restart keeps everything: the keys still authenticate.
    expect((await server.gql(AUTH_INFO, {}, { key: world.keys.user.key })).status).toBe(200);
  });

  it('a key with a bad checksum is refused before any database access', async () => {
    const bad = otherLastCharacter(world.keys.user.key);
    // With the database closed, any lookup would fail with a 500; the checksum answers first.
    await server.app.store.close();
    try {
      const result = await server.gql(AUTH_INFO, {}, { key: bad });
      expect(result.status).toBe(401);
      expect(result.errors?.[0]).toEqual({
        message: 'Invalid or expired credentials.',
        extensions: { code: 'UNAUTHENTICATED', request_id: expect.any(String) },
      });
    } finally {
      await server.restart();
    }
  });

  it('a store that fails while authenticating gives a plain 500 for keys and sessions, and the server goes on', async () => {
    const unknownKey = generateKey('kpu_');
    await server.app.store.close();
    try {
      for (const auth of [{ key: unknownKey }, { cookie: world.sessions.user }]) {
        const result = await server.gql(AUTH_INFO, {}, auth);
        expect(result.status, JSON.stringify(auth)).toBe(500);
        expect(result.raw).not.toMatch(/sqlite|database|stack/i);
      }
    } finally {
      await server.restart();
    }
    expect((await server.gql(AUTH_INFO, {}, { key: world.keys.user.key })).status).toBe(200);
  });

  it('every bad-key case gets the same 401 and message', async () => {
    const revoked = await world.createKey(world.sessions.user, world.ids.user, 'to-revoke');
    await server.gql(`mutation ($id: UUID!) { delete_api_key(input: { key_id: $id }) { success } }`, { id: revoked.id }, { key: revoked.key });
    const cases = ['', 'garbage', 'kpu_short', generateKey('kpu_'), revoked.key, otherLastCharacter(world.keys.user.key)];
    const bodies = new Set<string>();
    for (const key of cases) {
      const result = await server.gql(AUTH_INFO, {}, { key });
      expect(result.status, key).toBe(401);
      expect(result.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
      // Each answer has its own request id; the rest must be the same.
      bodies.add(result.raw.replace(/"request_id":"[^"]*"/, ''));
    }
    const basic = await server.gql(AUTH_INFO, {}, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    bodies.add(basic.raw.replace(/"request_id":"[^"]*"/, ''));
    expect(bodies.size).toBe(1);
  });

  it('last_used_at is set after use, without a write per request', async () => {
    const created = await world.createKey(world.sessions.user, world.ids.user, 'usage');
    const read = async () =>
      (
        await server.gql(
          `query ($id: uuid!) { auth_api_key(where: { id: { _eq: $id } }) { last_used_at } }`,
          { id: created.id },
          { cookie: world.sessions.user },
        )
      ).data.auth_api_key[0].last_used_at;
    expect(await read()).toBeNull();
    for (let i = 0; i < 5; i++) await server.gql(AUTH_INFO, {}, { key: created.key });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const first = await read();
    expect(first).not.toBeNull();
    for (let i = 0; i < 5; i++) await server.gql(AUTH_INFO, {}, { key: created.key });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    // Within the minute, later uses do not write again.
    expect(await read()).toBe(first);
  });
});
