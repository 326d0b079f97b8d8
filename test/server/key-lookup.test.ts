import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateKey, hashKey, keyHint } from '../../src/server/auth/key-format.js';
import { keyChecksum, MISTYPED_KEY_MESSAGE } from '../../src/shared/key-format.js';
import { buildWorld, startServer, withoutRequestIds, type Auth, type Server, type World } from './harness.js';
import { makeKey, makeServiceAccount, post, stableSnapshot, unique } from './hardening-support.js';

// "Whose key is this?" (lookup_api_key) and revoke_api_key_as_leaked: what an
// administrator learns, what nobody else learns, the limit on misses, and the
// revocation with its audit trail. The authorization matrix has their rows per caller.

const LOOKUP = `query ($key: String, $hint: String) {
  lookup_api_key(key: $key, hint: $hint) {
    last_used_address
    api_key { id name key_hint created last_used_at user { id username account_type } created_by { username } tenant { id slug } }
  }
}`;
const REVOKE_LEAKED = `mutation ($input: revoke_api_key_as_leaked_input!) { revoke_api_key_as_leaked(input: $input) { success } }`;
const NO_AUDIT = { actorId: null, sourceAddress: null };

let server: Server;
let world: World;
let admin: Auth;

const works = async (key: string) => (await server.gql(`{ auth_info { api_key_id } }`, {}, { key })).status === 200;

/** Two live keys of one tenant that share a hint (4 random characters: it happens in a big tenant). */
async function twoKeysWithOneHint(userId: string, tenantId: string) {
  const first = generateKey('kps_');
  // The same prefix and first four characters, another 26 and their checksum: another key.
  const body = first.slice(0, 8) + generateKey('kps_').slice(8, 34);
  const second = body + keyChecksum(body);
  const ids: string[] = [];
  for (const key of [first, second]) {
    const id = randomUUID();
    ids.push(id);
    await server.app.store.createApiKey(
      { id, name: unique('twin'), keyHash: hashKey(key), keyHint: keyHint(key), userId, tenantId, createdById: world.ids.admin, expiresAt: null },
      NO_AUDIT,
    );
  }
  return { hint: keyHint(first), ids, keys: [first, second] };
}

beforeAll(async () => {
  server = await startServer({ authFailuresPerMinute: 1_000_000 });
  world = await buildWorld(server);
  admin = { cookie: world.sessions.admin };
});
afterAll(() => server.close());

