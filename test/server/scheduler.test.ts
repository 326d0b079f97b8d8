import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyExpiryJob } from '../../src/server/scheduler/key-jobs.js';
import { Scheduler } from '../../src/server/scheduler/scheduler.js';
import { AUTH_INFO, buildWorld, startServer, type Server, type World } from './harness.js';

// The scheduler's jobs, driven by a clock the test moves, against the real server and a
// real database; email goes to an SMTP server on loopback.

const DAY = 86_400_000;

interface Received {
  to: string[];
  raw: string;
  subject: string;
  body: string;
}

/** Quoted-printable, as nodemailer may encode a long line. */
const unQuoted = (text: string) => text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** A header's MIME encoded words (=?UTF-8?Q?…?=), as a mail reader shows them. */
const decodeWords = (header: string) =>
  header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, text: string) => unQuoted(text.replace(/_/g, ' ')))
    .replace(/\r?\n[ \t]/g, ' ');

function startSmtp(): Promise<{ server: SMTPServer; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        const [head, ...rest] = raw.split(/\r?\n\r?\n/);
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address).sort(),
          raw,
          subject: decodeWords(/^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(head)?.[1] ?? ''),
          body: unQuoted(rest.join('\n\n')),
        });
        callback();
      });
    },
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.server.address() as AddressInfo).port, received })));
}

