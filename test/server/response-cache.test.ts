import Database from 'better-sqlite3';
import { parse } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeFeed } from '../../src/server/cache/change-feed.js';
import { isCacheableOperation, ResponseCache } from '../../src/server/cache/response-cache.js';
import { OTHER_WRITERS_CHECK_MS } from '../../src/server/store/sqlite/change-feed.js';
import { AUTH_INFO, buildWorld, DELETE_KEY, startServer, TEST_STORE, type Server, type World } from './harness.js';

// Repeated read-only queries are answered from saved answers (graphql/response-cache.ts)
// and keys are checked against remembered credentials (cache/credential-cache.ts).
// Neither may ever show a caller something stale or someone else's.

const LIST = '{ auth_api_key(order_by: {name: asc}) { id name last_used_at user { username } } }';
const names = (result: { data: { auth_api_key: { name: string }[] } }) => result.data.auth_api_key.map((k) => k.name);

let server: Server;
let world: World;

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
}, 60_000);
afterAll(() => server.close());
afterEach(() => vi.restoreAllMocks());

describe('saved answers', () => {
  it('answer a repeated query without running it again, byte for byte and with the same headers', async () => {
    const list = vi.spyOn(server.app.store, 'listApiKeys');
    const first = await server.gql(LIST, {}, { key: world.keys.admin.key });
    const second = await server.gql(LIST, {}, { key: world.keys.admin.key });
    expect(first.status).toBe(200);
    expect(list).toHaveBeenCalledTimes(1);
    expect(second.raw).toBe(first.raw);
    const { date: _a, 'x-request-id': _c, ...firstHeaders } = first.headers;
    const { date: _b, 'x-request-id': _d, ...secondHeaders } = second.headers;
    expect(secondHeaders).toEqual(firstHeaders);
    expect(second.headers['cache-control']).toBe('no-store');
  });

  it('are kept per caller: another person, a session, another tenant header each get their own', async () => {
    const asAdminKey = await server.gql(LIST, {}, { key: world.keys.admin.key });
    const asUserKey = await server.gql(LIST, {}, { key: world.keys.user.key });
    const asAdminSession = await server.gql(LIST, {}, { cookie: world.sessions.admin });
    const asAdminInB = await server.gql(LIST, {}, { cookie: world.sessions.admin, tenant: world.ids.tenantB });
    expect(names(asUserKey)).toEqual(['user-key']);
    expect(names(asAdminKey)).toEqual(['admin-key', 'admin-sa-key', 'user-sa-key']);
    expect(names(asAdminSession)).toEqual(['admin-key', 'admin-sa-key', 'user-sa-key']);
    // Not a member of tenant B: own keys only, and no service-account keys.
    expect(asAdminInB.errors ?? []).toEqual([]);
    expect(names(asAdminInB)).toEqual(['admin-key']);
    // Asked again, each caller still gets its own.
    expect((await server.gql(LIST, {}, { key: world.keys.user.key })).raw).toBe(asUserKey.raw);
    expect((await server.gql(LIST, {}, { cookie: world.sessions.admin, tenant: world.ids.tenantB })).raw).toBe(asAdminInB.raw);
  });

  it('are dropped by any change through the API: a new key is on the very next list', async () => {
    expect(names(await server.gql(LIST, {}, { cookie: world.sessions.user }))).toEqual(['user-key']);
    await world.createKey(world.sessions.user, world.ids.user, 'user-key-2');
    expect(names(await server.gql(LIST, {}, { cookie: world.sessions.user }))).toEqual(['user-key', 'user-key-2']);
  });

  it('never outlive a revocation: the revoked key fails on the very next request and leaves the list', async () => {
    const created = await world.createKey(world.sessions.admin, world.ids.userSa, 'short-lived');
    // Saved answers and a remembered credential for the key...
    for (let i = 0; i < 2; i++) expect((await server.gql(AUTH_INFO, {}, { key: created.key })).status).toBe(200);
    expect(names(await server.gql(LIST, {}, { key: world.keys.admin.key }))).toContain('short-lived');
    // ...then the revocation.
    const revoked = await server.gql(DELETE_KEY, { input: { key_id: created.id } }, { cookie: world.sessions.admin });
    expect(revoked.data.delete_api_key.success).toBe(true);
    expect((await server.gql(AUTH_INFO, {}, { key: created.key })).status).toBe(401);
    expect(names(await server.gql(LIST, {}, { key: world.keys.admin.key }))).not.toContain('short-lived');
  });

  // Another process writing the SQLite file; instances on one PostgreSQL database: instances.test.ts.
  it.skipIf(TEST_STORE !== 'sqlite')(`see a change written by another process within ${OTHER_WRITERS_CHECK_MS} ms`, async () => {
    const created = await world.createKey(world.sessions.admin, world.ids.userSa, 'revoked-elsewhere');
    for (let i = 0; i < 2; i++) expect((await server.gql(AUTH_INFO, {}, { key: created.key })).status).toBe(200);
    expect(names(await server.gql(LIST, {}, { key: world.keys.admin.key }))).toContain('revoked-elsewhere');
    const db = new Database(server.dbPath);
    db.prepare('UPDATE api_key SET revoked_at = ? WHERE id = ?').run(new Date().toISOString(), created.id);
    db.close();
    await new Promise((resolve) => setTimeout(resolve, OTHER_WRITERS_CHECK_MS + 5));
    expect((await server.gql(AUTH_INFO, {}, { key: created.key })).status).toBe(401);
    expect(names(await server.gql(LIST, {}, { key: world.keys.admin.key }))).not.toContain('revoked-elsewhere');
  });

  it('are not kept for answers with errors, for mutations, or for queries that depend on the clock', async () => {
    const list = vi.spyOn(server.app.store, 'listApiKeys');
    // The audit log is for administrators: a user's answer has data and an error.
    const partial = '{ auth_api_key { id } audit_event { id } }';
    for (let i = 0; i < 2; i++) expect((await server.gql(partial, {}, { key: world.keys.user.key })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(list).toHaveBeenCalledTimes(2);

    // Members' active-key counts change when a key expires, with no write.
    const members = vi.spyOn(server.app.store, 'listMembers');
    const query = '{ user_view_same_tenant { id } }';
    for (let i = 0; i < 2; i++) expect((await server.gql(query, {}, { key: world.keys.admin.key })).status).toBe(200);
    expect(members).toHaveBeenCalledTimes(2);
  });

  it('are not kept for requests with very long text, which would count against the budget', async () => {
    const list = vi.spyOn(server.app.store, 'listApiKeys');
    const padded = `${LIST}${' '.repeat(20_000)}`;
    for (let i = 0; i < 2; i++) expect(names(await server.gql(padded, {}, { key: world.keys.admin.key }))).toContain('admin-key');
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('can be turned off (KEYPLANE_RESPONSE_CACHE_MB=0)', async () => {
    const off = await startServer({ responseCacheMb: 0 });
    try {
      const offWorld = await buildWorld(off);
      const list = vi.spyOn(off.app.store, 'listApiKeys');
      const first = await off.gql(LIST, {}, { key: offWorld.keys.admin.key });
      const second = await off.gql(LIST, {}, { key: offWorld.keys.admin.key });
      expect(second.raw).toBe(first.raw);
      expect(list).toHaveBeenCalledTimes(2);
    } finally {
      await off.close();
    }
  }, 60_000);

  it('stay within their memory budget, dropping the least recently used first', async () => {
    // About 1 KB: a few answers of a key (about 250 bytes) or a few dozen empty pages.
    const small = await startServer({ responseCacheMb: 0.001 });
    try {
      const smallWorld = await buildWorld(small);
      const list = vi.spyOn(small.app.store, 'listApiKeys');
      const page = (offset: number) =>
        small.gql(
          `{ auth_api_key(limit: 1, offset: ${offset}) { id name created updated user { id username } tenant { id name slug } } }`,
          {},
          { key: smallWorld.keys.admin.key },
        );
      await page(0);
      for (let offset = 1; offset < 60; offset++) {
        await page(offset);
        await page(0); // kept fresh: recently used
      }
      const calls = list.mock.calls.length;
      await page(0);
      expect(list.mock.calls.length).toBe(calls);
      await page(1); // long since dropped
      expect(list.mock.calls.length).toBe(calls + 1);
    } finally {
      await small.close();
    }
  }, 60_000);
});

describe('which operations may be saved', () => {
  it.each([
    ['{ auth_info { user_id } }', true],
    ['query Keys { auth_api_key { id } auth_api_key_aggregate { aggregate { count } } }', true],
    ['{ __typename tenant { id } audit_event { id } }', true],
    ['{ audit_event_actor { id is_member } audit_event_actor_aggregate { aggregate { count } } }', true],
    ['mutation { delete_api_key(input: { key_id: "x" }) { success } }', false],
    ['{ auth_info { user_id } membership_invitation { id } }', false],
    ['{ user_view_same_tenant { id } }', false],
    ['{ invitation_preview(token: "x") { tenant_name } }', false],
    ['{ ...Q } fragment Q on query_root { auth_info { user_id } }', false],
    ['{ __schema { types { name } } }', false],
  ])('%s: %s', (query, expected) => {
    expect(isCacheableOperation(parse(query), undefined)).toBe(expected);
  });
});

describe('an answer computed while key uses were written', () => {
  // The order of events the server cannot force on cue: a list that shows last_used_at
  // reads the keys, this process then writes their uses (forgetKeyUses), and only then is
  // the answer sent. Kept, it would show the uses as they were before for up to MAX_AGE_MS.
  const query = '{ auth_api_key { id last_used_at } }';
  const request = () => ({ method: 'POST', body: { query }, principal: { apiKeyId: 'key-1', tenantId: 't', role: 'USER' } }) as unknown as FastifyRequest;
  const reply = () => {
    const sent: unknown[] = [];
    const fake = { statusCode: 200, sent, code: () => fake, type: () => fake, send: (body: unknown) => sent.push(body) };
    return fake;
  };
  const feed = { stamp: () => 1, changed: () => Promise.resolve() } as unknown as ChangeFeed;

  it.each([
    ['is not kept when it shows them', query, false],
    ['is kept when it does not', '{ auth_api_key { id name } }', true],
  ])('%s', (_name, text, kept) => {
    const cache = new ResponseCache(feed, 1024 * 1024);
    const first = request();
    (first.body as { query: string }).query = text;
    expect(cache.answer(first, reply() as unknown as FastifyReply)).toBe(false);
    cache.considerOperation(first, parse(text), undefined);
    cache.forgetKeyUses();
    cache.save(first, reply() as unknown as FastifyReply, '{"data":{"auth_api_key":[]}}');

    const again = request();
    (again.body as { query: string }).query = text;
    expect(cache.answer(again, reply() as unknown as FastifyReply)).toBe(kept);
  });
});
