import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyUsage } from '../../src/server/auth/key-usage.js';
import { POSTGRES_SCHEMA_VERSION } from '../../src/server/store/postgres/migrations.js';
import { MIGRATIONS } from '../../src/server/store/sqlite/migrations.js';
import { serve, type RunningServer } from '../../src/server/serve.js';
import { startServer, TEST_STORE } from './harness.js';

// /healthz: the process answers. /readyz: the server should get traffic: the database
// answers a query and has the schema this server's migrations make, and the server is
// not shutting down. Then the graceful shutdown, in-process: requests under way finish,
// for a bounded time; the database is closed with the key usage written.

describe('/healthz and /readyz', () => {
  it('answer 200 without authentication (and /health, the older name, too)', async () => {
    const server = await startServer();
    try {
      for (const url of ['/healthz', '/health']) {
        const response = await server.app.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(200);
        expect(response.json()).toEqual({ ok: true });
      }
      const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ ready: true });
    } finally {
      await server.close();
    }
  });

  it('/readyz answers 503 when the database does not answer, while /healthz still answers', async () => {
    const server = await startServer();
    try {
      await server.app.store.close();
      const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ ready: false, problems: { database: 'the database did not answer a query' } });
      expect((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('/readyz answers 503 when the schema is not the one this server migrates to (a newer Keyplane migrated it)', async () => {
    const server = await startServer();
    try {
      const known = TEST_STORE === 'postgres' ? POSTGRES_SCHEMA_VERSION : MIGRATIONS.length;
      if (TEST_STORE === 'postgres') {
        await server.app.database.driver.run('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)', [
          known + 1,
          'a newer Keyplane',
          new Date().toISOString(),
        ]);
      } else {
        const other = new Database(server.dbPath);
        other.pragma(`user_version = ${known + 1}`);
        other.close();
      }
      const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().problems.migrations).toMatch(new RegExp(`version ${known + 1}, newer than this server \\(${known}\\)`));
    } finally {
      await server.close();
    }
  });
});

describe('graceful shutdown', () => {
  let dataDir: string;
  let running: RunningServer | undefined;
  let sockets: Socket[] = [];
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    sockets = [];
    await running?.close();
    running = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(config: { shutdownDelaySeconds?: number; shutdownTimeoutSeconds?: number }) {
    dataDir = mkdtempSync(join(tmpdir(), 'keyplane-shutdown-'));
    running = await serve({ port: 0, host: '127.0.0.1', dataDir, uiDir: null, config });
    return running;
  }

  /**
   * A POST /graphql whose body is still on its way: a request under way when the
   * shutdown starts. It asks "Expect: 100-continue", and Node answers 100 Continue in
   * the same step as it hands the request to Fastify: once the client reads it, the
   * server has the request.
   */
  function halfSentRequest(url: string, body: string) {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    sockets.push(socket);
    let answer = '';
    let onData = () => {};
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      onData();
    });
    const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(answer.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, ''))));
    const headers = `POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`;
    const started = new Promise<void>((resolve) => {
      onData = () => answer.includes('100 Continue') && resolve();
      socket.on('connect', () => socket.write(headers));
    });
    return { started, finish: () => socket.write(body), closed };
  }

  const waitFor = async (what: string, check: () => Promise<boolean>) => {
    for (let i = 0; i < 200; i++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  it('turns /readyz to 503 at once and, for the shutdown delay, goes on serving everything else', async () => {
    const server = await start({ shutdownDelaySeconds: 2 });
    const closing = server.close();
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, problems: { shutdown: 'the server is shutting down' } });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const graphql = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ setup_required }' }),
    });
    expect(graphql.status).toBe(200);
    await closing;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('lets a request under way finish, and closes the database once it has', async () => {
    const server = await start({});
    const request = halfSentRequest(server.url, JSON.stringify({ query: '{ setup_required }' }));
    await request.started;
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    // No new connection is accepted...
    await waitFor('the listener to close', () =>
      fetch(`${server.url}/healthz`).then(
        () => false,
        () => true,
      ),
    );
    // ...but the request under way is still waited for.
    expect(closed).toBe(false);
    request.finish();
    const answer = await request.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('{"data":{"setup_required":true}}');
    await closing;
    await expect(server.app.store.countHumanUsers()).rejects.toThrow(/not open/);
  });

  it('cuts a request that does not finish within the shutdown timeout, and still closes', async () => {
    const server = await start({ shutdownTimeoutSeconds: 1 });
    const request = halfSentRequest(server.url, JSON.stringify({ query: '{ setup_required }' }));
    await request.started;
    await server.close();
    expect(await request.closed).not.toMatch(/200/);
    await expect(server.app.store.countHumanUsers()).rejects.toThrow(/not open/);
  });

  it('writes the pending key uses at close, and drops a use noted after it instead of writing to a closed database', async () => {
    const written: Map<string, string>[] = [];
    const usage = new KeyUsage({
      touchApiKeys: (uses: ReadonlyMap<string, string>) => {
        written.push(new Map(uses));
        return Promise.resolve();
      },
    });
    usage.note('key-1', null, Date.now());
    await usage.close();
    expect(written.map((uses) => [...uses.keys()])).toEqual([['key-1']]);
    usage.note('key-2', null, Date.now());
    await usage.flush();
    expect(written).toHaveLength(1);
  });
});
