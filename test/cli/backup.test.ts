import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { serve } from '../../src/server/serve.js';
import { runKeyplane, temporaryHome } from './helpers.js';
import { spawnKeyplane, type KeyplaneProcess } from './keyplane-server.js';

// `keyplane backup` copies the database of a running server while clients keep
// creating keys; `keyplane restore` refuses while that server runs, and once it has
// stopped puts the backup in place: every key acknowledged before the backup began
// authenticates again, the copy passes PRAGMA integrity_check, and it holds no key.

let home: ReturnType<typeof temporaryHome>;
let work: string;
let run: KeyplaneProcess | undefined;
beforeEach(() => {
  home = temporaryHome();
  work = mkdtempSync(join(tmpdir(), 'keyplane-backup-'));
});
afterEach(() => {
  run?.child.kill('SIGKILL');
  home.cleanup();
  rmSync(work, { recursive: true, force: true });
});

async function graphql(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any }, response };
}

const CREATE_KEY = 'mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id key } }';

describe('keyplane backup and restore', () => {
  it('back up a database under write load, and restore it with every key acknowledged before the backup', async () => {
    const dataDir = join(work, 'data');
    run = spawnKeyplane(['serve', '--port', '0', '--data-dir', dataDir, '--no-build'], { home: home.dir, env: { KEYPLANE_LOG_LEVEL: 'warn' } });
    await run.waitFor(/Press Ctrl-C to stop/, 30_000);
    const url = run.stdout().match(/Keyplane is running at (http:\/\/\S+)/)![1];
    const boot = await graphql(
      url,
      'mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id } }',
      { input: { email: 'ops@backup.test', username: 'Ops', password: 'correct horse battery', tenant_name: 'Ops' } },
      {},
    );
    const userId = boot.body.data.bootstrap.user_id as string;
    const cookie = boot.response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c.startsWith('keyplane_session='))!;
    const admin = (await graphql(url, CREATE_KEY, { input: { user_id: userId, name: 'writer' } }, { cookie, 'x-keyplane-csrf': '1' })).body.data.create_api_key
      .key as string;

    // Writers: each key is acknowledged when its create_api_key answers 200.
    const acknowledged: { id: string; key: string; at: number }[] = [];
    let writing = true;
    const writer = async (n: number) => {
      for (let i = 0; writing; i++) {
        const made = await graphql(url, CREATE_KEY, { input: { user_id: userId, name: `key ${n}-${i}` } }, { authorization: `Bearer ${admin}` });
        if (made.status === 200) acknowledged.push({ ...made.body.data.create_api_key, at: Date.now() });
      }
    };
    const writers = Array.from({ length: 6 }, (_, n) => writer(n));
    for (let waited = 0; acknowledged.length < 150 && waited < 600; waited++) await new Promise((resolve) => setTimeout(resolve, 50));

    const beforeBackup = [...acknowledged];
    const backupFile = join(work, 'backups', 'keyplane-backup.db');
    mkdirSync(join(work, 'backups'));
    const backup = await runKeyplane(['backup', backupFile, '--data-dir', dataDir], { home: home.dir });
    const backupDone = Date.now();
    expect(backup.code, backup.output).toBe(ExitCode.OK);
    expect(backup.stdout).toMatch(/Backed up .*keyplane\.db to .*keyplane-backup\.db/);
    expect(backup.stdout).toContain('integrity_check: ok');
    // Writes went on during the backup and after it.
    for (let waited = 0; !acknowledged.some((k) => k.at > backupDone + 100) && waited < 200; waited++) await new Promise((resolve) => setTimeout(resolve, 25));
    writing = false;
    await Promise.all(writers);
    const afterBackup = acknowledged.filter((k) => k.at > backupDone);
    expect(afterBackup.length).toBeGreaterThan(0);

    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(existsSync(`${backupFile}-wal`)).toBe(false);
    const copy = new Database(backupFile, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    // Only hashes: not one key, nor its random part, is in the file.
    const bytes = readFileSync(backupFile).toString('latin1');
    for (const { key } of acknowledged) expect(bytes.includes(key.slice(4, 34))).toBe(false);

    // The server still runs: restoring under it is refused.
    const refused = await runKeyplane(['restore', backupFile, '--data-dir', dataDir], { home: home.dir });
    expect(refused.code).toBe(ExitCode.ERROR);
    expect(refused.stderr).toMatch(
      new RegExp(`A Keyplane server is using .*keyplane\\.db \\(pid ${run.child.pid} at ${url.replace(/[.]/g, '\\.')}\\): stop it first`),
    );

    run.child.kill('SIGTERM');
    expect((await run.exited).code).toBe(ExitCode.OK);
    const restored = await runKeyplane(['restore', backupFile, '--data-dir', dataDir], { home: home.dir });
    expect(restored.code, restored.output).toBe(ExitCode.OK);
    expect(restored.stdout).toContain('integrity_check: ok');
    const previous = restored.stdout.match(/The database it replaced is kept at (\S+)\./)?.[1];
    expect(previous && existsSync(previous)).toBe(true);

    const db = new Database(join(dataDir, 'keyplane.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const server = await serve({ port: 0, host: '127.0.0.1', dataDir, uiDir: null });
    try {
      const authenticates = async (key: string) => (await graphql(server.url, '{ auth_info { api_key_id } }', {}, { authorization: `Bearer ${key}` })).status;
      for (const { key, id } of beforeBackup) expect(await authenticates(key), id).toBe(200);
      // Keys made after the backup finished are not in it.
      for (const { key, id } of afterBackup.filter((k) => k.at > backupDone + 100)) expect(await authenticates(key), id).toBe(401);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('restore ignores a note left by a server that is gone (killed, crashed), and refuses a file that is not a database', async () => {
    const dataDir = join(work, 'data');
    const server = await serve({ port: 0, host: '127.0.0.1', dataDir, uiDir: null });
    await server.close();
    const backupFile = join(work, 'backup.db');
    expect((await runKeyplane(['backup', backupFile, '--data-dir', dataDir], { home: home.dir })).code).toBe(ExitCode.OK);

    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    mkdirSync(join(dataDir, 'keyplane.db.servers'), { recursive: true });
    writeFileSync(join(dataDir, 'keyplane.db.servers', String(gone)), JSON.stringify({ pid: gone, host: hostname(), started: new Date().toISOString() }));
    const restored = await runKeyplane(['restore', backupFile, '--data-dir', dataDir], { home: home.dir });
    expect(restored.code, restored.output).toBe(ExitCode.OK);
    expect(existsSync(join(dataDir, 'keyplane.db.servers', String(gone)))).toBe(false);

    const junk = join(work, 'junk.db');
    writeFileSync(junk, 'this is not SQLite');
    const refused = await runKeyplane(['restore', junk, '--data-dir', dataDir], { home: home.dir });
    expect(refused.code).toBe(ExitCode.ERROR);
    expect(refused.stderr).toMatch(/is not a Keyplane database/);

    const missing = await runKeyplane(['backup', join(work, 'x.db'), '--data-dir', join(work, 'nothing-here')], { home: home.dir });
    expect(missing.code).toBe(ExitCode.ERROR);
    expect(missing.stderr).toMatch(/There is no database at .*nothing-here/);
  });
});
