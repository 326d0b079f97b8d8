import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashKey, isWellFormedKey, keyHint } from '../../src/server/auth/key-format.js';
import { SqlStore } from '../../src/server/store/sql/sql-store.js';
import { AUTH_INFO, buildWorld, DELETE_KEY, startServer, type Server, type World } from './harness.js';
import { stableSnapshot } from './hardening-support.js';

// Canary keys: a kps_ key no one can tell from a service account's, refused exactly as a
// revoked key is, each use recorded and the first audited with where it came from.

const CREATE = `mutation ($input: create_canary_key_input!) { create_canary_key(input: $input) { id key } }`;
const LIST = `{ canary_key { id name description key_hint created created_by { username } first_used_at last_used_at use_count last_source_address last_user_agent }
  canary_key_aggregate { aggregate { count } } }`;
const DELETE = `mutation ($input: delete_canary_key_input!) { delete_canary_key(input: $input) { success } }`;
const CANARY_EVENTS = `{ audit_event(where: { action: { _eq: "api_key.canary_used" } }) { target_id target_name source_address user_agent actor_id } }`;

let server: Server;
let world: World;

beforeAll(async () => {
  // Every use here is a failed authentication: the limiter has its own tests.
  server = await startServer({ authFailuresPerMinute: 1_000_000 });
  world = await buildWorld(server);
});
afterAll(() => server.close());

async function createCanary(name: string, description?: string) {
  const result = await server.gql(CREATE, { input: { name, ...(description !== undefined && { description }) } }, { cookie: world.sessions.admin });
  expect(result.errors).toBeUndefined();
  return result.data.create_canary_key as { id: string; key: string };
}

/** A request as a stranger who found the key would send it, from an address of their own. */
function useKey(key: string, headers: Record<string, string> = {}, remoteAddress = '203.0.113.7') {
  return server.app.inject({
    method: 'POST',
    url: '/graphql',
    remoteAddress,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'user-agent': 'curl/8.5.0', ...headers },
    payload: JSON.stringify({ query: '{ auth_info { user_id } }' }),
  });
}

async function canaryRow(id: string) {
  await server.app.canaries.settled();
  const list = await server.gql(LIST, {}, { cookie: world.sessions.admin });
  return list.data.canary_key.find((c: { id: string }) => c.id === id);
}

/** What a client sees of an answer, less what differs between any two requests (its id, the date). */
function observable(response: Awaited<ReturnType<typeof useKey>>) {
  const { 'x-request-id': requestId, date: _date, ...headers } = response.headers;
  return { status: response.statusCode, headers, body: response.body.replaceAll(String(requestId), '<request id>') };
}

