import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { temporaryHome } from './helpers.js';
import { spawnKeyplane, type KeyplaneProcess } from './keyplane-server.js';

// `keyplane serve` as a process, stopped by SIGTERM while clients keep creating and
// using keys. What must hold: the process exits 0; every request the server accepted
// got its answer (a request that failed on the network, or got 503 while closing, left
// nothing behind: its key is not in the database); every key whose creation was
// acknowledged is in the database; and the last uses of keys, made just before the
// signal, were written (last_used_at) before the database was closed.

const WORKERS = 12;
const CREATE_KEY = 'mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id } }';

let home: ReturnType<typeof temporaryHome>;
let dataDir: string;
let run: KeyplaneProcess | undefined;
beforeEach(() => {
  home = temporaryHome();
  dataDir = mkdtempSync(join(tmpdir(), 'keyplane-sigterm-'));
});
afterEach(() => {
  run?.child.kill('SIGKILL');
  home.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Outcome {
  kind: 'create' | 'use';
  name?: string;
  keyId?: string;
  status: number | null;
  error?: string;
}

describe('keyplane serve on SIGTERM', () => {
  it('finishes what it accepted, loses nothing it acknowledged, and writes the last key uses', async () => {
    run = spawnKeyplane(['serve', '--port', '0', '--data-dir', dataDir, '--no-build'], {
      home: home.dir,
      env: { KEYPLANE_LOG_LEVEL: 'warn', KEYPLANE_AUTH_FAILURES_PER_MINUTE: '100000' },
    });
    await run.waitFor(/Press Ctrl-C to stop/, 30_000);
    const url = run.stdout().match(/Keyplane is running at (http:\/\/\S+)/)![1];
    const graphql = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as { data?: any; errors?: unknown[] }, response };
    };

    const boot = await graphql(
      'mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id } }',
      { input: { email: 'ops@sigterm.test', username: 'Ops', password: 'correct horse battery', tenant_name: 'Ops' } },
      {},
    );
    const userId = boot.body.data.bootstrap.user_id as string;
    const cookie = boot.response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c.startsWith('keyplane_session='))!;
    const asAdmin = { cookie, 'x-keyplane-csrf': '1' };
    const makeKey = async (name: string) => {
      const made = await graphql(
        'mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id key } }',
        { input: { user_id: userId, name } },
        asAdmin,
      );
      return made.body.data.create_api_key as { id: string; key: string };
    };
    const busyKeys = await Promise.all(Array.from({ length: WORKERS }, (_, i) => makeKey(`busy ${i}`)));
    const lastKeys = await Promise.all(Array.from({ length: 5 }, (_, i) => makeKey(`last use ${i}`)));

    const outcomes: Outcome[] = [];
    let answered = 0;
    const worker = async (index: number) => {
      // Until the server stops answering: the loop ends on a refused connection or a 503.
      for (let i = 0; ; i++) {
        const create = i % 2 === 0;
        const name = `load ${index}-${i}`;
        const outcome: Outcome = create ? { kind: 'create', name, status: null } : { kind: 'use', status: null };
        try {
          const result = create
            ? await graphql(CREATE_KEY, { input: { user_id: userId, name } }, { authorization: `Bearer ${busyKeys[index].key}` })
            : await graphql('{ auth_info { api_key_id } }', {}, { authorization: `Bearer ${busyKeys[index].key}` });
          outcome.status = result.status;
          if (create && result.status === 200) outcome.keyId = result.body.data.create_api_key.id;
          answered++;
        } catch (error) {
          outcome.error = String((error as Error).cause ?? error);
        }
        outcomes.push(outcome);
        if (outcome.error || outcome.status === 503) break;
      }
    };
    const load = Array.from({ length: WORKERS }, (_, i) => worker(i));
    // Under way for a while, then the last uses of five keys, then the signal.
    for (let waited = 0; answered < 300 && waited < 600; waited++) await new Promise((resolve) => setTimeout(resolve, 50));
    for (const key of lastKeys) expect((await graphql('{ auth_info { api_key_id } }', {}, { authorization: `Bearer ${key.key}` })).status).toBe(200);
    run.child.kill('SIGTERM');
    const { code } = await run.exited;
    await Promise.all(load);

    expect(code, run.output()).toBe(ExitCode.OK);
    expect(run.stdout()).toContain('Stopped.');
    const db = new Database(join(dataDir, 'keyplane.db'), { readonly: true });
    try {
      const keyByName = db.prepare('SELECT id, last_used_at FROM api_key WHERE name = ?');
      const creates = outcomes.filter((o) => o.kind === 'create');
      expect(creates.filter((o) => o.status === 200).length).toBeGreaterThan(50);
      for (const outcome of creates) {
        const stored = keyByName.get(outcome.name) as { id: string } | undefined;
        if (outcome.status === 200) expect(stored?.id, `acknowledged ${outcome.name}`).toBe(outcome.keyId);
        // Not answered, or refused while closing: then it was never carried out.
        else expect(stored, `${outcome.name}: ${outcome.status ?? outcome.error}`).toBeUndefined();
      }
      // Nothing the server accepted failed: the only refusals are Fastify's 503 while closing.
      expect(outcomes.filter((o) => o.status !== null && o.status !== 200 && o.status !== 503)).toEqual([]);
      for (const key of lastKeys)
        expect((keyByName.get(`last use ${lastKeys.indexOf(key)}`) as { last_used_at: string | null }).last_used_at, key.id).not.toBeNull();
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 120_000);
});
