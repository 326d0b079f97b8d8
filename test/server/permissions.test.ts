import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_INFO, buildWorld, CREATE_KEY, DELETE_KEY, startServer, withoutRequestIds, type Auth, type Server, type World, usesSettled } from './harness.js';

// The permission table of DESIGN.md, row by row, for every role.

let server: Server;
let world: World;

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
});
afterAll(() => server.close());

const LIST_KEYS = `{ auth_api_key(limit: 1000) { id user_id user { account_type } default_tenant_id } }`;
const code = (result: { errors?: { extensions: { code: string } }[] }) => result.errors?.[0]?.extensions.code;

async function keyOwners(auth: Auth) {
  const result = await server.gql(LIST_KEYS, {}, auth);
  expect(result.errors).toBeUndefined();
  return result.data.auth_api_key as { id: string; user_id: string; user: { account_type: string }; default_tenant_id: string }[];
}

describe('see own keys; create and revoke own keys', () => {
  it.each(['reader', 'user', 'admin'] as const)('%s sees their own keys, creates and revokes one', async (role) => {
    const auth = { cookie: world.sessions[role] };
    const created = await server.gql(CREATE_KEY, { input: { user_id: world.ids[role], name: `${role}-own` } }, auth);
    expect(created.data.create_api_key.key).toMatch(/^kpu_/);
    const mine = await keyOwners(auth);
    expect(mine.map((k) => k.id)).toContain(created.data.create_api_key.id);
    const revoked = await server.gql(DELETE_KEY, { input: { key_id: created.data.create_api_key.id } }, auth);
    expect(revoked.data.delete_api_key.success).toBe(true);
  });

  it("nobody sees another person's keys, not even an administrator", async () => {
    for (const role of ['reader', 'user', 'admin'] as const) {
      const visible = await keyOwners({ cookie: world.sessions[role] });
      const people = visible.filter((k) => k.user.account_type === 'NORMAL');
      expect(
        people.every((k) => k.user_id === world.ids[role]),
        role,
      ).toBe(true);
    }
  });

  it("nobody revokes another person's key: NOT_FOUND, and the key still works", async () => {
    for (const role of ['reader', 'user', 'admin'] as const) {
      const other = role === 'user' ? world.keys.reader : world.keys.user;
      const result = await server.gql(DELETE_KEY, { input: { key_id: other.id } }, { cookie: world.sessions[role] });
      expect(code(result), role).toBe('NOT_FOUND');
    }
    expect((await server.gql(AUTH_INFO, {}, { key: world.keys.user.key })).status).toBe(200);
  });

  it('nobody creates a key for another person of the tenant (FORBIDDEN) or of another tenant (NOT_FOUND)', async () => {
    const sameTenant = await server.gql(CREATE_KEY, { input: { user_id: world.ids.user, name: 'x' } }, { cookie: world.sessions.admin });
    expect(code(sameTenant)).toBe('FORBIDDEN');
    const otherTenant = await server.gql(CREATE_KEY, { input: { user_id: world.ids.adminB, name: 'x' } }, { cookie: world.sessions.admin });
    expect(code(otherTenant)).toBe('NOT_FOUND');
  });
});

