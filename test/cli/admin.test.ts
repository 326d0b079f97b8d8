import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runKeyplane, temporaryHome } from './helpers.js';
import { startKeyplaneServer, type KeyplaneServer } from './keyplane-server.js';

// `keyplane admin`, on the server's machine, against its data directory, with the
// server running: find the account, set a new password read from standard input, end
// the account's sessions, and record it in its tenants' audit logs.

const ADMIN_EMAIL = 'ada@example.test';
const OLD_PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new passphrase 42';
const LOG_IN = 'mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }';

let server: KeyplaneServer;
let home: ReturnType<typeof temporaryHome>;
beforeAll(async () => {
  server = await startKeyplaneServer();
  home = temporaryHome();
});
afterAll(async () => {
  await server.close();
  home.cleanup();
});

async function logIn(password: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOG_IN, variables: { input: { email: ADMIN_EMAIL, password } } }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('keyplane_session='));
  return { ok: ((await response.json()) as { data?: { log_in?: unknown } }).data?.log_in != null, cookie };
}

/** Whom the session cookie signs in, or null once the session is over. */
async function signedInAs(cookie: string): Promise<string | null> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-keyplane-csrf': '1' },
    body: JSON.stringify({ query: '{ auth_info { user_id } }' }),
  });
  const body = (await response.json()) as { data?: { auth_info?: { user_id: string | null } | null } | null };
  return body.data?.auth_info?.user_id ?? null;
}

describe('keyplane admin list-users', () => {
  it('lists the people with their tenants and roles', async () => {
    const run = await runKeyplane(['admin', 'list-users', '--data-dir', server.dataDir], { home: home.dir });
    expect(run.code, run.output).toBe(ExitCode.OK);
    expect(run.stdout).toMatch(/^EMAIL\s+NAME\s+TENANTS\s+SESSIONS\s+CREATED$/m);
    expect(run.stdout).toMatch(new RegExp(`^${ADMIN_EMAIL}\\s+ada\\s+${server.tenantSlug} \\(Administrator\\)\\s+\\d+\\s+\\d{4}-\\d\\d-\\d\\d$`, 'm'));
    const json = await runKeyplane(['admin', 'list-users', '--data-dir', server.dataDir, '--json'], { home: home.dir });
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ id: server.adminUserId, email: ADMIN_EMAIL, memberships: [{ tenant: server.tenantSlug, role: 'TENANT_ADMIN' }] }),
    ]);
  });
});

describe('keyplane admin reset-password', () => {
  it('sets the password read from standard input, ends the sessions, and is in the audit log', async () => {
    const before = await logIn(OLD_PASSWORD);
    expect(before.ok).toBe(true);
    expect(await signedInAs(before.cookie!)).toBe(server.adminUserId);

    const run = await runKeyplane(['admin', 'reset-password', '--email', 'ADA@example.test', '--password-stdin', '--data-dir', server.dataDir], {
      home: home.dir,
      stdin: `${NEW_PASSWORD}\n`,
    });
    expect(run.code, run.output).toBe(ExitCode.OK);
    expect(run.stdout).toMatch(/Set a new password for ada@example\.test; ended \d+ browser sessions?\./);
    expect(run.output).not.toContain(NEW_PASSWORD);

    // The running server sees it at once: the old session is over, the old password refused, the new one works.
    expect(await signedInAs(before.cookie!)).toBeNull();
    expect((await logIn(OLD_PASSWORD)).ok).toBe(false);
    expect((await logIn(NEW_PASSWORD)).ok).toBe(true);
    // API keys do not depend on the password.
    expect((await server.graphql({ key: server.adminKey }, '{ auth_info { user_id } }')).auth_info.user_id).toBe(server.adminUserId);

    const db = new Database(join(server.dataDir, 'keyplane.db'), { readonly: true });
    try {
      const events = db.prepare("SELECT tenant_id, target_id, target_name, actor_id FROM audit_event WHERE action = 'auth.password_reset'").all();
      expect(events).toEqual([{ tenant_id: server.tenantId, target_id: server.adminUserId, target_name: ADMIN_EMAIL, actor_id: null }]);
      const stored = db.prepare('SELECT password_hash FROM user WHERE id = ?').get(server.adminUserId) as { password_hash: string };
      expect(stored.password_hash).toMatch(/^scrypt\$/);
      expect(stored.password_hash).not.toContain(NEW_PASSWORD);
    } finally {
      db.close();
    }
    const audit = await server.graphql({ key: server.adminKey }, '{ audit_event(where: { action: { _eq: "auth.password_reset" } }) { action target_name } }');
    expect(audit.audit_event).toEqual([{ action: 'auth.password_reset', target_name: ADMIN_EMAIL }]);
  });

  it('never takes the password from the command line, and refuses a short one or an unknown email', async () => {
    const noStdin = await runKeyplane(['admin', 'reset-password', '--email', ADMIN_EMAIL, '--data-dir', server.dataDir], { home: home.dir });
    expect(noStdin.code).toBe(ExitCode.USAGE);
    expect(noStdin.stderr).toMatch(/--password-stdin/);
    const extra = await runKeyplane(['admin', 'reset-password', '--email', ADMIN_EMAIL, '--data-dir', server.dataDir, 'hunter2hunter2'], { home: home.dir });
    expect(extra.code).toBe(ExitCode.USAGE);

    const short = await runKeyplane(['admin', 'reset-password', '--email', ADMIN_EMAIL, '--password-stdin', '--data-dir', server.dataDir], {
      home: home.dir,
      stdin: 'short\n',
    });
    expect(short.code).toBe(ExitCode.ERROR);
    expect(short.stderr).toMatch(/Password must be at least 10 characters/);
    const unknown = await runKeyplane(['admin', 'reset-password', '--email', 'nobody@example.test', '--password-stdin', '--data-dir', server.dataDir], {
      home: home.dir,
      stdin: NEW_PASSWORD,
    });
    expect(unknown.code).toBe(ExitCode.ERROR);
    expect(unknown.stderr).toMatch(/No account has the email nobody@example\.test/);
    // The password set by the test before still works: nothing changed.
    expect((await logIn(NEW_PASSWORD)).ok).toBe(true);
  });
});
