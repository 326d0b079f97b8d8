import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startServer, type Server } from './harness.js';
import { makeKey, makeMember, makeServiceAccount, post } from './hardening-support.js';

// 50 clients hammer the API with one key over real HTTP while an administrator revokes
// it. Requests that started before the revoke answered may go either way; every request
// that starts after it must be refused.

const CLIENTS = 50;
/** Successful requests each client makes before the revocation. */
const BEFORE_PER_CLIENT = 3;
/** Requests each client starts after the revocation answered. */
const AFTER_PER_CLIENT = 3;

let server: Server;
let url: string;
let tenantId: string;
let adminId: string;
let adminHeaders: Record<string, string>;

beforeAll(async () => {
  // Every client shares 127.0.0.1: the failure limiter would answer 429 instead of 401.
  server = await startServer({ authFailuresPerMinute: 1_000_000 });
  const boot = await post(server, {
    query: `mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id tenant_id } }`,
    variables: { input: { email: 'admin@load.test', username: 'Admin', password: PASSWORD, tenant_name: 'Load' } },
  });
  ({ user_id: adminId, tenant_id: tenantId } = boot.body.data.bootstrap);
  adminHeaders = { cookie: `keyplane_session=${boot.cookies.find((c) => c.name === 'keyplane_session')!.value}`, 'x-keyplane-csrf': '1' };
  url = `${await server.app.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
});
afterAll(async () => {
  agent.destroy();
  await server.close();
});

interface Sample {
  start: number;
  status: number;
}

async function graphql(body: unknown, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

// One keep-alive connection per client, as real API clients hold them.
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
const USE_KEY_BODY = '{"query":"{ auth_info { api_key_id } }"}';

function useKey(key: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(USE_KEY_BODY), authorization: `Bearer ${key}` },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode!));
      },
    );
    request.on('error', reject);
    request.end(USE_KEY_BODY);
  });
}

/** Runs the clients until stopped; each records its requests' start times and statuses. */
function loadWith(key: string) {
  let running = true;
  const perClient: Sample[][] = Array.from({ length: CLIENTS }, () => []);
  const clients = perClient.map(async (samples) => {
    while (running) {
      const start = performance.now();
      samples.push({ start, status: await useKey(key) });
    }
  });
  return {
    perClient,
    async stop() {
      running = false;
      await Promise.all(clients);
      return perClient.flat();
    },
  };
}

async function until(condition: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the load did not get going');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function revokeUnderLoad(key: string, revoke: () => Promise<void>) {
  // Open every connection at once first: opened one by one under load, they trickle in.
  await Promise.all(Array.from({ length: CLIENTS }, () => useKey(key)));
  const load = loadWith(key);
  // Every client is using the key before it is revoked...
  await until(() => load.perClient.every((samples) => samples.filter((s) => s.status === 200).length >= BEFORE_PER_CLIENT));
  const revokeStart = performance.now();
  await revoke();
  const revoked = performance.now();
  // ...and every client tries it several times after.
  await until(() => load.perClient.every((samples) => samples.filter((s) => s.start > revoked).length >= AFTER_PER_CLIENT));
  const samples = await load.stop();

  const before = samples.filter((s) => s.start < revokeStart);
  const after = samples.filter((s) => s.start > revoked);
  const statuses = new Set(samples.map((s) => s.status));
  expect(before.filter((s) => s.status === 200).length).toBeGreaterThanOrEqual(CLIENTS * BEFORE_PER_CLIENT);
  expect(after.length).toBeGreaterThanOrEqual(CLIENTS * AFTER_PER_CLIENT);
  expect(
    [...statuses].every((status) => status === 200 || status === 401),
    `statuses ${[...statuses].join(', ')}`,
  ).toBe(true);
  const leaked = after.filter((s) => s.status !== 401);
  expect(leaked, `${leaked.length} of ${after.length} requests started after the revocation succeeded`).toEqual([]);
  return { before: before.length, after: after.length, total: samples.length };
}

describe('revocation under load', () => {
  it(`delete_api_key: no request that starts after the answer succeeds (${CLIENTS} clients)`, async () => {
    const { id, key } = await makeKey(server, { userId: adminId, tenantId });
    const counts = await revokeUnderLoad(key, async () => {
      const result = await graphql(
        { query: `mutation ($input: delete_api_key_input!) { delete_api_key(input: $input) { success } }`, variables: { input: { key_id: id } } },
        adminHeaders,
      );
      expect(result.body.data.delete_api_key.success).toBe(true);
    });
    console.log(`delete_api_key under load: ${counts.total} requests, ${counts.after} after the revocation, all refused`);
  });

  it('delete_service_account revokes its keys at once', async () => {
    const account = await makeServiceAccount(server, tenantId, 'USER');
    const { key } = await makeKey(server, { userId: account, tenantId, service: true });
    await revokeUnderLoad(key, async () => {
      const result = await graphql(
        {
          query: `mutation ($input: delete_service_account_input!) { delete_service_account(input: $input) { success } }`,
          variables: { input: { user_id: account } },
        },
        adminHeaders,
      );
      expect(result.body.data.delete_service_account.success).toBe(true);
    });
  });

  it("delete_membership revokes the member's keys for that tenant at once", async () => {
    const member = await makeMember(server, tenantId, adminId, 'USER');
    const { key } = await makeKey(server, { userId: member.userId, tenantId });
    await revokeUnderLoad(key, async () => {
      const result = await graphql(
        {
          query: `mutation ($input: delete_membership_input!) { delete_membership(input: $input) { success } }`,
          variables: { input: { membership_id: member.membershipId } },
        },
        adminHeaders,
      );
      expect(result.body.data.delete_membership.success).toBe(true);
    });
  });
});
