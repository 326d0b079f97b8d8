import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_EVENTS } from '../../src/shared/webhooks.js';
import { backoffMs, DELIVERIES_KEPT, GIVE_UP_AFTER_MS } from '../../src/server/webhooks/worker.js';
import { buildWorld, startServer, type Auth, type Server, type World } from './harness.js';
import { makeMember, stableSnapshot, unique } from './hardening-support.js';

// Webhooks end to end through the real server: a receiver on loopback checks each
// delivery's signature with the Node code of docs/webhooks.md, read from the document
// itself; the worker's clock is moved instead of waiting for backoff.

type Verify = (secret: string, header: string, rawBody: string, now?: number) => boolean;

/** The verification function of docs/webhooks.md, as a reader would copy it. */
async function docsVerifier(): Promise<Verify> {
  const docs = readFileSync(new URL('../../docs/webhooks.md', import.meta.url), 'utf8');
  const code = /```js\n([\s\S]*?)```/.exec(docs)![1];
  const dir = mkdtempSync(join(tmpdir(), 'keyplane-verify-'));
  const file = join(dir, 'verify.mjs');
  writeFileSync(file, code);
  const module = (await import(pathToFileURL(file).href)) as { verifyKeyplaneSignature: Verify };
  rmSync(dir, { recursive: true, force: true });
  return module.verifyKeyplaneSignature;
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; created: string; tenant_id: string; data: Record<string, unknown> };
}

