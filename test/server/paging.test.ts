import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNPAGED_ROWS_PER_REQUEST } from '../../src/server/graphql/paging.js';
import type { Queryable } from '../../src/server/store/sql/driver.js';
import { PASSWORD, startServer, type Server } from './harness.js';
import { post } from './hardening-support.js';

// A list without `limit` answers every row the caller may see, as Hasura does, up to
// 10,000 rows in one request for all such lists together; when more match, it answers
// BAD_USER_INPUT on `limit`, naming the cap, instead of a list that stops short.

const CAP = UNPAGED_ROWS_PER_REQUEST;
const CAP_MESSAGE = `More rows match than lists without limit answer (at most ${CAP} rows in one request, all such lists together): page with limit and offset.`;

let server: Server;
let session: Record<string, string>;
let adminId: string;
let tenantId: string;

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

/** Rows written straight into the database, in one transaction: ten thousand through the API would take minutes. */
function insert(rows: number, write: (db: Queryable, i: number, at: string) => Promise<unknown>): Promise<void> {
  return server.write(async (db) => {
    for (let i = 0; i < rows; i++) await write(db, i, new Date(Date.now() - i).toISOString());
  });
}

const countOf =
  (sql: string, parameter: () => string = () => tenantId) =>
  async () =>
    (await server.rows<{ n: number }>(sql, [parameter()]))[0].n;

let agentKey: string | null = null;

interface List {
  field: string;
  /** How many rows the admin sees now. */
  count(): Promise<number>;
  /** Adds rows the admin sees. */
  add(rows: number): Promise<void>;
}

const lists: List[] = [
  {
    field: 'audit_event',
    count: countOf('SELECT count(*) AS n FROM audit_event WHERE tenant_id = ?'),
    add: (rows) =>
      insert(rows, (db, i, at) =>
        db.run('INSERT INTO audit_event (id, action, tenant_id, target_id, created) VALUES (?, ?, ?, ?, ?)', [
          randomUUID(),
          'test.event',
          tenantId,
          String(i),
          at,
        ]),
      ),
  },
  {
    field: 'auth_api_key',
    count: countOf('SELECT count(*) AS n FROM api_key WHERE tenant_id = ? AND revoked_at IS NULL'),
    add: (rows) =>
      insert(rows, (db, i, at) =>
        db.run(
          "INSERT INTO api_key (id, name, key_hash, key_hint, user_id, tenant_id, owner_kind, created_by_id, created, updated) VALUES (?, ?, ?, 'kpu_abcd', ?, ?, 'NORMAL', ?, ?, ?)",
          [randomUUID(), `key ${i}`, randomUUID(), adminId, tenantId, adminId, at, at],
        ),
      ),
  },
  {
    // Members and the root membership list: one service account each.
    field: 'user_view_same_tenant',
    count: countOf('SELECT count(*) AS n FROM membership WHERE tenant_id = ?'),
    add: (rows) =>
      insert(rows, async (db, i, at) => {
        const user = randomUUID();
        const membership = randomUUID();
        await db.run(`INSERT INTO "user" (id, username, account_type, default_membership_id, created) VALUES (?, ?, 'SERVICE', ?, ?)`, [
          user,
          `robot ${i}`,
          membership,
          at,
        ]);
        await db.run("INSERT INTO membership (id, tenant_id, user_id, role, created) VALUES (?, ?, ?, 'USER', ?)", [membership, tenantId, user, at]);
      }),
  },
  {
    field: 'membership',
    count: countOf('SELECT count(*) AS n FROM membership WHERE tenant_id = ?'),
    // The members' test above leaves one membership over the cap: that one goes first.
    add: (rows) =>
      rows >= 0
        ? lists[2].add(rows)
        : insert(1, (db) =>
            db.run(
              `DELETE FROM membership WHERE id IN (SELECT m.id FROM membership m JOIN "user" u ON u.id = m.user_id WHERE m.tenant_id = ? AND u.account_type = 'SERVICE' LIMIT ?)`,
              [tenantId, -rows],
            ),
          ),
  },
  {
    field: 'tenant',
    count: countOf('SELECT count(*) AS n FROM membership WHERE user_id = ?', () => adminId),
    add: (rows) =>
      insert(rows, async (db, i, at) => {
        const tenant = randomUUID();
        await db.run('INSERT INTO tenant (id, name, slug, created) VALUES (?, ?, ?, ?)', [tenant, `Another ${i}`, `t-${tenant}`, at]);
        await db.run("INSERT INTO membership (id, tenant_id, user_id, role, created) VALUES (?, ?, ?, 'TENANT_ADMIN', ?)", [randomUUID(), tenant, adminId, at]);
      }),
  },
  {
    field: 'membership_invitation',
    count: countOf('SELECT count(*) AS n FROM invitation WHERE tenant_id = ?'),
    add: (rows) =>
      insert(rows, (db, i, at) =>
        db.run("INSERT INTO invitation (id, tenant_id, email, role, token_hash, invited_by_id, created, expires_at) VALUES (?, ?, ?, 'USER', ?, ?, ?, ?)", [
          randomUUID(),
          tenantId,
          `guest${i}-${randomUUID()}@paging.test`,
          randomUUID(),
          adminId,
          at,
          new Date(Date.now() + 86_400_000).toISOString(),
        ]),
      ),
  },
  {
    field: 'agent',
    count: countOf('SELECT count(*) AS n FROM agent WHERE tenant_id = ?'),
    add: (rows) =>
      insert(rows, async (db, i, at) => {
        agentKey ??= (await db.get<{ id: string }>('SELECT id FROM api_key WHERE tenant_id = ? LIMIT 1', [tenantId]))?.id ?? null;
        await db.run(
          "INSERT INTO agent (id, tenant_id, api_key_id, user_id, type, name, labels, created, registered_at) VALUES (?, ?, ?, ?, 'LocalAgent', ?, '[]', ?, ?)",
          [randomUUID(), tenantId, agentKey, adminId, `agent ${i} ${randomUUID()}`, at, at],
        );
      }),
  },
];

