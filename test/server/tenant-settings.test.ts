import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, startServer, type Auth, type Server, type World } from './harness.js';
import { makeKey, makeServiceAccount, stableSnapshot, unique } from './hardening-support.js';

// What Team › Settings relies on: old slugs lead to the tenant that had them (for its
// members alone) until another tenant takes them, and the number of keys that deleting a
// tenant stops, for its administrators.

let server: Server;
let world: World;
let admin: Auth;

const PREVIOUS = `query ($slug: String!) { tenant_by_previous_slug(slug: $slug) { id slug } }`;
const SET_SLUG = `mutation ($input: update_tenant_slug_input!) { update_tenant_slug(input: $input) { id slug } }`;
const CREATE = `mutation ($input: create_tenant_input!) { create_tenant(input: $input) { id slug } }`;
const DELETE = `mutation ($input: delete_tenant_input!) { delete_tenant(input: $input) { success } }`;
const KEY_COUNT = `query ($id: uuid!) { tenant_by_pk(id: $id) { live_api_key_count } }`;

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
  admin = { cookie: world.sessions.admin };
});
afterAll(() => server.close());

async function ok(query: string, variables: Record<string, unknown>, auth: Auth) {
  const result = await server.gql(query, variables, auth);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

/** A new tenant administered by A's administrator, with its slug. */
async function newTenant(slug = unique('t')) {
  return (await ok(CREATE, { input: { name: unique('Tenant'), slug } }, admin)).create_tenant as { id: string; slug: string };
}

const setSlug = (tenantId: string, slug: string, auth: Auth = admin) => server.gql(SET_SLUG, { input: { tenant_id: tenantId, slug } }, auth);
const previous = async (slug: string, auth: Auth = admin) =>
  (await ok(PREVIOUS, { slug }, auth)).tenant_by_previous_slug as { id: string; slug: string } | null;

describe('tenant_by_previous_slug', () => {
  it("leads an old slug to the tenant's current one, for each of its members and its own keys", async () => {
    const old = (await server.app.store.getTenant(world.ids.tenantA))!.slug;
    const next = unique('next');
    expect((await setSlug(world.ids.tenantA, next)).data.update_tenant_slug.slug).toBe(next);
    const callers: Auth[] = [
      admin,
      { cookie: world.sessions.user },
      { cookie: world.sessions.reader },
      { key: world.keys.reader.key },
      { key: world.keys.adminSa.key },
      { key: world.keys.userSa.key },
    ];
    for (const auth of callers) expect(await previous(old, auth)).toEqual({ id: world.ids.tenantA, slug: next });
  });

  it('tells an outsider, and a key of another tenant, nothing', async () => {
    const old = (await server.app.store.getTenant(world.ids.tenantA))!.slug;
    await setSlug(world.ids.tenantA, unique('moved'));
    expect(await previous(old, { cookie: world.sessions.adminB })).toBeNull();
    expect(await previous(old, { key: world.keys.adminB.key })).toBeNull();
    const pinned = await server.gql(CREATE, { input: { name: unique('Pinned') } }, admin);
    const key = await world.createKey(world.sessions.admin, world.ids.admin, unique('pinned'), { default_tenant_id: pinned.data.create_tenant.id });
    expect(await previous(old, { key: key.key })).toBeNull();
    const anonymous = await server.gql(PREVIOUS, { slug: old });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("answers null for a slug that is no one's old slug, and for a tenant's current slug", async () => {
    const tenant = await newTenant();
    expect(await previous(tenant.slug)).toBeNull();
    expect(await previous(unique('never'))).toBeNull();
  });

  it('leads every earlier slug to the latest, and a slug taken back is current again', async () => {
    const tenant = await newTenant();
    const [first, second, third] = [tenant.slug, unique('second'), unique('third')];
    await setSlug(tenant.id, second);
    await setSlug(tenant.id, third);
    expect(await previous(first)).toEqual({ id: tenant.id, slug: third });
    expect(await previous(second)).toEqual({ id: tenant.id, slug: third });
    await setSlug(tenant.id, first);
    expect(await previous(first)).toBeNull();
    expect(await previous(third)).toEqual({ id: tenant.id, slug: first });
  });

  it('gives an old slug up to a tenant that takes it: its URLs lead there from then on', async () => {
    const moved = await newTenant();
    const next = unique('elsewhere');
    await setSlug(moved.id, next);
    const taker = await server.gql(CREATE, { input: { name: unique('Taker'), slug: moved.slug } }, { cookie: world.sessions.adminB });
    expect(taker.errors).toBeUndefined();
    expect(await previous(moved.slug)).toBeNull();
    expect(
      (await ok(`query ($slug: String) { tenant(where: { slug: { _eq: $slug } }) { id } }`, { slug: moved.slug }, { cookie: world.sessions.adminB })).tenant,
    ).toEqual([{ id: taker.data.create_tenant.id }]);

    // A slug change takes an old slug the same way.
    const other = await newTenant();
    const before = unique('before');
    await setSlug(moved.id, before);
    expect(await previous(next)).toEqual({ id: moved.id, slug: before });
    expect((await setSlug(other.id, next)).errors).toBeUndefined();
    expect(await previous(next)).toBeNull();
  });

  it('keeps no old slug of a deleted tenant', async () => {
    const tenant = await newTenant();
    await setSlug(tenant.id, unique('gone'));
    expect(await server.rows('SELECT slug FROM tenant_slug_history WHERE tenant_id = ?', [tenant.id])).toHaveLength(1);
    await ok(DELETE, { input: { tenant_id: tenant.id, confirm: true } }, admin);
    expect(await server.rows('SELECT slug FROM tenant_slug_history WHERE tenant_id = ?', [tenant.id])).toEqual([]);
    expect(await previous(tenant.slug)).toBeNull();
  });

  it('refuses a taken or malformed slug and changes nothing, the old slugs included', async () => {
    const tenant = await newTenant();
    await setSlug(tenant.id, unique('kept'));
    const taken = (await server.app.store.getTenant(world.ids.tenantB))!.slug;
    for (const slug of [taken, 'Not A Slug', 'graphql', world.ids.tenantB]) {
      const before = await stableSnapshot(server);
      const result = await setSlug(tenant.id, slug);
      expect(result.errors?.[0]?.extensions?.code, slug).toBe('BAD_USER_INPUT');
      expect(await stableSnapshot(server), slug).toEqual(before);
    }
    const refused = await setSlug(tenant.id, taken);
    expect(refused.errors?.[0]?.message).toBe(`The slug "${taken}" is already taken.`);
  });
});

describe('tenant.live_api_key_count', () => {
  it("counts every live key acting in the tenant, people's and service accounts', and no revoked or expired one", async () => {
    const tenant = await newTenant();
    const bot = await makeServiceAccount(server, tenant.id, 'USER');
    await makeKey(server, { userId: world.ids.admin, tenantId: tenant.id });
    await makeKey(server, { userId: bot, tenantId: tenant.id, service: true });
    await makeKey(server, { userId: bot, tenantId: tenant.id, service: true }, { expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    await makeKey(server, { userId: bot, tenantId: tenant.id, service: true }, { revoked: true });
    await makeKey(server, { userId: bot, tenantId: tenant.id, service: true }, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect((await ok(KEY_COUNT, { id: tenant.id }, admin)).tenant_by_pk.live_api_key_count).toBe(3);
  });

  it("answers administrators (an admin-role service account's key too) and null to other roles", async () => {
    const count = async (auth: Auth) => (await ok(KEY_COUNT, { id: world.ids.tenantA }, auth)).tenant_by_pk?.live_api_key_count;
    // The world's keys in A: its administrator's, user's, reader's and both service accounts'.
    expect(await count(admin)).toBe(5);
    expect(await count({ key: world.keys.adminSa.key })).toBe(5);
    for (const auth of [{ cookie: world.sessions.user }, { cookie: world.sessions.reader }, { key: world.keys.userSa.key }, { key: world.keys.reader.key }])
      expect(await count(auth)).toBeNull();
    // An outsider does not see the tenant at all.
    expect(await count({ cookie: world.sessions.adminB })).toBeUndefined();
  });
});
