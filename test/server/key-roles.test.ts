import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, CREATE_KEY, startServer, type Auth, type Server, type World } from './harness.js';
import { makeKey, makeMember, makeServiceAccount, stableSnapshot, unique } from './hardening-support.js';

// A key with less power than its owner (create_api_key's role), and editing a key
// (update_api_key). The authorization matrix has the rows per caller; these are the rules.

let server: Server;
let world: World;

beforeAll(async () => {
  server = await startServer({ authFailuresPerMinute: 1_000_000 });
  world = await buildWorld(server);
});
afterAll(() => server.close());

const UPDATE_KEY = `mutation ($input: update_api_key_input!) {
  update_api_key(input: $input) { id name expires_at description role updated user { id } tenant { id } }
}`;
const roleOf = async (key: string) => (await server.gql(`{ auth_info { role permissions } }`, {}, { key })).data?.auth_info;
const later = (ms: number) => new Date(Date.now() + ms).toISOString();
const DAY = 86_400_000;

async function expectBadInput(query: string, variables: Record<string, unknown>, auth: Auth, field: string) {
  const before = await stableSnapshot(server);
  const result = await server.gql(query, variables, auth);
  expect(result.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(result.data).toBeNull();
  expect(await stableSnapshot(server)).toEqual(before);
  return result;
}

describe('keys with their own role', () => {
  it('an administrator makes a read-only key: it reads, and is refused writes', async () => {
    const created = await world.createKey(world.sessions.admin, world.ids.admin, 'read-only', { role: 'READ_ONLY_USER' });
    expect(await roleOf(created.key)).toMatchObject({ role: 'READ_ONLY_USER' });
    expect((await roleOf(created.key)).permissions).not.toContain('create:service_account');
    const listed = await server.gql(`query ($id: uuid!) { auth_api_key_by_pk(id: $id) { role } }`, { id: created.id }, { cookie: world.sessions.admin });
    expect(listed.data.auth_api_key_by_pk).toEqual({ role: 'READ_ONLY_USER' });
    const before = await stableSnapshot(server);
    const write = await server.gql(
      `mutation { create_service_account(input: { tenant_id: "${world.ids.tenantA}", name: "${unique('bot')}" }) { id } }`,
      {},
      { key: created.key },
    );
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await stableSnapshot(server)).toEqual(before);
    // The same owner's key without a role still writes.
    const full = await server.gql(
      `mutation { create_service_account(input: { tenant_id: "${world.ids.tenantA}", name: "${unique('bot')}" }) { id } }`,
      {},
      { key: world.keys.admin.key },
    );
    expect(full.errors).toBeUndefined();
  });

  it('refuses a role above the owner’s, or one that is no role, with BAD_USER_INPUT on role, creating nothing', async () => {
    const { sessions, ids } = world;
    await expectBadInput(CREATE_KEY, { input: { user_id: ids.user, name: 'up', role: 'TENANT_ADMIN' } }, { cookie: sessions.user }, 'role');
    await expectBadInput(CREATE_KEY, { input: { user_id: ids.reader, name: 'up', role: 'USER' } }, { cookie: sessions.reader }, 'role');
    await expectBadInput(CREATE_KEY, { input: { user_id: ids.admin, name: 'root', role: 'ROOT' } }, { cookie: sessions.admin }, 'role');
    // A service account's keys: at most the account's role, whoever makes them.
    await expectBadInput(CREATE_KEY, { input: { user_id: ids.userSa, name: 'up', role: 'TENANT_ADMIN' } }, { cookie: sessions.admin }, 'role');
    const lower = await world.createKey(sessions.admin, ids.userSa, 'sa-read-only', { role: 'READ_ONLY_USER' });
    expect(await roleOf(lower.key)).toMatchObject({ role: 'READ_ONLY_USER' });
    const same = await world.createKey(sessions.user, ids.user, 'same', { role: 'USER' });
    expect(await roleOf(same.key)).toMatchObject({ role: 'USER' });
  });

  it('acts with the lower of its role and its owner’s now: a demotion lowers it at once, a promotion never raises it past its own', async () => {
    const member = await makeMember(server, world.ids.tenantA, world.ids.admin, 'TENANT_ADMIN');
    const key = await makeKey(server, { userId: member.userId, tenantId: world.ids.tenantA }, { role: 'USER' });
    const setRole = async (role: string) => {
      const result = await server.gql(
        `mutation ($input: set_membership_role_input!) { set_membership_role(input: $input) { id } }`,
        { input: { membership_id: member.membershipId, role } },
        { cookie: world.sessions.admin },
      );
      expect(result.errors).toBeUndefined();
    };
    // Each step is asked twice: the second answer is the remembered credential's and saved answer's.
    const twice = async () => [(await roleOf(key.key)).role, (await roleOf(key.key)).role];
    expect(await twice()).toEqual(['USER', 'USER']);
    await setRole('READ_ONLY_USER');
    expect(await twice()).toEqual(['READ_ONLY_USER', 'READ_ONLY_USER']);
    await setRole('TENANT_ADMIN');
    expect(await twice()).toEqual(['USER', 'USER']);
  });

  it('a key with a role of its own makes keys of at most that role, and its keys default to it', async () => {
    const low = await world.createKey(world.sessions.admin, world.ids.admin, 'low', { role: 'READ_ONLY_USER' });
    await expectBadInput(CREATE_KEY, { input: { user_id: world.ids.admin, name: 'escalate', role: 'TENANT_ADMIN' } }, { key: low.key }, 'role');
    const made = await server.gql(CREATE_KEY, { input: { user_id: world.ids.admin, name: 'from-low' } }, { key: low.key });
    expect(made.errors).toBeUndefined();
    expect(await roleOf(made.data.create_api_key.key)).toMatchObject({ role: 'READ_ONLY_USER' });
    // A key that follows its owner makes keys that follow theirs.
    const followed = await server.gql(CREATE_KEY, { input: { user_id: world.ids.admin, name: 'from-full' } }, { key: world.keys.admin.key });
    const listed = await server.gql(
      `query ($id: uuid!) { auth_api_key_by_pk(id: $id) { role } }`,
      { id: followed.data.create_api_key.id },
      { cookie: world.sessions.admin },
    );
    expect(listed.data.auth_api_key_by_pk).toEqual({ role: null });
  });
});