describe('canary keys', () => {
  it('look like any service-account key: prefix, length, alphabet and checksum', async () => {
    const canary = await createCanary('format');
    const real = await world.createKey(world.sessions.admin, world.ids.adminSa, 'a real one');
    for (const key of [canary.key, real.key]) {
      expect(key).toMatch(/^kps_[0-9A-Za-z]{36}$/);
      expect(isWellFormedKey(key)).toBe(true);
    }
    expect(canary.key.length).toBe(real.key.length);
    const row = await canaryRow(canary.id);
    expect(row.key_hint).toBe(keyHint(canary.key));
    // Only the hash is stored.
    const stored = await server.rows<{ key_hash: string }>('SELECT key_hash FROM canary_key WHERE id = ?', [canary.id]);
    expect(stored[0].key_hash).toBe(hashKey(canary.key));
    expect(JSON.stringify(await server.snapshot())).not.toContain(canary.key);
  });

  it('are refused byte for byte as a revoked key is, for Prefect clients too', async () => {
    const canary = await createCanary('refusal');
    const revoked = await world.createKey(world.sessions.admin, world.ids.adminSa, 'to revoke');
    await server.gql(DELETE_KEY, { input: { key_id: revoked.id } }, { cookie: world.sessions.admin });
    for (const headers of [{}, { 'x-prefect-core-version': '1.4.1' }] as Record<string, string>[]) {
      const fromCanary = observable(await useKey(canary.key, headers));
      const fromRevoked = observable(await useKey(revoked.key, headers));
      expect(fromCanary).toEqual(fromRevoked);
    }
    expect(observable(await useKey(canary.key)).status).toBe(401);
  });

  it('authenticate nothing, with the credential cache warm or cold', async () => {
    const canary = await createCanary('nothing');
    const keyHash = hashKey(canary.key);
    for (let i = 0; i < 3; i++) {
      // Cold, the store is read; warm, the remembered (null) credential answers without it.
      await server.app.canaries.settled();
      if (i > 0) await server.app.credentials.find(keyHash);
      expect(server.app.credentials.remembered(keyHash)).toBe(i > 0 ? null : undefined);
      const result = await server.gql(AUTH_INFO, {}, { key: canary.key });
      expect(result.status).toBe(401);
      expect(result.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect(await server.app.store.findKeyCredential(hashKey(canary.key))).toBeNull();
    for (const query of [`{ canary_key { id } }`, `{ hello }`, `{ setup_required }`]) {
      expect((await server.gql(query, {}, { key: canary.key })).status).toBe(401);
    }
    await server.app.canaries.settled();
    expect((await canaryRow(canary.id)).use_count).toBe(6);
  });

  it('record the first use with its address and user agent in the list and the audit log, later uses counted', async () => {
    const canary = await createCanary('ci variable', 'GitHub Actions secret DEPLOY_KEY');
    const untouched = await canaryRow(canary.id);
    expect(untouched).toMatchObject({
      first_used_at: null,
      last_used_at: null,
      use_count: 0,
      last_source_address: null,
      created_by: { username: 'Alice Admin' },
    });

    await useKey(canary.key);
    const tripped = await canaryRow(canary.id);
    expect(tripped).toMatchObject({
      use_count: 1,
      last_source_address: '203.0.113.7',
      last_user_agent: 'curl/8.5.0',
      description: 'GitHub Actions secret DEPLOY_KEY',
    });
    expect(tripped.first_used_at).not.toBeNull();
    let events = (await server.gql(CANARY_EVENTS, {}, { cookie: world.sessions.admin })).data.audit_event.filter(
      (e: { target_id: string }) => e.target_id === canary.id,
    );
    expect(events).toEqual([{ target_id: canary.id, target_name: 'ci variable', source_address: '203.0.113.7', user_agent: 'curl/8.5.0', actor_id: null }]);

    // Later uses are counted; the alert is not raised again within the hour.
    await useKey(canary.key, { 'user-agent': 'python-requests/2.31' }, '198.51.100.9');
    await useKey(canary.key, { 'user-agent': 'python-requests/2.31' }, '198.51.100.9');
    const again = await canaryRow(canary.id);
    expect(again).toMatchObject({
      use_count: 3,
      last_source_address: '198.51.100.9',
      last_user_agent: 'python-requests/2.31',
      first_used_at: tripped.first_used_at,
    });
    events = (await server.gql(CANARY_EVENTS, {}, { cookie: world.sessions.admin })).data.audit_event.filter(
      (e: { target_id: string }) => e.target_id === canary.id,
    );
    expect(events).toHaveLength(1);

    // An hour after the last alert, a use raises the next.
    const hourAgo = new Date(Date.now() - SqlStore.CANARY_ALERT_INTERVAL_MS - 1000).toISOString();
    await server.write((db) => db.run('UPDATE canary_key SET last_alerted_at = ? WHERE id = ?', [hourAgo, canary.id]));
    await useKey(canary.key, {}, '192.0.2.1');
    await server.app.canaries.settled();
    events = (await server.gql(CANARY_EVENTS, {}, { cookie: world.sessions.admin })).data.audit_event.filter(
      (e: { target_id: string }) => e.target_id === canary.id,
    );
    expect(events.map((e: { source_address: string }) => e.source_address)).toEqual(['192.0.2.1', '203.0.113.7']);
  });

  it('keep a user agent short and printable', async () => {
    const canary = await createCanary('long agent');
    await useKey(canary.key, { 'user-agent': `evil\u0007${'x'.repeat(500)}` });
    const row = await canaryRow(canary.id);
    expect(row.last_user_agent).toBe(`evil${'x'.repeat(196)}`);
  });

  it('are in no list or count of keys, members or service accounts', async () => {
    const counts = `{ auth_api_key_aggregate { aggregate { count } } user_view_same_tenant_aggregate { aggregate { count } } auth_api_key { key_hint } }`;
    const before = await server.gql(counts, {}, { cookie: world.sessions.admin });
    const canary = await createCanary('hidden');
    const after = await server.gql(counts, {}, { cookie: world.sessions.admin });
    expect(after.data.auth_api_key_aggregate).toEqual(before.data.auth_api_key_aggregate);
    expect(after.data.user_view_same_tenant_aggregate).toEqual(before.data.user_view_same_tenant_aggregate);
    expect(after.data.auth_api_key.map((k: { key_hint: string }) => k.key_hint)).not.toContain(keyHint(canary.key));
    expect((await server.gql(`{ tenant_by_pk(id: "${world.ids.tenantA}") { live_api_key_count } }`, {}, { cookie: world.sessions.admin })).status).toBe(200);
  });

  it('are hidden from everyone but administrators, and another tenant’s administrator', async () => {
    const canary = await createCanary('secret');
    for (const cookie of [world.sessions.user, world.sessions.reader]) {
      const list = await server.gql(`{ canary_key { id } }`, {}, { cookie });
      expect(list.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const removal = await server.gql(DELETE, { input: { canary_key_id: canary.id } }, { cookie });
      // The same answer as for an id that was never issued: nobody else learns it exists.
      expect(removal.errors?.[0].extensions.code).toBe('NOT_FOUND');
    }
    const other = await server.gql(LIST, {}, { cookie: world.sessions.adminB });
    expect(other.data.canary_key).toEqual([]);
    expect(other.data.canary_key_aggregate.aggregate.count).toBe(0);
    expect((await server.gql(DELETE, { input: { canary_key_id: canary.id } }, { cookie: world.sessions.adminB })).errors?.[0].extensions.code).toBe(
      'NOT_FOUND',
    );
    expect(await canaryRow(canary.id)).toBeDefined();
  });

  it('refuse bad input with BAD_USER_INPUT and change nothing', async () => {
    const before = await stableSnapshot(server);
    for (const [input, field] of [
      [{ name: '  ' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 'ok', description: 'd'.repeat(501) }, 'description'],
      [{ name: 'ok', description: 'a\u202Eb' }, 'description'],
      [{ name: 'ok', tenant_id: 'not-a-uuid' }, 'tenant_id'],
    ] as const) {
      const result = await server.gql(CREATE, { input }, { cookie: world.sessions.admin });
      expect(result.errors?.[0].extensions.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
      if (field !== 'tenant_id') expect(result.errors?.[0].extensions.field).toBe(field);
    }
    expect(await stableSnapshot(server)).toEqual(before);
  });

  it('once deleted, are refused as before and no longer recorded; creating and deleting are audited', async () => {
    const canary = await createCanary('to delete');
    expect((await server.gql(DELETE, { input: { canary_key_id: canary.id } }, { cookie: world.sessions.admin })).data.delete_canary_key.success).toBe(true);
    expect((await useKey(canary.key)).statusCode).toBe(401);
    await server.app.canaries.settled();
    expect(await server.rows('SELECT id FROM canary_key WHERE id = ?', [canary.id])).toEqual([]);
    const events = await server.gql(
      `{ audit_event(where: { target_id: { _eq: "${canary.id}" } }) { action target_type } }`,
      {},
      { cookie: world.sessions.admin },
    );
    expect(events.data.audit_event).toEqual([
      { action: 'api_key.canary_delete', target_type: 'canary_key' },
      { action: 'api_key.canary_create', target_type: 'canary_key' },
    ]);
  });

  it('go with their tenant', async () => {
    const tenant = await server.gql(`mutation { create_tenant(input: { name: "Canary Tenant" }) { id } }`, {}, { cookie: world.sessions.admin });
    const id = tenant.data.create_tenant.id as string;
    const created = await server.gql(CREATE, { input: { tenant_id: id, name: 'doomed' } }, { cookie: world.sessions.admin });
    expect(created.errors).toBeUndefined();
    const deleted = await server.gql(
      `mutation ($input: delete_tenant_input!) { delete_tenant(input: $input) { success } }`,
      { input: { confirm: true, tenant_id: id } },
      {
        cookie: world.sessions.admin,
      },
    );
    expect(deleted.errors).toBeUndefined();
    expect(await server.rows('SELECT id FROM canary_key WHERE tenant_id = ?', [id])).toEqual([]);
  });
});
