import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { agentHeaders } from '../../src/shared/agents.js';
import { buildWorld, startServer, type Server, type World } from './harness.js';
import { makeKey, post } from './hardening-support.js';
import { PREFECT_DOCUMENTS as DOC, prefectGraphql } from './prefect-support.js';

// The agents seen with each key (auth_api_key.agents): Prefect agents that registered,
// and Keyplane's own agent, which names itself on the check-ins it sends anyway.

let server: Server;
let world: World;
let tenantA: string;

beforeAll(async () => {
  server = await startServer({ authFailuresPerMinute: 1_000_000 });
  world = await buildWorld(server);
  tenantA = world.ids.tenantA;
});
afterAll(() => server.close());

const KEY_AGENTS = `query ($id: uuid!, $limit: Int) {
  auth_api_key(where: { id: { _eq: $id } }, limit: 1) { id name agents(limit: $limit) { name type labels source_address last_queried api_key_id } }
}`;

type Seen = { name: string; type: string; labels: string[]; source_address: string | null; last_queried: string; api_key_id: string };

async function agentsOf(keyId: string, auth: { cookie?: string; key?: string } = { cookie: world.sessions.admin }, limit?: number): Promise<Seen[] | null> {
  const result = await server.gql(KEY_AGENTS, { id: keyId, ...(limit !== undefined && { limit }) }, auth);
  expect(result.errors).toBeUndefined();
  return result.data.auth_api_key[0]?.agents ?? null;
}

const registration = (name: string, labels = ['dev']) => ({ input: { type: 'LocalAgent', name, labels, tenant_id: tenantA } });

/** A check-in as `keyplane agent` sends it: auth_info, with its name and labels in headers. */
const checkIn = (key: string, name: string, labels: string[] = [], remoteAddress?: string, extraHeaders: Record<string, string> = {}) =>
  post(
    server,
    { query: '{ auth_info { api_key_id } }' },
    { headers: { authorization: `Bearer ${key}`, ...agentHeaders(name, labels), ...extraHeaders }, ...(remoteAddress && { remoteAddress }) },
  );

/** Check-ins are written in a batch a second after the first one (auth/agent-check-ins.ts). */
const batchWritten = () => new Promise((resolve) => setTimeout(resolve, 1_200));

const newServiceKey = () => makeKey(server, { userId: world.ids.adminSa, tenantId: tenantA, service: true });

