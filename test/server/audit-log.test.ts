import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startServer, type Server } from './harness.js';
import { post } from './hardening-support.js';

// Every creation and revocation of keys, service accounts, memberships and
// invitations, every role change and every failed sign-in is in the tenant's audit
// log, with actor, tenant, target, time and source address; administrators read it
// with filters, order and pages.

const ADMIN_ADDRESS = '203.0.113.7';
const JOINER_ADDRESS = '203.0.113.8';
const ATTACKER_ADDRESS = '198.51.100.66';

let server: Server;
let adminId: string;
let tenantId: string;
let admin: Record<string, string>;
let started: number;
const made: Record<string, string> = {};

async function as(headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}, remoteAddress = ADMIN_ADDRESS) {
  const result = await post(server, { query, variables }, { headers, remoteAddress });
  if (result.body.errors) throw new Error(JSON.stringify(result.body.errors));
  return result;
}

interface Event {
  action: string;
  actor_id: string | null;
  actor: { username: string } | null;
  tenant_id: string;
  target_type: string;
  target_id: string;
  target_name: string;
  source_address: string;
  created: string;
}
const EVENT_FIELDS = 'action actor_id actor { username } tenant_id target_type target_id target_name source_address created';

beforeAll(async () => {
  started = Date.now();
  server = await startServer();
  const boot = await post(
    server,
    {
      query: `mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id tenant_id } }`,
      variables: { input: { email: 'admin@audit.test', username: 'Audra Admin', password: PASSWORD, tenant_name: 'Audited' } },
    },
    { remoteAddress: ADMIN_ADDRESS },
  );
  ({ user_id: adminId, tenant_id: tenantId } = boot.body.data.bootstrap);
  admin = { cookie: `keyplane_session=${boot.cookies.find((c) => c.name === 'keyplane_session')!.value}`, 'x-keyplane-csrf': '1' };

  const key = await as(admin, `mutation { create_api_key(input: { user_id: "${adminId}", name: "laptop" }) { id key } }`);
  made.key = key.body.data.create_api_key.id;
  made.sa = (
    await as(admin, `mutation { create_service_account(input: { tenant_id: "${tenantId}", name: "deployer", role: "USER" }) { id } }`)
  ).body.data.create_service_account.id;
  made.saKey = (await as(admin, `mutation { create_api_key(input: { user_id: "${made.sa}", name: "deployer-ci" }) { id } }`)).body.data.create_api_key.id;
  await as(admin, `mutation { delete_api_key(input: { key_id: "${made.saKey}" }) { success } }`);

  made.revokedInvitation = (
    await as(admin, `mutation { create_membership_invitation(input: { tenant_id: "${tenantId}", email: "never@audit.test", role: "USER" }) { id } }`)
  ).body.data.create_membership_invitation.id;
  await as(admin, `mutation { delete_membership_invitation(input: { invitation_id: "${made.revokedInvitation}" }) { success } }`);
  const invitation = (
    await as(admin, `mutation { create_membership_invitation(input: { tenant_id: "${tenantId}", email: "joiner@audit.test", role: "USER" }) { id token } }`)
  ).body.data.create_membership_invitation;
  made.invitation = invitation.id;
  const accepted = await as(
    {},
    `mutation ($input: accept_membership_invitation_input!) { accept_membership_invitation(input: $input) { success } }`,
    { input: { token: invitation.token, username: 'Joy Joiner', password: PASSWORD } },
    JOINER_ADDRESS,
  );
  const joiner = { cookie: `keyplane_session=${accepted.cookies.find((c) => c.name === 'keyplane_session')!.value}`, 'x-keyplane-csrf': '1' };
  const joinerUser = (await as(joiner, '{ user { id memberships { id } } }', {}, JOINER_ADDRESS)).body.data.user[0];
  made.joiner = joinerUser.id;
  made.membership = joinerUser.memberships[0].id;

  await as(admin, `mutation { set_membership_role(input: { membership_id: "${made.membership}", role: "READ_ONLY_USER" }) { id } }`);
  await post(
    server,
    { query: `mutation { log_in(input: { email: "joiner@audit.test", password: "not-my-password" }) { user_id } }` },
    { remoteAddress: ATTACKER_ADDRESS },
  );
  await as(admin, `mutation { delete_membership(input: { membership_id: "${made.membership}" }) { success } }`);
  await as(admin, `mutation { delete_service_account(input: { user_id: "${made.sa}" }) { success } }`);
  await as(admin, `mutation { delete_api_key(input: { key_id: "${made.key}" }) { success } }`);
});
afterAll(() => server.close());

