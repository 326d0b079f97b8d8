import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { PASSWORD, startServer, type Server } from './harness.js';
import { post } from './hardening-support.js';

// Headers, CORS and the session cookie's life: what a browser and an attacker see.

const LOG_IN = `mutation ($input: log_in_input!) { log_in(input: $input) { user_id expires_at } }`;
const ME = { query: '{ auth_info { user_id } }' };

async function bootstrap(server: Server) {
  const result = await post(server, {
    query: `mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id } }`,
    variables: { input: { email: 'admin@http.test', username: 'Admin', password: PASSWORD, tenant_name: 'Http' } },
  });
  expect(result.body.errors).toBeUndefined();
}

async function signIn(server: Server, headers: Record<string, string> = {}) {
  const result = await post(server, { query: LOG_IN, variables: { input: { email: 'admin@http.test', password: PASSWORD } } }, { headers });
  const setCookie = ([] as string[]).concat(result.headers['set-cookie'] as string | string[]).find((c) => c.startsWith('keyplane_session='))!;
  return { result, setCookie, token: setCookie.split(';')[0].split('=')[1] };
}

const withSession = (token: string) => ({ cookie: `keyplane_session=${token}`, 'x-keyplane-csrf': '1' });
const idHash = (token: string) => createHash('sha256').update(token).digest('hex');

describe('security headers', () => {
  let server: Server;
  let uiDir: string;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    server = await startServer();
    // A built UI of two files is enough to see the headers of the SPA and its assets.
    uiDir = mkdtempSync(join(tmpdir(), 'keyplane-ui-'));
    mkdirSync(join(uiDir, 'assets'));
    writeFileSync(join(uiDir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>');
    writeFileSync(join(uiDir, 'assets', 'app.js'), 'console.log(1)');
    app = await buildApp({ dataDir: server.dataDir, dbPath: join(server.dataDir, 'ui.db'), uiDir });
  });
  afterAll(async () => {
    await app.close();
    await server.close();
    rmSync(uiDir, { recursive: true, force: true });
  });

  function expectHardened(headers: Record<string, unknown>, where: string) {
    const csp = String(headers['content-security-policy']);
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    // A directive left out falls back to default-src: API answers say default-src 'none'.
    const effective = (name: string) => directives[name] ?? directives['default-src'];
    expect([["'self'"], ["'none'"]], where).toContainEqual(effective('script-src'));
    expect(directives['frame-ancestors'], where).toEqual(["'none'"]);
    expect(effective('object-src'), where).toEqual(["'none'"]);
    expect(csp, where).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(headers['x-content-type-options'], where).toBe('nosniff');
    expect(headers['referrer-policy'], where).toBe('no-referrer');
    expect(headers['x-frame-options'], where).toBe('DENY');
    expect(headers['strict-transport-security'], `${where}: no HSTS over plain http`).toBeUndefined();
  }

  it('the app, its client routes, its assets and the API all send CSP without inline scripts, frame-ancestors none, nosniff and a Referrer-Policy', async () => {
    for (const [url, accept] of [
      ['/', 'text/html'],
      ['/http/user/keys', 'text/html'],
      ['/assets/app.js', '*/*'],
      ['/health', '*/*'],
    ]) {
      const response = await app.inject({ method: 'GET', url, headers: { accept } });
      expect(response.statusCode, url).toBe(200);
      expectHardened(response.headers, url);
    }
    expectHardened((await post(server, { query: '{ setup_required }' })).headers, 'POST /graphql');
  });

  it('the app page itself has no inline script for the CSP to refuse', () => {
    const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
  });

  it('GraphiQL loads nothing from another host, and cannot be framed', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/graphiql' });
    expect(String(response.headers['content-security-policy'])).toMatch(/frame-ancestors 'none'/);
    expect(String(response.headers['content-security-policy'])).not.toMatch(/https?:/);
    expect(String(response.headers['content-security-policy'])).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  });

  it('sends HSTS and Secure cookies when served over https (KEYPLANE_SECURE_COOKIES=1)', async () => {
    const secure = await startServer({ secureCookies: true });
    try {
      await bootstrap(secure);
      const { result, setCookie } = await signIn(secure);
      expect(String(result.headers['strict-transport-security'])).toMatch(/max-age=31536000/);
      expect(setCookie).toMatch(/;\s*Secure/i);
    } finally {
      await secure.close();
    }
  });
});

