import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, CREATE_KEY, startServer, type Server, type World } from './harness.js';

let server: Server;
let world: World;

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
});
afterAll(() => server.close());

const past = new Date(Date.now() - 60_000).toISOString();
const future = new Date(Date.now() + 86_400_000).toISOString();

/** Sends the call, expects a coded error (and the field when given), and checks nothing changed. */
async function expectRefused(query: string, variables: Record<string, unknown>, expected: { code: string; field?: string }, except: string[] = []) {
  const strip = (snapshot: Record<string, unknown[]>) => Object.fromEntries(Object.entries(snapshot).filter(([table]) => !except.includes(table)));
  const before = strip(await server.snapshot());
  const result = await server.gql(query, variables, { cookie: world.sessions.admin });
  expect(result.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject(expected.field ? expected : { code: expected.code });
  expect(result.errors?.[0]?.message.length).toBeGreaterThan(0);
  expect(strip(await server.snapshot())).toEqual(before);
  return result;
}

describe('bad input gets a coded error and changes nothing', () => {
  const key = (input: Record<string, unknown>) => ({ input: { user_id: world.ids.admin, name: 'ok', ...input } });

  it.each([
    ['an empty name', { name: '' }, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a 101-character name', { name: 'x'.repeat(101) }, 'name'],
    ['a name with a newline', { name: 'bad\nname' }, 'name'],
    ['a name with a NUL', { name: 'bad\u0000name' }, 'name'],
    ['a name with a right-to-left override', { name: 'invoice\u202Egpj.exe' }, 'name'],
    ['expires_at in the past', { expires_at: past }, 'expires_at'],
  ])('create_api_key with %s', async (_label, input, field) => {
    await expectRefused(CREATE_KEY, key(input), { code: 'BAD_USER_INPUT', field });
  });

  it.each([
    ['an unparsable expires_at', { expires_at: 'next tuesday' }],
    ['an impossible date', { expires_at: '2027-02-31T00:00:00Z' }],
    ['a malformed user_id', { user_id: 'not-a-uuid' }],
    ['a malformed default_tenant_id', { default_tenant_id: '1234' }],
  ])('create_api_key with %s', async (_label, input) => {
    await expectRefused(CREATE_KEY, key(input), { code: 'BAD_USER_INPUT' });
  });

  it('a 100-character name is accepted, and names are trimmed', async () => {
    const result = await server.gql(CREATE_KEY, key({ name: `  ${'x'.repeat(100)}  `, expires_at: future }), { cookie: world.sessions.admin });
    expect(result.data.create_api_key.key).toMatch(/^kpu_/);
  });

  it("an unknown user id or another tenant's id is NOT_FOUND", async () => {
    await expectRefused(CREATE_KEY, key({ user_id: '00000000-0000-4000-8000-000000000000' }), { code: 'NOT_FOUND' });
    await expectRefused(CREATE_KEY, key({ default_tenant_id: world.ids.tenantB }), { code: 'NOT_FOUND' });
    await expectRefused(
      `mutation ($input: delete_api_key_input!) { delete_api_key(input: $input) { success } }`,
      { input: { key_id: world.keys.adminB.id } },
      { code: 'NOT_FOUND' },
    );
    await expectRefused(
      `mutation ($input: delete_api_key_input!) { delete_api_key(input: $input) { success } }`,
      { input: { key_id: 'x' } },
      { code: 'BAD_USER_INPUT' },
    );
  });

  it('service account names, roles and tenants are checked', async () => {
    const q = `mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }`;
    await expectRefused(q, { input: { tenant_id: world.ids.tenantA, name: '' } }, { code: 'BAD_USER_INPUT', field: 'name' });
    await expectRefused(q, { input: { tenant_id: world.ids.tenantA, name: 'bot', role: 'SUPERUSER' } }, { code: 'BAD_USER_INPUT', field: 'role' });
    await expectRefused(q, { input: { tenant_id: world.ids.tenantB, name: 'bot' } }, { code: 'NOT_FOUND' });
  });

  it('a duplicate or malformed tenant slug is refused', async () => {
    const q = `mutation ($input: create_tenant_input!) { create_tenant(input: $input) { id } }`;
    await expectRefused(q, { input: { name: 'Copy', slug: 'tenant-b' } }, { code: 'BAD_USER_INPUT', field: 'slug' });
    await expectRefused(q, { input: { name: 'Copy', slug: 'Not A Slug' } }, { code: 'BAD_USER_INPUT', field: 'slug' });
    await expectRefused(q, { input: { name: 'Copy', slug: 'graphql' } }, { code: 'BAD_USER_INPUT', field: 'slug' });
    await expectRefused(q, { input: { name: '' } }, { code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('invitations check email and role', async () => {
    const q = `mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { id } }`;
    await expectRefused(q, { input: { tenant_id: world.ids.tenantA, email: 'not-an-email', role: 'USER' } }, { code: 'BAD_USER_INPUT', field: 'email' });
    await expectRefused(q, { input: { tenant_id: world.ids.tenantA, email: 'a@b.test', role: 'OWNER' } }, { code: 'BAD_USER_INPUT', field: 'role' });
    await expectRefused(q, { input: { tenant_id: world.ids.tenantA, email: 'user@a.test', role: 'USER' } }, { code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('a wrong password is refused; only the failed sign-in is recorded in the audit log', async () => {
    const q = `mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }`;
    const result = await expectRefused(q, { input: { email: 'user@a.test', password: 'wrong-password' } }, { code: 'BAD_USER_INPUT' }, ['audit_event']);
    expect(result.cookies).toHaveLength(0);
  });

  it('passwords shorter than 10 characters are refused', async () => {
    const invite = await server.gql(
      `mutation { create_membership_invitation(input: { tenant_id: "${world.ids.tenantA}", email: "short@a.test", role: "USER" }) { token } }`,
      {},
      { cookie: world.sessions.admin },
    );
    const before = await server.snapshot();
    const result = await server.gql(`mutation ($input: accept_membership_invitation_input!) { accept_membership_invitation(input: $input) { success } }`, {
      input: { token: invite.data.create_membership_invitation.token, username: 'Shorty', password: 'short' },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(await server.snapshot()).toEqual(before);
  });

  it('an unexpected failure is masked as INTERNAL_SERVER_ERROR', async () => {
    await server.app.store.close();
    try {
      const result = await server.gql(`{ user { id } }`, {}, { key: world.keys.admin.key });
      expect(result.status).toBe(500);
      expect(result.raw).not.toMatch(/sqlite|database|stack/i);
    } finally {
      await server.restart();
    }
  });
});
