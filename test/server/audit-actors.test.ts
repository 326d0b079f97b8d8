import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, startServer, type Auth, type Server, type World } from './harness.js';
import { makeKey, makeMember } from './hardening-support.js';

// audit_event_actor lists everyone the current tenant's audit log names as an actor,
// once each, members now or not, so that an administrator can filter the log by a
// member who was removed or a service account that was deleted. Administrators only;
// another tenant's actors never appear.

const ACTORS = `query ($limit: Int, $offset: Int, $order_by: [audit_event_actor_order_by!]) {
  audit_event_actor(limit: $limit, offset: $offset, order_by: $order_by) { id username account_type is_member }
  audit_event_actor_aggregate { aggregate { count } } }`;

interface Actor {
  id: string;
  username: string | null;
  account_type: string | null;
  is_member: boolean;
}

let server: Server;
let world: World;
let removed: { userId: string; membershipId: string };
let deletedSa: string;
/** An actor_id that no user row has (users are never deleted by the store; a database edited by hand may hold one). */
const vanished = randomUUID();

async function actorsAs(auth: Auth, variables: Record<string, unknown> = {}) {
  return server.gql<{ audit_event_actor: Actor[]; audit_event_actor_aggregate: { aggregate: { count: number } } }>(ACTORS, variables, auth);
}

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
  const { ids, sessions } = world;
  const admin = { cookie: sessions.admin };

  // A member who joined (membership.create names them) and was removed.
  removed = await makeMember(server, ids.tenantA, ids.admin);
  const removal = await server.gql(`mutation { delete_membership(input: { membership_id: "${removed.membershipId}" }) { success } }`, {}, admin);
  expect(removal.errors).toBeUndefined();

  // A service account that acted with its key (it invited someone), then was deleted.
  const created = await server.gql(`mutation { create_service_account(input: { tenant_id: "${ids.tenantA}", name: "old-runner" }) { id } }`, {}, admin);
  deletedSa = created.data.create_service_account.id;
  const saKey = await makeKey(server, { userId: deletedSa, tenantId: ids.tenantA, service: true });
  const invited = await server.gql(
    `mutation { create_membership_invitation(input: { tenant_id: "${ids.tenantA}", email: "by-robot@a.test", role: "USER" }) { id } }`,
    {},
    { key: saKey.key },
  );
  expect(invited.errors).toBeUndefined();
  const deletion = await server.gql(`mutation { delete_service_account(input: { user_id: "${deletedSa}" }) { success } }`, {}, admin);
  expect(deletion.errors).toBeUndefined();

  await server.write((db) =>
    db.run('INSERT INTO audit_event (id, action, actor_id, tenant_id, target_type, created) VALUES (?, ?, ?, ?, ?, ?)', [
      randomUUID(),
      'test.event',
      vanished,
      ids.tenantA,
      'user',
      new Date().toISOString(),
    ]),
  );
});
afterAll(() => server.close());

