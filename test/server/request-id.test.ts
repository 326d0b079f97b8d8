import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { generateKey } from '../../src/server/auth/key-format.js';

// Request ids: a caller's X-Request-Id is used when it is safe to carry (at most 128
// characters of A-Z a-z 0-9 . _ : -), otherwise the server makes one; either way it
// comes back in the X-Request-Id header, in every log line of the request, and in
// extensions.request_id of every GraphQL error, including the answers sent before
// GraphQL runs (a refused key, a malformed request).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const dataDir = mkdtempSync(join(tmpdir(), 'keyplane-request-id-'));
const logLines: Record<string, unknown>[] = [];
let app: FastifyInstance;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  app = await buildApp({ dataDir, uiDir: null, logger: { level: 'debug', stream } });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (payload: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/graphql', payload, headers: { 'content-type': 'application/json', ...headers } });

describe('request ids', () => {
  it('come back as the caller sent them: in the header, in every log line of the request, in each GraphQL error', async () => {
    const id = 'client-trace:2026.12_01-abc';
    const response = await post(JSON.stringify({ query: '{ auth_info { user_id } no_such_field }' }), { 'x-request-id': id });
    expect(response.statusCode).toBe(400);
    expect(response.headers['x-request-id']).toBe(id);
    const { errors } = response.json();
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error.extensions.request_id).toBe(id);
    const lines = logLines.filter((line) => line.request_id === id);
    // At debug: the incoming line and the completion line, at least.
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
  });

  it('are made by the server when the caller sends none, or one that is too long or has other characters', async () => {
    for (const given of [undefined, 'a'.repeat(129), 'has spaces', 'quote"d', 'new\\nline', 'ünïcode', '']) {
      const response = await post(JSON.stringify({ query: '{ nope }' }), given === undefined ? {} : { 'x-request-id': given });
      const made = response.headers['x-request-id'] as string;
      expect(made, String(given)).toMatch(UUID);
      expect(response.json().errors[0].extensions.request_id).toBe(made);
    }
    const longest = 'b'.repeat(128);
    expect((await post(JSON.stringify({ query: '{ nope }' }), { 'x-request-id': longest })).headers['x-request-id']).toBe(longest);
  });

  it('are in the errors sent before GraphQL runs: a refused key, a cookie without the CSRF header, a malformed request', async () => {
    const refusedKey = await post(JSON.stringify({ query: '{ auth_info { user_id } }' }), {
      authorization: `Bearer ${generateKey('kpu_')}`,
      'x-request-id': 'refused-key',
    });
    expect(refusedKey.statusCode).toBe(401);
    expect(refusedKey.json().errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', request_id: 'refused-key' });

    const noCsrf = await post(JSON.stringify({ query: '{ auth_info { user_id } }' }), { cookie: 'keyplane_session=whatever', 'x-request-id': 'no-csrf' });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', request_id: 'no-csrf' });

    const malformed = await post(JSON.stringify({ query: 5 }), { 'x-request-id': 'malformed' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].extensions).toMatchObject({ request_id: 'malformed' });
  });

  it('are in the header of every answer, pages and health checks too', async () => {
    for (const url of ['/', '/healthz', '/readyz', '/graphql/schema.graphql', '/no-such-page']) {
      const response = await app.inject({ method: 'GET', url, headers: { 'x-request-id': `page${url.replaceAll('/', '.')}` } });
      expect(response.headers['x-request-id'], url).toBe(`page${url.replaceAll('/', '.')}`);
    }
  });
});
