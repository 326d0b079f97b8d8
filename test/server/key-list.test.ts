import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, startServer, type Server, type World } from './harness.js';

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