describe('a list without limit', () => {
  for (const list of lists) {
    it(`${list.field}: answers all of ${CAP} rows; at ${CAP + 1} refuses, naming the cap; limit and offset reach every row`, async () => {
      await list.add(CAP - (await list.count()));
      const all = await query(`{ ${list.field} { id } }`);
      expect(all.body.errors, JSON.stringify(all.body.errors)).toBeUndefined();
      expect(all.body.data[list.field]).toHaveLength(CAP);

      await list.add(1);
      const over = await query(`{ ${list.field} { id } }`);
      expect(over.status).toBe(400);
      expect(over.body.errors).toHaveLength(1);
      expect(over.body.errors[0]).toMatchObject({ message: CAP_MESSAGE, extensions: { code: 'BAD_USER_INPUT', field: 'limit', max: CAP } });
      // Without limit, offset still counts from the start: the rows after the first.
      expect((await query(`{ ${list.field}(offset: 1) { id } }`)).body.data[list.field]).toHaveLength(CAP);
      const ids = new Set<string>();
      for (let offset = 0; offset <= CAP; offset += 1000) {
        for (const row of (await query(`{ ${list.field}(limit: 1000, offset: ${offset}) { id } }`)).body.data[list.field]) ids.add(row.id);
      }
      expect(ids.size).toBe(CAP + 1);
      // Seeding 10,000 accounts and memberships row by row took 30 s on PostgreSQL once, on a loaded CI machine.
    }, 120_000);
  }
});

describe('the cap is per request, not per list', () => {
  // Every list above now has CAP + 1 rows.
  it('aliases share it: two halves fit, two lists that together pass the cap do not', async () => {
    const fits = await query(`{ a: audit_event(offset: 6001) { id } b: audit_event(offset: 6001) { id } }`);
    expect(fits.body.errors).toBeUndefined();
    expect(fits.body.data.a.length + fits.body.data.b.length).toBe(8000);

    const over = await query(`{ a: audit_event(offset: 5000) { id } b: auth_api_key(offset: 5000) { id } }`);
    expect(over.body.data?.a ?? null).toBeNull();
    expect(over.body.errors.map((e: { message: string }) => e.message)).toContain(CAP_MESSAGE);
  });

  it('many small lists are fine', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `t${i}: tenant(where: { slug: { _eq: "paging" } }) { id }`).join(' ');
    const result = await query(`{ ${aliases} }`);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.t19).toHaveLength(1);
  });

  it("a batch's operations share it", async () => {
    const half = { query: `{ audit_event(offset: 5000) { id } }` };
    const response = await server.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...session },
      payload: JSON.stringify([half, half]),
    });
    const [first, second] = response.json();
    expect(first.data.audit_event).toHaveLength(CAP + 1 - 5000);
    expect(second.errors[0].message).toBe(CAP_MESSAGE);
  });
});