describe('scheduler', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: Server;
  let world: World;
  let clock = Date.now();
  const start = clock;
  const logLines: string[] = [];
  const keys: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    server = await startServer(
      { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, smtpFrom: 'Keyplane <keyplane@example.test>', publicUrl: 'https://keys.example.test' },
      { scheduler: { now: () => new Date(clock), start: false }, logger: { level: 'debug', stream } },
    );
    world = await buildWorld(server);
    keys.push(...Object.values(world.keys).map((k) => k.key));
  });
  afterAll(async () => {
    await server?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.server.close(() => resolve()) : resolve()));
  });

  /** Moves the clock (past every job's period when asked) and runs the due jobs. */
  async function tickAt(ms: number): Promise<string[]> {
    clock = ms;
    return server.app.scheduler.tick();
  }
  const events = async (action: string) =>
    server.rows<{ target_id: string; detail: string | null; actor_id: string | null; cause: string | null }>(
      'SELECT target_id, detail, actor_id, cause FROM audit_event WHERE action = ? ORDER BY created, id',
      [action],
    );

  it('warns 7 days and 1 day before a key expires, once each, by email to its owner or the tenant’s administrators; records an expiry once', async () => {
    const expiresAt = new Date(start + 10 * DAY).toISOString();
    const own = await world.createKey(world.sessions.user, world.ids.user, 'deploy-bot', { expires_at: expiresAt });
    const service = await world.createKey(world.sessions.admin, world.ids.adminSa, 'ci-publish', { expires_at: expiresAt });
    keys.push(own.key, service.key);

    expect(await tickAt(start + 3.5 * DAY)).toEqual(['rotations', 'key-expiry', 'idle-keys', 'key-warning-prune']);
    const expiring = await events('api_key.expiring');
    expect(expiring.map((e) => [e.target_id, e.actor_id, e.detail])).toEqual(
      expect.arrayContaining([
        [own.id, null, `expires in 7 days (${expiresAt})`],
        [service.id, null, `expires in 7 days (${expiresAt})`],
      ]),
    );
    expect(expiring).toHaveLength(2);
    expect(smtp.received.map((m) => [m.to, m.subject]).sort()).toEqual([
      [['admin@a.test'], 'Keyplane: API key "ci-publish" expires in 7 days'],
      [['user@a.test'], 'Keyplane: API key "deploy-bot" expires in 7 days'],
    ]);
    const mail = smtp.received.find((m) => m.to[0] === 'user@a.test')!;
    expect(mail.body).toContain('"deploy-bot" (kpu_');
    expect(mail.body).toContain('in the tenant Tenant A expires on ' + expiresAt.slice(0, 10));
    expect(mail.body).toContain(`https://keys.example.test/${'tenant-a'}/user/keys`);
    expect(smtp.received.find((m) => m.to[0] === 'admin@a.test')!.body).toContain('https://keys.example.test/tenant-a/team/service-accounts');

    // Again, a period later: nothing new.
    await tickAt(start + 3.6 * DAY);
    expect(await events('api_key.expiring')).toHaveLength(2);
    expect(smtp.received).toHaveLength(2);

    await tickAt(start + 9.5 * DAY);
    await tickAt(start + 9.6 * DAY);
    const oneDay = (await events('api_key.expiring')).filter((e) => e.detail === `expires in 1 day (${expiresAt})`);
    expect(oneDay.map((e) => e.target_id).sort()).toEqual([own.id, service.id].sort());
    expect(smtp.received).toHaveLength(4);

    await tickAt(start + 10.5 * DAY);
    await tickAt(start + 10.6 * DAY);
    const expired = await events('api_key.expired');
    expect(expired.map((e) => [e.target_id, e.detail]).sort()).toEqual(
      [
        [own.id, `expired at ${expiresAt}`],
        [service.id, `expired at ${expiresAt}`],
      ].sort(),
    );
    expect(smtp.received).toHaveLength(4);
  });

  it('revokes a key unused for the tenant’s idle days after a warning, and keeps one used since the warning', async () => {
    await server.app.store.setTenantPolicy(
      world.ids.tenantB,
      { user_key_max_days: null, service_key_max_days: null, require_expiry: false, idle_days: 30 },
      { actorId: world.ids.adminB, sourceAddress: null },
    );
    const used = await world.createKey(world.sessions.adminB, world.ids.adminB, 'used-later');
    keys.push(used.key);
    const mailsBefore = smtp.received.length;

    await tickAt(start + 24 * DAY);
    const warnings = (await events('api_key.expiring')).filter((e) => e.detail?.startsWith('idle:'));
    const revokeOn = new Date(start + 30 * DAY).toISOString().slice(0, 10);
    expect(warnings.map((e) => [e.target_id, e.detail]).sort()).toEqual(
      [
        [world.keys.adminB.id, `idle: revoked on ${revokeOn} unless used`],
        [used.id, `idle: revoked on ${revokeOn} unless used`],
      ].sort(),
    );
    const idleMails = smtp.received.slice(mailsBefore);
    expect(idleMails.map((m) => m.to)).toEqual([['admin@b.test'], ['admin@b.test']]);
    expect(idleMails[0].subject).toContain(`will be revoked on ${revokeOn} unless used`);

    // Used after its warning (as the use batch writes it).
    await server.write((db) => db.run('UPDATE api_key SET last_used_at = ? WHERE id = ?', [new Date(start + 25 * DAY).toISOString(), used.id]));
    await tickAt(start + 31 * DAY);
    const revoked = (await events('api_key.revoke')).filter((e) => e.cause === 'idle_expiry');
    expect(revoked.map((e) => [e.target_id, e.actor_id])).toEqual([[world.keys.adminB.id, null]]);
    // Revoked through the store's path: the very next request with it fails.
    expect((await server.gql(AUTH_INFO, {}, { key: world.keys.adminB.key })).status).toBe(401);
    expect((await server.gql(AUTH_INFO, {}, { key: used.key })).data.auth_info.tenant_id).toBe(world.ids.tenantB);
  });

  it('looks at a bounded number of keys per run, leaving the rest for the next', async () => {
    const expiresAt = new Date(start + 40 * DAY).toISOString();
    for (let i = 0; i < 5; i++) keys.push((await world.createKey(world.sessions.admin, world.ids.admin, `batch-${i}`, { expires_at: expiresAt })).key);
    const job = keyExpiryJob({ store: server.app.store, mailer: null, publicUrl: 'https://keys.example.test', log: server.app.log, keysPerRun: 2 });
    const at = new Date(start + 35 * DAY);
    const runs = [];
    for (let i = 0; i < 4; i++) runs.push((await job.run(at))!.warned);
    expect(runs).toEqual([2, 2, 1, 0]);
  });

  it('runs each job once per period across schedulers sharing one database (the lease)', async () => {
    let runs = 0;
    const schedulers = Array.from({ length: 2 }, () =>
      new Scheduler({ store: server.app.store, log: server.app.log, now: () => new Date(clock) }).add({
        name: 'lease-test',
        periodMs: 60_000,
        run: async () => void runs++,
      }),
    );
    clock = start + 50 * DAY;
    await Promise.all(schedulers.map((s) => s.tick()));
    expect(runs).toBe(1);
    await Promise.all(schedulers.map((s) => s.tick()));
    expect(runs).toBe(1);
    clock += 60_000;
    await Promise.all(schedulers.map((s) => s.tick()));
    await Promise.all(schedulers.map((s) => s.tick()));
    expect(runs).toBe(2);
  });

  it('never puts a key in an email or a log line', () => {
    expect(smtp.received.length).toBeGreaterThan(0);
    expect(logLines.some((line) => line.includes('scheduled job ran'))).toBe(true);
    for (const key of keys) {
      for (const mail of smtp.received) expect(mail.raw).not.toContain(key);
      for (const line of logLines) expect(line).not.toContain(key);
    }
  });
});