describe('audit_event_actor', () => {
  it('shows a removal on the very next request, saved answers or not', async () => {
    const admin = { cookie: world.sessions.admin };
    const member = await makeMember(server, world.ids.tenantA, world.ids.admin);
    const isMember = async () => (await actorsAs(admin, { limit: 1000 })).data.audit_event_actor.find((a) => a.id === member.userId)?.is_member;
    expect(await isMember()).toBe(true);
    expect(await isMember()).toBe(true); // the second answer may be a saved one
    await server.gql(`mutation { delete_membership(input: { membership_id: "${member.membershipId}" }) { success } }`, {}, admin);
    expect(await isMember()).toBe(false);
  });

  it("lists each actor of the tenant's log once: members, a removed member, a deleted service account, an id with no account", async () => {
    const result = await actorsAs({ cookie: world.sessions.admin });
    expect(result.errors).toBeUndefined();
    const actors = result.data.audit_event_actor;
    const byId = new Map(actors.map((a) => [a.id, a]));
    expect(byId.size).toBe(actors.length);
    expect(byId.get(world.ids.admin)).toEqual({ id: world.ids.admin, username: 'Alice Admin', account_type: 'NORMAL', is_member: true });
    expect(byId.get(world.ids.reader)).toMatchObject({ username: 'Rex Reader', is_member: true });
    expect(byId.get(removed.userId)).toMatchObject({ account_type: 'NORMAL', is_member: false });
    expect(byId.get(deletedSa)).toEqual({ id: deletedSa, username: 'old-runner', account_type: 'SERVICE', is_member: false });
    expect(byId.get(vanished)).toEqual({ id: vanished, username: null, account_type: null, is_member: false });
    // Every actor_id of A's log is listed, and nothing else.
    const logged = await server.rows<{ actor_id: string }>('SELECT DISTINCT actor_id FROM audit_event WHERE tenant_id = ? AND actor_id IS NOT NULL', [
      world.ids.tenantA,
    ]);
    expect([...byId.keys()].sort()).toEqual(logged.map((r) => r.actor_id).sort());
    expect(result.data.audit_event_actor_aggregate.aggregate.count).toBe(actors.length);
  });

  it("never lists another tenant's actors", async () => {
    const keyInB = await world.createKey(world.sessions.adminB, world.ids.adminB, 'only-in-b');
    expect(keyInB.id).toBeTruthy();
    const inA = (await actorsAs({ cookie: world.sessions.admin })).data.audit_event_actor.map((a) => a.id);
    expect(inA).not.toContain(world.ids.adminB);
    const inB = await actorsAs({ cookie: world.sessions.adminB });
    expect(inB.errors).toBeUndefined();
    const idsInB = inB.data.audit_event_actor.map((a) => a.id);
    expect(idsInB).toContain(world.ids.adminB);
    for (const onlyA of [world.ids.admin, world.ids.reader, removed.userId, deletedSa, vanished]) expect(idsInB).not.toContain(onlyA);
    expect(inB.data.audit_event_actor_aggregate.aggregate.count).toBe(idsInB.length);
  });

  it('sorts by name by default, pages with limit and offset, and sorts by membership', async () => {
    const all = (await actorsAs({ cookie: world.sessions.admin })).data.audit_event_actor;
    const named = all.filter((a) => a.username !== null).map((a) => a.username!);
    expect(named).toEqual([...named].sort());
    // Nulls last, ascending (the order_by enum's asc).
    expect(all.at(-1)?.id).toBe(vanished);
    const first = (await actorsAs({ cookie: world.sessions.admin }, { limit: 2, offset: 0 })).data;
    const second = (await actorsAs({ cookie: world.sessions.admin }, { limit: 2, offset: 2 })).data;
    expect([...first.audit_event_actor, ...second.audit_event_actor]).toEqual(all.slice(0, 4));
    expect(first.audit_event_actor_aggregate.aggregate.count).toBe(all.length);
    const members = (await actorsAs({ cookie: world.sessions.admin }, { order_by: [{ is_member: 'desc' }, { username: 'asc' }] })).data.audit_event_actor;
    const firstRemoved = members.findIndex((a) => !a.is_member);
    expect(firstRemoved).toBeGreaterThan(0);
    expect(members.slice(firstRemoved).every((a) => !a.is_member)).toBe(true);
  });

  it('answers an administrator with a session or a key, admin-role service accounts too', async () => {
    for (const auth of [{ cookie: world.sessions.admin }, { key: world.keys.admin.key }, { key: world.keys.adminSa.key }]) {
      const result = await actorsAs(auth);
      expect(result.errors, JSON.stringify(auth)).toBeUndefined();
      expect(result.data.audit_event_actor.map((a) => a.id)).toContain(deletedSa);
    }
  });

  it('refuses members who are not administrators and service accounts of other roles (FORBIDDEN), and anonymous callers', async () => {
    for (const auth of [{ cookie: world.sessions.user }, { cookie: world.sessions.reader }, { key: world.keys.reader.key }, { key: world.keys.userSa.key }]) {
      for (const query of ['{ audit_event_actor { id } }', '{ audit_event_actor_aggregate { aggregate { count } } }']) {
        const result = await server.gql(query, {}, auth);
        expect(result.data, query).toBeNull();
        expect(result.errors?.[0]).toMatchObject({ message: 'Only tenant administrators can read the audit log.', extensions: { code: 'FORBIDDEN' } });
      }
    }
    const anonymous = await server.gql('{ audit_event_actor { id } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
