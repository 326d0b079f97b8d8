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
  'a refused key (401)': { method: 'POST' as const, url: '/graphql', payload: { query: '{ auth_info { user_id } }' }, headers: { authorization: 'Bearer nope' } },
  'a batched request (400)': { method: 'POST' as const, url: '/graphql', payload: [{ query: '{ setup_required }' }] },
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

  it('let GraphiQL load its scripts from the CDN', async () => {
    const response = await app.inject({ method: 'GET', url: '/graphiql' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self' https://unpkg.com");
    expect(response.headers['x-frame-options']).toBe('DENY');
  });
});