/** An HTTP receiver on 127.0.0.1 that records what it gets and answers `status()`. */
async function receiver() {
  const received: Received[] = [];
  let status = () => 200;
  const server: HttpServer = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: request.headers, body, json: JSON.parse(body) });
      response.statusCode = status();
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return {
    url,
    received,
    answer(next: () => number) {
      status = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const CREATE = `mutation ($input: create_webhook_input!) { create_webhook(input: $input) { id secret } }`;
const UPDATE = `mutation ($input: update_webhook_input!) { update_webhook(input: $input) { id url events enabled } }`;
const DELETE = `mutation ($input: delete_webhook_input!) { delete_webhook(input: $input) { success } }`;
const LIST = `query ($tenant: UUID) { webhook(tenant_id: $tenant) { id url events enabled last_delivery_status } }`;
const DELIVERIES = `query ($id: UUID!, $limit: Int, $offset: Int) {
  webhook_delivery(webhook_id: $id, limit: $limit, offset: $offset) { id event_id event_type status attempts response_status duration_ms error next_attempt_at payload }
  webhook_delivery_aggregate(webhook_id: $id) { aggregate { count } } }`;
const REDELIVER = `mutation ($input: redeliver_webhook_delivery_input!) { redeliver_webhook_delivery(input: $input) { id event_id status } }`;
const TEST = `mutation ($input: send_test_webhook_input!) { send_test_webhook(input: $input) { id event_type } }`;

let server: Server;
let world: World;
let admin: Auth;
let hooks: Awaited<ReturnType<typeof receiver>>;
let verify: Verify;

beforeAll(async () => {
  server = await startServer({ webhooksAllowPrivate: true });
  world = await buildWorld(server);
  admin = { cookie: world.sessions.admin };
  hooks = await receiver();
  verify = await docsVerifier();
});
afterAll(async () => {
  await server.close();
  await hooks.close();
});

async function ok<T = any>(query: string, variables: Record<string, unknown>, auth: Auth = admin): Promise<T> {
  const result = await server.gql(query, variables, auth);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

async function createWebhook(events: string[] = [...WEBHOOK_EVENTS], url = hooks.url, tenantId = world.ids.tenantA) {
  return (await ok(CREATE, { input: { tenant_id: tenantId, url, events } })).create_webhook as { id: string; secret: string };
}

interface Deliveries {
  webhook_delivery: {
    id: string;
    event_id: string;
    event_type: string;
    status: string;
    attempts: number;
    response_status: number | null;
    error: string | null;
    next_attempt_at: string | null;
    payload: string;
  }[];
  webhook_delivery_aggregate: { aggregate: { count: number } };
}

const deliveries = (webhookId: string) => ok<Deliveries>(DELIVERIES, { id: webhookId, limit: 1000 });

/** Polls the worker until `done` holds (the worker's own timer may send some first). */
async function until(done: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 100; i++) {
    if (await done()) return;
    await server.app.webhooks.poll();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const KEY_SHAPED = /kp[us]_[A-Za-z0-9]{20,}/;

describe('create_webhook', () => {
  it('answers a whsec_ secret once; the list shows the webhook without it; audited webhook.create', async () => {
    const webhook = await createWebhook(['api_key.created']);
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    const list = (await ok(LIST, {})).webhook as { id: string; url: string; events: string[]; enabled: boolean }[];
    expect(list.find((w) => w.id === webhook.id)).toMatchObject({ url: hooks.url, events: ['api_key.created'], enabled: true });
    expect(JSON.stringify(list)).not.toContain(webhook.secret);
    const audit = await server.rows<{ action: string; target_id: string }>("SELECT action, target_id FROM audit_event WHERE action LIKE 'webhook.%'");
    expect(audit).toContainEqual({ action: 'webhook.create', target_id: webhook.id });
    await ok(DELETE, { input: { webhook_id: webhook.id } });
  });

  it('refuses a bad URL, an unknown event and no events with BAD_USER_INPUT naming the field, changing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ url: 'not a url', events: ['api_key.created'] }, 'url'],
      [{ url: 'ftp://example.com/', events: ['api_key.created'] }, 'url'],
      [{ url: 'https://user:pw@example.com/', events: ['api_key.created'] }, 'url'],
      [{ url: hooks.url, events: [] }, 'events'],
      [{ url: hooks.url, events: ['api_key.exploded'] }, 'events'],
      [{ url: hooks.url, events: ['api_key.*'] }, 'events'],
    ];
    for (const [input, field] of cases) {
      const before = await stableSnapshot(server);
      const result = await server.gql(CREATE, { input: { tenant_id: world.ids.tenantA, ...input } }, admin);
      expect(result.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await stableSnapshot(server)).toEqual(before);
    }
  });

  it('is for administrators: a user and a read-only member are FORBIDDEN, another tenant is NOT_FOUND, an admin-role service account may', async () => {
    const input = { tenant_id: world.ids.tenantA, url: hooks.url, events: ['membership.*'] };
    for (const [auth, code] of [
      [{ cookie: world.sessions.user }, 'FORBIDDEN'],
      [{ cookie: world.sessions.reader }, 'FORBIDDEN'],
      [{ key: world.keys.userSa.key }, 'FORBIDDEN'],
      [{ cookie: world.sessions.adminB }, 'NOT_FOUND'],
      [{}, 'UNAUTHENTICATED'],
    ] as const) {
      expect((await server.gql(CREATE, { input }, auth)).errors?.[0]?.extensions?.code).toBe(code);
    }
    const made = await server.gql(CREATE, { input }, { key: world.keys.adminSa.key });
    expect(made.errors).toBeUndefined();
    // A webhook of A is NOT_FOUND to B's administrator, whatever is asked of it.
    const other = { cookie: world.sessions.adminB };
    const id = made.data.create_webhook.id;
    expect((await server.gql(DELIVERIES, { id }, other)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await server.gql(UPDATE, { input: { webhook_id: id, enabled: false } }, other)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await server.gql(DELETE, { input: { webhook_id: id } }, { cookie: world.sessions.user })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await ok(DELETE, { input: { webhook_id: id } });
  });
});

describe('delivery', () => {
  it('sends each event signed as docs/webhooks.md verifies, with its headers and payload, and never a key', async () => {
    const webhook = await createWebhook([...WEBHOOK_EVENTS, 'service_account.*', 'membership.*']);
    const start = hooks.received.length;
    const gql = (query: string, input: Record<string, unknown>) => ok(query, { input });
    // Keys: created, rotated (with its successor created), leaked, revoked.
    const key = await world.createKey(world.sessions.admin, world.ids.adminSa, unique('hooked'));
    const rotated = await gql(`mutation ($input: rotate_api_key_input!) { rotate_api_key(input: $input) { id key } }`, { key_id: key.id, overlap: 0 });
    const leaked = await world.createKey(world.sessions.admin, world.ids.adminSa, unique('leaky'));
    await gql(`mutation ($input: revoke_api_key_as_leaked_input!) { revoke_api_key_as_leaked(input: $input) { success } }`, {
      key: leaked.key,
      found_at: 'a gist',
    });
    await gql(`mutation ($input: delete_api_key_input!) { delete_api_key(input: $input) { success } }`, { key_id: rotated.rotate_api_key.id });
    // Service accounts and members.
    const sa = await gql(`mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }`, {
      tenant_id: world.ids.tenantA,
      name: unique('robot'),
    });
    await gql(`mutation ($input: delete_service_account_input!) { delete_service_account(input: $input) { success } }`, {
      user_id: sa.create_service_account.id,
    });
    const member = await makeMember(server, world.ids.tenantA, world.ids.admin);
    await gql(`mutation ($input: set_membership_role_input!) { set_membership_role(input: $input) { id } }`, {
      membership_id: member.membershipId,
      role: 'READ_ONLY_USER',
    });
    await gql(`mutation ($input: delete_membership_input!) { delete_membership(input: $input) { success } }`, { membership_id: member.membershipId });
    // A canary key used: its alert raises api_key.canary_used.
    const canary = await gql(`mutation ($input: create_canary_key_input!) { create_canary_key(input: $input) { id key } }`, { name: unique('decoy') });
    expect((await server.gql(`{ auth_info { user_id } }`, {}, { key: canary.create_canary_key.key })).status).toBe(401);
    await server.app.canaries.settled();

    const wanted = [
      'api_key.created',
      'api_key.rotated',
      'api_key.leaked_reported',
      'api_key.revoked',
      'service_account.created',
      'service_account.deleted',
      'membership.created',
      'membership.role_changed',
      'membership.deleted',
      'api_key.canary_used',
    ];
    const got = () => new Set(hooks.received.slice(start).map((r) => r.json.type));
    await until(() => wanted.every((type) => got().has(type)), `events ${wanted.join(', ')}`);

    const secrets = [key.key, leaked.key, rotated.rotate_api_key.key, canary.create_canary_key.key];
    for (const delivery of hooks.received.slice(start)) {
      const { headers, body, json } = delivery;
      expect(headers['content-type']).toBe('application/json');
      expect(headers['user-agent']).toBe('Keyplane-Webhooks/1');
      expect(headers['keyplane-event']).toBe(json.type);
      expect(headers['keyplane-delivery']).toMatch(/^[0-9a-f-]{36}$/);
      expect(verify(webhook.secret, String(headers['keyplane-signature']), body), body).toBe(true);
      // A wrong secret, an altered body and an old timestamp are refused by the same code.
      expect(verify(`${webhook.secret}x`, String(headers['keyplane-signature']), body)).toBe(false);
      expect(verify(webhook.secret, String(headers['keyplane-signature']), `${body} `)).toBe(false);
      expect(verify(webhook.secret, String(headers['keyplane-signature']), body, Date.now() + 6 * 60_000)).toBe(false);
      expect(json.tenant_id).toBe(world.ids.tenantA);
      expect(body).not.toMatch(KEY_SHAPED);
      for (const secret of secrets) expect(body).not.toContain(secret);
    }
    const first = (type: string) => hooks.received.slice(start).find((r) => r.json.type === type)!.json;
    expect(first('api_key.created').data).toMatchObject({
      object: 'api_key',
      id: key.id,
      key_hint: key.key.slice(0, 8),
      expires_at: null,
      actor_id: world.ids.admin,
    });
    expect(first('api_key.leaked_reported').data).toMatchObject({ id: leaked.id, key_hint: leaked.key.slice(0, 8), detail: 'a gist' });
    expect(first('service_account.created').data).toMatchObject({ object: 'service_account', id: sa.create_service_account.id });
    expect(first('membership.role_changed').data).toMatchObject({ object: 'membership', id: member.membershipId, name: 'USER → READ_ONLY_USER' });
    expect(first('api_key.canary_used').data).toMatchObject({
      object: 'canary_key',
      id: canary.create_canary_key.id,
      key_hint: canary.create_canary_key.key.slice(0, 8),
    });

    // Every delivery is recorded as delivered, with its status code, and no stored payload holds a key.
    const recorded = await deliveries(webhook.id);
    expect(recorded.webhook_delivery.length).toBeGreaterThanOrEqual(wanted.length);
    expect(recorded.webhook_delivery_aggregate.aggregate.count).toBe(recorded.webhook_delivery.length);
    for (const delivery of recorded.webhook_delivery) {
      expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, response_status: 200, error: null });
      expect(delivery.payload).not.toMatch(KEY_SHAPED);
    }
    const stored = await server.rows<{ payload: string }>('SELECT payload FROM webhook_delivery');
    for (const row of stored) expect(row.payload).not.toMatch(KEY_SHAPED);
    await ok(DELETE, { input: { webhook_id: webhook.id } });
  });

  it('sends a webhook only the events it subscribes to, and a disabled one nothing', async () => {
    const only = await createWebhook(['service_account.*']);
    const disabled = await createWebhook(['api_key.created']);
    await ok(UPDATE, { input: { webhook_id: disabled.id, enabled: false } });
    await world.createKey(world.sessions.admin, world.ids.adminSa, unique('unheard'));
    expect((await deliveries(only.id)).webhook_delivery).toEqual([]);
    expect((await deliveries(disabled.id)).webhook_delivery).toEqual([]);
    await ok(DELETE, { input: { webhook_id: only.id } });
    await ok(DELETE, { input: { webhook_id: disabled.id } });
  });

  it('retries a failing receiver with backoff (30 s, 1 min, 2 min, …) and gives up after 24 hours', async () => {
    const worker = server.app.webhooks;
    // Polled by the test alone: a poll of the timer's, begun before the clock moved, would answer for the test's.
    await worker.stop();
    const webhook = await createWebhook(['api_key.created']);
    let offset = 0;
    worker.now = () => Date.now() + offset;
    hooks.answer(() => 500);
    try {
      await world.createKey(world.sessions.admin, world.ids.adminSa, unique('retried'));
      await until(async () => (await deliveries(webhook.id)).webhook_delivery[0]?.attempts === 1, 'a first attempt');
      let [delivery] = (await deliveries(webhook.id)).webhook_delivery;
      expect(delivery).toMatchObject({ status: 'pending', response_status: 500, error: 'The receiver answered HTTP 500.' });
      const firstRetry = Date.parse(delivery.next_attempt_at!) - Date.now();
      expect(firstRetry).toBeGreaterThan(25_000);
      expect(firstRetry).toBeLessThanOrEqual(30_000);
      // Not due yet: nothing is sent.
      expect(await worker.poll()).toBe(0);
      for (let attempt = 2; attempt <= 4; attempt++) {
        offset += backoffMs(attempt - 1) + 1_000;
        expect(await worker.poll()).toBe(1);
        [delivery] = (await deliveries(webhook.id)).webhook_delivery;
        expect(delivery.attempts).toBe(attempt);
        expect(Date.parse(delivery.next_attempt_at!) - (Date.now() + offset)).toBeGreaterThan(backoffMs(attempt) - 5_000);
      }
      expect([backoffMs(1), backoffMs(2), backoffMs(3), backoffMs(20)]).toEqual([30_000, 60_000, 120_000, 3_600_000]);
      // A day after it was queued, the next failure is the last.
      offset = GIVE_UP_AFTER_MS;
      expect(await worker.poll()).toBe(1);
      [delivery] = (await deliveries(webhook.id)).webhook_delivery;
      expect(delivery).toMatchObject({ status: 'failed', attempts: 5, next_attempt_at: null });
      offset += 3 * GIVE_UP_AFTER_MS;
      expect(await worker.poll()).toBe(0);

      // Redelivered, it is a new delivery of the same event, sent now.
      hooks.answer(() => 204);
      const again = (await ok(REDELIVER, { input: { delivery_id: delivery.id } })).redeliver_webhook_delivery;
      expect(again).toMatchObject({ event_id: delivery.event_id, status: 'pending' });
      expect(again.id).not.toBe(delivery.id);
      await until(async () => (await deliveries(webhook.id)).webhook_delivery.some((d) => d.id === again.id && d.status === 'delivered'), 'the redelivery');
      const list = await ok(LIST, {});
      expect(list.webhook.find((w: { id: string }) => w.id === webhook.id).last_delivery_status).toBe('delivered');
    } finally {
      worker.now = Date.now;
      worker.start();
      hooks.answer(() => 200);
      await ok(DELETE, { input: { webhook_id: webhook.id } });
    }
  });

  it('sends a test event on request, whatever the webhook subscribes to', async () => {
    const webhook = await createWebhook(['membership.deleted']);
    const start = hooks.received.length;
    expect((await ok(TEST, { input: { webhook_id: webhook.id } })).send_test_webhook.event_type).toBe('webhook.test');
    await until(() => hooks.received.slice(start).some((r) => r.json.type === 'webhook.test'), 'the test event');
    await ok(DELETE, { input: { webhook_id: webhook.id } });
  });

  it(`keeps a webhook's ${DELIVERIES_KEPT} newest finished deliveries`, async () => {
    const webhook = await createWebhook(['api_key.created']);
    await server.write(async (db) => {
      for (let i = 0; i < DELIVERIES_KEPT + 5; i++) {
        await db.run(
          `INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, payload, status, attempts, created)
           VALUES (?, ?, ?, 'api_key.created', '{}', 'delivered', 1, ?)`,
          [crypto.randomUUID(), webhook.id, crypto.randomUUID(), new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()],
        );
      }
    });
    await world.createKey(world.sessions.admin, world.ids.adminSa, unique('kept'));
    await until(async () => (await deliveries(webhook.id)).webhook_delivery[0]?.status === 'delivered', 'the new delivery');
    const kept = await deliveries(webhook.id);
    expect(kept.webhook_delivery_aggregate.aggregate.count).toBe(DELIVERIES_KEPT);
    expect(kept.webhook_delivery[0].event_type).toBe('api_key.created');
    // The oldest went (00:00:00 to 00:00:05), the newest stayed.
    const oldest = await server.rows<{ created: string }>('SELECT min(created) AS created FROM webhook_delivery WHERE webhook_id = ?', [webhook.id]);
    expect(oldest[0].created).toBe(new Date(Date.UTC(2026, 0, 1, 0, 0, 6)).toISOString());
    // Pages have the total beside them.
    const page = await ok(DELIVERIES, { id: webhook.id, limit: 10, offset: 95 });
    expect(page.webhook_delivery).toHaveLength(5);
    await ok(DELETE, { input: { webhook_id: webhook.id } });
  });

  it('changes a webhook audited with the fields changed, and deletes it with its deliveries', async () => {
    const webhook = await createWebhook(['api_key.created']);
    await world.createKey(world.sessions.admin, world.ids.adminSa, unique('before-delete'));
    const updated = (await ok(UPDATE, { input: { webhook_id: webhook.id, events: ['api_key.revoked'], url: `${hooks.url}/v2` } })).update_webhook;
    expect(updated).toMatchObject({ events: ['api_key.revoked'], url: `${hooks.url}/v2`, enabled: true });
    const bad = await server.gql(UPDATE, { input: { webhook_id: webhook.id, events: ['nope'] } }, admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events' });
    const audit = await server.rows<{ action: string; cause: string }>(
      "SELECT action, cause FROM audit_event WHERE target_id = ? AND action = 'webhook.update'",
      [webhook.id],
    );
    expect(audit).toEqual([{ action: 'webhook.update', cause: 'url,events' }]);
    await ok(DELETE, { input: { webhook_id: webhook.id } });
    expect(await server.rows('SELECT id FROM webhook_delivery WHERE webhook_id = ?', [webhook.id])).toEqual([]);
    expect((await server.gql(DELETE, { input: { webhook_id: webhook.id } }, admin)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("deletes a tenant's webhooks and deliveries with the tenant", async () => {
    const tenant = (await ok(`mutation { create_tenant(input: { name: "Hooked" }) { id } }`, {})).create_tenant.id as string;
    const webhook = await createWebhook(['api_key.revoked', 'membership.deleted'], hooks.url, tenant);
    await world.createKey(world.sessions.admin, world.ids.admin, unique('doomed'), { default_tenant_id: tenant });
    await server.app.webhooks.stop();
    await ok(`mutation ($input: delete_tenant_input!) { delete_tenant(input: $input) { success } }`, { input: { tenant_id: tenant, confirm: true } });
    expect(await server.rows('SELECT id FROM webhook WHERE tenant_id = ?', [tenant])).toEqual([]);
    expect(await server.rows('SELECT id FROM webhook_delivery WHERE webhook_id = ?', [webhook.id])).toEqual([]);
    server.app.webhooks.start();
  });
});

describe('addresses', () => {
  let closed: Server;
  let closedWorld: World;
  beforeAll(async () => {
    closed = await startServer();
    closedWorld = await buildWorld(closed);
  });
  afterAll(() => closed.close());

  it('refuses loopback, private and link-local hosts at creation when KEYPLANE_WEBHOOKS_ALLOW_PRIVATE is off, changing nothing', async () => {
    for (const url of [
      hooks.url,
      'https://127.0.0.1/hooks',
      'https://10.1.2.3/hooks',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hooks',
      'https://[::ffff:10.0.0.1]/hooks',
      'https://[fd00::1]/hooks',
      'https://0.0.0.0/hooks',
      'https://192.168.1.1/',
      'https://localhost/hooks',
    ]) {
      const before = await stableSnapshot(closed);
      const result = await closed.gql(
        CREATE,
        { input: { tenant_id: closedWorld.ids.tenantA, url, events: ['api_key.created'] } },
        { cookie: closedWorld.sessions.admin },
      );
      expect(result.errors?.[0]?.extensions, url).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
      expect(result.errors?.[0]?.message, url).toMatch(/private, loopback or link-local|https:\/\//);
      expect(await stableSnapshot(closed)).toEqual(before);
    }
  });

  it('refuses such an address again at delivery: a failed attempt with the reason recorded, nothing sent', async () => {
    const start = hooks.received.length;
    const https = hooks.url.replace('http://', 'https://');
    const webhookId = crypto.randomUUID();
    await closed.write((db) =>
      db.run(
        `INSERT INTO webhook (id, tenant_id, url, events, secret, enabled, created, updated) VALUES (?, ?, ?, '["api_key.created"]', 'whsec_x', 1, ?, ?)`,
        [webhookId, closedWorld.ids.tenantA, https, new Date().toISOString(), new Date().toISOString()],
      ),
    );
    await closedWorld.createKey(closedWorld.sessions.admin, closedWorld.ids.adminSa, unique('refused'));
    let rows: { status: string; attempts: number; error: string | null }[] = [];
    for (let i = 0; i < 50 && !rows[0]?.attempts; i++) {
      await closed.app.webhooks.poll();
      rows = await closed.rows('SELECT status, attempts, error FROM webhook_delivery WHERE webhook_id = ?', [webhookId]);
    }
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(rows[0].error).toMatch(/127\.0\.0\.1, a private, loopback or link-local address/);
    expect(hooks.received.length).toBe(start);
  });
});

describe('restart', () => {
  it('sends what was queued before the server closed, after it opens again on the same database', async () => {
    const own = await startServer({ webhooksAllowPrivate: true });
    try {
      const ownWorld = await buildWorld(own);
      const created = await own.gql(
        CREATE,
        { input: { tenant_id: ownWorld.ids.tenantA, url: hooks.url, events: ['api_key.created'] } },
        { cookie: ownWorld.sessions.admin },
      );
      const webhookId = created.data.create_webhook.id as string;
      // Nothing is sent before the close: the worker is stopped first.
      await own.app.webhooks.stop();
      const keys = [
        await ownWorld.createKey(ownWorld.sessions.admin, ownWorld.ids.adminSa, 'queued-1'),
        await ownWorld.createKey(ownWorld.sessions.admin, ownWorld.ids.adminSa, 'queued-2'),
      ];
      const queued = await own.rows<{ status: string }>('SELECT status FROM webhook_delivery WHERE webhook_id = ?', [webhookId]);
      expect(queued).toEqual([{ status: 'pending' }, { status: 'pending' }]);
      await own.restart();
      const sent = () => hooks.received.filter((r) => keys.some((key) => r.json.data.id === key.id));
      // The new server's own worker sends them: wait until both are recorded (the receiver hears before the record is written).
      const recorded = async () =>
        (await own.rows<{ status: string }>('SELECT status FROM webhook_delivery WHERE webhook_id = ?', [webhookId])).filter(
          (row) => row.status === 'delivered',
        ).length;
      for (let i = 0; i < 400 && (sent().length < 2 || (await recorded()) < 2); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(
        sent()
          .map((r) => r.json.data.name)
          .sort(),
      ).toEqual(['queued-1', 'queued-2']);
      for (const delivery of sent())
        expect(verify(created.data.create_webhook.secret, String(delivery.headers['keyplane-signature']), delivery.body)).toBe(true);
      expect(await own.rows('SELECT status FROM webhook_delivery WHERE webhook_id = ?', [webhookId])).toEqual([
        { status: 'delivered' },
        { status: 'delivered' },
      ]);
    } finally {
      await own.close();
    }
  });
});
