import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, PASSWORD, startServer, type Auth, type Server, type World, usesSettled } from './harness.js';

// Account: a person's password, sessions and display name, from a signed-in browser.
// Keys cannot do any of it; bad input and other people's session ids change nothing.

const CHANGE_PASSWORD = `mutation ($input: change_password_input!) { change_password(input: $input) { success } }`;
const MY_SESSIONS = `{ my_sessions { id created last_seen expires_at current } }`;
const DELETE_SESSION = `mutation ($input: delete_session_input!) { delete_session(input: $input) { success } }`;
const DELETE_OTHERS = `mutation { delete_other_sessions { success deleted } }`;
const UPDATE_PROFILE = `mutation ($input: update_user_profile_input!) { update_user_profile(input: $input) { id first_name last_name } }`;
const LOG_IN = `mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }`;

let server: Server;
let world: World;

beforeAll(async () => {
  server = await startServer({ loginFailuresPerAccount: 3 });
  world = await buildWorld(server);
});
afterAll(() => server.close());

const signedIn = async (cookie: string) => (await server.gql(`{ auth_info { user_id } }`, {}, { cookie })).status === 200;
const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;
const fieldOf = (result: { errors?: { extensions?: { field?: string } }[] }) => result.errors?.[0]?.extensions?.field;

/** A person of their own (so that password changes and lockouts touch no other test), signed in twice. */
async function freshPerson(name: string) {
  const email = `${name.toLowerCase()}@account.test`;
  const invitation = await server.gql(
    `mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { token } }`,
    { input: { tenant_id: world.ids.tenantA, email, role: 'USER' } },
    { cookie: world.sessions.admin },
  );
  const accepted = await server.gql(`mutation ($input: accept_membership_invitation_input!) { accept_membership_invitation(input: $input) { success } }`, {
    input: { token: invitation.data.create_membership_invitation.token, username: name, password: PASSWORD },
  });
  expect(accepted.errors).toBeUndefined();
  // Accepting signed the new account in: that is its first session.
  const first = accepted.cookies.find((c) => c.name === 'keyplane_session')!.value;
  const second = await world.signIn(email);
  const userId = (await server.gql(`{ auth_info { user_id } }`, {}, { cookie: first })).data.auth_info.user_id as string;
  return { email, userId, first, second };
}

describe('change_password', () => {
  it('changes the password, ends the other sessions but this one, keeps device cookies and API keys, and is audited', async () => {
    const person = await freshPerson('Carla');
    const key = await world.createKey(person.first, person.userId, 'carla-key');
    const devicesBefore = await server.rows('SELECT id FROM device_cookie WHERE user_id = ? ORDER BY id', [person.userId]);
    const otherPerson = world.sessions.user;

    const result = await server.gql(
      CHANGE_PASSWORD,
      { input: { current_password: PASSWORD, new_password: 'a-brand-new-passphrase' } },
      { cookie: person.first },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.change_password.success).toBe(true);

    expect(await signedIn(person.first)).toBe(true);
    expect(await signedIn(person.second)).toBe(false);
    expect(await signedIn(otherPerson)).toBe(true);
    expect((await server.gql(`{ auth_info { user_id } }`, {}, { key: key.key })).status).toBe(200);
    const devicesAfter = await server.rows('SELECT id FROM device_cookie WHERE user_id = ? ORDER BY id', [person.userId]);
    expect(devicesAfter.map((row) => row.id)).toEqual(expect.arrayContaining(devicesBefore.map((row) => row.id)));

    expect(codeOf(await server.gql(LOG_IN, { input: { email: person.email, password: PASSWORD } }))).toBe('BAD_USER_INPUT');
    expect((await server.gql(LOG_IN, { input: { email: person.email, password: 'a-brand-new-passphrase' } })).errors).toBeUndefined();

    const events = await server.rows<{ tenant_id: string; actor_id: string; target_id: string; target_name: string }>(
      "SELECT tenant_id, actor_id, target_id, target_name FROM audit_event WHERE action = 'auth.password_change' AND target_id = ?",
      [person.userId],
    );
    expect(events).toEqual([{ tenant_id: world.ids.tenantA, actor_id: person.userId, target_id: person.userId, target_name: person.email }]);
  });

  it('refuses a new password shorter than the rule, and a wrong current password, changing nothing', async () => {
    const person = await freshPerson('Dario');
    for (const [input, field] of [
      [{ current_password: PASSWORD, new_password: 'short' }, 'new_password'],
      [{ current_password: 'not-the-password', new_password: 'a-brand-new-passphrase' }, 'current_password'],
    ] as const) {
      const before = await server.snapshot();
      const result = await server.gql(CHANGE_PASSWORD, { input }, { cookie: person.first });
      expect(codeOf(result), field).toBe('BAD_USER_INPUT');
      expect(fieldOf(result)).toBe(field);
      expect(result.errors![0].message).toMatch(field === 'new_password' ? /at least 10 characters/ : /current password is wrong/);
      expect(await server.snapshot()).toEqual(before);
    }
    expect(await signedIn(person.second)).toBe(true);
  });

  it('counts wrong current passwords against the sign-in limit, before checking them', async () => {
    const person = await freshPerson('Emil');
    const wrong = { input: { current_password: 'not-the-password', new_password: 'a-brand-new-passphrase' } };
    // A browser without a device cookie for the account: limited with the account's sign-ins (3 in this server).
    for (let i = 0; i < 3; i++) expect(codeOf(await server.gql(CHANGE_PASSWORD, wrong, { cookie: person.first }))).toBe('BAD_USER_INPUT');
    const right = await server.gql(
      CHANGE_PASSWORD,
      { input: { current_password: PASSWORD, new_password: 'a-brand-new-passphrase' } },
      { cookie: person.first },
    );
    expect(codeOf(right)).toBe('RATE_LIMITED');
    expect(right.headers['retry-after']).toBeDefined();
    expect(codeOf(await server.gql(LOG_IN, { input: { email: person.email, password: PASSWORD } }))).toBe('RATE_LIMITED');
    expect(await signedIn(person.second)).toBe(true);
  });
});

