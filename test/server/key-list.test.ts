import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, startServer, TEST_STORE, type Server, type World } from './harness.js';

// The key list reads a page of keys first and their owners, creators and tenants
// afterwards (sqlite-store listApiKeys); filters and sorts on those relations must
// still see them.

let server: Server;
let world: World;

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
}, 60_000);

afterAll(() => server.close());

const LIST = `query ($where: auth_api_key_bool_exp, $order_by: [auth_api_key_order_by!]) {
  auth_api_key(where: $where, order_by: $order_by) {
    name user_id user { id username account_type } created_by { id username } tenant { id name slug } } }`;

describe('the key list with its relations', () => {
  it("shows each key's owner, creator and tenant", async () => {
    const { data } = await server.gql(LIST, {}, { cookie: world.sessions.admin });
    const byName = Object.fromEntries(data.auth_api_key.map((k: { name: string }) => [k.name, k]));
    expect(byName['admin-key']).toEqual({
      name: 'admin-key',
      user_id: world.ids.admin,
      user: { id: world.ids.admin, username: 'Alice Admin', account_type: 'NORMAL' },
      created_by: { id: world.ids.admin, username: 'Alice Admin' },
      tenant: { id: world.ids.tenantA, name: 'Tenant A', slug: 'tenant-a' },
    });
    expect(byName['user-sa-key']).toMatchObject({
      user: { id: world.ids.userSa, username: 'ci-user', account_type: 'SERVICE' },
      created_by: { id: world.ids.admin, username: 'Alice Admin' },
      tenant: { slug: 'tenant-a' },
    });
    expect(Object.keys(byName).sort()).toEqual(['admin-key', 'admin-sa-key', 'user-sa-key']);
  });

  it("filters and sorts on the owner's fields", async () => {
    const { data } = await server.gql(
      LIST,
      { where: { user: { account_type: { _eq: 'SERVICE' } } }, order_by: [{ user: { username: 'desc' } }] },
      { cookie: world.sessions.admin },
    );
    expect(data.auth_api_key.map((k: { user: { username: string } }) => k.user.username)).toEqual(['ci-user', 'ci-admin']);
  });

  it("filters and sorts on the tenant's fields", async () => {
    await world.createKey(world.sessions.adminB, world.ids.adminB, 'b-second');
    const { data } = await server.gql(
      LIST,
      { where: { tenant: { name: { _ilike: 'tenant b' } } }, order_by: [{ tenant: { slug: 'asc' } }, { name: 'asc' }] },
      { cookie: world.sessions.adminB },
    );
    expect(data.auth_api_key.map((k: { name: string; tenant: { slug: string } }) => `${k.tenant.slug}/${k.name}`)).toEqual([
      'tenant-b/admin-b-key',
      'tenant-b/b-second',
    ]);
  });
});

describe.skipIf(TEST_STORE !== 'sqlite')("the first page's query plan (SQLite)", () => {
  it('finds each scope in its own index, ordered there by created and id, and reads whole rows for the page alone', async () => {
    const driver = server.app.database.driver;
    const rows = driver.rows.bind(driver);
    const pageQueries: [string, readonly unknown[]][] = [];
    driver.rows = (query, params = []) => {
      if (query.startsWith('WITH page')) pageQueries.push([query, params]);
      return rows(query, params);
    };
    try {
      await server.gql('{ auth_api_key(limit: 50, order_by: {created: desc}) { id } }', {}, { cookie: world.sessions.admin });
    } finally {
      driver.rows = rows;
    }
    expect(pageQueries).toHaveLength(1);
    const [query, params] = pageQueries[0];
    const db = new Database(server.dbPath, { readonly: true });
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as { detail: string }[]).map((step) => step.detail);
    db.close();
    // The caller's own keys and the tenant's service-account keys, each from its covering index,
    // with no sort of its own: "LAST TERM" was the tie-breaker id, which older indexes lacked.
    expect(plan).toContain('SEARCH k USING INDEX api_key_owner_created_id (user_id=?)');
    expect(plan).toContain('SEARCH k USING INDEX api_key_tenant_kind_created_id (tenant_id=? AND owner_kind=?)');
    expect(plan.filter((step) => step.includes('LAST TERM OF ORDER BY'))).toEqual([]);
    // Whole rows are then read once, by primary key, for the page's keys.
    expect(plan.filter((step) => step.startsWith('SEARCH k USING INDEX sqlite_autoindex_api_key_1 (id=?)'))).toHaveLength(1);
  });
});
