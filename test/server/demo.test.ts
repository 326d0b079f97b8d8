import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/demo.js';
import { startServer, type Server } from './harness.js';

// The demo's audit log reads as if people had done it through the app: each event names
// the account that would have acted (the administrator invites and makes service
// accounts and their keys; each person makes their own keys and joins by accepting).

let server: Server;
let admin: string;

interface Event {
  action: string;
  target_name: string | null;
  actor: { username: string } | null;
}

beforeAll(async () => {
  server = await startServer();
  await seedDemo(server.app.store);
  const signIn = await server.gql(`mutation { log_in(input: { email: "admin@acme.test", password: "${DEMO_PASSWORD}" }) { user_id } }`);
  admin = signIn.cookies.find((c) => c.name === 'keyplane_session')!.value;
});
afterAll(() => server.close());

describe('the demo seed', () => {
  it('names the account that would have done each action in the audit log', async () => {
    const result = await server.gql(`{ audit_event(order_by: [{ created: asc }]) { action target_name actor { username } } }`, {}, { cookie: admin });
    expect(result.errors).toBeUndefined();
    const events = result.data.audit_event as Event[];
    const actorOf = (action: string, target: string) => {
      const found = events.filter((e) => e.action === action && e.target_name === target);
      expect(found, `${action} ${target}`).toHaveLength(1);
      return found[0].actor?.username ?? null;
    };
    expect(actorOf('tenant.create', 'Acme')).toBe('Ada Admin');
    expect(actorOf('invitation.create', 'user@acme.test')).toBe('Ada Admin');
    expect(actorOf('invitation.create', 'readonly@acme.test')).toBe('Ada Admin');
    expect(actorOf('membership.create', 'user@acme.test')).toBe('Uma User');
    expect(actorOf('membership.create', 'readonly@acme.test')).toBe('Rex Reader');
    expect(actorOf('service_account.create', 'ci-deployer')).toBe('Ada Admin');
    expect(actorOf('service_account.create', 'flow-agent')).toBe('Ada Admin');
    for (const key of ['laptop', 'old-script', 'notebook', 'personal-cli']) expect(actorOf('api_key.create', key)).toBe('Ada Admin');
    for (const key of ['dev-machine', 'temp-debugging', 'last-quarter']) expect(actorOf('api_key.create', key)).toBe('Uma User');
    expect(actorOf('api_key.create', 'dashboards')).toBe('Rex Reader');
    for (const key of ['github-actions', 'nightly-build', 'k8s-agent', 'retired-agent']) expect(actorOf('api_key.create', key)).toBe('Ada Admin');
    expect(events.filter((e) => e.actor === null)).toEqual([]);
    expect(events).toHaveLength(19);
  });

  it("records each person's keys as made by that person", async () => {
    const rows = await server.rows<{ name: string; owner: string; creator: string }>(
      `SELECT k.name, o.username AS owner, c.username AS creator FROM api_key k JOIN "user" o ON o.id = k.user_id JOIN "user" c ON c.id = k.created_by_id`,
    );
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      const serviceKey = ['github-actions', 'nightly-build', 'k8s-agent', 'retired-agent'].includes(row.name);
      expect(row.creator, row.name).toBe(serviceKey ? 'Ada Admin' : row.owner);
    }
  });
});