describe('service-account keys of the tenant', () => {
  it('administrators and admin-role service accounts see every service-account key of their tenant', async () => {
    for (const auth of [{ cookie: world.sessions.admin }, { key: world.keys.adminSa.key }]) {
      const ids = (await keyOwners(auth)).map((k) => k.id);
      expect(ids).toEqual(expect.arrayContaining([world.keys.adminSa.id, world.keys.userSa.id]));
      expect(ids).not.toContain(world.keys.user.id);
      expect(ids).not.toContain(world.keys.adminB.id);
    }
  });

  it('users, read-only users and user-role service accounts do not', async () => {
    for (const auth of [{ cookie: world.sessions.user }, { cookie: world.sessions.reader }, { key: world.keys.user.key }]) {
      const ids = (await keyOwners(auth)).map((k) => k.id);
      expect(ids).not.toContain(world.keys.adminSa.id);
      expect(ids).not.toContain(world.keys.userSa.id);
    }
    const own = (await keyOwners({ key: world.keys.userSa.key })).map((k) => k.id);
    expect(own).toEqual([world.keys.userSa.id]);
  });

  it('the administrator of another tenant sees none of them', async () => {
    const ids = (await keyOwners({ cookie: world.sessions.adminB })).map((k) => k.id);
    expect(ids).toEqual([world.keys.adminB.id]);
  });

  it('administrators create and revoke service-account keys; users and read-only users get FORBIDDEN / NOT_FOUND', async () => {
    const created = await server.gql(CREATE_KEY, { input: { user_id: world.ids.userSa, name: 'by-admin' } }, { cookie: world.sessions.admin });
    expect(created.data.create_api_key.key).toMatch(/^kps_/);
    for (const role of ['user', 'reader'] as const) {
      const denied = await server.gql(CREATE_KEY, { input: { user_id: world.ids.userSa, name: 'nope' } }, { cookie: world.sessions[role] });
      expect(code(denied), role).toBe('FORBIDDEN');
      // They cannot see service-account keys, so revoking one is NOT_FOUND.
      const revoke = await server.gql(DELETE_KEY, { input: { key_id: created.data.create_api_key.id } }, { cookie: world.sessions[role] });
      expect(code(revoke), role).toBe('NOT_FOUND');
    }
    const denied = await server.gql(CREATE_KEY, { input: { user_id: world.ids.userSa, name: 'nope' } }, { key: world.keys.userSa.key });
    expect(code(denied)).toBe('FORBIDDEN');
    const bySa = await server.gql(CREATE_KEY, { input: { user_id: world.ids.userSa, name: 'by-admin-sa' } }, { key: world.keys.adminSa.key });
    expect(bySa.data.create_api_key.key).toMatch(/^kps_/);
    const revoked = await server.gql(DELETE_KEY, { input: { key_id: bySa.data.create_api_key.id } }, { key: world.keys.adminSa.key });
    expect(revoked.data.delete_api_key.success).toBe(true);
    expect(
      (await server.gql(DELETE_KEY, { input: { key_id: created.data.create_api_key.id } }, { cookie: world.sessions.admin })).data.delete_api_key.success,
    ).toBe(true);
  });

  it('a service account acts as its role: read-only and user-role ones cannot revoke even their own key', async () => {
    const CREATE_SA = `mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }`;
    const readerSa = (
      await server.gql(CREATE_SA, { input: { tenant_id: world.ids.tenantA, name: 'read-only-bot', role: 'READ_ONLY_USER' } }, { cookie: world.sessions.admin })
    ).data.create_service_account.id;
    const readerSaKey = await world.createKey(world.sessions.admin, readerSa, 'read-only-bot-key');
    for (const key of [readerSaKey, world.keys.userSa]) {
      const before = await server.snapshot();
      const revoke = await server.gql(DELETE_KEY, { input: { key_id: key.id } }, { key: key.key });
      expect(revoke.errors?.[0]).toMatchObject({ message: 'Only tenant administrators can revoke service-account keys.', extensions: { code: 'FORBIDDEN' } });
      expect((await server.gql(AUTH_INFO, {}, { key: key.key })).status).toBe(200);
      const { session: _a, ...rest } = before;
      const { session: _b, ...now } = await server.snapshot();
      expect(usesSettled(rest, now)).toEqual(rest);
    }
    const permissions = (await server.gql(AUTH_INFO, {}, { key: readerSaKey.key })).data.auth_info.permissions;
    expect(permissions.filter((p: string) => /api_key/.test(p))).toEqual([]);
    // An administrator-role service account manages its own keys, as an administrator would.
    const second = await world.createKey(world.sessions.admin, world.ids.adminSa, 'admin-sa-second');
    expect((await server.gql(DELETE_KEY, { input: { key_id: second.id } }, { key: world.keys.adminSa.key })).data.delete_api_key.success).toBe(true);
    expect((await server.gql(DELETE_KEY, { input: { key_id: readerSaKey.id } }, { cookie: world.sessions.admin })).data.delete_api_key.success).toBe(true);
  });

  it('an administrator of tenant A acting on tenant B ids gets NOT_FOUND', async () => {
    const saB = await server.gql(
      `mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }`,
      { input: { tenant_id: world.ids.tenantB, name: 'b-bot' } },
      { cookie: world.sessions.adminB },
    );
    const saBId = saB.data.create_service_account.id;
    const keyB = await world.createKey(world.sessions.adminB, saBId, 'b-bot-key');
    const attempts = [
      server.gql(CREATE_KEY, { input: { user_id: saBId, name: 'steal' } }, { cookie: world.sessions.admin }),
      server.gql(DELETE_KEY, { input: { key_id: keyB.id } }, { cookie: world.sessions.admin }),
      server.gql(
        `mutation ($input: delete_service_account_input!) { delete_service_account(input: $input) { success } }`,
        { input: { user_id: saBId } },
        { cookie: world.sessions.admin },
      ),
      server.gql(
        `mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }`,
        { input: { tenant_id: world.ids.tenantB, name: 'x' } },
        { cookie: world.sessions.admin },
      ),
      server.gql(
        `mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { id } }`,
        { input: { tenant_id: world.ids.tenantB, email: 'x@x.test', role: 'USER' } },
        { cookie: world.sessions.admin },
      ),
    ];
    for (const result of await Promise.all(attempts)) expect(code(result)).toBe('NOT_FOUND');
    expect((await server.gql(AUTH_INFO, {}, { key: keyB.key })).status).toBe(200);
  });
});

