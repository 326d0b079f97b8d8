import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/server/store/errors.js';
import { compileWhere, FILTER_LIMITS, type EntitySpec } from '../../src/server/store/hasura-sql.js';
import type { Dialect, SqlValue } from '../../src/server/store/sql/driver.js';
import { buildWorld, startServer, type Server, type World } from './harness.js';
import { makeKey, post } from './hardening-support.js';

// Hasura's dialect beyond what Prefect 1.x sends: the pattern operators, boolean
// operators on every *_bool_exp, the *_by_pk fields, and the filterable fields that
// the key list and the audit log expose.

let server: Server;
let world: World;

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
  // Names that tell a case-sensitive match from a case-insensitive one, and GLOB's specials.
  for (const name of ['Deploy-Prod', 'deploy-staging', 'star*key', 'what?key', '[bracket]key'])
    await world.createKey(world.sessions.admin, world.ids.admin, name);
}, 60_000);

afterAll(() => server.close());

const KEY_NAMES = `query ($where: auth_api_key_bool_exp) { auth_api_key(where: $where, order_by: [{ name: asc }]) { name } }`;
async function keyNames(where: unknown, as = world.sessions.admin): Promise<string[]> {
  const result = await server.gql(KEY_NAMES, { where }, { cookie: as });
  expect(result.errors).toBeUndefined();
  return result.data.auth_api_key.map((k: { name: string }) => k.name);
}

describe('pattern operators', () => {
  it('_like matches case-sensitively, _ilike ignores case', async () => {
    expect(await keyNames({ name: { _like: 'Deploy%' } })).toEqual(['Deploy-Prod']);
    expect(await keyNames({ name: { _like: 'deploy%' } })).toEqual(['deploy-staging']);
    expect(await keyNames({ name: { _ilike: 'deploy%' } })).toEqual(['Deploy-Prod', 'deploy-staging']);
    expect(await keyNames({ name: { _like: '_eploy-Pro_' } })).toEqual(['Deploy-Prod']);
  });

  it('_nlike and _nilike are their negations', async () => {
    const all = await keyNames({});
    expect(await keyNames({ name: { _nlike: 'Deploy%' } })).toEqual(all.filter((n) => n !== 'Deploy-Prod'));
    expect(await keyNames({ name: { _nilike: 'DEPLOY%' } })).toEqual(all.filter((n) => !n.toLowerCase().startsWith('deploy')));
  });

  it("takes *, ? and [ in a _like pattern literally (they are GLOB's wildcards, not LIKE's)", async () => {
    expect(await keyNames({ name: { _like: 'star*key' } })).toEqual(['star*key']);
    expect(await keyNames({ name: { _like: 'what?key' } })).toEqual(['what?key']);
    expect(await keyNames({ name: { _like: '[bracket]%' } })).toEqual(['[bracket]key']);
    expect(await keyNames({ name: { _like: '*' } })).toEqual([]);
    expect(await keyNames({ name: { _like: '%key' } })).toEqual(['[bracket]key', 'admin-key', 'admin-sa-key', 'star*key', 'user-sa-key', 'what?key']);
  });

  it('counts every pattern operator against the same budget, with the same bounds on each pattern', async () => {
    const ops = ['_like', '_nlike', '_ilike', '_nilike'];
    const tooMany = { _or: Array.from({ length: FILTER_LIMITS.patterns + 1 }, (_, i) => ({ name: { [ops[i % ops.length]]: '%a%' } })) };
    const withinBudget = { _or: ops.map((op) => ({ name: { [op]: '%a%' } })) };
    const refusal = async (where: unknown) => {
      const result = await post(
        server,
        { query: KEY_NAMES, variables: { where } },
        { headers: { cookie: `keyplane_session=${world.sessions.admin}`, 'x-keyplane-csrf': '1' } },
      );
      return { status: result.status, ...result.body.errors?.[0]?.extensions, message: result.body.errors?.[0]?.message };
    };
    expect(await refusal(tooMany)).toMatchObject({
      status: 400,
      code: 'BAD_USER_INPUT',
      field: 'where',
      message: expect.stringContaining('pattern conditions'),
    });
    expect((await refusal(withinBudget)).code).toBeUndefined();
    for (const op of ops) {
      expect(await refusal({ name: { [op]: 'a'.repeat(FILTER_LIMITS.patternLength + 1) } })).toMatchObject({
        status: 400,
        field: 'where',
        message: expect.stringContaining(op),
      });
      expect(await refusal({ name: { [op]: '_%'.repeat(6) } })).toMatchObject({ status: 400, field: 'where', message: expect.stringContaining('wildcards') });
    }
  });
});