describe('my_sessions, delete_session and delete_other_sessions', () => {
  it('lists the live sessions with which one is this browser, and never the cookie or its hash', async () => {
    const person = await freshPerson('Fatou');
    const result = await server.gql(MY_SESSIONS, {}, { cookie: person.first });
    expect(result.errors).toBeUndefined();
    const sessions = result.data.my_sessions as { id: string; current: boolean; created: string; expires_at: string }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const hashes = [person.first, person.second].map((token) => createHash('sha256').update(token).digest('hex'));
    for (const secret of [person.first, person.second, ...hashes]) expect(result.raw).not.toContain(secret);
    expect(new Set(sessions.map((s) => s.id)).size).toBe(2);
    // The same id from the other browser, where the other one is current.
    const fromSecond = (await server.gql(MY_SESSIONS, {}, { cookie: person.second })).data.my_sessions as typeof sessions;
    expect(fromSecond.find((s) => s.current)!.id).toBe(sessions.find((s) => !s.current)!.id);

    // A session past its lifetime is not listed.
    await server.write((db) => db.run('UPDATE session SET expires_at = ? WHERE id_hash = ?', [new Date(Date.now() - 1000).toISOString(), hashes[1]]));
    expect((await server.gql(MY_SESSIONS, {}, { cookie: person.first })).data.my_sessions).toHaveLength(1);
  });

  it('signs out one session by its id; another person’s id and a made-up one are the same NOT_FOUND and change nothing', async () => {
    const person = await freshPerson('Goran');
    const other = await freshPerson('Hana');
    const mine = (await server.gql(MY_SESSIONS, {}, { cookie: person.first })).data.my_sessions as { id: string; current: boolean }[];
    const theirs = (await server.gql(MY_SESSIONS, {}, { cookie: other.first })).data.my_sessions as { id: string }[];

    const messages: string[] = [];
    for (const sessionId of [theirs[0].id, '00000000-0000-4000-8000-000000000000']) {
      const before = await server.snapshot();
      const result = await server.gql(DELETE_SESSION, { input: { session_id: sessionId } }, { cookie: person.first });
      expect(codeOf(result)).toBe('NOT_FOUND');
      messages.push(result.errors![0].message);
      expect(await server.snapshot()).toEqual(before);
    }
    expect(messages[0]).toBe(messages[1]);
    expect(await signedIn(other.first)).toBe(true);
    expect(codeOf(await server.gql(DELETE_SESSION, { input: { session_id: 'not-a-uuid' } }, { cookie: person.first }))).toBe('BAD_USER_INPUT');

    const result = await server.gql(DELETE_SESSION, { input: { session_id: mine.find((s) => !s.current)!.id } }, { cookie: person.first });
    expect(result.errors).toBeUndefined();
    expect(await signedIn(person.second)).toBe(false);
    expect(await signedIn(person.first)).toBe(true);

    // This browser's own session: it ends, and its cookie is cleared.
    const own = await server.gql(DELETE_SESSION, { input: { session_id: mine.find((s) => s.current)!.id } }, { cookie: person.first });
    expect(own.errors).toBeUndefined();
    expect(own.cookies.find((c) => c.name === 'keyplane_session')?.value).toBe('');
    expect(await signedIn(person.first)).toBe(false);
  });

  it('signs out every other session of the account, and only those', async () => {
    const person = await freshPerson('Ines');
    const third = await world.signIn(person.email);
    const result = await server.gql(DELETE_OTHERS, {}, { cookie: person.first });
    expect(result.data.delete_other_sessions).toEqual({ success: true, deleted: 2 });
    expect(await signedIn(person.first)).toBe(true);
    expect(await signedIn(person.second)).toBe(false);
    expect(await signedIn(third)).toBe(false);
    expect(await signedIn(world.sessions.user)).toBe(true);
  });
});