describe('service accounts and members', () => {
  const CREATE_SA = `mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }`;
  const DELETE_SA = `mutation ($input: delete_service_account_input!) { delete_service_account(input: $input) { success } }`;

  it('a user-role or read-only member calling create_service_account gets FORBIDDEN, and nothing is created', async () => {
    for (const auth of [{ cookie: world.sessions.user }, { cookie: world.sessions.reader }, { key: world.keys.user.key }, { key: world.keys.userSa.key }]) {
      const before = await server.snapshot();
      const result = await server.gql(CREATE_SA, { input: { tenant_id: world.ids.tenantA, name: 'sneaky' } }, auth);
      expect(code(result)).toBe('FORBIDDEN');
      expect(usesSettled(before, await server.snapshot())).toEqual(before);
    }
  });

  it('administrators and admin-role service accounts create and remove service accounts', async () => {
    for (const auth of [{ cookie: world.sessions.admin }, { key: world.keys.adminSa.key }]) {
      const created = await server.gql(CREATE_SA, { input: { tenant_id: world.ids.tenantA, name: 'temp-bot', role: 'USER' } }, auth);
      const id = created.data.create_service_account.id;
      expect((await server.gql(DELETE_SA, { input: { user_id: id } }, { cookie: world.sessions.user })).errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect((await server.gql(DELETE_SA, { input: { user_id: id } }, auth)).data.delete_service_account.success).toBe(true);
    }
  });

  it('everyone in the tenant sees members and service accounts, names and roles; key counts only for administrators', async () => {
    for (const auth of [{ cookie: world.sessions.reader }, { cookie: world.sessions.user }, { key: world.keys.userSa.key }, { cookie: world.sessions.admin }]) {
      const result = await server.gql(`{ user_view_same_tenant { username account_type memberships { role } api_key_count } }`, {}, auth);
      const bot = result.data.user_view_same_tenant.find((u: { username: string }) => u.username === 'ci-admin');
      expect(bot.memberships[0].role).toBe('TENANT_ADMIN');
      expect(bot.api_key_count === null).toBe(auth.cookie !== world.sessions.admin);
    }
  });

  it('only administrators invite, change roles and remove members', async () => {
    const me = await server.gql(
      `{ user_view_same_tenant(where: { username: { _eq: "Rex Reader" } }) { memberships { id } } }`,
      {},
      { cookie: world.sessions.admin },
    );
    const readerMembership = me.data.user_view_same_tenant[0].memberships[0].id;
    for (const auth of [{ cookie: world.sessions.user }, { cookie: world.sessions.reader }, { key: world.keys.userSa.key }]) {
      const invite = await server.gql(
        `mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { id } }`,
        { input: { tenant_id: world.ids.tenantA, email: 'x@a.test', role: 'USER' } },
        auth,
      );
      expect(code(invite)).toBe('FORBIDDEN');
      const role = await server.gql(
        `mutation ($input: set_membership_role_input!) { set_membership_role(input: $input) { id } }`,
        { input: { membership_id: readerMembership, role: 'TENANT_ADMIN' } },
        auth,
      );
      expect(code(role)).toBe('FORBIDDEN');
      if (auth.cookie !== world.sessions.reader) {
        const remove = await server.gql(
          `mutation ($input: delete_membership_input!) { delete_membership(input: $input) { success } }`,
          { input: { membership_id: readerMembership } },
          auth,
        );
        expect(code(remove)).toBe('FORBIDDEN');
      }
    }
  });

  it('someone who may not manage invitations cannot tell an existing invitation id from a made-up one', async () => {
    const DELETE_INVITATION = `mutation ($input: delete_membership_invitation_input!) { delete_membership_invitation(input: $input) { success } }`;
    const invite = await server.gql(
      `mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { id token } }`,
      { input: { tenant_id: world.ids.tenantA, email: 'probed@a.test', role: 'USER' } },
      { cookie: world.sessions.admin },
    );
    const { id, token } = invite.data.create_membership_invitation;
    for (const auth of [
      { cookie: world.sessions.user },
      { cookie: world.sessions.reader },
      { key: world.keys.user.key },
      { key: world.keys.userSa.key },
      { cookie: world.sessions.adminB },
    ]) {
      const existing = await server.gql(DELETE_INVITATION, { input: { invitation_id: id } }, auth);
      const madeUp = await server.gql(DELETE_INVITATION, { input: { invitation_id: '00000000-0000-4000-8000-000000000000' } }, auth);
      expect(code(existing)).toBe('NOT_FOUND');
      expect({ status: existing.status, errors: withoutRequestIds(existing.errors) }).toEqual({
        status: madeUp.status,
        errors: withoutRequestIds(madeUp.errors),
      });
    }
    const preview = await server.gql(`query ($token: String!) { invitation_preview(token: $token) { status } }`, { token });
    expect(preview.data.invitation_preview.status).toBe('VALID');
  });

  it('the last administrator cannot be demoted or removed, and the error says why', async () => {
    const me = await server.gql(`{ user { memberships { id tenant_id } } }`, {}, { cookie: world.sessions.adminB });
    const membership = me.data.user[0].memberships.find((m: { tenant_id: string }) => m.tenant_id === world.ids.tenantB).id;
    const demote = await server.gql(
      `mutation ($input: set_membership_role_input!) { set_membership_role(input: $input) { id } }`,
      { input: { membership_id: membership, role: 'USER' } },
      { cookie: world.sessions.adminB, tenant: world.ids.tenantB },
    );
    expect(demote.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/last administrator/) });
    const remove = await server.gql(
      `mutation ($input: delete_membership_input!) { delete_membership(input: $input) { success } }`,
      { input: { membership_id: membership } },
      { cookie: world.sessions.adminB },
    );
    expect(remove.errors?.[0].message).toMatch(/last administrator/);
  });
});

