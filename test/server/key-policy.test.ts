import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_INFO, buildWorld, CREATE_KEY, startServer, type Auth, type Server, type World } from './harness.js';
import { stableSnapshot, unique } from './hardening-support.js';

// A tenant's key policy: who may read and set it, what it refuses (create, rotate and
// extend, in every shape Prefect clients send), and that it never changes existing keys
// until an administrator chooses to shorten them.

let server: Server;
let world: World;
let admin: Auth;

const DAY = 86_400_000;
const POLICY = `query ($id: UUID) { tenant_policy(tenant_id: $id) { tenant_id user_key_max_days service_key_max_days require_expiry idle_days updated updated_by_id keys_outside { user_keys service_account_keys } } }`;
const SET = `mutation ($input: set_tenant_policy_input!) { set_tenant_policy(input: $input) { user_key_max_days service_key_max_days require_expiry idle_days } }`;
const SHORTEN = `mutation ($input: shorten_keys_to_tenant_policy_input!) { shorten_keys_to_tenant_policy(input: $input) { shortened } }`;
const ROTATE = `mutation ($input: rotate_api_key_input!) { rotate_api_key(input: $input) { id key } }`;
const UPDATE = `mutation ($input: update_api_key_input!) { update_api_key(input: $input) { id expires_at } }`;
const NO_LIMITS = { user_key_max_days: null, service_key_max_days: null, require_expiry: false, idle_days: null };

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
  admin = { cookie: world.sessions.admin };
});
afterAll(() => server.close());

// Tenant A starts every test with no policy.
beforeEach(async () => {
  await server.app.store.setTenantPolicy(world.ids.tenantA, NO_LIMITS, { actorId: null, sourceAddress: null });
});

async function ok(query: string, variables: Record<string, unknown>, auth: Auth = admin) {
  const result = await server.gql(query, variables, auth);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const setPolicy = (input: Record<string, unknown>, auth: Auth = admin) => server.gql(SET, { input: { tenant_id: world.ids.tenantA, ...input } }, auth);
const policy = async (auth: Auth = admin) => (await ok(POLICY, { id: world.ids.tenantA }, auth)).tenant_policy;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const createKey = (userId: string, extra: Record<string, unknown> = {}, auth: Auth = admin) =>
  server.gql(CREATE_KEY, { input: { user_id: userId, name: unique('policy-key'), ...extra } }, auth);
const problem = (result: { errors?: any[] }) => ({
  code: result.errors?.[0]?.extensions?.code,
  field: result.errors?.[0]?.extensions?.field,
  message: result.errors?.[0]?.message,
});
const policyEvents = async () => (await server.rows<{ action: string }>("SELECT action FROM audit_event WHERE action LIKE '%policy%'")).length;

describe('tenant_policy', () => {
  it('is no limits for a tenant that never set one, and every member may read it', async () => {
    const tenant = (await ok(`mutation { create_tenant(input: { name: "${unique('Fresh')}" }) { id } }`, {})).create_tenant.id;
    const fresh = (await ok(POLICY, { id: tenant })).tenant_policy;
    expect(fresh).toEqual({ tenant_id: tenant, ...NO_LIMITS, updated: null, updated_by_id: null, keys_outside: { user_keys: 0, service_account_keys: 0 } });
    for (const auth of [{ cookie: world.sessions.user }, { cookie: world.sessions.reader }, { key: world.keys.userSa.key }]) {
      expect(await policy(auth)).toMatchObject({ tenant_id: world.ids.tenantA, require_expiry: false, keys_outside: null });
    }
  });

  it("defaults to the request's tenant, and a non-member learns nothing", async () => {
    expect((await ok(POLICY, {}, { key: world.keys.user.key })).tenant_policy.tenant_id).toBe(world.ids.tenantA);
    const outsider = await server.gql(POLICY, { id: world.ids.tenantA }, { cookie: world.sessions.adminB });
    expect(problem(outsider).code).toBe('NOT_FOUND');
  });
});

describe('set_tenant_policy', () => {
  it('sets the fields sent, keeps the others, and records who changed what', async () => {
    await ok(SET, { input: { tenant_id: world.ids.tenantA, user_key_max_days: 90, require_expiry: true } });
    const set = await ok(SET, { input: { tenant_id: world.ids.tenantA, idle_days: 60 } });
    expect(set.set_tenant_policy).toEqual({ user_key_max_days: 90, service_key_max_days: null, require_expiry: true, idle_days: 60 });
    expect(await policy()).toMatchObject({ updated_by_id: world.ids.admin });
    const [event] = await server.rows<{ action: string; detail: string; actor_id: string }>(
      "SELECT action, detail, actor_id FROM audit_event WHERE action = 'tenant.policy_change' ORDER BY created DESC LIMIT 1",
    );
    expect(event).toEqual({ action: 'tenant.policy_change', detail: 'idle_days=60', actor_id: world.ids.admin });
  });

  it('lets an administrator service account set it, and refuses every other role, changing nothing', async () => {
    expect((await setPolicy({ service_key_max_days: 30 }, { key: world.keys.adminSa.key })).errors).toBeUndefined();
    const before = await stableSnapshot(server);
    const refused: [Auth, string][] = [
      [{ cookie: world.sessions.user }, 'FORBIDDEN'],
      [{ cookie: world.sessions.reader }, 'FORBIDDEN'],
      [{ key: world.keys.user.key }, 'FORBIDDEN'],
      [{ key: world.keys.userSa.key }, 'FORBIDDEN'],
      [{ cookie: world.sessions.adminB }, 'NOT_FOUND'],
      [{ key: world.keys.adminB.key }, 'NOT_FOUND'],
      [{}, 'UNAUTHENTICATED'],
    ];
    for (const [auth, code] of refused) expect(problem(await setPolicy({ service_key_max_days: 1 }, auth)).code).toBe(code);
    expect(await stableSnapshot(server)).toEqual(before);
  });

  it.each([
    ['user_key_max_days', 0],
    ['user_key_max_days', 3651],
    ['service_key_max_days', -1],
    ['idle_days', 100000],
    ['require_expiry', null],
  ])('refuses %s = %s naming the field, changing nothing', async (field, value) => {
    const before = await stableSnapshot(server);
    expect(problem(await setPolicy({ [field]: value }))).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await stableSnapshot(server)).toEqual(before);
  });

  it('records nothing when nothing changes', async () => {
    await ok(SET, { input: { tenant_id: world.ids.tenantA, idle_days: 45 } });
    const events = await policyEvents();
    await ok(SET, { input: { tenant_id: world.ids.tenantA, idle_days: 45 } });
    expect(await policyEvents()).toBe(events);
  });
});

