import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePostgres } from '../support/postgres.js';
import { createDatabase, findPostgresBinaries, serverAccount, startPostgres, type PostgresBinaries, type StartedPostgres } from '../support/postgres-server.js';
import { agent, bootstrap, createKey, data, load, post, startInstance, until, type Instance, type Sample } from './instances-support.js';

// A `keyplane serve` process on a PostgreSQL server of this test's own, which the test
// stops and starts again while clients use a key: the instance answers 503 (with
// Retry-After, a SERVICE_UNAVAILABLE error and nothing of the cause) and /readyz says
// so while the server is down, and it serves again by itself once the server is back.

const binaries = findPostgresBinaries();
let server: StartedPostgres;
/** The server started again on the same directory and port (startPostgres's own process has exited by then). */
let restarted: ChildProcess | null = null;
let instance: Instance;
let key = '';
let keyId = '';
let admin: Awaited<ReturnType<typeof bootstrap>>;

/** Stops the server (fast shutdown: sessions are cut) and waits for it to exit. */
async function stopServer(): Promise<void> {
  const running = restarted ?? server.process;
  if (running.exitCode !== null || running.signalCode !== null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGINT');
  await exited;
}

/** Starts the server again on its directory, as startPostgres did. */
function startServerAgain(found: PostgresBinaries): ChildProcess {
  const account = serverAccount();
  return spawn(
    found.postgres,
    ['-D', join(server.dir, 'data'), '-k', server.dir, '-h', '127.0.0.1', '-p', String(server.port), '-c', 'fsync=off', '-c', 'log_min_messages=fatal'],
    {
      cwd: server.dir,
      env: { ...process.env, LC_ALL: 'C', PGTZ: 'UTC', HOME: server.dir },
      stdio: 'ignore',
      ...(account && { uid: account.uid, gid: account.gid }),
    },
  );
}

const readyz = async () => {
  const response = await fetch(`${instance.url}/readyz`);
  return { status: response.status, body: (await response.json()) as { ready: boolean; problems?: Record<string, string> } };
};

const USE_KEY = { query: '{ auth_info { api_key_id } }' };

(binaries ? describePostgres : describe.skip)('an instance whose PostgreSQL server stops and starts again', () => {
  beforeAll(async () => {
    server = await startPostgres(binaries!);
    const url = await createDatabase(server.url, 'keyplane_loss');
    instance = await startInstance('A', url, { KEYPLANE_DATABASE_CONNECT_TIMEOUT_MS: '1000' });
    admin = await bootstrap(instance);
    ({ key, id: keyId } = await createKey(instance, admin, admin.userId));
  }, 120_000);

  afterAll(async () => {
    agent.destroy();
    await instance?.stop();
    await stopServer().catch(() => undefined);
    await server?.stop();
  });

  it('answers 503 while the database is away, says so at /readyz, and recovers by itself', async () => {
    expect((await readyz()).status).toBe(200);
    const running = load([instance], 10, USE_KEY, () => ({ authorization: `Bearer ${key}` }));
    const answers = (): Sample[] => running.perClient.flat();
    try {
      await until(() => answers().filter((s) => s.status === 200).length >= 50, 'the key is in use');

      await stopServer();
      const stopped = performance.now();
      await until(() => answers().some((s) => s.start > stopped && s.status === 503), 'an answer says the database is away');
      const unavailable = answers().find((s) => s.start > stopped && s.status === 503)!;
      expect(unavailable.body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(unavailable.body.errors[0].message).not.toMatch(/postgres|127\.0\.0\.1|ECONN|\bat\s/i);
      expect(JSON.stringify(unavailable.body)).not.toContain(String(server.port));
      const down = await readyz();
      expect(down.status).toBe(503);
      expect(down.body.problems).toHaveProperty('database');
      // The header too, which a client's retry waits on.
      const direct = await post(instance, USE_KEY, { authorization: `Bearer ${key}` });
      expect(direct.status).toBe(503);
      expect(Number(direct.headers['retry-after'])).toBeGreaterThan(0);

      restarted = startServerAgain(binaries!);
      const back = performance.now();
      await until(() => answers().some((s) => s.start > back && s.status === 200), 'the instance serves again', 60_000);
      await until(() => answers().filter((s) => s.start > back && s.status === 200).length >= 50, 'the instance keeps serving', 60_000);
    } finally {
      const samples = await running.stop();
      const statuses = new Set(samples.map((s) => s.status));
      expect([...statuses].sort()).toEqual([200, 503]);
    }
    expect((await readyz()).status).toBe(200);

    // The change feed is back too: a revocation takes effect on the next request.
    await data(
      post(
        instance,
        { query: 'mutation ($input: delete_api_key_input!) { delete_api_key(input: $input) { success } }', variables: { input: { key_id: keyId } } },
        admin.headers,
      ),
    );
    expect((await post(instance, USE_KEY, { authorization: `Bearer ${key}` })).status).toBe(401);
  });
});