describe('agents seen with a key', () => {
  it('a Prefect agent that registered, with its type, labels and source address', async () => {
    const key = await newServiceKey();
    const registered = await prefectGraphql(server, DOC.registerAgent, registration('prod-agent-1', ['prod', 'gpu']), { key: key.key, tenantId: tenantA });
    expect(registered.body.errors).toBeUndefined();
    expect(await agentsOf(key.id)).toEqual([
      { name: 'prod-agent-1', type: 'LocalAgent', labels: ['prod', 'gpu'], source_address: '127.0.0.1', last_queried: expect.any(String), api_key_id: key.id },
    ]);
  });

  it("Keyplane's agent is seen from its check-ins, with one write a minute however often it checks in", async () => {
    const key = await newServiceKey();
    const writes = vi.spyOn(server.app.store, 'recordAgentCheckIns');
    for (let i = 0; i < 10; i++) expect((await checkIn(key.key, 'büro-agent', ['eu, west', 'docker'], '198.51.100.7')).status).toBe(200);
    await batchWritten();
    expect(writes).toHaveBeenCalledTimes(1);
    writes.mockRestore();
    const [agent] = (await agentsOf(key.id))!;
    expect(agent).toEqual({
      name: 'büro-agent',
      type: 'KeyplaneAgent',
      labels: ['eu, west', 'docker'],
      source_address: '198.51.100.7',
      last_queried: expect.any(String),
      api_key_id: key.id,
    });
    expect(Date.now() - Date.parse(agent.last_queried)).toBeLessThan(10_000);
    const events = (await server.snapshot()).audit_event as { action: string; target_name: string }[];
    expect(events.filter((e) => e.action === 'agent.register' && e.target_name === 'büro-agent')).toHaveLength(1);
  });

  it("a Keyplane agent's last seen is its own check-in, not another agent's use of the same key", async () => {
    const key = await newServiceKey();
    await checkIn(key.key, 'stopped-agent');
    await batchWritten();
    const past = new Date(Date.now() - 2 * 3_600_000).toISOString();
    await server.write((db) => db.run('UPDATE agent SET registered_at = ? WHERE api_key_id = ?', [past, key.id]));
    await checkIn(key.key, 'running-agent');
    await batchWritten();
    const seen = (await agentsOf(key.id))!;
    expect(seen.map((a) => a.name)).toEqual(['running-agent', 'stopped-agent']);
    expect(seen[1].last_queried).toBe(past);
  });

  it('ignores a check-in header that is not a valid name, and the check-in still succeeds', async () => {
    const key = await newServiceKey();
    const bad = [encodeURIComponent('a\u0007b'), '%E0%A4%A', encodeURIComponent(' ')];
    for (const name of bad) {
      const result = await post(
        server,
        { query: '{ auth_info { api_key_id } }' },
        { headers: { authorization: `Bearer ${key.key}`, 'x-keyplane-agent': name } },
      );
      expect(result.status).toBe(200);
      expect((result.body as { data: unknown }).data).toEqual({ auth_info: { api_key_id: key.id } });
    }
    await batchWritten();
    expect(await agentsOf(key.id)).toEqual([]);
  });

  it('a key keeps its 20 most recently seen agents', async () => {
    const key = await newServiceKey();
    for (let i = 0; i < 21; i++) await prefectGraphql(server, DOC.registerAgent, registration(`worker-${i}`), { key: key.key, tenantId: tenantA });
    const rows = await server.rows<{ name: string }>('SELECT name FROM agent WHERE api_key_id = ?', [key.id]);
    expect(rows).toHaveLength(20);
    expect(rows.some((row) => row.name === 'worker-0')).toBe(false);
    expect((await agentsOf(key.id))!.map((a) => a.name)).toContain('worker-20');
    expect(await agentsOf(key.id, undefined, 3)).toHaveLength(3);
  });

  it('agents not seen for 7 days are not shown, and a new agent deletes them', async () => {
    const key = await newServiceKey();
    await prefectGraphql(server, DOC.registerAgent, registration('old-agent'), { key: key.key, tenantId: tenantA });
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000).toISOString();
    await server.write(async (db) => {
      await db.run('UPDATE agent SET registered_at = ?, created = ? WHERE api_key_id = ?', [eightDaysAgo, eightDaysAgo, key.id]);
      await db.run('UPDATE api_key SET last_used_at = ? WHERE id = ?', [eightDaysAgo, key.id]);
    });
    expect(await agentsOf(key.id)).toEqual([]);
    const listed = await server.gql('{ agent { name api_key_id } }', {}, { cookie: world.sessions.admin });
    expect(listed.data.agent.filter((a: { api_key_id: string }) => a.api_key_id === key.id)).toEqual([]);
    expect(await server.rows('SELECT id FROM agent WHERE api_key_id = ?', [key.id])).toHaveLength(1);

    // A new agent anywhere in the tenant clears the expired ones (a bounded number per write).
    const other = await newServiceKey();
    await prefectGraphql(server, DOC.registerAgent, registration('new-agent'), { key: other.key, tenantId: tenantA });
    expect(await server.rows('SELECT id FROM agent WHERE api_key_id = ?', [key.id])).toHaveLength(0);
  });

  it('a saved answer does not hide an agent seen since', async () => {
    const key = await newServiceKey();
    expect(await agentsOf(key.id)).toEqual([]);
    expect(await agentsOf(key.id)).toEqual([]);
    await checkIn(key.key, 'late-agent');
    await batchWritten();
    expect((await agentsOf(key.id))!.map((a) => a.name)).toEqual(['late-agent']);
  });

  it("a saved answer does not show an agent's old last seen after it checked in again", async () => {
    const key = await newServiceKey();
    const past = new Date(Date.now() - 2 * 3_600_000).toISOString();
    await server.app.store.recordAgentCheckIns([
      { tenantId: tenantA, apiKeyId: key.id, userId: world.ids.adminSa, name: 'returning-agent', labels: [], sourceAddress: null, at: past },
    ]);
    expect((await agentsOf(key.id))!.map((a) => a.last_queried)).toEqual([past]);
    expect((await agentsOf(key.id))!.map((a) => a.last_queried)).toEqual([past]);
    await checkIn(key.key, 'returning-agent');
    await batchWritten();
    const [seen] = (await agentsOf(key.id))!;
    expect(Date.now() - Date.parse(seen.last_queried)).toBeLessThan(10_000);
  });

  it('refuses a limit outside 0 to 20 with BAD_USER_INPUT', async () => {
    for (const limit of [-1, 21]) {
      const result = await server.gql(KEY_AGENTS, { id: world.keys.adminSa.id, limit }, { cookie: world.sessions.admin });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    }
  });
});

