import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, PASSWORD, startServer, type Server, type World } from './harness.js';

// Accepting an invitation: a refused accept changes nothing, even when it races another
// accept of the same token; and only accepting, not the public preview, says whether
// the invited email already has an account.

let server: Server;
let world: World;
let counter = 0;

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
});
afterAll(() => server.close());

const INVITE = `mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { id token } }`;
const ACCEPT = `mutation ($input: accept_membership_invitation_input!) { accept_membership_invitation(input: $input) { success } }`;
const LOG_IN = `mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }`;
const RACER_PASSWORD = 'the-racers-password';

async function invite(email: string, tenantId = world.ids.tenantA, cookie = world.sessions.admin) {
  const result = await server.gql(INVITE, { input: { tenant_id: tenantId, email, role: 'USER' } }, { cookie });
  return result.data.create_membership_invitation as { id: string; token: string };
}

const rowsOf = async (table: string) => (await server.snapshot())[table];

describe('a refused accept leaves nothing behind', () => {
  it('a signed-in accept racing a new-account accept of the same token: one wins, and a refused new account does not exist', async () => {
    let anonymousRefused = 0;
    for (let round = 0; round < 8; round++) {
      const email = `raced-${++counter}@invite.test`;
      const { token } = await invite(email);
      const users = await rowsOf('user');
      const sessions = (await rowsOf('session')).length;
      const [anonymous, signedIn] = await Promise.all([
        server.gql(ACCEPT, { input: { token, username: `Racer ${counter}`, password: RACER_PASSWORD } }),
        server.gql(ACCEPT, { input: { token } }, { cookie: world.sessions.adminB }),
      ]);
      expect([anonymous, signedIn].filter((r) => r.data?.accept_membership_invitation?.success)).toHaveLength(1);
      const signIn = await server.gql(LOG_IN, { input: { email, password: RACER_PASSWORD } });
      if (anonymous.errors) {
        anonymousRefused++;
        expect(anonymous.errors[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(anonymous.cookies.find((c) => c.name === 'keyplane_session')).toBeUndefined();
        // No account with the invited email and the racer's password, no session for it.
        expect(signIn.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(await rowsOf('user')).toEqual(users);
        expect(await rowsOf('session')).toHaveLength(sessions);
      } else {
        expect(signIn.data.log_in.user_id).toEqual(expect.any(String));
      }
      // adminB joined tenant A in a round it won; leave again so the next round can race.
      const mine = await server.gql(`{ user { memberships { id tenant_id } } }`, {}, { cookie: world.sessions.adminB });
      const joined = mine.data.user[0].memberships.find((m: { tenant_id: string }) => m.tenant_id === world.ids.tenantA);
      if (joined) {
        await server.gql(
          `mutation ($input: delete_membership_input!) { delete_membership(input: $input) { success } }`,
          { input: { membership_id: joined.id } },
          { cookie: world.sessions.adminB },
        );
      }
    }
    // The signed-in accept needs no password hashing, so it wins the race nearly always.
    expect(anonymousRefused).toBeGreaterThan(0);
  });

  it('a new-account accept of an invitation already used changes nothing', async () => {
    const { token } = await invite(`used-${++counter}@invite.test`, world.ids.tenantB, world.sessions.adminB);
    expect((await server.gql(ACCEPT, { input: { token } }, { cookie: world.sessions.user })).data.accept_membership_invitation.success).toBe(true);
    const before = await server.snapshot();
    const refused = await server.gql(ACCEPT, { input: { token, username: 'Late Comer', password: RACER_PASSWORD } });
    expect(refused.errors?.[0]).toMatchObject({ message: 'This invitation has already been used.', extensions: { code: 'BAD_USER_INPUT' } });
    expect(await server.snapshot()).toEqual(before);
  });

  it('two new-account accepts of two invitations for one email: one account, and the other accept changes nothing', async () => {
    const email = `twice-${++counter}@invite.test`;
    const first = await invite(email);
    const second = await invite(email, world.ids.tenantB, world.sessions.adminB);
    const [a, b] = await Promise.all([
      server.gql(ACCEPT, { input: { token: first.token, username: 'Twice A', password: RACER_PASSWORD } }),
      server.gql(ACCEPT, { input: { token: second.token, username: 'Twice B', password: `${RACER_PASSWORD}-b` } }),
    ]);
    const refused = [a, b].filter((r) => r.errors);
    expect(refused).toHaveLength(1);
    expect(refused[0].errors![0]).toMatchObject({
      message: 'An account with this email already exists: sign in to accept the invitation.',
      extensions: { code: 'BAD_USER_INPUT', field: 'email' },
    });
    const pending = (
      await server.gql(
        `{ membership_invitation(limit: 1000) { id } }`,
        {},
        { cookie: a.errors ? world.sessions.admin : world.sessions.adminB, tenant: a.errors ? world.ids.tenantA : world.ids.tenantB },
      )
    ).data.membership_invitation;
    expect(pending.map((i: { id: string }) => i.id)).toContain(a.errors ? first.id : second.id);
  });
});

describe('whether an email has an account is not public', () => {
  it('the preview has no field that says whether the invited email has an account', async () => {
    const introspection = await server.gql(`{ __type(name: "invitation_preview") { fields { name } } }`);
    expect(introspection.data.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual(['email', 'role', 'role_detail', 'status', 'tenant_name']);
    const { token } = await invite(`someone-${++counter}@invite.test`);
    const asked = await server.gql(
      `query ($token: String!) { invitation_preview(token: $token) { account_exists } }`,
      { token },
      { cookie: world.sessions.adminB },
    );
    expect(asked.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('previews of an email with an account and one without answer alike', async () => {
    const known = await invite('reader@a.test', world.ids.tenantB, world.sessions.adminB);
    const unknown = await invite(`nobody-${++counter}@invite.test`, world.ids.tenantB, world.sessions.adminB);
    const preview = async (token: string) => {
      const { data } = await server.gql(
        `query ($token: String!) { invitation_preview(token: $token) { __typename tenant_name role status } }`,
        { token },
        { cookie: world.sessions.adminB },
      );
      return data.invitation_preview;
    };
    expect(await preview(known.token)).toEqual(await preview(unknown.token));
  });

  it('accepting with a new account says to sign in when the email has one, and changes nothing', async () => {
    const { token } = await invite('reader@a.test', world.ids.tenantB, world.sessions.adminB);
    const before = await server.snapshot();
    const result = await server.gql(ACCEPT, { input: { token, username: 'Not Rex', password: RACER_PASSWORD } });
    expect(result.errors?.[0]).toMatchObject({
      message: 'An account with this email already exists: sign in to accept the invitation.',
      extensions: { code: 'BAD_USER_INPUT', field: 'email' },
    });
    expect(await server.snapshot()).toEqual(before);
    // Signed in, the invited person joins with the same token.
    const joined = await server.gql(ACCEPT, { input: { token } }, { cookie: world.sessions.reader });
    expect(joined.data.accept_membership_invitation.success).toBe(true);
  });
});

it('accepting with a new account still signs the new person in', async () => {
  const email = `fresh-${++counter}@invite.test`;
  const { token } = await invite(email);
  const accepted = await server.gql(ACCEPT, { input: { token, username: 'Fresh', password: PASSWORD } });
  const cookie = accepted.cookies.find((c) => c.name === 'keyplane_session')!.value;
  const me = await server.gql(`{ user { email default_membership_id memberships { id tenant_id role } } }`, {}, { cookie });
  expect(me.data.user[0]).toMatchObject({ email, memberships: [{ tenant_id: world.ids.tenantA, role: 'USER' }] });
  expect(me.data.user[0].default_membership_id).toBe(me.data.user[0].memberships[0].id);
});
