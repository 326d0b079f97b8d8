import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { PASSWORD } from './harness.js';

// The server runs as a child process while ten clients create keys as fast as they can,
// and is killed with SIGKILL at random moments, then restarted on the same database.
// Every key whose creation was acknowledged (200 with the key) must be in the file, by
// id, and authenticate after the restart; the database must pass integrity_check and
// hold no half-created rows. Creations that arrive together share a transaction (group
// commit) and the WAL is checkpointed by a thread of its own, so a kill lands inside
// either often: an answer sent before its group's COMMIT had returned is a key lost here.

const ROUNDS = 12;
const CLIENTS = 10;
/** One create in this many also uses its key, so that key-use writes are in flight when the kill comes. */
const USE_EVERY = 5;
const SCRIPT = fileURLToPath(new URL('./crash-server.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const dataDir = mkdtempSync(join(tmpdir(), 'keyplane-crash-'));
const dbPath = join(dataDir, 'keyplane.db');
let child: ChildProcess | null = null;
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS * 2 });

afterAll(() => {
  child?.kill('SIGKILL');
  agent.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

function start(): Promise<string> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', SCRIPT, dataDir], {
      cwd: ROOT,
      // One account creates keys as fast as it can: neither limit is what this test is about.
      env: { ...process.env, KEYPLANE_AUTH_FAILURES_PER_MINUTE: '1000000', KEYPLANE_MAX_KEYS_PER_OWNER: '1000000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = process_;
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LISTENING (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    process_.stdout.on('data', onData);
    process_.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    process_.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening: ${output}`));
    });
  });
}

function kill(): Promise<void> {
  const running = child!;
  child = null;
  return new Promise((resolve) => {
    running.once('exit', () => resolve());
    running.kill('SIGKILL');
  });
}

function request(url: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: any; setCookie: string[] }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/graphql`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode!, body: JSON.parse(text), setCookie: ([] as string[]).concat(res.headers['set-cookie'] ?? []) });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const CREATE = `mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id key } }`;

/**
 * When a round's kill comes: after a time, or at once when the client that receives the
 * nth acknowledgment has read it; the server is then most likely inside the group commit
 * that answer came from, which is where an answer sent before its COMMIT would be lost.
 */
type KillAt = { afterMs: number } | { afterAcknowledgments: number };

/** Creates keys from several clients until the server dies; returns the acknowledged ones. */
async function createUntilKilled(url: string, session: Record<string, string>, userId: string, killAt: KillAt) {
  const running = child!;
  const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
  const killNow = () => running.kill('SIGKILL');
  const acknowledged: { id: string; key: string }[] = [];
  let alive = true;
  let attempts = 0;
  const clients = Array.from({ length: CLIENTS }, async (_, client) => {
    for (let n = 0; alive; n++) {
      attempts++;
      try {
        const result = await request(url, { query: CREATE, variables: { input: { user_id: userId, name: `crash-${client}-${n}-${Date.now()}` } } }, session);
        if (result.status === 200 && result.body.data?.create_api_key) {
          acknowledged.push(result.body.data.create_api_key);
          if ('afterAcknowledgments' in killAt && acknowledged.length === killAt.afterAcknowledgments) killNow();
        } else throw new Error(`unexpected answer ${result.status}: ${JSON.stringify(result.body)}`);
        if (n % USE_EVERY === 0) {
          await request(url, { query: '{ auth_info { api_key_id } }' }, { authorization: `Bearer ${result.body.data.create_api_key.key}` });
        }
      } catch (error) {
        // Connection reset or refused: the server is gone.
        if (alive && !/ECONNRESET|ECONNREFUSED|socket hang up|EPIPE/.test(String(error))) throw error;
        return;
      }
    }
  });
  // Past 10 s a round counting acknowledgments ends anyway (a slow machine).
  const timer = setTimeout(killNow, 'afterMs' in killAt ? killAt.afterMs : 10_000);
  await exited;
  clearTimeout(timer);
  child = null;
  alive = false;
  await Promise.all(clients);
  return { acknowledged, attempts };
}

function checkDatabase(acknowledged: readonly { id: string }[]) {
  const db = new Database(dbPath);
  try {
    const present = db.prepare('SELECT 1 FROM api_key WHERE id = ?').pluck();
    const missing = acknowledged.filter(({ id }) => present.get(id) === undefined).map(({ id }) => id);
    const integrity = db.pragma('integrity_check', { simple: true });
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    // A key and its audit event are written in one transaction: one never exists without the other.
    const keysWithoutAudit = db
      .prepare(`SELECT k.id FROM api_key k WHERE NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.action = 'api_key.create' AND a.target_id = k.id)`)
      .all();
    const auditWithoutKey = db
      .prepare(`SELECT a.target_id FROM audit_event a WHERE a.action = 'api_key.create' AND NOT EXISTS (SELECT 1 FROM api_key k WHERE k.id = a.target_id)`)
      .all();
    const malformed = db.prepare(`SELECT id FROM api_key WHERE length(key_hash) <> 64 OR key_hint NOT LIKE 'kp__%' OR name = '' OR created IS NULL`).all();
    const keys = (db.prepare('SELECT count(*) AS n FROM api_key').get() as { n: number }).n;
    return { integrity, foreignKeys, keysWithoutAudit, auditWithoutKey, malformed, keys, missing };
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  it(`loses no acknowledged key across ${ROUNDS} SIGKILLs under load, and leaves a sound database`, async () => {
    let url = await start();
    const boot = await request(
      url,
      {
        query: `mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id } }`,
        variables: { input: { email: 'admin@crash.test', username: 'Admin', password: PASSWORD, tenant_name: 'Crash' } },
      },
      {},
    );
    const userId = boot.body.data.bootstrap.user_id as string;
    const session = { cookie: boot.setCookie.find((c) => c.startsWith('keyplane_session='))!.split(';')[0], 'x-keyplane-csrf': '1' };

    const acknowledged: { id: string; key: string }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // Odd rounds at a random time (mid-checkpoint, mid-parse, anywhere), even ones on an acknowledgment.
      const killAt: KillAt = round % 2 ? { afterMs: 150 + Math.floor(Math.random() * 600) } : { afterAcknowledgments: 50 + Math.floor(Math.random() * 200) };
      const result = await createUntilKilled(url, session, userId, killAt);
      acknowledged.push(...result.acknowledged);
      const when = 'afterMs' in killAt ? `after ${killAt.afterMs} ms` : `on acknowledgment ${killAt.afterAcknowledgments}`;
      console.log(`crash round ${round}: killed ${when}, ${result.acknowledged.length} keys acknowledged of ${result.attempts} attempts`);

      // Every key acknowledged in any round so far, by id, in the file as the kill left it.
      const db = checkDatabase(acknowledged);
      expect(db.missing, `round ${round}: acknowledged keys not in the database`).toEqual([]);
      expect(db.integrity, `round ${round}`).toBe('ok');
      expect(db.foreignKeys, `round ${round}`).toEqual([]);
      expect(db.keysWithoutAudit, `round ${round}`).toEqual([]);
      expect(db.auditWithoutKey, `round ${round}`).toEqual([]);
      expect(db.malformed, `round ${round}`).toEqual([]);
      expect(db.keys).toBeGreaterThanOrEqual(acknowledged.length);

      url = await start();
      // Every key acknowledged in this round authenticates as itself after the restart (the
      // earlier rounds' were checked in theirs, and are still in the file by id above).
      const lost: string[] = [];
      for (let i = 0; i < result.acknowledged.length; i += 20) {
        await Promise.all(
          result.acknowledged.slice(i, i + 20).map(async ({ id, key }) => {
            const answer = await request(url, { query: '{ auth_info { api_key_id } }' }, { authorization: `Bearer ${key}` });
            if (answer.status !== 200 || answer.body.data.auth_info.api_key_id !== id) lost.push(id);
          }),
        );
      }
      expect(lost, `round ${round}: acknowledged keys that no longer authenticate`).toEqual([]);
    }
    expect(acknowledged.length).toBeGreaterThan(ROUNDS * CLIENTS);
    await kill();
  }, 180_000);
});
