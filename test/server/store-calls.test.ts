import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { PASSWORD, startServer, type Server } from './harness.js';

// No N+1: every list costs the same number of store calls for a page of 5 rows as for
// a page of 50, whatever per-row fields (tenant, invited_by, actor...) it asks for.
// Calls are counted while the query executes, not while the request authenticates.

let server: Server;
let admin: string;
let fewTenants: string;
let counting = false;
const calls = new Map<string, number>();

beforeAll(async () => {
  // Saved answers off: every request executes.
  server = await startServer({ responseCacheMb: 0 });
  const store = server.app.store;
  const audit = { actorId: null, sourceAddress: null };
  const boot = await server.gql(`mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id tenant_id } }`, {
    input: { email: 'admin@calls.test', username: 'Admin', password: PASSWORD, tenant_name: 'Calls' },
  });
  const { user_id: adminId, tenant_id: tenantId } = boot.data.bootstrap;
  const accounts: string[] = [];
  for (let i = 0; i < 50; i++) accounts.push((await store.createServiceAccount({ tenantId, name: `robot ${i}`, role: 'TENANT_ADMIN' }, audit)).id);
  for (let i = 0; i < 50; i++) {
    // Each invitation, key and event by another account, so that nothing is shared between rows.
    const by = accounts[i];
    await store.createInvitation(
      {
        tenantId,
        email: `guest${i}@calls.test`,
        role: 'USER',
        tokenHash: `token ${i}`,
        invitedById: by,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      audit,
    );
    await store.createApiKey(
      { id: crypto.randomUUID(), name: `key ${i}`, keyHash: `hash ${i}`, keyHint: 'kps_abcd', userId: by, tenantId, createdById: adminId, expiresAt: null },
      audit,
    );
    await store.recordAudit({
      action: 'test.event',
      actor_id: by,
      tenant_id: tenantId,
      target_type: null,
      target_id: null,
      target_name: null,
      source_address: null,
    });
  }
  // The admin belongs to 50 tenants; another person to 5.
  for (let i = 1; i < 50; i++) await store.createTenant({ name: `Tenant ${i}`, slug: `tenant-${i}`, adminUserId: adminId }, audit);
  const few = await store.createUser({ email: 'few@calls.test', username: 'Few', passwordHash: await hashPassword(PASSWORD) });
  for (let i = 0; i < 5; i++) await store.createTenant({ name: `Few ${i}`, slug: `few-${i}`, adminUserId: few.id }, audit);

  const signIn = async (email: string) => {
    const result = await server.gql(`mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }`, { input: { email, password: PASSWORD } });
    return result.cookies.find((c) => c.name === 'keyplane_session')!.value;
  };
  admin = await signIn('admin@calls.test');
  fewTenants = await signIn('few@calls.test');

  // Every store method, counted while a query executes (Mercurius's preExecution to onResolution).
  const target = store as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(store))) {
    const method = target[name];
    // The webhook worker's poll runs on its own timer, whatever the request.
    if (name === 'constructor' || name === 'claimWebhookDeliveries' || typeof method !== 'function') continue;
    target[name] = function (this: unknown, ...args: unknown[]) {
      if (counting) calls.set(name, (calls.get(name) ?? 0) + 1);
      return (method as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  server.app.graphql.addHook('preExecution', async () => {
    counting = true;
  });
  server.app.graphql.addHook('onResolution', async () => {
    counting = false;
  });
});
afterAll(() => server.close());

/** The store calls a query made, by method: the first time (graphql-js) and the third (graphql-jit's compiled query), which must agree. */
async function storeCalls(query: string, cookie = admin) {
  const runs: Record<string, number>[] = [];
  let rows: any;
  for (let run = 0; run < 3; run++) {
    calls.clear();
    const result = await server.gql(query, {}, { cookie });
    expect(result.errors, query).toBeUndefined();
    rows = result.data;
    runs.push(Object.fromEntries(calls));
  }
  expect(runs[2], `compiled, against the first run: ${JSON.stringify(runs[0])}`).toEqual(runs[0]);
  return { rows, calls: runs[0] };
}

const PAGES = {
  'members with their memberships and tenants': (n: number) => `{ user_view_same_tenant(limit: ${n}) { id memberships { id tenant { id name slug } } } }`,
  'pending invitations with who invited': (n: number) => `{ membership_invitation(limit: ${n}) { id invited_by { id username account_type } } }`,
  'keys with owner, tenant and creator': (n: number) =>
    `{ auth_api_key(limit: ${n}) { id user { id username } tenant { id slug } created_by { id username } } }`,
  'audit events with their actor': (n: number) => `{ audit_event(limit: ${n}) { id actor { id username } } }`,
  'actors of the audit log, members now or not': (n: number) => `{ audit_event_actor(limit: ${n}) { id username account_type is_member } }`,
};

describe('store calls per page', () => {
  for (const [list, page] of Object.entries(PAGES)) {
    it(`${list}: the same for 50 rows as for 5`, async () => {
      const five = await storeCalls(page(5));
      const fifty = await storeCalls(page(50));
      expect(Object.values(fifty.rows)[0]).toHaveLength(50);
      expect(fifty.calls, `5 rows: ${JSON.stringify(five.calls)}`).toEqual(five.calls);
    });
  }

  it("the caller's memberships with their tenants: the same for 50 memberships as for 5", async () => {
    const query = `{ user { id memberships { id tenant { id name slug } } } auth_info { tenant { id slug } } }`;
    const five = await storeCalls(query, fewTenants);
    const fifty = await storeCalls(query);
    expect(five.rows.user[0].memberships).toHaveLength(5);
    expect(fifty.rows.user[0].memberships).toHaveLength(50);
    expect(fifty.calls, `5 memberships: ${JSON.stringify(five.calls)}`).toEqual(five.calls);
  });
});