describe('who sees a key’s agents: whoever sees the key', () => {
  let saKey: { id: string; key: string };
  let userKey: { id: string; key: string };

  beforeAll(async () => {
    saKey = await newServiceKey();
    await checkIn(saKey.key, 'sa-agent');
    userKey = await makeKey(server, { userId: world.ids.user, tenantId: tenantA });
    await checkIn(userKey.key, 'laptop-agent');
    await batchWritten();
  });

  it("an administrator sees a service account's key's agents", async () => {
    expect((await agentsOf(saKey.id))!.map((a) => a.name)).toEqual(['sa-agent']);
  });

  it('an administrator service-account key sees them as its role', async () => {
    expect((await agentsOf(saKey.id, { key: world.keys.adminSa.key }))!.map((a) => a.name)).toEqual(['sa-agent']);
  });

  it('a person sees their own key’s agents', async () => {
    expect((await agentsOf(userKey.id, { cookie: world.sessions.user }))!.map((a) => a.name)).toEqual(['laptop-agent']);
  });

  it.each([
    ['a user', () => ({ cookie: world.sessions.user })],
    ['a read-only user', () => ({ cookie: world.sessions.reader })],
    ['a user-role service account', () => ({ key: world.keys.userSa.key })],
    ["another tenant's administrator", () => ({ cookie: world.sessions.adminB })],
  ])("%s sees no service account's key, and so none of its agents", async (_who, auth) => {
    expect(await agentsOf(saKey.id, auth())).toBeNull();
  });

  it.each([
    ['the administrator', () => ({ cookie: world.sessions.admin })],
    ['a read-only user', () => ({ cookie: world.sessions.reader })],
    ["another tenant's administrator", () => ({ cookie: world.sessions.adminB })],
  ])("%s does not see another person's key's agents", async (_who, auth) => {
    expect(await agentsOf(userKey.id, auth())).toBeNull();
  });

  it('the top-level agent list stays for administrators alone', async () => {
    const denied = await server.gql('{ agent { name } }', {}, { cookie: world.sessions.user });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the source address behind a trusted proxy', () => {
  it('is the client the proxy names, as elsewhere (KEYPLANE_TRUST_PROXY)', async () => {
    process.env.KEYPLANE_TRUST_PROXY = '10.0.0.1';
    const proxied = await startServer({ authFailuresPerMinute: 1_000_000 });
    delete process.env.KEYPLANE_TRUST_PROXY;
    try {
      const proxiedWorld = await buildWorld(proxied);
      const key = proxiedWorld.keys.adminSa;
      await post(
        proxied,
        { query: '{ auth_info { api_key_id } }' },
        { headers: { authorization: `Bearer ${key.key}`, 'x-forwarded-for': '203.0.113.50', ...agentHeaders('edge-agent', []) }, remoteAddress: '10.0.0.1' },
      );
      await batchWritten();
      const result = await proxied.gql(KEY_AGENTS, { id: key.id }, { cookie: proxiedWorld.sessions.admin });
      expect(result.data.auth_api_key[0].agents.map((a: Seen) => a.source_address)).toEqual(['203.0.113.50']);
    } finally {
      await proxied.close();
    }
  });
});