describe('editing a key', () => {
  it('renames, brings the expiry forward and describes a key, audited with what changed and nothing secret', async () => {
    const key = await makeKey(server, { userId: world.ids.user, tenantId: world.ids.tenantA }, { expiresAt: later(30 * DAY) });
    const expiresAt = later(7 * DAY);
    const result = await server.gql(
      UPDATE_KEY,
      { input: { key_id: key.id, name: '  deploy  ', expires_at: expiresAt, description: 'Used by\nthe deploy job' } },
      { cookie: world.sessions.user },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.update_api_key).toMatchObject({
      id: key.id,
      name: 'deploy',
      expires_at: expiresAt,
      description: 'Used by\nthe deploy job',
      role: null,
      user: { id: world.ids.user },
      tenant: { id: world.ids.tenantA },
    });
    const events = await server.rows<{ action: string; actor_id: string; target_name: string; cause: string }>(
      "SELECT action, actor_id, target_name, cause FROM audit_event WHERE target_id = ? AND action = 'api_key.update'",
      [key.id],
    );
    expect(events).toEqual([{ action: 'api_key.update', actor_id: world.ids.user, target_name: 'deploy', cause: 'name,expires_at,description' }]);
    expect(JSON.stringify(events)).not.toContain(key.key);
    const cleared = await server.gql(UPDATE_KEY, { input: { key_id: key.id, description: '' } }, { cookie: world.sessions.user });
    expect(cleared.data.update_api_key).toMatchObject({ name: 'deploy', description: null, expires_at: expiresAt });
    // The key still works, and the list shows the new name.
    const listed = await server.gql(`{ auth_api_key(where: { id: { _eq: "${key.id}" } }) { name } }`, {}, { key: key.key });
    expect(listed.data.auth_api_key).toEqual([{ name: 'deploy' }]);
  });

  it('sets an expiry on a key that never expires; never pushes one back, removes it, or sets one in the past', async () => {
    const never = await makeKey(server, { userId: world.ids.user, tenantId: world.ids.tenantA });
    const auth = { cookie: world.sessions.user };
    const set = await server.gql(UPDATE_KEY, { input: { key_id: never.id, expires_at: later(3 * DAY) } }, auth);
    expect(set.errors).toBeUndefined();
    await expectBadInput(UPDATE_KEY, { input: { key_id: never.id, expires_at: later(4 * DAY) } }, auth, 'expires_at');
    await expectBadInput(UPDATE_KEY, { input: { key_id: never.id, expires_at: null } }, auth, 'expires_at');
    await expectBadInput(UPDATE_KEY, { input: { key_id: never.id, expires_at: later(-60_000) } }, auth, 'expires_at');
  });

  it('refuses a bad name or description, changing nothing, before looking at the key', async () => {
    const key = await makeKey(server, { userId: world.ids.user, tenantId: world.ids.tenantA });
    const auth = { cookie: world.sessions.user };
    await expectBadInput(UPDATE_KEY, { input: { key_id: key.id, name: '   ' } }, auth, 'name');
    await expectBadInput(UPDATE_KEY, { input: { key_id: key.id, name: 'x'.repeat(101) } }, auth, 'name');
    await expectBadInput(UPDATE_KEY, { input: { key_id: key.id, description: 'x'.repeat(501) } }, auth, 'description');
    await expectBadInput(UPDATE_KEY, { input: { key_id: key.id, description: 'bell\u0007' } }, auth, 'description');
    await expectBadInput(UPDATE_KEY, { input: { key_id: key.id, description: 'right-to-left \u202E' } }, auth, 'description');
    // An edit that changes nothing records nothing.
    const before = await stableSnapshot(server);
    const same = await server.gql(UPDATE_KEY, { input: { key_id: key.id } }, auth);
    expect(same.errors).toBeUndefined();
    expect(await stableSnapshot(server)).toEqual(before);
  });

  it('is for whoever may revoke the key: others get NOT_FOUND, a user-role service account FORBIDDEN on its own keys', async () => {
    const { ids, sessions, keys } = world;
    const othersKey = await makeKey(server, { userId: ids.admin, tenantId: ids.tenantA });
    const otherSa = await makeServiceAccount(server, ids.tenantA, 'USER');
    const saKey = await makeKey(server, { userId: otherSa, tenantId: ids.tenantA, service: true });
    const refused = async (keyId: string, auth: Auth, code: string) => {
      const before = await stableSnapshot(server);
      const result = await server.gql(UPDATE_KEY, { input: { key_id: keyId, name: unique('taken') } }, auth);
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(await stableSnapshot(server)).toEqual(before);
    };
    await refused(othersKey.id, { cookie: sessions.user }, 'NOT_FOUND');
    await refused(othersKey.id, { cookie: sessions.adminB }, 'NOT_FOUND');
    await refused(saKey.id, { cookie: sessions.user }, 'NOT_FOUND');
    await refused(saKey.id, { key: keys.userSa.key }, 'NOT_FOUND');
    await refused(keys.userSa.id, { key: keys.userSa.key }, 'FORBIDDEN');
    await refused(saKey.id, {}, 'UNAUTHENTICATED');
    const revoked = await makeKey(server, { userId: ids.user, tenantId: ids.tenantA }, { revoked: true });
    await refused(revoked.id, { cookie: sessions.user }, 'NOT_FOUND');
    const byAdmin = await server.gql(UPDATE_KEY, { input: { key_id: saKey.id, description: 'nightly' } }, { cookie: sessions.admin });
    expect(byAdmin.data.update_api_key).toMatchObject({ id: saKey.id, description: 'nightly' });
    const readOnlySa = await makeServiceAccount(server, ids.tenantA, 'READ_ONLY_USER');
    const readOnlySaKey = await makeKey(server, { userId: readOnlySa, tenantId: ids.tenantA, service: true });
    await refused(readOnlySaKey.id, { key: readOnlySaKey.key }, 'FORBIDDEN');
  });

  it('a renamed key shows its new name on the very next list, past the saved answers', async () => {
    const key = await makeKey(server, { userId: world.ids.reader, tenantId: world.ids.tenantA });
    const list = async () =>
      (await server.gql(`{ auth_api_key(where: { id: { _eq: "${key.id}" } }) { name description } }`, {}, { cookie: world.sessions.reader })).data.auth_api_key;
    await list();
    await list();
    await server.gql(UPDATE_KEY, { input: { key_id: key.id, name: 'renamed', description: 'new words' } }, { cookie: world.sessions.reader });
    expect(await list()).toEqual([{ name: 'renamed', description: 'new words' }]);
  });
});
