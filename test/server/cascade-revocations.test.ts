import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../src/server/store/sqlite/migrations.js';
import { SqliteDriver } from '../../src/server/store/sqlite/driver.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_INFO, buildWorld, PASSWORD, startServer, type Auth, type Server, type World } from './harness.js';

// What a change takes with it: removing a member (or their leaving) revokes their keys
// in that tenant and the invitations they made there; an administrator made anything
// else loses their pending invitations; removing a service account revokes its keys
// and invitations. Each revocation is its own audit event, saying why.

let server: Server;
let world: World;
let admin: Auth;
let counter = 0;

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
  admin = { cookie: world.sessions.admin };
});
afterAll(() => server.close());

const INVITE = `mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { id token } }`;
const ACCEPT = `mutation ($input: accept_membership_invitation_input!) { accept_membership_invitation(input: $input) { success } }`;
const PREVIEW = `query ($token: String!) { invitation_preview(token: $token) { status } }`;
const SET_ROLE = `mutation ($input: set_membership_role_input!) { set_membership_role(input: $input) { id } }`;
const REMOVE = `mutation ($input: delete_membership_input!) { delete_membership(input: $input) { success } }`;
const REMOVE_SA = `mutation ($input: delete_service_account_input!) { delete_service_account(input: $input) { success } }`;
const EVENTS = `query ($where: audit_event_bool_exp) { audit_event(where: $where, limit: 1000) { action actor_id target_type target_id target_name cause } }`;

