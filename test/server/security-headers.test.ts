import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';

// The security headers are computed once at start-up (see http/security-headers.ts);
// every kind of response must still carry them.

let dataDir: string;
let app: FastifyInstance;
let httpsApp: FastifyInstance;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'keyplane-headers-'));
  const uiDir = join(dataDir, 'ui');
  mkdirSync(join(uiDir, 'assets'), { recursive: true });
  writeFileSync(join(uiDir, 'index.html'), '<!doctype html><title>Keyplane</title>');
  writeFileSync(join(uiDir, 'graphiql.html'), '<!doctype html><title>GraphiQL</title>');
  app = await buildApp({ dataDir, uiDir });
  httpsApp = await buildApp({ dbPath: join(dataDir, 'https.db'), uiDir: null, config: { secureCookies: true } });
});

afterAll(async () => {
  await app.close();
  await httpsApp.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const pages = {
  'the app page': { method: 'GET' as const, url: '/', headers: { accept: 'text/html' } },
  'a client route (SPA fallback)': { method: 'GET' as const, url: '/acme/user/keys', headers: { accept: 'text/html' } },
  'a missing asset (404)': { method: 'GET' as const, url: '/assets/missing.js' },
};
const apiAnswers = {
  'a GraphQL answer': { method: 'POST' as const, url: '/graphql', payload: { query: '{ setup_required }' } },
  'a GraphQL answer over GET': { method: 'GET' as const, url: '/graphql?query=%7B%20setup_required%20%7D' },
  'a refused key (401)': {
    method: 'POST' as const,
    url: '/graphql',
    payload: { query: '{ auth_info { user_id } }' },
    headers: { authorization: 'Bearer nope' },
  },
  'a batched request': { method: 'POST' as const, url: '/graphql', payload: [{ query: '{ setup_required }' }] },
  'a GraphQL answer at the root path (Prefect clients)': { method: 'POST' as const, url: '/', payload: { query: '{ setup_required }' } },
  'the health check': { method: 'GET' as const, url: '/health' },
};

describe('security headers', () => {
  it.each(Object.entries(pages))('of a page are on %s', async (_name, request) => {
    const response = await app.inject(request);
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
    );
    expect(response.headers).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(response.headers['cross-origin-embedder-policy']).toBeUndefined();
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it.each(Object.entries(apiAnswers))('of an API answer are on %s, and no cache may keep it', async (_name, request) => {
    const response = await app.inject(request);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers).toMatchObject({
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cache-control': 'no-store',
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('include HSTS only behind https (secure cookies)', async () => {
    for (const url of ['/health', '/']) {
      const response = await httpsApp.inject({ method: 'GET', url });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    }
  });

  it('of GraphiQL, built or not, list no other host: everything it loads is from this origin', async () => {
    for (const [where, target, body] of [
      ['built', app, '<title>GraphiQL</title>'],
      ['not built', httpsApp, 'npm run build'],
    ] as const) {
      const response = await target.inject({ method: 'GET', url: '/graphiql', headers: { accept: 'text/html' } });
      expect(response.statusCode, where).toBe(200);
      expect(response.headers['content-type'], where).toMatch(/^text\/html/);
      expect(response.headers['cache-control'], where).toBe('no-cache');
      expect(response.body, where).toContain(body);
      const policy = String(response.headers['content-security-policy']);
      expect(policy, where).not.toMatch(/https?:|wss?:|\*|blob:|unsafe-eval/);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "font-src 'self' data:",
        "frame-ancestors 'none'",
        "object-src 'none'",
      ]) {
        expect(policy, where).toContain(directive);
      }
      expect(response.headers['x-frame-options'], where).toBe('DENY');
    }
  });

  it('send the page file name to its one address, /graphiql', async () => {
    const response = await app.inject({ method: 'GET', url: '/graphiql.html?query=%7B%20auth_info%20%7B%20user_id%20%7D%20%7D' });
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe('/graphiql?query=%7B%20auth_info%20%7B%20user_id%20%7D%20%7D');
  });

  it("allow index.html's inline script by its hash, and no other inline script", async () => {
    const uiDir = join(dataDir, 'ui-inline');
    mkdirSync(uiDir, { recursive: true });
    const script = 'window.early = fetch("/graphql");';
    writeFileSync(join(uiDir, 'index.html'), `<!doctype html><head><script>${script}</script><script type="module" src="/assets/index.js"></script></head>`);
    const withScript = await buildApp({ dbPath: join(dataDir, 'inline.db'), uiDir });
    try {
      const response = await withScript.inject({ method: 'GET', url: '/acme/user/keys', headers: { accept: 'text/html' } });
      const policy = String(response.headers['content-security-policy']);
      const hash = createHash('sha256').update(script).digest('base64');
      expect(policy).toContain(`script-src 'self' 'sha256-${hash}';`);
      expect(policy.match(/'sha256-/g)).toHaveLength(1);
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    } finally {
      await withScript.close();
    }
  });
});
