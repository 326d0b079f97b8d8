import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_INFO, buildWorld, CREATE_KEY, DELETE_KEY, PASSWORD, startServer, type Server, type World } from './harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let server: Server;
let world: World;

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
});
afterAll(() => server.close());

describe('every operation of the contract, as a Prefect 1.x client reads it', () => {
  it('setup_required is false once bootstrapped, and bootstrap refuses a second run', async () => {
    expect((await server.gql('{ setup_required }')).data).toEqual({ setup_required: false });
    const again = await server.gql(
      `mutation { bootstrap(input: { email: "x@y.test", username: "x", password: "${PASSWORD}", tenant_name: "X" }) { user_id } }`,
    );
    expect(again.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('auth_info answers user_id, tenant_id, role, permissions and api_key_id for a key', async () => {
    const { data } = await server.gql(AUTH_INFO, {}, { key: world.keys.user.key });
    expect(data.auth_info).toMatchObject({
      user_id: world.ids.user,
      tenant_id: world.ids.tenantA,
      role: 'USER',
      api_key_id: world.keys.user.id,
      user: { username: 'Uma User', account_type: 'NORMAL' },
      tenant: { id: world.ids.tenantA, slug: 'tenant-a' },
    });
    expect(data.auth_info.permissions).toContain('create:own_api_key');
    expect(data.auth_info.permissions).not.toContain('create:service_account');
  });

  it('user is a list holding the caller, with memberships, tenant and role_detail', async () => {
    const { data } = await server.gql(
      `{ user { id username email account_type default_membership_id memberships { id tenant_id tenant { id name slug } role role_detail { id name } } } }`,
      {},
      { cookie: world.sessions.admin },
    );
    expect(data.user).toHaveLength(1);
    expect(data.user[0]).toMatchObject({ id: world.ids.admin, email: 'admin@a.test', account_type: 'NORMAL' });
    expect(data.user[0].default_membership_id).toMatch(UUID);
    expect(data.user[0].memberships).toEqual([
      {
        id: expect.stringMatching(UUID),
        tenant_id: world.ids.tenantA,
        tenant: { id: world.ids.tenantA, name: 'Tenant A', slug: 'tenant-a' },
        role: 'TENANT_ADMIN',
        role_detail: { id: 'TENANT_ADMIN', name: 'Administrator' },
      },
    ]);
  });

  it('user_view_same_tenant lists people and service accounts of the tenant with their roles', async () => {
    const { data } = await server.gql(
      `{ user_view_same_tenant(order_by: { username: asc }) { id username email account_type created memberships { id tenant_id role role_detail { name } } api_key_count }
         user_view_same_tenant_aggregate { aggregate { count } } }`,
      {},
      { cookie: world.sessions.admin },
    );
    const names = data.user_view_same_tenant.map((u: { username: string }) => u.username);
    expect(names).toEqual(['Alice Admin', 'Rex Reader', 'Uma User', 'ci-admin', 'ci-user']);
    expect(names).not.toContain('Bob Admin');
    expect(data.user_view_same_tenant_aggregate.aggregate.count).toBe(5);
    const sa = data.user_view_same_tenant.find((u: { username: string }) => u.username === 'ci-admin');
    expect(sa).toMatchObject({ account_type: 'SERVICE', api_key_count: 1, memberships: [{ role: 'TENANT_ADMIN', tenant_id: world.ids.tenantA }] });
    expect(sa.created).toMatch(ISO);
  });

  it('tenant lists the tenants the caller belongs to, with an aggregate', async () => {
    const { data } = await server.gql(
      `{ tenant(order_by: { name: asc }) { id name slug created } tenant_aggregate { aggregate { count } } }`,
      {},
      { cookie: world.sessions.admin },
    );
    expect(data.tenant).toEqual([{ id: world.ids.tenantA, name: 'Tenant A', slug: 'tenant-a', created: expect.stringMatching(ISO) }]);
    expect(data.tenant_aggregate.aggregate.count).toBe(1);
  });

  it('create_api_key returns the key under both key and token; auth_api_key shows metadata only', async () => {
    const expires = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const created = await server.gql(
      CREATE_KEY,
      { input: { user_id: world.ids.user, name: 'ops laptop', expires_at: expires } },
      { cookie: world.sessions.user },
    );
    const { id, key, token } = created.data.create_api_key;
    expect(id).toMatch(UUID);
    expect(key).toMatch(/^kpu_[0-9A-Za-z]{36}$/);
    expect(token).toBe(key);

    const listed = await server.gql(
      `query ($id: uuid!) { auth_api_key(where: { id: { _eq: $id } }) { id name created updated expires_at default_tenant_id user_id created_by { id username } user { id username account_type } tenant { id name slug } key_hint last_used_at } }`,
      { id },
      { cookie: world.sessions.user },
    );
    expect(listed.data.auth_api_key).toEqual([
      {
        id,
        name: 'ops laptop',
        created: expect.stringMatching(ISO),
        updated: expect.stringMatching(ISO),
        expires_at: expires,
        default_tenant_id: world.ids.tenantA,
        user_id: world.ids.user,
        created_by: { id: world.ids.user, username: 'Uma User' },
        user: { id: world.ids.user, username: 'Uma User', account_type: 'NORMAL' },
        tenant: { id: world.ids.tenantA, name: 'Tenant A', slug: 'tenant-a' },
        key_hint: key.slice(0, 8),
        last_used_at: null,
      },
    ]);
    expect(listed.raw).not.toContain(key);
  });

  it('a key without expires_at never expires', async () => {
    const created = await world.createKey(world.sessions.user, world.ids.user, 'forever');
    const { data } = await server.gql(
      `query ($id: uuid!) { auth_api_key(where: { id: { _eq: $id } }) { expires_at } }`,
      { id: created.id },
      { key: created.key },
    );
    expect(data.auth_api_key).toEqual([{ expires_at: null }]);
  });

  it('delete_api_key revokes, and the key fails on the very next request', async () => {
    const created = await world.createKey(world.sessions.user, world.ids.user, 'short-lived');
    expect((await server.gql(AUTH_INFO, {}, { key: created.key })).status).toBe(200);
    const deleted = await server.gql(DELETE_KEY, { input: { key_id: created.id } }, { cookie: world.sessions.user });
    expect(deleted.data).toEqual({ delete_api_key: { success: true } });
    const after = await server.gql(AUTH_INFO, {}, { key: created.key });
    expect(after.status).toBe(401);
    expect(after.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(after.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('create_service_account, a key for it, then delete_service_account revokes its keys', async () => {
    const sa = await server.gql(
      `mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }`,
      { input: { tenant_id: world.ids.tenantA, name: 'deployer' } },
      { cookie: world.sessions.admin },
    );
    const saId = sa.data.create_service_account.id;
    const key = await world.createKey(world.sessions.admin, saId, 'deploy');
    expect(key.key.startsWith('kps_')).toBe(true);
    const info = await server.gql(AUTH_INFO, {}, { key: key.key });
    expect(info.data.auth_info).toMatchObject({
      user_id: saId,
      tenant_id: world.ids.tenantA,
      role: 'TENANT_ADMIN',
      user: { account_type: 'SERVICE', username: 'deployer' },
    });

    const removed = await server.gql(
      `mutation ($input: delete_service_account_input!) { delete_service_account(input: $input) { success } }`,
      { input: { user_id: saId } },
      { cookie: world.sessions.admin },
    );
    expect(removed.data).toEqual({ delete_service_account: { success: true } });
    expect((await server.gql(AUTH_INFO, {}, { key: key.key })).status).toBe(401);
  });

  it('create_tenant makes the caller its administrator; a duplicate slug is refused', async () => {
    const created = await server.gql(`mutation { create_tenant(input: { name: "Side Project" }) { id slug } }`, {}, { cookie: world.sessions.user });
    expect(created.data.create_tenant).toEqual({ id: expect.stringMatching(UUID), slug: 'side-project' });
    const info = await server.gql(AUTH_INFO, {}, { cookie: world.sessions.user, tenant: 'side-project' });
    expect(info.data.auth_info).toMatchObject({ tenant_id: created.data.create_tenant.id, role: 'TENANT_ADMIN' });
    const same = await server.gql(`mutation { create_tenant(input: { name: "Other", slug: "side-project" }) { id } }`, {}, { cookie: world.sessions.user });
    expect(same.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
    // Another person's tenant of the same name gets the next free slug (the same person may not have two: tenant-names.test.ts).
    const auto = await server.gql(`mutation { create_tenant(input: { name: "Side Project" }) { slug } }`, {}, { cookie: world.sessions.admin });
    expect(auto.data.create_tenant.slug).toBe('side-project-2');
  });

  it('invitation: create, preview, accept with a new account (signed in), then set role and delete membership', async () => {
    const invite = await server.gql(
      `mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { id token } }`,
      { input: { tenant_id: world.ids.tenantA, email: 'newbie@a.test', role: 'USER' } },
      { cookie: world.sessions.admin },
    );
    const { token } = invite.data.create_membership_invitation;
    const pending = await server.gql(
      `{ membership_invitation { id email role role_detail { name } expires_at invited_by { username } } }`,
      {},
      { cookie: world.sessions.admin },
    );
    expect(pending.data.membership_invitation).toContainEqual(
      expect.objectContaining({ email: 'newbie@a.test', role: 'USER', invited_by: { username: 'Alice Admin' } }),
    );
    expect(pending.raw).not.toContain(token);

    const preview = await server.gql(`query ($token: String!) { invitation_preview(token: $token) { tenant_name email role status } }`, { token });
    expect(preview.data.invitation_preview).toEqual({ tenant_name: 'Tenant A', email: 'newbie@a.test', role: 'USER', status: 'VALID' });

    const accepted = await server.gql(
      `mutation ($input: accept_membership_invitation_input!) { accept_membership_invitation(input: $input) { success tenant_id tenant_slug } }`,
      { input: { token, username: 'Newbie', password: PASSWORD } },
    );
    expect(accepted.data.accept_membership_invitation).toEqual({ success: true, tenant_id: world.ids.tenantA, tenant_slug: 'tenant-a' });
    const cookie = accepted.cookies.find((c) => c.name === 'keyplane_session')!.value;
    const me = await server.gql(`{ user { id memberships { id role } } }`, {}, { cookie });
    const membershipId = me.data.user[0].memberships[0].id;

    const reused = await server.gql(`mutation ($input: accept_membership_invitation_input!) { accept_membership_invitation(input: $input) { success } }`, {
      input: { token, username: 'Again', password: PASSWORD },
    });
    expect(reused.errors?.[0]).toMatchObject({ message: 'This invitation has already been used.', extensions: { code: 'BAD_USER_INPUT' } });

    const promoted = await server.gql(
      `mutation ($input: set_membership_role_input!) { set_membership_role(input: $input) { id } }`,
      { input: { membership_id: membershipId, role: 'READ_ONLY_USER' } },
      { cookie: world.sessions.admin },
    );
    expect(promoted.data.set_membership_role.id).toBe(membershipId);
    const key = await world.createKey(cookie, me.data.user[0].id, 'newbie-key');
    const removed = await server.gql(
      `mutation ($input: delete_membership_input!) { delete_membership(input: $input) { success } }`,
      { input: { membership_id: membershipId } },
      { cookie: world.sessions.admin },
    );
    expect(removed.data.delete_membership.success).toBe(true);
    // Removing a member revokes their keys for that tenant.
    expect((await server.gql(AUTH_INFO, {}, { key: key.key })).status).toBe(401);
  });

  it('delete_membership_invitation revokes a pending invitation', async () => {
    const invite = await server.gql(
      `mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { id token } }`,
      { input: { tenant_id: world.ids.tenantA, email: 'maybe@a.test', role: 'USER' } },
      { cookie: world.sessions.admin },
    );
    const { id, token } = invite.data.create_membership_invitation;
    const revoked = await server.gql(
      `mutation ($input: delete_membership_invitation_input!) { delete_membership_invitation(input: $input) { success } }`,
      { input: { invitation_id: id } },
      { cookie: world.sessions.admin },
    );
    expect(revoked.data.delete_membership_invitation.success).toBe(true);
    const preview = await server.gql(`query ($token: String!) { invitation_preview(token: $token) { status } }`, { token });
    expect(preview.data.invitation_preview.status).toBe('REVOKED');
  });

  it('log_in sets an HttpOnly SameSite=Strict session cookie; log_out ends the session on the server', async () => {
    const result = await server.gql(`mutation { log_in(input: { email: "reader@a.test", password: "${PASSWORD}" }) { user_id expires_at } }`);
    expect(result.data.log_in).toEqual({ user_id: world.ids.reader, expires_at: expect.stringMatching(ISO) });
    const setCookie = String(result.headers['set-cookie']);
    expect(setCookie).toMatch(/keyplane_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = result.cookies[0].value;
    expect((await server.gql(`mutation { log_out { success } }`, {}, { cookie })).data.log_out.success).toBe(true);
    expect((await server.gql(AUTH_INFO, {}, { cookie })).status).toBe(401);
  });

  it('a wrong password gets one clear coded error and no cookie', async () => {
    const result = await server.gql(`mutation { log_in(input: { email: "reader@a.test", password: "not-the-password" }) { user_id } }`);
    expect(result.errors?.[0]).toMatchObject({ message: 'Wrong email or password.', extensions: { code: 'BAD_USER_INPUT' } });
    expect(result.cookies).toHaveLength(0);
    const unknown = await server.gql(`mutation { log_in(input: { email: "nobody@a.test", password: "not-the-password" }) { user_id } }`);
    expect(unknown.errors?.[0].message).toBe('Wrong email or password.');
  });
});

describe('Hasura-style list arguments', () => {
  it('filters with where, orders with order_by, pages with limit/offset, and counts with _aggregate', async () => {
    for (const name of ['zeta', 'alpha', 'mid']) await world.createKey(world.sessions.reader, world.ids.reader, `page-${name}`);
    const auth = { cookie: world.sessions.reader };
    const where = { name: { _ilike: 'PAGE-%' } };
    const first = await server.gql(
      `query ($where: auth_api_key_bool_exp) { auth_api_key(where: $where, order_by: { name: asc }, limit: 2) { name } auth_api_key_aggregate(where: $where) { aggregate { count } } }`,
      { where },
      auth,
    );
    expect(first.data.auth_api_key.map((k: { name: string }) => k.name)).toEqual(['page-alpha', 'page-mid']);
    expect(first.data.auth_api_key_aggregate.aggregate.count).toBe(3);
    const second = await server.gql(
      `query ($where: auth_api_key_bool_exp) { auth_api_key(where: $where, order_by: [{ name: asc }], limit: 2, offset: 2) { name } }`,
      { where },
      auth,
    );
    expect(second.data.auth_api_key.map((k: { name: string }) => k.name)).toEqual(['page-zeta']);
    const or = await server.gql(
      `{ auth_api_key(where: { _or: [{ name: { _eq: "page-zeta" } }, { name: { _in: ["page-alpha"] } }], _not: { name: { _eq: "page-alpha" } } }) { name } }`,
      {},
      auth,
    );
    expect(or.data.auth_api_key.map((k: { name: string }) => k.name)).toEqual(['page-zeta']);
    const never = await server.gql(`{ auth_api_key(where: { expires_at: { _is_null: true }, tenant: { slug: { _eq: "tenant-a" } } }) { name } }`, {}, auth);
    expect(never.data.auth_api_key.length).toBeGreaterThanOrEqual(4);
  });

  it('an unknown field or operator is BAD_USER_INPUT', async () => {
    for (const where of ['{ nam: { _eq: "x" } }', '{ name: { _regex: "x" } }', '{ user: { email: { _eq: "x" } } }']) {
      const result = await server.gql(`{ auth_api_key(where: ${where}) { id } }`, {}, { key: world.keys.user.key });
      expect(result.errors?.[0].extensions.code, where).toBe('BAD_USER_INPUT');
    }
    const order = await server.gql(`{ auth_api_key(order_by: { key_hash: asc }) { id } }`, {}, { key: world.keys.user.key });
    expect(order.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('limit may not exceed 1000, nor offset be negative', async () => {
    const over = await server.gql(`{ auth_api_key(limit: 1001) { id } }`, {}, { key: world.keys.user.key });
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    const negative = await server.gql(`{ auth_api_key(offset: -1) { id } }`, {}, { key: world.keys.user.key });
    expect(negative.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offset' });
  });
});
