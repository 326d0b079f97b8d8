import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '../../src/server/auth/key-format.js';
import { MAX_OPERATION_NAMES } from '../../src/server/observability/metrics.js';
import { serve } from '../../src/server/serve.js';
import { makeKey } from './hardening-support.js';
import { buildWorld, startServer, type Server, type World } from './harness.js';

// GET /metrics: Prometheus's text format (prom-client), behind KEYPLANE_METRICS_TOKEN
// on the public listener, or without a token on --metrics-port, which listens on
// 127.0.0.1 only. Operation names are bounded, so no client can grow the label set.

const TOKEN = 'metrics-token-0123456789abcdef';
let server: Server;
let world: World;

beforeAll(async () => {
  server = await startServer({ metricsToken: TOKEN, authFailuresPerMinute: 1000 });
  world = await buildWorld(server);
}, 60_000);
afterAll(() => server.close());

const scrape = async (token: string | null = TOKEN) =>
  server.app.inject({ method: 'GET', url: '/metrics', headers: token === null ? {} : { authorization: `Bearer ${token}` } });

/** Prometheus text exposition: "# HELP", "# TYPE", or `name{labels} value`. */
const SAMPLE = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/;

function samples(text: string, name: string): { labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .map((line) => {
      const labels = Object.fromEntries([...line.matchAll(/([a-zA-Z_]+)="([^"]*)"/g)].map(([, key, value]) => [key, value]));
      return { labels, value: Number(line.slice(line.lastIndexOf(' ') + 1)) };
    });
}

const value = (text: string, name: string, labels: Record<string, string> = {}) =>
  samples(text, name).find((sample) => Object.entries(labels).every(([key, v]) => sample.labels[key] === v))?.value;

describe('/metrics', () => {
  it('asks for the metrics token', async () => {
    for (const token of [null, 'wrong-token-0123456789abcdef', `${TOKEN}x`]) {
      const response = await scrape(token);
      expect(response.statusCode, String(token)).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(response.body).not.toContain('keyplane_');
    }
  });

  it("answers in Prometheus's text format with the documented metrics", async () => {
    await server.gql('query ListMyKeys { auth_api_key { id } }', {}, { key: world.keys.admin.key });
    const response = await scrape();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const lines = response.body.split('\n').filter(Boolean);
    for (const line of lines.filter((l) => !l.startsWith('#'))) expect(line).toMatch(SAMPLE);
    for (const name of [
      'keyplane_http_requests_total',
      'keyplane_http_request_duration_seconds',
      'keyplane_authentications_total',
      'keyplane_saved_answers_total',
      'keyplane_db_call_duration_seconds',
      'keyplane_api_keys',
      'keyplane_service_accounts',
      'keyplane_users',
      'keyplane_tenants',
      'keyplane_sessions',
      'nodejs_eventloop_lag_seconds',
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
    ]) {
      expect(
        lines.some((line) => line.startsWith(`# TYPE ${name} `)),
        name,
      ).toBe(true);
    }
    expect(value(response.body, 'keyplane_http_requests_total', { route: '/graphql', operation: 'ListMyKeys', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(
      value(response.body, 'keyplane_http_request_duration_seconds_count', { route: '/graphql', operation: 'ListMyKeys', status: '200' }),
    ).toBeGreaterThanOrEqual(1);
    expect(value(response.body, 'keyplane_db_call_duration_seconds_count', { method: 'listApiKeys' })).toBeGreaterThanOrEqual(1);
  });

  it('counts keys, service accounts, people, tenants and sessions as the database holds them', async () => {
    const body = (await scrape()).body;
    // buildWorld: 6 keys (4 of people, 2 of service accounts), 2 service accounts, 4 people in 2 tenants, 4 sessions signed in.
    expect(value(body, 'keyplane_api_keys', { kind: 'user' })).toBe(4);
    expect(value(body, 'keyplane_api_keys', { kind: 'service_account' })).toBe(2);
    expect(value(body, 'keyplane_service_accounts')).toBe(2);
    expect(value(body, 'keyplane_users')).toBe(4);
    expect(value(body, 'keyplane_tenants')).toBe(2);
    expect(value(body, 'keyplane_sessions')).toBeGreaterThanOrEqual(4);
  });

  it('counts key authentications by outcome, and sessions', async () => {
    const before = (await scrape()).body;
    const count = (text: string, method: string, outcome: string) => value(text, 'keyplane_authentications_total', { method, outcome }) ?? 0;
    const expired = await makeKey(server, { userId: world.ids.user, tenantId: world.ids.tenantA }, { expiresAt: new Date(Date.now() - 60_000).toISOString() });
    const revoked = await makeKey(server, { userId: world.ids.user, tenantId: world.ids.tenantA }, { revoked: true });
    const good = world.keys.user.key;
    const cases: [string, string][] = [
      ['ok', good],
      ['malformed', 'not-a-key'],
      ['bad_checksum', `${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`],
      ['unknown', generateKey('kpu_')],
      ['expired', expired.key],
      ['revoked', revoked.key],
    ];
    for (const [, key] of cases) await server.gql('{ auth_info { user_id } }', {}, { key });
    await server.gql('{ auth_info { user_id } }', {}, { cookie: world.sessions.user });
    await server.gql('{ auth_info { user_id } }', {}, { cookie: world.sessions.user, csrf: false });
    await server.gql('{ auth_info { user_id } }', {}, { cookie: 'no-such-session' });
    const after = (await scrape()).body;
    for (const [outcome] of cases) expect(count(after, 'api_key', outcome) - count(before, 'api_key', outcome), outcome).toBe(1);
    expect(count(after, 'session', 'ok') - count(before, 'session', 'ok')).toBe(1);
    expect(count(after, 'session', 'csrf_missing') - count(before, 'session', 'csrf_missing')).toBe(1);
    expect(count(after, 'session', 'unknown') - count(before, 'session', 'unknown')).toBe(1);
    // Every outcome is a series from the start, at 0 when nothing has happened.
    expect(samples(after, 'keyplane_authentications_total').map((s) => s.labels.outcome)).toEqual(expect.arrayContaining(['rate_limited']));
  });

  it('counts a refusal of the rate limiter', async () => {
    const limited = await startServer({ metricsToken: TOKEN, authFailuresPerMinute: 2 });
    try {
      for (let i = 0; i < 4; i++) await limited.gql('{ auth_info { user_id } }', {}, { key: generateKey('kpu_') });
      const body = (await limited.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;
      expect(value(body, 'keyplane_authentications_total', { method: 'api_key', outcome: 'rate_limited' })).toBeGreaterThanOrEqual(1);
    } finally {
      await limited.close();
    }
  });

  it('counts saved answers, hits and misses', async () => {
    const before = (await scrape()).body;
    const query = 'query SavedTwice { auth_api_key { id name } }';
    await server.gql(query, {}, { key: world.keys.reader.key });
    await server.gql(query, {}, { key: world.keys.reader.key });
    const after = (await scrape()).body;
    const delta = (result: string) =>
      (value(after, 'keyplane_saved_answers_total', { result }) ?? 0) - (value(before, 'keyplane_saved_answers_total', { result }) ?? 0);
    expect(delta('miss')).toBe(1);
    expect(delta('hit')).toBe(1);
    // A saved answer keeps its operation's name in the request metrics.
    expect(value(after, 'keyplane_http_requests_total', { operation: 'SavedTwice', status: '200' })).toBe(2);
  });

  it(`keeps at most ${MAX_OPERATION_NAMES} operation names; the others are counted as "other"`, async () => {
    for (let i = 0; i < MAX_OPERATION_NAMES + 30; i++) await server.gql(`query Invented${i} { __typename }`, {}, { key: world.keys.user.key });
    const body = (await scrape()).body;
    const operations = new Set(samples(body, 'keyplane_http_requests_total').map((s) => s.labels.operation));
    operations.delete('none');
    expect(operations.size).toBeLessThanOrEqual(MAX_OPERATION_NAMES + 1);
    expect(operations.has('other')).toBe(true);
    expect(value(body, 'keyplane_http_requests_total', { route: '/graphql', operation: 'other', status: '200' })).toBeGreaterThanOrEqual(30);
  });
});

describe('without a metrics token', () => {
  it('has no /metrics on the public listener, and collects nothing', async () => {
    const plain = await startServer();
    try {
      expect(plain.app.metrics).toBeNull();
      const response = await plain.app.inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('keyplane_');
    } finally {
      await plain.close();
    }
  });
});

describe('--metrics-port', () => {
  it('serves /metrics without a token on 127.0.0.1 only, and not on the public listener', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'keyplane-metrics-port-'));
    const running = await serve({ port: 0, host: '127.0.0.1', dataDir, uiDir: null, config: { metricsPort: 0 } });
    try {
      expect(running.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const metrics = await fetch(running.metricsUrl!);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('# TYPE keyplane_http_requests_total counter');
      expect((await fetch(running.metricsUrl!.replace('/metrics', '/graphql'))).status).toBe(404);
      expect((await fetch(`${running.url}/metrics`)).status).toBe(404);
    } finally {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