describe('creating a key under a policy', () => {
  it('refuses a user key that never expires, or lives longer than the limit, naming the policy and its limit', async () => {
    await setPolicy({ user_key_max_days: 30 });
    const before = await stableSnapshot(server);
    for (const extra of [{}, { expires_at: null }, { expires_at: inDays(31) }]) {
      expect(problem(await createKey(world.ids.user, extra, { cookie: world.sessions.user }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'expires_at',
        message: "This tenant's key policy limits user keys to 30 days. Choose an expiry at most 30 days from now.",
      });
    }
    expect(await stableSnapshot(server)).toEqual(before);
    expect((await createKey(world.ids.user, { expires_at: inDays(30) }, { cookie: world.sessions.user })).errors).toBeUndefined();
  });

  it("refuses a Prefect client's key without expiry the same way, over a key", async () => {
    await setPolicy({ require_expiry: true });
    // Prefect 1.x's `prefect auth create-key` sends only user_id, name and (optionally) expires_at.
    const result = await server.gql(
      `mutation($input: create_api_key_input!) { create_api_key(input: $input) { key } }`,
      { input: { user_id: world.ids.admin, name: 'prefect' } },
      { key: world.keys.admin.key, headers: { 'x-prefect-core-version': '1.4.1' } },
    );
    expect(problem(result)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'expires_at',
      message: "This tenant's key policy requires every key to expire. Choose an expiry.",
    });
  });

  it('holds service-account keys to their own limit, not the user-key one', async () => {
    await setPolicy({ user_key_max_days: 7, service_key_max_days: 365 });
    expect((await createKey(world.ids.adminSa, { expires_at: inDays(200) })).errors).toBeUndefined();
    expect(problem(await createKey(world.ids.adminSa, { expires_at: inDays(400) })).message).toBe(
      "This tenant's key policy limits service-account keys to 365 days. Choose an expiry at most 365 days from now.",
    );
    expect(problem(await createKey(world.ids.admin, { expires_at: inDays(8) })).message).toContain('limits user keys to 7 days');
  });

  it('leaves other tenants alone', async () => {
    await setPolicy({ require_expiry: true, user_key_max_days: 1 });
    expect((await createKey(world.ids.adminB, {}, { cookie: world.sessions.adminB })).errors).toBeUndefined();
  });
});

