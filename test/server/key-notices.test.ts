import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, startServer, type Server, type World } from './harness.js';

// key_notices counts from the keys themselves: right before any scheduled job has run.

const DAY = 86_400_000;
const NOTICES = `query ($id: uuid) { key_notices(tenant_id: $id) { own_expiring_count own_idle_count service_expiring_count service_idle_count } }`;

describe('key_notices', () => {
  let server: Server;
  let world: World;
  beforeAll(async () => {
    server = await startServer({}, { scheduler: { start: false } });
    world = await buildWorld(server);
  });
  afterAll(() => server?.close());

  it("counts the caller's keys expiring within 7 days, and administrators the service accounts' too", async () => {
    const soon = new Date(Date.now() + 3 * DAY).toISOString();
    await world.createKey(world.sessions.user, world.ids.user, 'soon-1', { expires_at: soon });
    await world.createKey(world.sessions.user, world.ids.user, 'soon-2', { expires_at: soon });
    await world.createKey(world.sessions.user, world.ids.user, 'later', { expires_at: new Date(Date.now() + 30 * DAY).toISOString() });
    await world.createKey(world.sessions.admin, world.ids.adminSa, 'sa-soon', { expires_at: soon });

    expect((await server.gql(NOTICES, {}, { cookie: world.sessions.user })).data.key_notices).toEqual({
      own_expiring_count: 2,
      own_idle_count: 0,
      service_expiring_count: null,
      service_idle_count: null,
    });
    expect((await server.gql(NOTICES, { id: world.ids.tenantA }, { cookie: world.sessions.admin })).data.key_notices).toEqual({
      own_expiring_count: 0,
      own_idle_count: 0,
      service_expiring_count: 1,
      service_idle_count: 0,
    });
  });

  it('counts keys the idle policy revokes within 7 days unless used', async () => {
    await server.app.store.setTenantPolicy(
      world.ids.tenantA,
      { user_key_max_days: null, service_key_max_days: null, require_expiry: false, idle_days: 30 },
      { actorId: world.ids.admin, sourceAddress: null },
    );
    await server.write((db) => db.run('UPDATE api_key SET created = ? WHERE name = ?', [new Date(Date.now() - 25 * DAY).toISOString(), 'later']));
    expect((await server.gql(NOTICES, {}, { cookie: world.sessions.user })).data.key_notices).toMatchObject({ own_expiring_count: 2, own_idle_count: 1 });
  });
});