describe('update_user_profile', () => {
  it('saves the names by the shared rule, and an empty one as none', async () => {
    const person = await freshPerson('Jonas');
    const saved = await server.gql(UPDATE_PROFILE, { input: { first_name: '  Jonas ', last_name: 'Åberg' } }, { cookie: person.first });
    expect(saved.data.update_user_profile).toEqual({ id: person.userId, first_name: 'Jonas', last_name: 'Åberg' });
    expect((await server.gql(`{ user { first_name last_name } }`, {}, { cookie: person.second })).data.user).toEqual([
      { first_name: 'Jonas', last_name: 'Åberg' },
    ]);

    for (const [input, field] of [
      [{ first_name: 'a\u200Bb', last_name: 'Åberg' }, 'first_name'],
      [{ first_name: 'Jonas', last_name: 'x'.repeat(101) }, 'last_name'],
    ] as const) {
      const before = await server.snapshot();
      const result = await server.gql(UPDATE_PROFILE, { input }, { cookie: person.first });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(fieldOf(result)).toBe(field);
      expect(await server.snapshot()).toEqual(before);
    }

    const cleared = await server.gql(UPDATE_PROFILE, { input: { first_name: 'Jonas', last_name: ' ' } }, { cookie: person.first });
    expect(cleared.data.update_user_profile).toEqual({ id: person.userId, first_name: 'Jonas', last_name: null });
  });
});

describe('who may', () => {
  const calls: [string, string, Record<string, unknown>][] = [
    ['change_password', CHANGE_PASSWORD, { input: { current_password: PASSWORD, new_password: 'a-brand-new-passphrase' } }],
    ['my_sessions', MY_SESSIONS, {}],
    ['delete_session', DELETE_SESSION, { input: { session_id: '00000000-0000-4000-8000-000000000000' } }],
    ['delete_other_sessions', DELETE_OTHERS, {}],
    ['update_user_profile', UPDATE_PROFILE, { input: { first_name: 'Key', last_name: 'Holder' } }],
  ];

  it('refuses every key, a person’s or a service account’s, with FORBIDDEN, changing nothing', async () => {
    for (const [name, query, variables] of calls) {
      for (const key of [world.keys.admin.key, world.keys.reader.key, world.keys.adminSa.key]) {
        const before = await server.snapshot();
        const result = await server.gql(query, variables, { key });
        expect(codeOf(result), name).toBe('FORBIDDEN');
        expect(result.errors![0].message).toMatch(/browser session/);
        expect(usesSettled(before, await server.snapshot()), name).toEqual(before);
      }
    }
  });

  it('refuses the anonymous with UNAUTHENTICATED', async () => {
    for (const [name, query, variables] of calls) expect(codeOf(await server.gql(query, variables, {})), name).toBe('UNAUTHENTICATED');
  });

  it('lets every role use its own account from a browser', async () => {
    for (const role of ['reader', 'user', 'admin', 'adminB'] as const) {
      const auth: Auth = { cookie: world.sessions[role] };
      const sessions = await server.gql(MY_SESSIONS, {}, auth);
      expect(sessions.errors, role).toBeUndefined();
      expect(sessions.data.my_sessions.some((s: { current: boolean }) => s.current)).toBe(true);
      const profile = await server.gql(UPDATE_PROFILE, { input: { first_name: role, last_name: null } }, auth);
      expect(profile.data.update_user_profile.first_name, role).toBe(role);
    }
  });
});
