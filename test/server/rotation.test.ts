import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildWorld, CREATE_KEY, startServer, type Auth, type Server, type World } from './harness.js';
import { stableSnapshot, unique } from './hardening-support.js';

// rotate_api_key: a successor with the same name, owner and tenant, shown once; the old
// key keeps working until the first of the successor's first use and the overlap's end,
// and that holds through the remembered credentials and the saved answers, which are
// both warmed before each cut-over here.

const ROTATE = `mutation ($input: rotate_api_key_input!) { rotate_api_key(input: $input) { id key token } }`;
const LIST = `{ auth_api_key(order_by: {created: asc}) { id name expires_at replaces_id replaced_by_id rotation_ends_at replaces_key_hint key_hint } }`;
const EVENTS = `query ($id: String!) { audit_event(where: { target_id: { _eq: $id } }, order_by: {created: asc}) { action cause actor_id } }`;

let server: Server;
let world: World;
let user: Auth;
let admin: Auth;

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
  user = { cookie: world.sessions.user };
  admin = { cookie: world.sessions.admin };
}, 60_000);
afterAll(() => server.close());

async function newKey(as: Auth, userId: string, extra: Record<string, unknown> = {}) {
  const result = await server.gql(CREATE_KEY, { input: { user_id: userId, name: unique('rotating'), ...extra } }, as);
  expect(result.errors).toBeUndefined();
  return result.data.create_api_key as { id: string; key: string };
}

async function rotate(as: Auth, input: Record<string, unknown>) {
  const result = await server.gql(ROTATE, { input }, as);
  expect(result.errors).toBeUndefined();
  return result.data.rotate_api_key as { id: string; key: string; token: string };
}

const works = async (key: string) => (await server.gql(`{ auth_info { api_key_id } }`, {}, { key })).status === 200;
const listed = async (as: Auth) => (await server.gql(LIST, {}, as)).data.auth_api_key as Record<string, string | null>[];