describe('CORS', () => {
  const preflight = (server: Server, origin: string) =>
    server.app.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });

  it('is closed by default: no preflight passes and no response carries Access-Control-Allow-Origin', async () => {
    const server = await startServer();
    try {
      const answer = await preflight(server, 'https://evil.example');
      expect(answer.statusCode).toBe(404);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      expect(answer.headers['access-control-allow-methods']).toBeUndefined();
      const simple = await post(server, { query: '{ setup_required }' }, { headers: { origin: 'https://evil.example' } });
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('opens to listed origins only, for API keys: no credentials, no CSRF header', async () => {
    const server = await startServer({ corsOrigins: ['https://app.example'] });
    try {
      const allowed = await preflight(server, 'https://app.example');
      expect(allowed.statusCode).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
      expect(String(allowed.headers['access-control-allow-headers'])).toMatch(/Authorization/);
      expect(String(allowed.headers['access-control-allow-headers'])).not.toMatch(/csrf/i);
      expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
      expect(String(allowed.headers.vary)).toMatch(/Origin/);
      expect(allowed.headers['access-control-allow-methods']).toBe('GET, POST');
      expect(allowed.headers['access-control-max-age']).toBe('600');
      const simple = await post(server, { query: '{ setup_required }' }, { headers: { origin: 'https://app.example' } });
      expect(simple.headers['access-control-allow-origin']).toBe('https://app.example');
      expect(simple.headers['access-control-expose-headers']).toBe('Retry-After, WWW-Authenticate, X-Request-Id');
      expect(simple.headers['access-control-allow-credentials']).toBeUndefined();

      for (const origin of ['https://app.example.evil.test', 'http://app.example']) {
        const other = await preflight(server, origin);
        expect(other.statusCode, origin).toBe(404);
        expect(other.headers['access-control-allow-origin'], origin).toBeUndefined();
        const otherSimple = await post(server, { query: '{ setup_required }' }, { headers: { origin } });
        expect(otherSimple.status, origin).toBe(200);
        expect(otherSimple.headers['access-control-allow-origin'], origin).toBeUndefined();
      }
    } finally {
      await server.close();
    }
  });

  it('with "*", answers any origin by name, still without credentials', async () => {
    const server = await startServer({ corsOrigins: ['*'] });
    try {
      const allowed = await preflight(server, 'https://anywhere.example');
      expect(allowed.statusCode).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://anywhere.example');
      expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
      expect(String(allowed.headers['access-control-allow-headers'])).not.toMatch(/csrf/i);
    } finally {
      await server.close();
    }
  });

  it('reads the allow-list from KEYPLANE_CORS_ORIGINS', () => {
    const saved = process.env.KEYPLANE_CORS_ORIGINS;
    try {
      process.env.KEYPLANE_CORS_ORIGINS = ' https://a.example , https://b.example ,';
      expect(loadConfig().corsOrigins).toEqual(['https://a.example', 'https://b.example']);
      delete process.env.KEYPLANE_CORS_ORIGINS;
      expect(loadConfig().corsOrigins).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.KEYPLANE_CORS_ORIGINS;
      else process.env.KEYPLANE_CORS_ORIGINS = saved;
    }
  });
});

describe('browser sessions', () => {
  const IDLE_MINUTES = 30;
  const MAX_HOURS = 2;
  let server: Server;

  beforeAll(async () => {
    server = await startServer({ sessionIdleMinutes: IDLE_MINUTES, sessionMaxHours: MAX_HOURS });
    await bootstrap(server);
  });
  afterAll(() => server.close());

  async function sessionRow(token: string) {
    return (await server.rows<{ last_seen: string; expires_at: string }>('SELECT * FROM session WHERE id_hash = ?', [idHash(token)])).at(0);
  }
  function setSession(token: string, fields: { last_seen?: string; expires_at?: string }) {
    return server.write(async (db) => {
      for (const [column, value] of Object.entries(fields)) await db.run(`UPDATE session SET ${column} = ? WHERE id_hash = ?`, [value, idHash(token)]);
    });
  }
  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

  it('sets the cookie HttpOnly, SameSite=Strict, for the whole site, and lasting the absolute limit', async () => {
    const { result, setCookie } = await signIn(server);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Strict/i);
    expect(setCookie).toMatch(/;\s*Path=\//);
    expect(setCookie).toMatch(new RegExp(`;\\s*Max-Age=${MAX_HOURS * 3600}`));
    expect(setCookie).not.toMatch(/;\s*Secure/i);
    const expiresIn = Date.parse(result.body.data.log_in.expires_at) - Date.now();
    expect(Math.abs(expiresIn - MAX_HOURS * 3_600_000)).toBeLessThan(60_000);
  });

  it('stores only a hash of the session id', async () => {
    const { token } = await signIn(server);
    expect(await sessionRow(token)).toBeDefined();
    for (const file of [server.dbPath, `${server.dbPath}-wal`]) {
      if (existsSync(file)) expect(readFileSync(file).includes(token), file).toBe(false);
    }
  });

  it('issues a new session id at every sign-in, and ends the session the browser had', async () => {
    const first = await signIn(server);
    const second = await signIn(server, withSession(first.token));
    expect(second.token).not.toBe(first.token);
    expect((await post(server, ME, { headers: withSession(first.token) })).status).toBe(401);
    expect((await post(server, ME, { headers: withSession(second.token) })).status).toBe(200);
  });

  it('does not adopt a session id planted by someone else (fixation)', async () => {
    const planted = 'attacker-chosen-session-id';
    const { token } = await signIn(server, withSession(planted));
    expect(token).not.toBe(planted);
    expect((await post(server, ME, { headers: withSession(planted) })).status).toBe(401);
  });

  it('signing out ends the session on the server: the old cookie no longer works', async () => {
    const { token } = await signIn(server);
    const out = await post(server, { query: 'mutation { log_out { success } }' }, { headers: withSession(token) });
    expect(out.body.data.log_out.success).toBe(true);
    expect(String(out.headers['set-cookie'])).toMatch(/keyplane_session=;/);
    expect(await sessionRow(token)).toBeUndefined();
    const replay = await post(server, ME, { headers: withSession(token) });
    expect(replay.status).toBe(401);
    expect(replay.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it(`ends a session idle for ${IDLE_MINUTES} minutes, and keeps an active one alive`, async () => {
    const active = await signIn(server);
    await setSession(active.token, { last_seen: ago((IDLE_MINUTES - 1) * 60_000) });
    expect((await post(server, ME, { headers: withSession(active.token) })).status).toBe(200);
    // The request counted as activity.
    expect(Date.now() - Date.parse((await sessionRow(active.token))!.last_seen)).toBeLessThan(60_000);

    const idle = await signIn(server);
    await setSession(idle.token, { last_seen: ago((IDLE_MINUTES + 1) * 60_000) });
    expect((await post(server, ME, { headers: withSession(idle.token) })).status).toBe(401);
    expect(await sessionRow(idle.token)).toBeUndefined();
  });

  it(`ends a session ${MAX_HOURS} hours after sign-in, however active`, async () => {
    const { token } = await signIn(server);
    await setSession(token, { expires_at: ago(1000) });
    expect((await post(server, ME, { headers: withSession(token) })).status).toBe(401);
    expect(await sessionRow(token)).toBeUndefined();
  });

  it('refuses cookie requests without the CSRF header, GET included, and mutations over GET', async () => {
    const { token } = await signIn(server);
    const noHeader = await post(server, ME, { headers: { cookie: `keyplane_session=${token}` } });
    expect(noHeader.status).toBe(403);
    const get = await server.app.inject({
      method: 'GET',
      url: '/graphql?query=%7B%20auth_info%20%7B%20user_id%20%7D%20%7D',
      headers: { cookie: `keyplane_session=${token}` },
    });
    expect(get.statusCode).toBe(403);
    const mutationOverGet = await server.app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('mutation { create_tenant(input: { name: "Via GET" }) { id } }')}`,
      headers: withSession(token),
    });
    expect(mutationOverGet.statusCode).toBeGreaterThanOrEqual(400);
    const tenants = await post(server, { query: '{ tenant { name } }' }, { headers: withSession(token) });
    expect(tenants.body.data.tenant.map((t: { name: string }) => t.name)).toEqual(['Http']);
  });
});
