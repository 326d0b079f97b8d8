import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startServer, type Server } from './harness.js';
import { post } from './hardening-support.js';

// A list without `limit` answers every row the caller may see, up to 1,000; when more
// match, it answers BAD_USER_INPUT on `limit` instead of a list that stops short.

let server: Server;
let session: Record<string, string>;
let adminId: string;
let tenantId: string;
const audit = { actorId: null, sourceAddress: null };

beforeAll(async () => {
  server = await startServer();
  const boot = await server.gql(`mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id tenant_id } }`, {
    input: { email: 'admin@paging.test', username: 'Admin', password: PASSWORD, tenant_name: 'Paging' },
  });
  adminId = boot.data.bootstrap.user_id;
  tenantId = boot.data.bootstrap.tenant_id;
  session = { cookie: `keyplane_session=${boot.cookies.find((c) => c.name === 'keyplane_session')!.value}`, 'x-keyplane-csrf': '1' };
});
afterAll(() => server.close());

const query = async (text: string) => post(server, { query: text }, { headers: session });

interface List {
  field: string;
  /** How many rows the admin sees now. */
  count(): Promise<number>;
  /** Adds rows the admin sees. */
  add(rows: number): Promise<void>;
}

const aggregate = (field: string) => async () => (await query(`{ ${field}_aggregate { aggregate { count } } }`)).body.data[`${field}_aggregate`].aggregate.count as number;
const times = async (rows: number, make: (i: number) => Promise<unknown> | unknown) => {
  for (let i = 0; i < rows; i++) await make(i);
};

const lists: List[] = [
  {
    // First: seeding the other lists records events too.
    field: 'audit_event',
    count: aggregate('audit_event'),
    add: (rows) => times(rows, (i) => server.app.store.recordAudit({ action: 'test.event', actor_id: null, tenant_id: tenantId, target_type: null, target_id: String(i), target_name: null, source_address: null })),
  },
  {
    field: 'auth_api_key',
    count: aggregate('auth_api_key'),
    add: (rows) =>
      times(rows, (i) =>
        server.app.store.createApiKey(
          { id: randomUUID(), name: `key ${i}`, keyHash: randomUUID(), keyHint: 'kpu_abcd', userId: adminId, tenantId, createdById: adminId, expiresAt: null },
          audit,
        ),
      ),
  },
  {
    field: 'user_view_same_tenant',
    count: aggregate('user_view_same_tenant'),
    add: (rows) => times(rows, (i) => server.app.store.createServiceAccount({ tenantId, name: `robot ${randomUUID()}-${i}`, role: 'USER' }, audit)),
  },
  {
    field: 'tenant',
    count: aggregate('tenant'),
    add: (rows) => times(rows, () => server.app.store.createTenant({ name: 'Another', slug: `t-${randomUUID()}`, adminUserId: adminId }, audit)),
  },
  {
    field: 'membership_invitation',
    count: async () => (await query(`{ membership_invitation(limit: 1000) { id } }`)).body.data.membership_invitation.length,
    add: (rows) =>
      times(rows, (i) =>
        server.app.store.createInvitation(
          { tenantId, email: `guest${i}-${randomUUID()}@paging.test`, role: 'USER', tokenHash: randomUUID(), invitedById: adminId, expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
          audit,
        ),
      ),
  },
];

describe('a list without limit', () => {
  for (const list of lists) {
    it(`${list.field}: answers all of 1000 rows; at 1001 refuses, naming limit; limit and offset reach every row`, async () => {
      await list.add(1000 - (await list.count()));
      expect(await list.count()).toBe(1000);
      const all = await query(`{ ${list.field} { id } }`);
      expect(all.body.errors).toBeUndefined();
      expect(all.body.data[list.field]).toHaveLength(1000);

      await list.add(1);
      const over = await query(`{ ${list.field} { id } }`);
      expect(over.status).toBe(400);
      expect(over.body.errors).toHaveLength(1);
      expect(over.body.errors[0]).toMatchObject({
        message: 'More than 1000 rows match: page with limit and offset.',
        extensions: { code: 'BAD_USER_INPUT', field: 'limit' },
      });
      // Without limit, offset still counts from the start: the 1000 rows after the first.
      expect((await query(`{ ${list.field}(offset: 1) { id } }`)).body.data[list.field]).toHaveLength(1000);
      const first = await query(`{ ${list.field}(limit: 1000) { id } }`);
      const rest = await query(`{ ${list.field}(limit: 1000, offset: 1000) { id } }`);
      const ids = [...first.body.data[list.field], ...rest.body.data[list.field]].map((row: { id: string }) => row.id);
      expect(new Set(ids).size).toBe(1001);
    });
  }
});