describe('rotate_api_key', () => {
  it('issues a successor shown once, linked both ways, with the name and expiry of the old key', async () => {
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const old = await newKey(user, world.ids.user, { expires_at: expiresAt });
    const successor = await rotate(user, { key_id: old.id });
    expect(successor.key).toMatch(/^kpu_[0-9A-Za-z]{36}$/);
    expect(successor.token).toBe(successor.key);
    const rows = await listed(user);
    const oldRow = rows.find((k) => k.id === old.id)!;
    const newRow = rows.find((k) => k.id === successor.id)!;
    expect(newRow).toMatchObject({ name: oldRow.name, expires_at: expiresAt, replaces_id: old.id, replaces_key_hint: oldRow.key_hint });
    expect(oldRow.replaced_by_id).toBe(successor.id);
    // The default overlap is 24 hours.
    expect(Math.abs(Date.parse(oldRow.rotation_ends_at!) - Date.now() - 86_400_000)).toBeLessThan(60_000);
    expect(JSON.stringify(rows)).not.toContain(successor.key);
    expect(await works(old.key)).toBe(true);
    const events = (await server.gql(EVENTS, { id: old.id }, admin)).data.audit_event;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['api_key.create', 'api_key.rotate']);
  });

  it('ends the old key at the successor’s first use, past remembered credentials and saved answers', async () => {
    const old = await newKey(user, world.ids.user);
    const successor = await rotate(user, { key_id: old.id });
    // Warm both caches: the old key's credential, and the list (asked twice: the second is a saved answer).
    expect(await works(old.key)).toBe(true);
    expect(await works(old.key)).toBe(true);
    const list = vi.spyOn(server.app.store, 'listApiKeys');
    await listed(user);
    expect((await listed(user)).find((k) => k.id === old.id)).toBeDefined();
    expect(list).toHaveBeenCalledTimes(1);
    list.mockRestore();

    expect(await works(successor.key)).toBe(true);
    expect(await works(old.key)).toBe(false);
    expect(await works(successor.key)).toBe(true);
    const rows = await listed(user);
    expect(rows.find((k) => k.id === old.id)).toBeUndefined();
    expect(rows.find((k) => k.id === successor.id)).toMatchObject({ replaces_id: old.id, replaces_key_hint: null });
    const events = (await server.gql(EVENTS, { id: old.id }, admin)).data.audit_event;
    expect(events.at(-1)).toEqual({ action: 'api_key.revoke', cause: 'rotation_first_use', actor_id: world.ids.user });
  });

  it('ends the old key at the end of the overlap though the successor was never used', async () => {
    const old = await newKey(user, world.ids.user);
    const successor = await rotate(user, { key_id: old.id, overlap: 1 });
    expect(await works(old.key)).toBe(true);
    expect(await works(old.key)).toBe(true);
    await listed(user);
    expect((await listed(user)).find((k) => k.id === old.id)?.rotation_ends_at).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // Refused from the remembered credential itself, before any sweep has run.
    expect(await works(old.key)).toBe(false);
    await server.app.rotations.sweep();
    expect((await listed(user)).find((k) => k.id === old.id)).toBeUndefined();
    const events = (await server.gql(EVENTS, { id: old.id }, admin)).data.audit_event;
    expect(events.at(-1)).toEqual({ action: 'api_key.revoke', cause: 'rotation_overlap_ended', actor_id: null });
    expect(await works(successor.key)).toBe(true);
  });

  it('with an overlap of 0 ends the old key at once', async () => {
    const old = await newKey(user, world.ids.user);
    expect(await works(old.key)).toBe(true);
    const successor = await rotate(user, { key_id: old.id, overlap: 0 });
    expect(await works(old.key)).toBe(false);
    expect(await works(successor.key)).toBe(true);
  });

  it('takes a new expiry for the successor, or none (null)', async () => {
    const old = await newKey(user, world.ids.user, { expires_at: new Date(Date.now() + 86_400_000).toISOString() });
    const never = await rotate(user, { key_id: old.id, expires_at: null, overlap: 0 });
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const later = await rotate(user, { key_id: never.id, expires_at: expiresAt, overlap: 0 });
    const rows = await listed(user);
    expect(rows.find((k) => k.id === never.id)).toBeUndefined();
    expect(rows.find((k) => k.id === later.id)?.expires_at).toBe(expiresAt);
  });

  it('refuses bad overlaps and expiries, and a key already being rotated, with BAD_USER_INPUT, changing nothing', async () => {
    const old = await newKey(user, world.ids.user);
    const cases: [Record<string, unknown>, string][] = [
      [{ overlap: -1 }, 'overlap'],
      [{ overlap: 30 * 86_400 + 1 }, 'overlap'],
      [{ expires_at: new Date(Date.now() - 60_000).toISOString() }, 'expires_at'],
    ];
    for (const [extra, field] of cases) {
      const before = await stableSnapshot(server, { withAudit: true });
      const result = await server.gql(ROTATE, { input: { key_id: old.id, ...extra } }, user);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await stableSnapshot(server, { withAudit: true })).toEqual(before);
    }
    await rotate(user, { key_id: old.id, overlap: 3600 });
    const before = await stableSnapshot(server, { withAudit: true });
    const again = await server.gql(ROTATE, { input: { key_id: old.id } }, user);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key_id' });
    expect(again.errors?.[0]?.message).toMatch(/already being rotated/);
    expect(await stableSnapshot(server, { withAudit: true })).toEqual(before);
  });

  it('refuses an expired key unless a new expiry is given', async () => {
    const old = await newKey(user, world.ids.user, { expires_at: new Date(Date.now() + 1_000).toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const refused = await server.gql(ROTATE, { input: { key_id: old.id } }, user);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expires_at' });
    const successor = await rotate(user, { key_id: old.id, expires_at: new Date(Date.now() + 86_400_000).toISOString() });
    expect(await works(successor.key)).toBe(true);
  });

  it('rotates a service account’s key for an administrator, with a kps_ successor; not for a user', async () => {
    const old = await newKey(admin, world.ids.userSa);
    expect((await server.gql(ROTATE, { input: { key_id: old.id } }, user)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const successor = await rotate(admin, { key_id: old.id });
    expect(successor.key).toMatch(/^kps_/);
    const info = await server.gql(`{ auth_info { user_id } }`, {}, { key: successor.key });
    expect(info.data.auth_info.user_id).toBe(world.ids.userSa);
  });
});
