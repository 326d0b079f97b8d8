import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVALID_CREDENTIALS_MESSAGE } from '../../src/server/errors.js';
import { generateKey } from '../../src/server/auth/key-format.js';
import { buildWorld, startServer, type Server, type World } from './harness.js';
import { makeKey, makeMember, makeServiceAccount, stableSnapshot } from './hardening-support.js';
import { PREFECT_DOCUMENTS as DOC, prefectGraphql } from './prefect-support.js';

// Prefect 1.x's `prefect auth` CLI, prefect.Client and an agent's start-up, as they
// send their requests (test/server/prefect-support.ts), with the answers they parse.

let server: Server;
let world: World;
let tenantA: string;

beforeAll(async () => {
  server = await startServer({ authFailuresPerMinute: 1_000_000 });
  world = await buildWorld(server);
  tenantA = world.ids.tenantA;
});
afterAll(() => server.close());

const userKey = () => world.keys.user.key;
const prefect = (query: string, variables: unknown = null, options: Parameters<typeof prefectGraphql>[3] = {}) =>
  prefectGraphql(server, query, variables, options);

/** What Prefect checks before raising AuthorizationError: "UNAUTHENTICATED" in str(result["errors"]), from an answer it did not raise on. */
function expectPrefectAuthorizationError(result: { status: number; headers: Record<string, unknown>; body: any }, message: string) {
  expect(result.status).toBe(200);
  expect(result.headers['www-authenticate']).toBeUndefined();
  expect(result.body.data).toBeNull();
  expect(result.body.errors).toHaveLength(1);
  expect(result.body.errors[0]).toMatchObject({ message, extensions: { code: 'UNAUTHENTICATED' } });
}