async function ok(query: string, variables: Record<string, unknown>, auth: Auth) {
  const result = await server.gql(query, variables, auth);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

async function invite(by: Auth, tenantId: string, role = 'USER', email = `invitee-${++counter}@cascade.test`) {
  const made = (await ok(INVITE, { input: { tenant_id: tenantId, email, role } }, by)).create_membership_invitation as { id: string; token: string };
  return { ...made, email };
}

/** A new person joins tenant A with `role`, through an invitation and a new account. */
async function newMember(role: string) {
  const invitation = await invite(admin, world.ids.tenantA, role);
  const accepted = await server.gql(ACCEPT, { input: { token: invitation.token, username: `Member ${++counter}`, password: PASSWORD } });
  const cookie = accepted.cookies.find((c) => c.name === 'keyplane_session')!.value;
  const me = (await ok(`{ user { id memberships { id tenant_id } } }`, {}, { cookie })).user[0];
  return { userId: me.id as string, membershipId: me.memberships[0].id as string, auth: { cookie } as Auth };
}

async function events(where: Record<string, unknown>, auth: Auth = admin) {
  return (await ok(EVENTS, { where }, auth)).audit_event as {
    action: string;
    actor_id: string | null;
    target_type: string;
    target_id: string;
    target_name: string;
    cause: string | null;
  }[];
}

const statusOf = async (token: string) => (await ok(PREVIEW, { token }, {})).invitation_preview.status as string;
const works = async (key: string) => (await server.gql(AUTH_INFO, {}, { key })).status === 200;

describe("a member's invitations go with their authority", () => {
  it('removing an administrator revokes the invitations they made, each audited with the cause, and the link no longer joins', async () => {
    const inviter = await newMember('TENANT_ADMIN');
    const first = await invite(inviter.auth, world.ids.tenantA, 'TENANT_ADMIN');
    const second = await invite(inviter.auth, world.ids.tenantA, 'USER');
    const others = await invite(admin, world.ids.tenantA, 'USER');

    await ok(REMOVE, { input: { membership_id: inviter.membershipId } }, admin);

    expect(await statusOf(first.token)).toBe('REVOKED');
    expect(await statusOf(second.token)).toBe('REVOKED');
    expect(await statusOf(others.token)).toBe('VALID');
    const refused = await server.gql(ACCEPT, { input: { token: first.token, username: 'Too Late', password: PASSWORD } });
    expect(refused.errors?.[0]).toMatchObject({ message: 'This invitation has been revoked.', extensions: { code: 'BAD_USER_INPUT' } });

    const revokes = await events({ action: { _eq: 'invitation.revoke' }, target_id: { _in: [first.id, second.id, others.id] } });
    expect(revokes).toHaveLength(2);
    expect(revokes).toEqual(
      expect.arrayContaining([
        {
          action: 'invitation.revoke',
          actor_id: world.ids.admin,
          target_type: 'invitation',
          target_id: first.id,
          target_name: first.email,
          cause: 'inviter_removed',
        },
        {
          action: 'invitation.revoke',
          actor_id: world.ids.admin,
          target_type: 'invitation',
          target_id: second.id,
          target_name: second.email,
          cause: 'inviter_removed',
        },
      ]),
    );
  });

  it('an administrator who leaves takes their invitations along (cause inviter_left)', async () => {
    const inviter = await newMember('TENANT_ADMIN');
    const invitation = await invite(inviter.auth, world.ids.tenantA);
    await ok(REMOVE, { input: { membership_id: inviter.membershipId } }, inviter.auth);
    expect(await statusOf(invitation.token)).toBe('REVOKED');
    expect(await events({ action: { _eq: 'invitation.revoke' }, target_id: { _eq: invitation.id } })).toEqual([
      expect.objectContaining({ actor_id: inviter.userId, target_name: invitation.email, cause: 'inviter_left' }),
    ]);
  });

  it('an administrator made a user loses their pending invitations in that tenant only (cause inviter_demoted)', async () => {
    const inviter = await newMember('TENANT_ADMIN');
    const here = await invite(inviter.auth, world.ids.tenantA);
    const side = (await ok(`mutation { create_tenant(input: { name: "Side ${++counter}" }) { id } }`, {}, inviter.auth)).create_tenant.id as string;
    const elsewhere = await invite(inviter.auth, side);

    await ok(SET_ROLE, { input: { membership_id: inviter.membershipId, role: 'USER' } }, admin);

    expect(await statusOf(here.token)).toBe('REVOKED');
    expect(await statusOf(elsewhere.token)).toBe('VALID');
    expect(await events({ action: { _eq: 'invitation.revoke' }, target_id: { _eq: here.id } })).toEqual([
      expect.objectContaining({ actor_id: world.ids.admin, cause: 'inviter_demoted' }),
    ]);
  });

  it('a role change between administrator roles, or to administrator, keeps invitations', async () => {
    const inviter = await newMember('TENANT_ADMIN');
    const invitation = await invite(inviter.auth, world.ids.tenantA);
    await ok(SET_ROLE, { input: { membership_id: inviter.membershipId, role: 'TENANT_ADMIN' } }, admin);
    expect(await statusOf(invitation.token)).toBe('VALID');
  });

  it('removing an admin-role service account revokes the invitations it made', async () => {
    const sa = (
      await ok(
        `mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }`,
        { input: { tenant_id: world.ids.tenantA, name: `inviter-bot-${++counter}` } },
        admin,
      )
    ).create_service_account.id;
    const key = (
      await ok(`mutation ($input: create_api_key_input!) { create_api_key(input: $input) { key } }`, { input: { user_id: sa, name: 'bot-key' } }, admin)
    ).create_api_key.key;
    const invitation = await invite({ key }, world.ids.tenantA);
    await ok(REMOVE_SA, { input: { user_id: sa } }, admin);
    expect(await statusOf(invitation.token)).toBe('REVOKED');
    expect(await events({ action: { _eq: 'invitation.revoke' }, target_id: { _eq: invitation.id } })).toEqual([
      expect.objectContaining({ actor_id: world.ids.admin, cause: 'inviter_removed' }),
    ]);
  });

  it('a refused removal (the last administrator) revokes nothing', async () => {
    const inviter = await newMember('TENANT_ADMIN');
    const side = (await ok(`mutation { create_tenant(input: { name: "Alone ${++counter}" }) { id } }`, {}, inviter.auth)).create_tenant.id as string;
    const invitation = await invite(inviter.auth, side);
    const membership = (await ok(`{ user { memberships { id tenant_id } } }`, {}, inviter.auth)).user[0].memberships.find(
      (m: { tenant_id: string }) => m.tenant_id === side,
    ).id;
    const before = await server.snapshot();
    const demote = await server.gql(SET_ROLE, { input: { membership_id: membership, role: 'USER' } }, { ...inviter.auth, tenant: side });
    expect(demote.errors?.[0].message).toMatch(/last administrator/);
    const leave = await server.gql(REMOVE, { input: { membership_id: membership } }, inviter.auth);
    expect(leave.errors?.[0].message).toMatch(/last administrator/);
    const { session: _sessionsBefore, ...rest } = before;
    const { session: _sessionsAfter, ...now } = await server.snapshot();
    expect(now).toEqual(rest);
    expect(await statusOf(invitation.token)).toBe('VALID');
  });
});

describe('keys revoked by a cascade are each audited with the cause', () => {
  const CREATE = `mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id key } }`;

  it('removing a member revokes each of their keys in the tenant with its own event; their keys elsewhere keep working', async () => {
    const member = await newMember('USER');
    const laptop = (await ok(CREATE, { input: { user_id: member.userId, name: 'laptop' } }, member.auth)).create_api_key;
    const ci = (await ok(CREATE, { input: { user_id: member.userId, name: 'ci' } }, member.auth)).create_api_key;
    const side = (await ok(`mutation { create_tenant(input: { name: "Own ${++counter}" }) { id } }`, {}, member.auth)).create_tenant.id as string;
    const elsewhere = (await ok(CREATE, { input: { user_id: member.userId, name: 'elsewhere', default_tenant_id: side } }, member.auth)).create_api_key;

    await ok(REMOVE, { input: { membership_id: member.membershipId } }, admin);

    expect(await works(laptop.key)).toBe(false);
    expect(await works(ci.key)).toBe(false);
    expect(await works(elsewhere.key)).toBe(true);
    const revokes = await events({ action: { _eq: 'api_key.revoke' }, target_id: { _in: [laptop.id, ci.id, elsewhere.id] } });
    expect(revokes).toHaveLength(2);
    expect(revokes).toEqual(
      expect.arrayContaining([
        { action: 'api_key.revoke', actor_id: world.ids.admin, target_type: 'api_key', target_id: laptop.id, target_name: 'laptop', cause: 'member_removed' },
        { action: 'api_key.revoke', actor_id: world.ids.admin, target_type: 'api_key', target_id: ci.id, target_name: 'ci', cause: 'member_removed' },
      ]),
    );
    // The tenant the member still has sees no revocation of theirs.
    expect(await events({ action: { _eq: 'api_key.revoke' } }, { ...member.auth, tenant: side })).toEqual([]);
  });

  it('a member who leaves revokes their keys with cause member_left', async () => {
    const member = await newMember('READ_ONLY_USER');
    const key = (await ok(CREATE, { input: { user_id: member.userId, name: 'reader-key' } }, member.auth)).create_api_key;
    await ok(REMOVE, { input: { membership_id: member.membershipId } }, member.auth);
    expect(await works(key.key)).toBe(false);
    expect(await events({ action: { _eq: 'api_key.revoke' }, target_id: { _eq: key.id } })).toEqual([
      expect.objectContaining({ actor_id: member.userId, target_name: 'reader-key', cause: 'member_left' }),
    ]);
  });

  it('removing a service account revokes each of its keys with its own event (cause service_account_removed)', async () => {
    const sa = (
      await ok(
        `mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }`,
        { input: { tenant_id: world.ids.tenantA, name: `deployer-${++counter}`, role: 'USER' } },
        admin,
      )
    ).create_service_account.id;
    const keys = [];
    for (const name of ['deploy-1', 'deploy-2', 'deploy-3']) keys.push((await ok(CREATE, { input: { user_id: sa, name } }, admin)).create_api_key);
    await ok(REMOVE_SA, { input: { user_id: sa } }, admin);
    for (const key of keys) expect(await works(key.key)).toBe(false);
    const revokes = await events({ action: { _eq: 'api_key.revoke' }, target_id: { _in: keys.map((k) => k.id) } });
    expect(revokes.map((e) => [e.target_name, e.cause, e.actor_id]).sort()).toEqual([
      ['deploy-1', 'service_account_removed', world.ids.admin],
      ['deploy-2', 'service_account_removed', world.ids.admin],
      ['deploy-3', 'service_account_removed', world.ids.admin],
    ]);
  });

  it('a key revoked directly has no cause', async () => {
    const key = await world.createKey(world.sessions.user, world.ids.user, 'revoked-by-hand');
    await ok(
      `mutation ($input: delete_api_key_input!) { delete_api_key(input: $input) { success } }`,
      { input: { key_id: key.id } },
      { cookie: world.sessions.user },
    );
    expect(await events({ action: { _eq: 'api_key.revoke' }, target_id: { _eq: key.id } })).toEqual([
      expect.objectContaining({ target_name: 'revoked-by-hand', cause: null }),
    ]);
  });

  it('a name cannot forge a cause: the cause has its own column', async () => {
    // Validated names cannot hold control characters; this is the raw path (a failed sign-in's email).
    await server.app.store.recordAudit({
      action: 'auth.log_in_failed',
      actor_id: null,
      tenant_id: world.ids.tenantA,
      target_type: 'user',
      target_id: 'forged',
      target_name: 'x@a.test\u001fmember_removed',
      source_address: null,
    });
    expect(await events({ target_id: { _eq: 'forged' } })).toEqual([expect.objectContaining({ target_name: 'x@a.test\u001fmember_removed', cause: null })]);
  });
});

describe('the cause column', () => {
  it('takes over the causes that events written before it kept after U+001F in target_name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyplane-cause-'));
    try {
      const file = join(dir, 'keyplane.db');
      const db = new Database(file);
      db.exec(MIGRATIONS.slice(0, 4).join('\n'));
      db.pragma('user_version = 4');
      const insert = db.prepare(
        "INSERT INTO audit_event (id, action, tenant_id, target_type, target_id, target_name, created) VALUES (?, 'api_key.revoke', 't', 'api_key', ?, ?, '2026-01-01T00:00:00.000Z')",
      );
      insert.run('e1', 'k1', 'laptop\u001fmember_removed');
      insert.run('e2', 'k2', '\u001finviter_removed');
      insert.run('e3', 'k3', 'plain');
      db.close();
      await new SqliteDriver(file).close();
      const migrated = new Database(file, { readonly: true });
      expect(migrated.prepare('SELECT id, target_name, cause FROM audit_event ORDER BY id').all()).toEqual([
        { id: 'e1', target_name: 'laptop', cause: 'member_removed' },
        { id: 'e2', target_name: null, cause: 'inviter_removed' },
        { id: 'e3', target_name: 'plain', cause: null },
      ]);
      migrated.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