describe('filterable fields', () => {
  it('_and, _or and _not work on a key owner (api_key_user_bool_exp)', async () => {
    const serviceKeys = await keyNames({ user: { _or: [{ username: { _eq: 'ci-admin' } }, { username: { _eq: 'ci-user' } }] } });
    expect(serviceKeys).toEqual(['admin-sa-key', 'user-sa-key']);
    expect(await keyNames({ user: { _and: [{ account_type: { _eq: 'SERVICE' } }, { _not: { username: { _eq: 'ci-admin' } } }] } })).toEqual(['user-sa-key']);
  });

  it('filters keys by key_hint and by their creator', async () => {
    const { data } = await server.gql(`{ auth_api_key(where: { name: { _eq: "Deploy-Prod" } }) { key_hint } }`, {}, { cookie: world.sessions.admin });
    const hint = data.auth_api_key[0].key_hint as string;
    expect(await keyNames({ key_hint: { _eq: hint } })).toEqual(['Deploy-Prod']);
    // A key made outside the API has its owner as creator (makeKey); the administrator made the rest.
    await makeKey(server, { userId: world.ids.adminSa, tenantId: world.ids.tenantA, service: true });
    const byOthers = await keyNames({ created_by: { username: { _neq: 'Alice Admin' } } });
    expect(byOthers).toHaveLength(1);
    const count = await server.gql(
      `{ auth_api_key_aggregate(where: { created_by: { id: { _eq: "${world.ids.adminSa}" } } }) { aggregate { count } } }`,
      {},
      { cookie: world.sessions.admin },
    );
    expect(count.data.auth_api_key_aggregate.aggregate.count).toBe(1);
  });

  it('filters audit events by actor, target name and source address, in the list and the count', async () => {
    const query = `query ($where: audit_event_bool_exp) {
      audit_event(where: $where) { action actor { username } target_name source_address }
      audit_event_aggregate(where: $where) { aggregate { count } } }`;
    const run = async (where: unknown) => (await server.gql(query, { where }, { cookie: world.sessions.admin })).data;
    const byAlice = await run({ actor: { username: { _eq: 'Alice Admin' } }, action: { _eq: 'api_key.create' } });
    expect(byAlice.audit_event.length).toBeGreaterThan(0);
    expect(byAlice.audit_event.every((e: { actor: { username: string } }) => e.actor.username === 'Alice Admin')).toBe(true);
    expect(byAlice.audit_event_aggregate.aggregate.count).toBe(byAlice.audit_event.length);
    expect((await run({ actor: { username: { _eq: 'Nobody' } } })).audit_event_aggregate.aggregate.count).toBe(0);

    const named = await run({ target_name: { _eq: 'Deploy-Prod' } });
    expect(named.audit_event.map((e: { action: string }) => e.action)).toEqual(['api_key.create']);
    const address = named.audit_event[0].source_address as string;
    const fromThere = await run({ source_address: { _eq: address } });
    expect(fromThere.audit_event_aggregate.aggregate.count).toBeGreaterThan(1);
    expect((await run({ source_address: { _eq: '203.0.113.9' } })).audit_event_aggregate.aggregate.count).toBe(0);
  });
});