describe('keys, tenants and time', () => {
  it('a user key pinned to tenant A, sent with X-Tenant-Id of B, gets FORBIDDEN', async () => {
    for (const header of [world.ids.tenantB, 'tenant-b']) {
      const result = await server.gql(AUTH_INFO, {}, { key: world.keys.user.key, tenant: header });
      expect(result.status).toBe(403);
      expect(code(result)).toBe('FORBIDDEN');
    }
    const prefect = await server.gql(AUTH_INFO, {}, { key: world.keys.user.key, headers: { 'x-prefect-tenant-id': world.ids.tenantB } });
    expect(prefect.status).toBe(403);
    const same = await server.gql(AUTH_INFO, {}, { key: world.keys.user.key, tenant: world.ids.tenantA });
    expect(same.data.auth_info.tenant_id).toBe(world.ids.tenantA);
  });

  it("a user key sees and revokes its owner's keys in its own tenant only", async () => {
    const side = await server.gql(`mutation { create_tenant(input: { name: "Key Scope" }) { id } }`, {}, { cookie: world.sessions.user });
    const elsewhere = await world.createKey(world.sessions.user, world.ids.user, 'elsewhere', { default_tenant_id: side.data.create_tenant.id });
    const listed = await server.gql(LIST_KEYS, {}, { key: world.keys.user.key });
    const ids = listed.data.auth_api_key.map((k: { id: string }) => k.id);
    expect(ids).toContain(world.keys.user.id);
    expect(ids).not.toContain(elsewhere.id);
    const revoke = await server.gql(DELETE_KEY, { input: { key_id: elsewhere.id } }, { key: world.keys.user.key });
    expect(code(revoke)).toBe('NOT_FOUND');
    // The signed-in person still sees and manages all of their keys.
    expect((await keyOwners({ cookie: world.sessions.user })).map((k) => k.id)).toContain(elsewhere.id);
    expect((await server.gql(AUTH_INFO, {}, { key: elsewhere.key })).status).toBe(200);
  });

  it("a user key sees its own tenant alone, and its owner's membership there alone; the session sees all of them", async () => {
    const side = (await server.gql(`mutation { create_tenant(input: { name: "Unseen By Keys" }) { id } }`, {}, { cookie: world.sessions.user })).data
      .create_tenant.id;
    const QUERY = `query ($side: uuid!) {
      tenant { id }
      tenant_aggregate { aggregate { count } }
      named: tenant(where: { id: { _eq: $side } }) { id }
      named_count: tenant_aggregate(where: { id: { _eq: $side } }) { aggregate { count } }
      user { memberships { tenant_id role tenant { id } } } }`;
    const byKey = (
      await server.gql(
        `{ tenant { id } tenant_aggregate { aggregate { count } } user { memberships { tenant_id role tenant { id } } } }`,
        {},
        { key: world.keys.user.key },
      )
    ).data;
    expect(byKey.tenant).toEqual([{ id: world.ids.tenantA }]);
    expect(byKey.tenant_aggregate.aggregate.count).toBe(1);
    expect(byKey.user[0].memberships).toEqual([{ tenant_id: world.ids.tenantA, role: 'USER', tenant: { id: world.ids.tenantA } }]);
    // Asked for another tenant by id, a key is refused as it is when sent with another tenant's id.
    for (const named of [`tenant(where: { id: { _eq: $side } }) { id }`, `tenant_aggregate(where: { id: { _eq: $side } }) { aggregate { count } }`]) {
      const refused = await server.gql(`query ($side: uuid!) { ${named} }`, { side }, { key: world.keys.user.key });
      expect(refused.errors?.[0]).toMatchObject({ message: 'This API key can act only in its own tenant.', extensions: { code: 'FORBIDDEN' } });
    }

    const bySession = (await server.gql(QUERY, { side }, { cookie: world.sessions.user })).data;
    expect(bySession.tenant.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining([world.ids.tenantA, side]));
    expect(bySession.tenant_aggregate.aggregate.count).toBe(bySession.tenant.length);
    expect(bySession.named).toEqual([{ id: side }]);
    expect(bySession.user[0].memberships.map((m: { tenant_id: string }) => m.tenant_id)).toEqual(expect.arrayContaining([world.ids.tenantA, side]));
  });

  it('a session picks its tenant with X-Tenant-Id; a tenant it does not belong to is FORBIDDEN', async () => {
    const denied = await server.gql(`{ user_view_same_tenant { id } }`, {}, { cookie: world.sessions.user, tenant: 'tenant-b' });
    expect(code(denied)).toBe('FORBIDDEN');
  });

  it('a user key cannot create a key for another tenant', async () => {
    const created = await server.gql(`mutation { create_tenant(input: { name: "Pinned Test" }) { id } }`, {}, { cookie: world.sessions.user });
    const result = await server.gql(
      CREATE_KEY,
      { input: { user_id: world.ids.user, name: 'x', default_tenant_id: created.data.create_tenant.id } },
      { key: world.keys.user.key },
    );
    expect(code(result)).toBe('FORBIDDEN');
  });

  it("a user key acts with the user's role at the time of the request", async () => {
    const key = await world.createKey(world.sessions.reader, world.ids.reader, 'role-follows');
    const members = await server.gql(
      `{ user_view_same_tenant(where: { username: { _eq: "Rex Reader" } }) { memberships { id } } }`,
      {},
      { cookie: world.sessions.admin },
    );
    const membership = members.data.user_view_same_tenant[0].memberships[0].id;
    const setRole = (role: string) =>
      server.gql(
        `mutation ($input: set_membership_role_input!) { set_membership_role(input: $input) { id } }`,
        { input: { membership_id: membership, role } },
        { cookie: world.sessions.admin },
      );
    await setRole('TENANT_ADMIN');
    expect((await server.gql(AUTH_INFO, {}, { key: key.key })).data.auth_info.role).toBe('TENANT_ADMIN');
    await setRole('READ_ONLY_USER');
    expect((await server.gql(AUTH_INFO, {}, { key: key.key })).data.auth_info.role).toBe('READ_ONLY_USER');
  });

  it('an expired key gets 401 with the same message as an unknown one', async () => {
    const created = await world.createKey(world.sessions.user, world.ids.user, 'expiring', { expires_at: new Date(Date.now() + 1500).toISOString() });
    expect((await server.gql(AUTH_INFO, {}, { key: created.key })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const expired = await server.gql(AUTH_INFO, {}, { key: created.key });
    const unknownKey = world.keys.user.key.slice(0, 4) + 'x'.repeat(30) + world.keys.user.key.slice(34);
    const unknown = await server.gql(AUTH_INFO, {}, { key: unknownKey });
    expect(expired.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(withoutRequestIds(expired.errors)).toEqual(withoutRequestIds(unknown.errors));
  });

  it("a removed member's keys stop working", async () => {
    const invite = await server.gql(
      `mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { token } }`,
      { input: { tenant_id: world.ids.tenantA, email: 'leaver@a.test', role: 'USER' } },
      { cookie: world.sessions.admin },
    );
    const accepted = await server.gql(`mutation ($input: accept_membership_invitation_input!) { accept_membership_invitation(input: $input) { success } }`, {
      input: { token: invite.data.create_membership_invitation.token, username: 'Leaver', password: 'leaver-password' },
    });
    const cookie = accepted.cookies[0].value;
    const me = await server.gql(`{ user { id memberships { id } } }`, {}, { cookie });
    const key = await world.createKey(cookie, me.data.user[0].id, 'leaver-key');
    expect((await server.gql(AUTH_INFO, {}, { key: key.key })).status).toBe(200);
    await server.gql(
      `mutation ($input: delete_membership_input!) { delete_membership(input: $input) { success } }`,
      { input: { membership_id: me.data.user[0].memberships[0].id } },
      { cookie: world.sessions.admin },
    );
    const after = await server.gql(AUTH_INFO, {}, { key: key.key });
    expect(after.status).toBe(401);
  });

  it('anonymous callers get 401 for everything but the public operations', async () => {
    for (const query of [AUTH_INFO, LIST_KEYS, '{ user { id } }', '{ tenant { id } }', '{ user_view_same_tenant { id } }']) {
      const result = await server.gql(query);
      expect(result.status, query).toBe(401);
      expect(code(result)).toBe('UNAUTHENTICATED');
    }
  });

  it('a cookie without the CSRF header is refused', async () => {
    const result = await server.gql(AUTH_INFO, {}, { cookie: world.sessions.admin, csrf: false });
    expect(result.status).toBe(403);
    expect(code(result)).toBe('FORBIDDEN');
  });
});