describe('lookup_api_key', () => {
  it("answers an administrator with the owner, tenant, creator, times and the last use's address of a pasted key", async () => {
    // The key is used from an address first; the use is written in the next batch (a second later).
    await post(server, { query: '{ auth_info { user_id } }' }, { headers: { authorization: `Bearer ${world.keys.userSa.key}` }, remoteAddress: '203.0.113.7' });
    await vi.waitFor(
      async () => {
        const [row] = await server.rows<{ last_used_address: string | null }>('SELECT last_used_address FROM api_key WHERE id = ?', [world.keys.userSa.id]);
        expect(row.last_used_address).toBe('203.0.113.7');
      },
      { timeout: 5_000, interval: 200 },
    );
    const result = await server.gql(LOOKUP, { key: world.keys.userSa.key }, admin);
    expect(result.errors).toBeUndefined();
    expect(result.data.lookup_api_key).toHaveLength(1);
    const [match] = result.data.lookup_api_key;
    expect(match.last_used_address).toBe('203.0.113.7');
    expect(match.api_key).toMatchObject({
      id: world.keys.userSa.id,
      name: 'user-sa-key',
      key_hint: world.keys.userSa.key.slice(0, 8),
      user: { id: world.ids.userSa, username: 'ci-user', account_type: 'SERVICE' },
      created_by: { username: 'Alice Admin' },
      tenant: { id: world.ids.tenantA },
    });
    expect(match.api_key.last_used_at).not.toBeNull();
    // The key itself is in no answer.
    expect(result.raw).not.toContain(world.keys.userSa.key);
  });

  it("finds another person's key of the tenant too, and an admin-role service account may look up", async () => {
    const result = await server.gql(LOOKUP, { key: world.keys.user.key }, { key: world.keys.adminSa.key });
    expect(result.data.lookup_api_key.map((m: any) => m.api_key.user.username)).toEqual(['Uma User']);
  });

  it('answers every key a hint names, with or without the ellipsis', async () => {
    const twins = await twoKeysWithOneHint(world.ids.userSa, world.ids.tenantA);
    for (const hint of [twins.hint, `${twins.hint}…`, `${twins.hint}...`, ` ${twins.hint} `]) {
      const result = await server.gql(LOOKUP, { hint }, admin);
      expect(result.errors, hint).toBeUndefined();
      expect(result.data.lookup_api_key.map((m: any) => m.api_key.id).sort(), hint).toEqual([...twins.ids].sort());
    }
    // A longer start of a key, as a log cuts it, is looked up by its hint.
    const longer = await server.gql(LOOKUP, { hint: `${twins.keys[0].slice(0, 14)}…` }, admin);
    expect(longer.data.lookup_api_key).toHaveLength(2);
  });

  it('answers the same for a key of another tenant, a key that never existed and a revoked key', async () => {
    const revoked = await makeKey(server, { userId: world.ids.admin, tenantId: world.ids.tenantA }, { revoked: true });
    const answers = [];
    for (const key of [world.keys.adminB.key, generateKey('kpu_'), revoked.key]) {
      const result = await server.gql(LOOKUP, { key }, admin);
      answers.push({ status: result.status, data: result.data, errors: withoutRequestIds(result.errors) });
    }
    expect(answers[0]).toEqual({ status: 200, data: { lookup_api_key: [] }, errors: undefined });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // Tenant B's administrator sees their own key, not A's.
    const fromB = await server.gql(LOOKUP, { key: world.keys.adminB.key }, { cookie: world.sessions.adminB });
    expect(fromB.data.lookup_api_key).toHaveLength(1);
    expect((await server.gql(LOOKUP, { key: world.keys.userSa.key }, { cookie: world.sessions.adminB })).data.lookup_api_key).toEqual([]);
  });

  it('refuses a mistyped key as BAD_USER_INPUT saying so, before any lookup', async () => {
    const key = world.keys.userSa.key;
    const typo = key.slice(0, 20) + (key[20] === 'a' ? 'b' : 'a') + key.slice(21);
    const spy = vi.spyOn(server.app.store, 'lookUpApiKeys');
    const result = await server.gql(LOOKUP, { key: typo }, admin);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key' });
    expect(result.errors?.[0].message).toBe(MISTYPED_KEY_MESSAGE);
    expect(result.status).toBe(200);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('refuses neither, both, and text that is no key or hint', async () => {
    for (const variables of [{}, { key: world.keys.userSa.key, hint: 'kps_abcd' }, { key: 'hello' }, { hint: 'kps_ab' }, { hint: world.keys.userSa.key }]) {
      const result = await server.gql(LOOKUP, variables, admin);
      expect(result.errors?.[0].extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
  });

  it('is FORBIDDEN to everyone but administrators, whatever the key', async () => {
    const readerSa = await makeServiceAccount(server, world.ids.tenantA, 'READ_ONLY_USER');
    const readerSaKey = await makeKey(server, { userId: readerSa, tenantId: world.ids.tenantA, service: true });
    for (const auth of [
      { cookie: world.sessions.user },
      { cookie: world.sessions.reader },
      { key: world.keys.userSa.key },
      { key: readerSaKey.key },
      { key: world.keys.user.key },
    ]) {
      // Even their own key: "whose key is this" is an administrator's question.
      const result = await server.gql(LOOKUP, { key: world.keys.user.key }, auth);
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
    }
    expect((await server.gql(LOOKUP, { key: world.keys.user.key })).status).toBe(401);
  });
});

describe('revoke_api_key_as_leaked', () => {
  it('revokes a service-account key an administrator pasted, with where it was found in the audit log', async () => {
    const sa = await makeServiceAccount(server, world.ids.tenantA, 'TENANT_ADMIN');
    const leaked = await makeKey(server, { userId: sa, tenantId: world.ids.tenantA, service: true });
    // Its credential and a saved answer are remembered before the revocation.
    expect(await works(leaked.key)).toBe(true);
    expect(await works(leaked.key)).toBe(true);
    const result = await server.gql(REVOKE_LEAKED, { input: { key: leaked.key, found_at: 'https://github.com/acme/app/blob/main/.env' } }, admin);
    expect(result.errors).toBeUndefined();
    expect(result.data.revoke_api_key_as_leaked.success).toBe(true);
    expect(await works(leaked.key)).toBe(false);

    const events = await server.gql(
      `query ($id: String!) { audit_event(where: { target_id: { _eq: $id } }, order_by: [{ action: asc }]) { action detail cause actor { username } target_name } }`,
      { id: leaked.id },
      admin,
    );
    expect(events.data.audit_event.filter((e: any) => e.action !== 'api_key.create')).toEqual([
      {
        action: 'api_key.leaked_reported',
        detail: 'https://github.com/acme/app/blob/main/.env',
        cause: null,
        actor: { username: 'Alice Admin' },
        target_name: expect.any(String),
      },
      { action: 'api_key.revoke', detail: null, cause: 'reported_leaked', actor: { username: 'Alice Admin' }, target_name: expect.any(String) },
    ]);
    // Once revoked, it is gone: the same NOT_FOUND as a key that never existed.
    const again = await server.gql(REVOKE_LEAKED, { input: { key: leaked.key } }, admin);
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it("lets an administrator revoke a person's key of the tenant, which delete_api_key does not", async () => {
    const theirs = await makeKey(server, { userId: world.ids.user, tenantId: world.ids.tenantA });
    const result = await server.gql(REVOKE_LEAKED, { input: { key: theirs.key, found_at: 'CI log' } }, admin);
    expect(result.data?.revoke_api_key_as_leaked.success).toBe(true);
    expect(await works(theirs.key)).toBe(false);
  });

  it('lets a key holder report their own key: with that very key, whatever its role, or as its owner signed in', async () => {
    const readerSa = await makeServiceAccount(server, world.ids.tenantA, 'READ_ONLY_USER');
    const itself = await makeKey(server, { userId: readerSa, tenantId: world.ids.tenantA, service: true });
    const byItself = await server.gql(REVOKE_LEAKED, { input: { key: itself.key, found_at: 'a laptop' } }, { key: itself.key });
    expect(byItself.data?.revoke_api_key_as_leaked.success).toBe(true);
    expect(await works(itself.key)).toBe(false);

    const mine = await makeKey(server, { userId: world.ids.reader, tenantId: world.ids.tenantA });
    const bySession = await server.gql(REVOKE_LEAKED, { input: { key: mine.key } }, { cookie: world.sessions.reader });
    expect(bySession.data?.revoke_api_key_as_leaked.success).toBe(true);
    expect(await works(mine.key)).toBe(false);
  });

  it("refuses, as NOT_FOUND and changing nothing, anyone else: another's key, another tenant's, a service account's other key", async () => {
    const userSaOther = await makeKey(server, { userId: world.ids.userSa, tenantId: world.ids.tenantA, service: true });
    const cases: [Auth, string][] = [
      [{ cookie: world.sessions.user }, world.keys.admin.key],
      [{ cookie: world.sessions.reader }, world.keys.userSa.key],
      [{ cookie: world.sessions.adminB }, world.keys.user.key],
      [admin, world.keys.adminB.key],
      [{ key: world.keys.userSa.key }, userSaOther.key],
      [{ key: world.keys.user.key }, world.keys.reader.key],
    ];
    for (const [auth, key] of cases) {
      const before = await stableSnapshot(server);
      const result = await server.gql(REVOKE_LEAKED, { input: { key, found_at: 'somewhere' } }, auth);
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(result.errors?.[0].message).toBe('API key not found.');
      expect(await stableSnapshot(server)).toEqual(before);
    }
    for (const key of [world.keys.admin.key, world.keys.userSa.key, world.keys.user.key, world.keys.adminB.key, userSaOther.key, world.keys.reader.key]) {
      expect(await works(key)).toBe(true);
    }
  });

  it('refuses bad input with BAD_USER_INPUT on its field, changing nothing', async () => {
    const target = await makeKey(server, { userId: world.ids.userSa, tenantId: world.ids.tenantA, service: true });
    const typo = target.key.slice(0, -1) + (target.key.endsWith('A') ? 'B' : 'A');
    const cases: [Record<string, unknown>, string][] = [
      [{ key: typo }, 'key'],
      [{ key: target.key.slice(0, 8) }, 'key'],
      [{ key: target.key, found_at: 'x'.repeat(501) }, 'found_at'],
      [{ key: target.key, found_at: 'line one\nline two' }, 'found_at'],
      [{ key: target.key, found_at: `pasted: ${target.key}` }, 'found_at'],
      [{ key: target.key, found_at: `another: ${generateKey('kpu_')}` }, 'found_at'],
    ];
    for (const [input, field] of cases) {
      const before = await stableSnapshot(server);
      const result = await server.gql(REVOKE_LEAKED, { input }, admin);
      expect(result.errors?.[0].extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await stableSnapshot(server)).toEqual(before);
    }
    expect(await works(target.key)).toBe(true);
  });
});

describe('the limit on lookups that find nothing', () => {
  let limited: Server;
  let limitedWorld: World;
  beforeAll(async () => {
    limited = await startServer({ authFailuresPerMinute: 3 });
    limitedWorld = await buildWorld(limited);
  });
  afterAll(() => limited.close());

  it('counts misses per caller and answers 429 RATE_LIMITED with Retry-After past the limit; finds do not count', async () => {
    const asAdmin = { cookie: limitedWorld.sessions.admin };
    // A lookup that finds its key takes its attempt back.
    for (let i = 0; i < 5; i++) expect((await limited.gql(LOOKUP, { key: limitedWorld.keys.userSa.key }, asAdmin)).data.lookup_api_key).toHaveLength(1);
    for (let i = 0; i < 3; i++) expect((await limited.gql(LOOKUP, { key: generateKey('kps_') }, asAdmin)).data.lookup_api_key).toEqual([]);
    const refused = await limited.gql(LOOKUP, { key: limitedWorld.keys.userSa.key }, asAdmin);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retry_after: expect.any(Number) });
    expect(refused.errors?.[0].message).toMatch(/^Too many lookups of keys that were not found; try again in \d+ seconds\.$/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Reporting keys as leaked is held by the same count.
    const report = await limited.gql(REVOKE_LEAKED, { input: { key: limitedWorld.keys.userSa.key } }, asAdmin);
    expect(report.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(await limited.gql(`{ auth_info { api_key_id } }`, {}, { key: limitedWorld.keys.userSa.key })).toMatchObject({ status: 200 });
    // Another caller has a count of their own.
    const other = await limited.gql(LOOKUP, { key: limitedWorld.keys.userSa.key }, { key: limitedWorld.keys.adminSa.key });
    expect(other.data.lookup_api_key).toHaveLength(1);
  });

  it('counts misses of revoke_api_key_as_leaked too', async () => {
    const asUser = { cookie: limitedWorld.sessions.user };
    for (let i = 0; i < 3; i++) {
      expect((await limited.gql(REVOKE_LEAKED, { input: { key: generateKey('kpu_') } }, asUser)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const refused = await limited.gql(REVOKE_LEAKED, { input: { key: limitedWorld.keys.user.key } }, asUser);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });
});