describe('*_by_pk', () => {
  const KEY_BY_PK = `query ($id: uuid!) { auth_api_key_by_pk(id: $id) { id name user { id } } }`;
  const MEMBER_BY_PK = `query ($id: uuid!) { user_view_same_tenant_by_pk(id: $id) { id username account_type api_key_count memberships { role } } }`;

  it('auth_api_key_by_pk answers a visible key, and null for an unknown, revoked or unseen one', async () => {
    const own = await world.createKey(world.sessions.user, world.ids.user, 'by-pk');
    expect((await server.gql(KEY_BY_PK, { id: own.id }, { cookie: world.sessions.user })).data.auth_api_key_by_pk).toEqual({
      id: own.id,
      name: 'by-pk',
      user: { id: world.ids.user },
    });
    // Another person's key, even an administrator's own: out of sight, so null rather than an error.
    expect((await server.gql(KEY_BY_PK, { id: own.id }, { cookie: world.sessions.admin })).data.auth_api_key_by_pk).toBeNull();
    expect((await server.gql(KEY_BY_PK, { id: '00000000-0000-4000-8000-000000000000' }, { cookie: world.sessions.user })).data.auth_api_key_by_pk).toBeNull();
    const revoked = await makeKey(server, { userId: world.ids.user, tenantId: world.ids.tenantA }, { revoked: true });
    expect((await server.gql(KEY_BY_PK, { id: revoked.id }, { cookie: world.sessions.user })).data.auth_api_key_by_pk).toBeNull();
    const bad = await server.gql(KEY_BY_PK, { id: 'not-a-uuid' }, { cookie: world.sessions.user });
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it("user_view_same_tenant_by_pk answers a member of the current tenant, with a service account's key count for administrators only", async () => {
    const asAdmin = (await server.gql(MEMBER_BY_PK, { id: world.ids.adminSa }, { cookie: world.sessions.admin })).data.user_view_same_tenant_by_pk;
    expect(asAdmin).toMatchObject({ id: world.ids.adminSa, username: 'ci-admin', account_type: 'SERVICE', memberships: [{ role: 'TENANT_ADMIN' }] });
    expect(asAdmin.api_key_count).toBeGreaterThan(0);
    const asReader = (await server.gql(MEMBER_BY_PK, { id: world.ids.adminSa }, { cookie: world.sessions.reader })).data.user_view_same_tenant_by_pk;
    expect(asReader).toMatchObject({ id: world.ids.adminSa, api_key_count: null });
    // Tenant B's administrator is no member of A.
    expect((await server.gql(MEMBER_BY_PK, { id: world.ids.adminB }, { cookie: world.sessions.admin })).data.user_view_same_tenant_by_pk).toBeNull();
  });
});

describe('the SQL each dialect gets', () => {
  const KEYS: EntitySpec = { fields: { name: 'k.name', created: 'k.created' }, relations: { user: { fields: { username: 'u.username' } } } };
  const compiled = (dialect: Dialect, where: Record<string, unknown>) => {
    const params: SqlValue[] = [];
    return { sql: compileWhere(dialect, KEYS, where, params), params };
  };

  it('pattern operators: GLOB and lower() LIKE on SQLite; LIKE without an escape character, in the C collation, on PostgreSQL', () => {
    const where = {
      _or: [{ name: { _like: 'Dep*loy_%' } }, { name: { _nlike: 'x?' } }, { name: { _ilike: 'A%' } }, { user: { username: { _nilike: '%b' } } }],
    };
    expect(compiled('sqlite', where)).toEqual({
      sql: '((k.name GLOB ?) OR (k.name NOT GLOB ?) OR (lower(k.name) LIKE lower(?)) OR ((lower(u.username) NOT LIKE lower(?))))',
      params: ['Dep[*]loy?*', 'x[?]', 'A%', '%b'],
    });
    expect(compiled('postgres', where)).toEqual({
      sql: `((k.name COLLATE "C" LIKE ? ESCAPE '') OR (k.name COLLATE "C" NOT LIKE ? ESCAPE '') OR (lower(k.name COLLATE "C") LIKE lower(CAST(? AS text) COLLATE "C") ESCAPE '') OR ((lower(u.username COLLATE "C") NOT LIKE lower(CAST(? AS text) COLLATE "C") ESCAPE '')))`,
      params: ['Dep*loy_%', 'x?', 'A%', '%b'],
    });
  });

  it('true and false as 1=1 and 1=0 on both, comparisons and lists with ? placeholders in order', () => {
    const where = { _and: [], _or: [], name: { _in: [], _nin: ['a', 'b'] }, created: { _gt: '2026-01-01', _is_null: false } };
    const expected = { sql: '1=1 AND 1=0 AND 1=0 AND k.name NOT IN (?, ?) AND k.created > ? AND k.created IS NOT NULL', params: ['a', 'b', '2026-01-01'] };
    expect(compiled('sqlite', where)).toEqual(expected);
    expect(compiled('postgres', where)).toEqual(expected);
    expect(compiled('postgres', {}).sql).toBe('1=1');
  });

  it('holds both dialects to the same limits', () => {
    const tooMany = { _or: Array.from({ length: FILTER_LIMITS.patterns + 1 }, () => ({ name: { _ilike: '%a%' } })) };
    for (const dialect of ['sqlite', 'postgres'] as const) {
      expect(() => compiled(dialect, tooMany)).toThrow(StoreError);
      expect(() => compiled(dialect, { name: { _like: '%'.repeat(2) + 'a_'.repeat(FILTER_LIMITS.wildcards) } })).toThrow(/wildcards/);
      expect(() => compiled(dialect, { secret: { _eq: 'x' } })).toThrow(/Unknown field "secret"/);
    }
  });
});