describe('audit log', () => {
  it('records every change and the failed sign-in, with actor, tenant, target, time and address', async () => {
    const events = (await as(admin, `{ audit_event(order_by: [{ created: asc }]) { ${EVENT_FIELDS} } }`)).body.data.audit_event as Event[];
    const find = (action: string, targetId: string) => {
      const event = events.find((e) => e.action === action && e.target_id === targetId);
      expect(event, `${action} ${targetId}`).toBeDefined();
      expect(event!.tenant_id).toBe(tenantId);
      expect(Date.parse(event!.created)).toBeGreaterThanOrEqual(started - 1000);
      expect(Date.parse(event!.created)).toBeLessThanOrEqual(Date.now());
      return event!;
    };
    const byAdmin = { actor_id: adminId, actor: { username: 'Audra Admin' }, source_address: ADMIN_ADDRESS };

    expect(find('tenant.create', tenantId)).toMatchObject({ ...byAdmin, target_type: 'tenant', target_name: 'Audited' });
    expect(find('api_key.create', made.key)).toMatchObject({ ...byAdmin, target_type: 'api_key', target_name: 'laptop' });
    expect(find('service_account.create', made.sa)).toMatchObject({ ...byAdmin, target_type: 'service_account', target_name: 'deployer' });
    expect(find('api_key.create', made.saKey)).toMatchObject({ ...byAdmin, target_name: 'deployer-ci' });
    expect(find('api_key.revoke', made.saKey)).toMatchObject({ ...byAdmin, target_name: 'deployer-ci' });
    expect(find('invitation.create', made.revokedInvitation)).toMatchObject({ ...byAdmin, target_type: 'invitation', target_name: 'never@audit.test' });
    expect(find('invitation.revoke', made.revokedInvitation)).toMatchObject({ ...byAdmin, target_name: 'never@audit.test' });
    expect(find('invitation.create', made.invitation)).toMatchObject({ ...byAdmin, target_name: 'joiner@audit.test' });
    expect(find('membership.create', made.membership)).toMatchObject({
      actor_id: made.joiner,
      actor: { username: 'Joy Joiner' },
      source_address: JOINER_ADDRESS,
      target_type: 'membership',
    });
    expect(find('membership.role_change', made.membership)).toMatchObject({ ...byAdmin, target_name: 'USER → READ_ONLY_USER' });
    expect(find('auth.log_in_failed', made.joiner)).toMatchObject({ source_address: ATTACKER_ADDRESS, target_type: 'user', target_name: 'joiner@audit.test' });
    expect(find('membership.delete', made.membership)).toMatchObject({ ...byAdmin, target_name: 'Joy Joiner' });
    expect(find('service_account.delete', made.sa)).toMatchObject({ ...byAdmin, target_name: 'deployer' });
    expect(find('api_key.revoke', made.key)).toMatchObject({ ...byAdmin, target_name: 'laptop' });

    const order = events.map((e) => e.created);
    expect([...order].sort()).toEqual(order);
    expect(events).toHaveLength(14);
  });

  it('filters by action, actor and date, orders, pages and counts', async () => {
    const query = `query ($where: audit_event_bool_exp, $limit: Int, $offset: Int) {
      audit_event(where: $where, order_by: [{ created: desc }], limit: $limit, offset: $offset) { action actor_id created }
      audit_event_aggregate(where: $where) { aggregate { count } } }`;
    const run = async (variables: Record<string, unknown>) => (await as(admin, query, variables)).body.data;

    const revokes = await run({ where: { action: { _eq: 'api_key.revoke' } } });
    expect(revokes.audit_event.map((e: Event) => e.action)).toEqual(['api_key.revoke', 'api_key.revoke']);
    expect(revokes.audit_event_aggregate.aggregate.count).toBe(2);

    const keyActions = await run({ where: { action: { _in: ['api_key.create', 'api_key.revoke'] } } });
    expect(keyActions.audit_event_aggregate.aggregate.count).toBe(4);

    const byJoiner = await run({ where: { actor_id: { _eq: made.joiner }, action: { _neq: 'auth.log_in_failed' } } });
    expect(byJoiner.audit_event.map((e: Event) => e.action)).toEqual(['membership.create']);

    const future = await run({ where: { created: { _gt: new Date(Date.now() + 60_000).toISOString() } } });
    expect(future.audit_event).toEqual([]);
    const sinceStart = await run({ where: { created: { _gte: new Date(started - 1000).toISOString() } } });
    expect(sinceStart.audit_event_aggregate.aggregate.count).toBe(14);

    const page1 = await run({ limit: 5, offset: 0 });
    const page2 = await run({ limit: 5, offset: 5 });
    expect(page1.audit_event).toHaveLength(5);
    expect(page2.audit_event[0].created <= page1.audit_event[4].created).toBe(true);
    expect(page1.audit_event[0].action).toBe('api_key.revoke');
  });
});
