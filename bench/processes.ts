// Starts the servers under test as child processes and watches their memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

function waitForUrl(child: ChildProcess, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

async function start(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await waitForUrl(child, name);
  // Keep draining output so a chatty server never blocks on a full pipe.
  child.stdout.resume();
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        // SIGINT: the keyplane command stops gracefully, flushing key usage (and writing a CPU profile when asked).
        child.kill('SIGINT');
      }),
  };
}

export function startBaseline(bodyFile?: string): Promise<ServerProcess> {
  return start('baseline', ['bench/baseline-server.mjs'], bodyFile ? { BASELINE_BODY_FILE: bodyFile } : {});
}

/** Fastify + Mercurius (graphql-jit) answering constants: what the framework alone costs. */
export function startFloor(): Promise<ServerProcess> {
  return start('floor', ['bench/floor-server.mjs']);
}

/**
 * The list page's floor: bare node:http answering it from the store's own page and count
 * queries, built by hand and serialised with JSON.stringify (bench/list-floor-server.ts).
 */
export function startListFloor(dbFile: string, ownerId: string, tenantId: string): Promise<ServerProcess> {
  return start('list floor', ['--import', 'tsx', 'bench/list-floor-server.ts', dbFile, ownerId, tenantId]);
}

/** The production server: the keyplane command, as `npm start` runs it. */
export function startKeyplane(dataDir: string, options: { cpuProfileDir?: string; env?: NodeJS.ProcessEnv; name?: string } = {}): Promise<ServerProcess> {
  const nodeFlags = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  return start(
    options.name ?? 'keyplane',
    [...nodeFlags, 'bin/keyplane.js', 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, '--no-build'],
    {
      NODE_ENV: 'production',
      // A request log line per request would be measured with the server; warnings still show.
      KEYPLANE_LOG_LEVEL: 'warn',
      ...options.env,
    },
  );
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMegabytes(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, in microseconds, from /proc (Linux). */
export function cpuMicros(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** USER_HZ: 100 on every Linux Node supports. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Samples a process's RSS every 100 ms until stopped; returns the peak. */
export function sampleRss(pid: number): () => number | null {
  let peak: number | null = rssMegabytes(pid);
  const timer = setInterval(() => {
    const rss = rssMegabytes(pid);
    if (rss !== null && (peak === null || rss > peak)) peak = rss;
  }, 100);
  return () => {
    clearInterval(timer);
    return peak;
  };
}