describe('rotating and extending under a policy', () => {
  it('refuses a successor that would outlive the policy, and takes one within it', async () => {
    const old = (await ok(CREATE_KEY, { input: { user_id: world.ids.user, name: unique('forever') } }, { cookie: world.sessions.user })).create_api_key;
    await setPolicy({ user_key_max_days: 90 });
    const user = { cookie: world.sessions.user };
    // Absent: the old key's expiry, which is never.
    expect(problem(await server.gql(ROTATE, { input: { key_id: old.id } }, user))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expires_at' });
    expect(problem(await server.gql(ROTATE, { input: { key_id: old.id, expires_at: inDays(120) } }, user)).message).toContain('90 days');
    expect((await server.gql(ROTATE, { input: { key_id: old.id, expires_at: inDays(90) } }, user)).errors).toBeUndefined();
  });

  it('takes bringing an expiry nearer even while the key is outside the policy (pushing it back is never allowed)', async () => {
    const key = (await ok(CREATE_KEY, { input: { user_id: world.ids.user, name: unique('soon'), expires_at: inDays(20) } }, { cookie: world.sessions.user }))
      .create_api_key;
    await setPolicy({ user_key_max_days: 7 });
    const user = { cookie: world.sessions.user };
    expect((await server.gql(UPDATE, { input: { key_id: key.id, expires_at: inDays(10) } }, user)).errors).toBeUndefined();
    expect(problem(await server.gql(UPDATE, { input: { key_id: key.id, expires_at: inDays(12) } }, user)).code).toBe('BAD_USER_INPUT');
  });
});

describe('keys made before a policy', () => {
  it('are counted, keep working, and are shortened only when an administrator asks', async () => {
    const user = { cookie: world.sessions.user };
    const forever = (await ok(CREATE_KEY, { input: { user_id: world.ids.user, name: unique('forever') } }, user)).create_api_key;
    const yearLong = (await ok(CREATE_KEY, { input: { user_id: world.ids.user, name: unique('year'), expires_at: inDays(365) } }, user)).create_api_key;
    const short = (await ok(CREATE_KEY, { input: { user_id: world.ids.user, name: unique('short'), expires_at: inDays(10) } }, user)).create_api_key;
    const outsideBefore = (await policy()).keys_outside;

    await setPolicy({ user_key_max_days: 30 });
    const outside = (await policy()).keys_outside;
    expect(outside.user_keys - outsideBefore.user_keys).toBeGreaterThanOrEqual(2);
    // Setting a policy revoked and shortened nothing: the key that never expires still works.
    expect((await server.gql(AUTH_INFO, {}, { key: forever.key })).errors).toBeUndefined();

    const before = await stableSnapshot(server);
    for (const auth of [user, { cookie: world.sessions.reader }, { key: world.keys.userSa.key }]) {
      expect(problem(await server.gql(SHORTEN, { input: { tenant_id: world.ids.tenantA } }, auth)).code).toBe('FORBIDDEN');
    }
    expect(await stableSnapshot(server)).toEqual(before);

    const shortened = (await ok(SHORTEN, { input: { tenant_id: world.ids.tenantA } })).shorten_keys_to_tenant_policy.shortened;
    expect(shortened).toBe(outside.user_keys + outside.service_account_keys);
    expect((await policy()).keys_outside).toEqual({ user_keys: 0, service_account_keys: 0 });
    const expiries = Object.fromEntries(
      (
        await server.rows<{ id: string; expires_at: string }>('SELECT id, expires_at FROM api_key WHERE id IN (?, ?, ?)', [forever.id, yearLong.id, short.id])
      ).map((row) => [row.id, Date.parse(row.expires_at)]),
    );
    for (const id of [forever.id, yearLong.id]) expect(Math.abs(expiries[id] - (Date.now() + 30 * DAY))).toBeLessThan(60_000);
    expect(Math.abs(expiries[short.id] - (Date.now() + 10 * DAY))).toBeLessThan(60_000);
    const events = await server.rows<{ target_id: string; detail: string; actor_id: string }>(
      "SELECT target_id, detail, actor_id FROM audit_event WHERE action = 'api_key.policy_shortened' AND target_id IN (?, ?)",
      [forever.id, yearLong.id],
    );
    expect(events).toHaveLength(2);
    expect(events.find((e) => e.target_id === forever.id)?.detail).toMatch(/^expires_at=\S+ \(was never\)$/);
    expect(events.every((e) => e.actor_id === world.ids.admin)).toBe(true);
    // The key still works until its new expiry.
    expect((await server.gql(AUTH_INFO, {}, { key: forever.key })).errors).toBeUndefined();
  });

  it('gives keys that never expire the longest expiry when the policy only requires one', async () => {
    const forever = (await ok(CREATE_KEY, { input: { user_id: world.ids.adminSa, name: unique('sa-forever') } })).create_api_key;
    await setPolicy({ require_expiry: true });
    expect((await policy()).keys_outside.service_account_keys).toBeGreaterThanOrEqual(1);
    await ok(SHORTEN, { input: { tenant_id: world.ids.tenantA } });
    const [row] = await server.rows<{ expires_at: string }>('SELECT expires_at FROM api_key WHERE id = ?', [forever.id]);
    expect(new Date(row.expires_at).getUTCFullYear()).toBe(new Date().getUTCFullYear() + 5);
  });
});