describe('the API at the root path, where Prefect clients post', () => {
  it('answers Prefect\'s login request (variables "null") at POST /, as at /graphql', async () => {
    const atRoot = await prefect(DOC.authTenant, null, { key: userKey() });
    expect(atRoot.status).toBe(200);
    expect(atRoot.body).toEqual({ data: { auth_info: { tenant_id: tenantA } } });
    const atGraphql = await prefect(DOC.authTenant, null, { key: userKey(), url: '/graphql' });
    expect(atGraphql.body).toEqual(atRoot.body);
  });

  it('leaves GET / to the app', async () => {
    const page = await server.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });

  it("runs / through /graphql's request gate: a query that is not a string, variables that are not JSON", async () => {
    const notText = await server.app.inject({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/json' },
      payload: { query: { kind: 'Document' } },
    });
    expect(notText.statusCode).toBe(400);
    expect(notText.json().errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', field: 'query' });
    const badVariables = await server.app.inject({
      method: 'POST',
      url: '/?x=1',
      headers: { 'content-type': 'application/json' },
      payload: { query: DOC.authTenant, variables: '{"input":' },
    });
    expect(badVariables.statusCode).toBe(400);
    expect(badVariables.json().errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST', field: 'variables' } });
  });

  it("runs / through /graphql's limits", async () => {
    const aliases = Array.from({ length: 21 }, (_, i) => `a${i}: auth_info { tenant_id }`).join(' ');
    const result = await prefect(`query { ${aliases} }`, null, { key: userKey() });
    expect(result.body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' });
  });

  it("serves a repeated read from /graphql's saved answers at / too", async () => {
    const reads = vi.spyOn(server.app.store, 'listTenantsOfUser');
    const first = await prefect(DOC.tenants, null, { key: userKey(), tenantId: tenantA });
    const second = await prefect(DOC.tenants, null, { key: userKey(), tenantId: tenantA });
    expect(second.body).toEqual(first.body);
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
  });

  it("keeps Keyplane's 401 for a client that is not Prefect", async () => {
    const result = await prefect(DOC.authTenant, null, { key: generateKey('kpu_'), version: null });
    expect(result.status).toBe(401);
    expect(result.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(result.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('authentication failures that Prefect clients report in their own words', () => {
  it('a revoked, expired, unknown or malformed key: HTTP 200 with UNAUTHENTICATED, one message for all', async () => {
    const owner = { userId: world.ids.user, tenantId: tenantA };
    const keys = [
      (await makeKey(server, owner, { revoked: true })).key,
      (await makeKey(server, owner, { expiresAt: new Date(Date.now() - 1000).toISOString() })).key,
      generateKey('kpu_'),
      'not-a-key',
    ];
    for (const key of keys) expectPrefectAuthorizationError(await prefect(DOC.authTenant, null, { key }), INVALID_CREDENTIALS_MESSAGE);
  });

  it('no key at all', async () => {
    const result = await prefect(DOC.authTenant);
    expectPrefectAuthorizationError(result, result.body.errors[0].message);
  });

  it('a user key sent with another tenant (Client.switch_tenant(tenant_id=...)): UNAUTHENTICATED for Prefect, 403 for others', async () => {
    const other = world.ids.tenantB;
    expectPrefectAuthorizationError(await prefect(DOC.authTenant, null, { key: userKey(), tenantId: other }), 'This API key can act only in its own tenant.');
    const plain = await prefect(DOC.authTenant, null, { key: userKey(), tenantId: other, version: null });
    expect(plain.status).toBe(403);
    expect(plain.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('a key asked for another tenant by slug (switch-tenants --slug other) is refused, not answered with no tenant', async () => {
    for (const slug of ['tenant-b', 'no-such-tenant']) {
      expectPrefectAuthorizationError(
        await prefect(DOC.tenantBySlug, { slug }, { key: userKey(), tenantId: tenantA }),
        'This API key can act only in its own tenant.',
      );
      const plain = await prefect(DOC.tenantBySlug, { slug }, { key: userKey(), tenantId: tenantA, version: null });
      expect(plain.body).toMatchObject({ data: null, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    }
    // A session sees the tenants it belongs to, and finds none where it does not.
    const session = await server.gql(DOC.tenantBySlug, { slug: 'tenant-b' }, { cookie: world.sessions.user });
    expect(session.data).toEqual({ tenant: [] });
  });
});

describe('prefect auth, as the 1.4.1 CLI sends it', () => {
  it('login with a user key: the tenant, then its name and slug', async () => {
    const login = await prefect(DOC.authTenant, null, { key: userKey() });
    expect(login.body.data.auth_info.tenant_id).toBe(tenantA);
    const view = await prefect(DOC.tenantView(tenantA), null, { key: userKey(), tenantId: tenantA });
    expect(view.body).toEqual({ data: { tenant: [{ name: 'Tenant A', slug: 'tenant-a', id: tenantA }] } });
  });

  it('login with a service-account key', async () => {
    const key = world.keys.userSa.key;
    expect((await prefect(DOC.authTenant, null, { key })).body.data.auth_info.tenant_id).toBe(tenantA);
    expect((await prefect(DOC.tenantView(tenantA), null, { key, tenantId: tenantA })).body.data.tenant).toHaveLength(1);
  });

  it('status: the tenant, with the tenant header the saved login adds', async () => {
    expect((await prefect(DOC.authTenant, null, { key: userKey(), tenantId: tenantA })).body).toEqual({ data: { auth_info: { tenant_id: tenantA } } });
  });

  it('create-key, without and with --expire (pendulum isoformat in UTC)', async () => {
    const me = await prefect(DOC.authUser, null, { key: userKey(), tenantId: tenantA });
    const userId = me.body.data.auth_info.user_id;
    expect(userId).toBe(world.ids.user);
    const never = await prefect(DOC.createKey, { input: { name: 'laptop', user_id: userId, expires_at: null } }, { key: userKey(), tenantId: tenantA });
    expect(never.body.data.create_api_key.key).toMatch(/^kpu_[0-9A-Za-z]{36}$/);
    const expiring = await prefect(
      DOC.createKey,
      { input: { name: 'ci', user_id: userId, expires_at: '2031-01-01T00:00:00+00:00' } },
      { key: userKey(), tenantId: tenantA },
    );
    const key = expiring.body.data.create_api_key.key;
    const listed = await prefect(DOC.listKeys, null, { key, tenantId: tenantA });
    expect(listed.body.data.auth_api_key).toContainEqual({ id: expect.any(String), name: 'ci', expires_at: '2031-01-01T00:00:00.000Z' });
  });

  it("create-key sends no role: the key follows its owner's role, down and up again, as Prefect's keys did", async () => {
    const member = await makeMember(server, tenantA, world.ids.admin, 'USER');
    const ownerKey = await makeKey(server, { userId: member.userId, tenantId: tenantA });
    const created = await prefect(
      DOC.createKey,
      { input: { name: 'follows', user_id: member.userId, expires_at: null } },
      { key: ownerKey.key, tenantId: tenantA },
    );
    const key = created.body.data.create_api_key.key as string;
    const role = async () => (await server.gql(`{ auth_info { role } }`, {}, { key })).data.auth_info.role;
    expect(await role()).toBe('USER');
    const setRole = (to: string) =>
      server.gql(
        `mutation ($input: set_membership_role_input!) { set_membership_role(input: $input) { id } }`,
        { input: { membership_id: member.membershipId, role: to } },
        {
          cookie: world.sessions.admin,
        },
      );
    await setRole('READ_ONLY_USER');
    expect(await role()).toBe('READ_ONLY_USER');
    await setRole('TENANT_ADMIN');
    expect(await role()).toBe('TENANT_ADMIN');
    const listed = await server.gql(`{ auth_api_key(where: { name: { _eq: "follows" } }) { role } }`, {}, { key });
    expect(listed.data.auth_api_key).toEqual([{ role: null }]);
  });

  it('list-keys with 120 keys lists all 120', async () => {
    const person = world.ids.reader;
    const before = (await prefect(DOC.listKeys, null, { key: world.keys.reader.key })).body.data.auth_api_key.length;
    for (let i = before; i < 120; i++) await makeKey(server, { userId: person, tenantId: tenantA });
    const listed = await prefect(DOC.listKeys, null, { key: world.keys.reader.key, tenantId: tenantA });
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data.auth_api_key).toHaveLength(120);
  });

  it('revoke-key, after which the key is refused in words Prefect reports', async () => {
    const doomed = await makeKey(server, { userId: world.ids.user, tenantId: tenantA });
    const revoked = await prefect(DOC.revokeKey, { input: { key_id: doomed.id } }, { key: userKey(), tenantId: tenantA });
    expect(revoked.body).toEqual({ data: { delete_api_key: { success: true } } });
    expectPrefectAuthorizationError(await prefect(DOC.authTenant, null, { key: doomed.key }), INVALID_CREDENTIALS_MESSAGE);
  });

  it("list-tenants: a key's own tenant", async () => {
    const listed = await prefect(DOC.tenants, null, { key: userKey(), tenantId: tenantA });
    expect(listed.body).toEqual({ data: { tenant: [{ name: 'Tenant A', slug: 'tenant-a', id: tenantA }] } });
  });

  it("switch-tenants to the key's own tenant by slug, then --default", async () => {
    const found = await prefect(DOC.tenantBySlug, { slug: 'tenant-a' }, { key: userKey(), tenantId: tenantA });
    expect(found.body).toEqual({ data: { tenant: [{ id: tenantA }] } });
    expect((await prefect(DOC.authTenant, null, { key: userKey(), tenantId: tenantA })).body.data.auth_info.tenant_id).toBe(tenantA);
    // --default forgets the saved tenant: no tenant header.
    expect((await prefect(DOC.authTenant, null, { key: userKey() })).body.data.auth_info.tenant_id).toBe(tenantA);
  });
});

describe("Prefect 0.15's login_to_tenant: a comparison with null is ignored, as Hasura ignores it", () => {
  const login = (variables: { slug: string | null; id: string | null }) => prefect(DOC.loginToTenant, variables, { key: userKey(), version: '0.15.13' });

  it('by slug with a null id, by id with a null slug', async () => {
    expect((await login({ slug: 'tenant-a', id: null })).body).toEqual({ data: { tenant: [{ id: tenantA }] } });
    expect((await login({ slug: null, id: tenantA })).body).toEqual({ data: { tenant: [{ id: tenantA }] } });
  });

  it('ignores null in every comparison, and _is_null still tests for null', async () => {
    const cookie = world.sessions.admin;
    const all = await server.gql(`{ tenant { id } }`, {}, { cookie });
    const ignored = await server.gql(
      `query ($n: String) { tenant(where: { slug: { _eq: $n, _neq: $n, _gt: $n, _ilike: $n }, name: { _in: null, _nin: null } }) { id } }`,
      { n: null },
      { cookie },
    );
    expect(ignored.errors).toBeUndefined();
    expect(ignored.data.tenant).toEqual(all.data.tenant);
    const neverExpiring = await server.gql(`{ auth_api_key(where: { expires_at: { _is_null: true } }) { expires_at } }`, {}, { cookie });
    expect(neverExpiring.data.auth_api_key.length).toBeGreaterThan(0);
    expect(neverExpiring.data.auth_api_key.every((key: { expires_at: string | null }) => key.expires_at === null)).toBe(true);
  });
});

describe("an agent's start-up: register_agent, then query { hello }", () => {
  const registration = (extra: Record<string, unknown> = {}) => ({
    input: { type: 'LocalAgent', name: 'agent', labels: ['dev'], tenant_id: tenantA, agent_config_id: null, ...extra },
  });
  const agents = async () =>
    (
      await server.gql(
        `{ agent { id name type labels core_version created last_queried api_key_id agent_config_id user { id username } } }`,
        {},
        { cookie: world.sessions.admin },
      )
    ).data.agent;

  it('registers with a service-account key, answers hello, and an administrator sees which key runs it', async () => {
    const key = world.keys.adminSa;
    const registered = await prefect(DOC.registerAgent, registration(), { key: key.key, tenantId: tenantA });
    expect(registered.body.errors).toBeUndefined();
    const agentId = registered.body.data.register_agent.id;
    const hello = await prefect(DOC.hello, null, { key: key.key, tenantId: tenantA, headers: { 'x-prefect-agent-id': agentId } });
    expect(hello.body).toEqual({ data: { hello: 'Hello from Keyplane!' } });
    expect(await agents()).toContainEqual({
      id: agentId,
      name: 'agent',
      type: 'LocalAgent',
      labels: ['dev'],
      core_version: '1.4.1',
      created: expect.any(String),
      last_queried: expect.any(String),
      api_key_id: key.id,
      agent_config_id: null,
      user: { id: world.ids.adminSa, username: 'ci-admin' },
    });
  });

  it('the same agent starting again gets the same id; another name or labels is another agent', async () => {
    const key = world.keys.userSa.key;
    const first = (await prefect(DOC.registerAgent, registration(), { key, tenantId: tenantA })).body.data.register_agent.id;
    const again = (await prefect(DOC.registerAgent, registration(), { key, tenantId: tenantA })).body.data.register_agent.id;
    const relabelled = (await prefect(DOC.registerAgent, registration({ labels: ['dev', 'gpu'] }), { key, tenantId: tenantA })).body.data.register_agent.id;
    expect(again).toBe(first);
    expect(relabelled).not.toBe(first);
  });

  it("last seen moves when the agent's key is used, with at most one write a minute", async () => {
    const owner = { userId: world.ids.adminSa, tenantId: tenantA, service: true };
    const key = await makeKey(server, owner);
    const agentId = (await prefect(DOC.registerAgent, registration({ name: 'night-shift' }), { key: key.key, tenantId: tenantA })).body.data.register_agent.id;
    // Two hours pass, as far as the database knows.
    const past = new Date(Date.now() - 2 * 3_600_000).toISOString();
    await server.write(async (db) => {
      await db.run('UPDATE agent SET registered_at = ?, created = ? WHERE id = ?', [past, past, agentId]);
      await db.run('UPDATE api_key SET last_used_at = ? WHERE id = ?', [past, key.id]);
    });
    expect((await agents()).find((a: { id: string }) => a.id === agentId).last_queried).toBe(past);

    const writes = vi.spyOn(server.app.store, 'touchApiKeys');
    for (let i = 0; i < 20; i++) await prefect(DOC.hello, null, { key: key.key, tenantId: tenantA, headers: { 'x-prefect-agent-id': agentId } });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(writes).toHaveBeenCalledTimes(1);
    writes.mockRestore();
    const seen = Date.parse((await agents()).find((a: { id: string }) => a.id === agentId).last_queried);
    expect(Date.now() - seen).toBeLessThan(10_000);
  });

  it('a key keeps its 20 most recently seen agents', async () => {
    const key = await makeKey(server, { userId: world.ids.adminSa, tenantId: tenantA, service: true });
    for (let i = 0; i < 21; i++) await prefect(DOC.registerAgent, registration({ name: `worker-${i}` }), { key: key.key, tenantId: tenantA });
    const mine = (await agents()).filter((a: { api_key_id: string }) => a.api_key_id === key.id);
    expect(mine).toHaveLength(20);
    expect(mine.some((a: { name: string }) => a.name === 'worker-0')).toBe(false);
  });

  it('refuses bad input and callers who may not register, changing nothing', async () => {
    const readerSa = await makeServiceAccount(server, tenantA, 'READ_ONLY_USER');
    const readerKey = (await makeKey(server, { userId: readerSa, tenantId: tenantA, service: true })).key;
    const key = world.keys.adminSa.key;
    const cases: [Record<string, unknown>, { key?: string; cookie?: string }, string, string?][] = [
      [registration({ type: ' ' }), { key }, 'BAD_USER_INPUT', 'type'],
      [registration({ name: 'a\u0007b' }), { key }, 'BAD_USER_INPUT', 'name'],
      [registration({ labels: ['ok', 'x'.repeat(101)] }), { key }, 'BAD_USER_INPUT', 'labels'],
      [registration({ labels: Array.from({ length: 101 }, (_, i) => `l${i}`) }), { key }, 'BAD_USER_INPUT', 'labels'],
      [registration({ tenant_id: 'not-a-uuid' }), { key }, 'BAD_USER_INPUT'],
      [registration({ tenant_id: world.ids.tenantB }), { key }, 'NOT_FOUND'],
      [registration(), { key: readerKey }, 'FORBIDDEN'],
      [registration(), { cookie: world.sessions.admin }, 'FORBIDDEN'],
    ];
    for (const [variables, auth, code, field] of cases) {
      const before = await stableSnapshot(server);
      const result = await server.gql(DOC.registerAgent, variables, auth);
      expect(result.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code, ...(field && { field }) });
      expect(result.data ?? null).toBeNull();
      expect(await stableSnapshot(server)).toEqual(before);
    }
  });

  it('agents are for administrators to see', async () => {
    const result = await server.gql(`{ agent { id } }`, {}, { cookie: world.sessions.user });
    expect(result.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
