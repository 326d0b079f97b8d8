/**
 * A PostgreSQL server for the tests, started in a temporary directory with the
 * machine's own binaries (Debian's postgresql package, Homebrew's, a source build):
 * initdb with trust authentication, listening on a Unix socket in that directory and
 * on 127.0.0.1 at a free port, fsync off. Or, with KEYPLANE_TEST_DATABASE_URL, an
 * existing server the tests create their databases in.
 *
 * initdb and postgres refuse to run as root. As root (CI, this machine) the server
 * runs as the `postgres` system user when there is one, else as `nobody`, with the
 * temporary directory handed to that user.
 *
 * No vitest import here: the globalSetup (postgres-global-setup.ts) runs in Vitest's
 * main process, outside any test.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

export interface PostgresBinaries {
  bindir: string;
  initdb: string;
  postgres: string;
}

const executable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function binariesIn(bindir: string): PostgresBinaries | null {
  const initdb = join(bindir, 'initdb');
  const postgres = join(bindir, 'postgres');
  return executable(initdb) && executable(postgres) ? { bindir, initdb, postgres } : null;
}

/** Where the server binaries are: pg_config --bindir, Debian's /usr/lib/postgresql/<version>/bin (newest first), then PATH. */
export function findPostgresBinaries(env: NodeJS.ProcessEnv = process.env): PostgresBinaries | null {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // No pg_config on PATH (Debian ships it with libpq-dev only).
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debian, version, 'bin')));
  }
  candidates.push(...(env.PATH ?? '').split(delimiter).filter(Boolean));
  for (const bindir of candidates) {
    const found = binariesIn(bindir);
    if (found) return found;
  }
  return null;
}

interface Account {
  name: string;
  uid: number;
  gid: number;
}

/** The account the server runs as: ourselves, or as root a system account that initdb accepts. */
export function serverAccount(): Account | null {
  if (process.getuid?.() !== 0) return null;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n');
  for (const name of ['postgres', 'nobody']) {
    const entry = passwd.find((line) => line.startsWith(`${name}:`));
    if (entry) {
      const [, , uid, gid] = entry.split(':');
      return { name, uid: Number(uid), gid: Number(gid) };
    }
  }
  throw new Error('Running as root, and neither a postgres nor a nobody account exists to run PostgreSQL as.');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface StartedPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres: the superuser's maintenance database. */
  url: string;
  port: number;
  dir: string;
  version: string;
  /** Milliseconds spent in initdb, and from starting postgres to its first answer. */
  timings: { initdbMs: number; startMs: number };
  process: ChildProcess;
  stop: () => Promise<void>;
}

/**
 * A watchdog that outlives a crashed test run by a moment: it reads a pipe from this
 * process, and when the pipe closes (this process ended, however it ended) it kills the
 * server and removes its directory. A normal stop does the same first.
 */
function watchdog(serverPid: number, dir: string): ChildProcess {
  const script = `
    process.stdin.resume();
    process.stdin.on('end', () => {
      try { process.kill(${serverPid}, 'SIGKILL'); } catch {}
      setTimeout(() => { try { require('node:fs').rmSync(${JSON.stringify(dir)}, { recursive: true, force: true }); } catch {} process.exit(0); }, 200);
    });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
  child.unref();
  // Neither the watchdog nor its pipe keeps this process alive.
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return child;
}

/** initdb and start a server in a new temporary directory; resolves once it accepts connections. */
export async function startPostgres(binaries: PostgresBinaries): Promise<StartedPostgres> {
  const account = serverAccount();
  const dir = mkdtempSync(join(tmpdir(), 'keyplane-pg-'));
  const data = join(dir, 'data');
  const ids = account ? { uid: account.uid, gid: account.gid } : {};
  if (account) chownSync(dir, account.uid, account.gid);
  const env = { ...process.env, LC_ALL: 'C', PGTZ: 'UTC', HOME: dir };
  // Away from the current directory, which the server's account may not be allowed to read.
  const common = { cwd: dir, env, ...ids };

  const initdbStart = performance.now();
  try {
    execFileSync(binaries.initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions'], {
      ...common,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`initdb failed${account ? ` (as ${account.name})` : ''}: ${stderr || String(error)}`);
  }
  const initdbMs = performance.now() - initdbStart;

  const port = await freePort();
  const startStart = performance.now();
  const server = spawn(
    binaries.postgres,
    [
      '-D',
      data,
      '-k',
      dir,
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      // A test server: nothing needs to survive a power cut.
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      // Test files run in parallel, each with a pool of its own.
      '-c',
      'max_connections=300',
      '-c',
      'log_min_messages=fatal',
    ],
    { ...common, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 10_000) stderr += chunk.toString();
  });
  const guard = server.pid === undefined ? null : watchdog(server.pid, dir);
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let version = '';
  for (let attempt = 0; ; attempt++) {
    if (server.exitCode !== null || server.signalCode !== null) {
      guard?.stdin?.end();
      throw new Error(`postgres exited at start (${server.exitCode ?? server.signalCode}): ${stderr.trim()}`);
    }
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '';
      break;
    } catch (error) {
      if (attempt > 300) {
        server.kill('SIGKILL');
        guard?.stdin?.end();
        throw new Error(`postgres did not accept connections within 15 s: ${String(error)} ${stderr.trim()}`);
      }
      await pause(50);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  const startMs = performance.now() - startStart;

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      // SIGQUIT: immediate shutdown, no checkpoint (the directory goes anyway).
      server.kill('SIGQUIT');
      const killed = setTimeout(() => server.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killed);
      rmSync(dir, { recursive: true, force: true });
      guard?.stdin?.end();
    })();
    return stopping;
  };
  return { url, port, dir, version, timings: { initdbMs, startMs }, process: server, stop };
}

/** The URL of a database named `database` on the server that `serverUrl` points at. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates a database on the server (through its maintenance database); its name is returned. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return databaseUrl(serverUrl, name);
}

/** Drops every database whose name starts with prefix (an existing server's, at the end of a run). */
export async function dropDatabases(serverUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
