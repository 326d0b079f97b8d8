import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runKeyplane, temporaryHome, type CliRun } from './helpers.js';
import { startKeyplaneServer, type KeyplaneServer } from './keyplane-server.js';

// `keyplane auth update-key`, `lookup-key`, `report-leaked` and list-keys' role and
// description, against the real server, in-process, with a temporary HOME.

let server: KeyplaneServer;
let home: ReturnType<typeof temporaryHome>;
/** Every run's output, checked at the end: none of these commands prints a key. */
const outputs: { argv: string[]; run: CliRun }[] = [];
const secrets = new Set<string>();

async function keyplane(argv: string[], options: { stdin?: string } = {}) {
  const run = await runKeyplane(argv, { home: home.dir, ...options });
  outputs.push({ argv, run });
  return run;
}

async function loginWith(key: string) {
  const run = await keyplane(['auth', 'login', '--key', key, '--api', server.url]);
  expect(run.code, run.output).toBe(ExitCode.OK);
}

/** A service account with the USER role, logged in: not an administrator. */
async function loginAsNonAdmin(name: string) {
  const account = await server.createServiceAccount(name, 'USER');
  const created = await server.createKey(account, `${name}-key`);
  secrets.add(created.key);
  await loginWith(created.key);
  return { account, ...created };
}

const withBadChecksum = (key: string) => key.slice(0, -1) + (key.at(-1) === 'a' ? 'b' : 'a');
const works = (key: string) =>
  server.graphql({ key }, '{ auth_info { api_key_id } }').then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  server = await startKeyplaneServer();
  secrets.add(server.adminKey);
});
afterAll(() => server.close());
beforeEach(() => {
  home = temporaryHome();
});
afterEach(() => home.cleanup());

describe('auth update-key', () => {
  it('renames, sets a description and brings the expiry forward', async () => {
    await loginWith(server.adminKey);
    const { id, key } = await server.createKey(server.adminUserId, 'old-name');
    secrets.add(key);
    const run = await keyplane(['auth', 'update-key', '--id', id, '--name', 'new-name', '-d', 'nightly builds', '-e', '10d']);
    expect(run.code, run.output).toBe(ExitCode.OK);
    expect(run.stdout).toContain(`Updated API key "new-name" (id ${id}).`);
    expect(run.stdout).toMatch(/Expires: +\S+ \(in 10 days\)/);
    expect(run.stdout).toMatch(/Description: nightly builds/);

    const json = JSON.parse((await keyplane(['auth', 'update-key', '--id', id, '-d', '', '--json'])).stdout);
    expect(json).toMatchObject({ id, name: 'new-name', description: null });
    // An expiry is never pushed back: the server's refusal is passed on.
    const later = await keyplane(['auth', 'update-key', '--id', id, '-e', '30d']);
    expect(later.code).toBe(ExitCode.ERROR);
    expect(later.stderr).toMatch(/^Error: .+\(expires_at\)/);
  });

  it('refuses bad input before a request, and an unknown ID with exit 1', async () => {
    await loginWith(server.adminKey);
    const nothing = await keyplane(['auth', 'update-key', '--id', server.adminKeyId]);
    expect(nothing.code).toBe(ExitCode.USAGE);
    expect(nothing.stderr).toContain('Nothing to change');
    expect((await keyplane(['auth', 'update-key', '--id', 'nope', '-n', 'x'])).code).toBe(ExitCode.USAGE);
    const past = await keyplane(['auth', 'update-key', '--id', server.adminKeyId, '-e', '2001-01-01']);
    expect(past.code).toBe(ExitCode.USAGE);
    expect(past.stderr).toContain('not in the future');
    const long = await keyplane(['auth', 'update-key', '--id', server.adminKeyId, '-d', 'x'.repeat(501)]);
    expect(long.code).toBe(ExitCode.USAGE);
    expect(long.stderr).toContain('at most 500 characters');
    const unknown = await keyplane(['auth', 'update-key', '--id', '00000000-0000-4000-8000-000000000000', '-n', 'x']);
    expect(unknown.code).toBe(ExitCode.ERROR);
    expect(unknown.stderr).toContain('no API key with ID 00000000-0000-4000-8000-000000000000 that you may change');
  });

  it('is refused for a non-administrator service account on its own key', async () => {
    const own = await loginAsNonAdmin('updater');
    const run = await keyplane(['auth', 'update-key', '--id', own.id, '-n', 'mine']);
    expect(run.code).toBe(ExitCode.ERROR);
    expect(run.stderr).toMatch(/^Error: /);
  });
});

describe('auth list-keys, role and description', () => {
  it("shows a key's own role and a short description after its name, and both in JSON", async () => {
    await loginWith(server.adminKey);
    const made = JSON.parse((await keyplane(['auth', 'create-key', '-n', 'dashboards', '-r', 'READ_ONLY_USER', '--json'])).stdout);
    secrets.add(made.key);
    expect((await keyplane(['auth', 'update-key', '--id', made.id, '-d', 'Grafana'])).code).toBe(ExitCode.OK);
    const { id: longId, key } = await server.createKey(server.adminUserId, 'wordy');
    secrets.add(key);
    expect((await keyplane(['auth', 'update-key', '--id', longId, '-d', 'a description far longer than a table cell should hold'])).code).toBe(ExitCode.OK);

    const run = await keyplane(['auth', 'list-keys']);
    expect(run.code).toBe(ExitCode.OK);
    const rows = run.stdout.split('\n');
    expect(rows.find((line) => line.includes(made.id))).toMatch(/^dashboards \[Read-only\] \(Grafana\)\s/);
    expect(rows.find((line) => line.includes(longId))).toMatch(/^wordy\s{2,}/);
    const listed = JSON.parse((await keyplane(['auth', 'list-keys', '--json'])).stdout) as { id: string }[];
    expect(listed.find((row) => row.id === made.id)).toMatchObject({ role: 'READ_ONLY_USER', description: 'Grafana' });
    expect(listed.find((row) => row.id === server.adminKeyId)).toMatchObject({ role: null, description: null });
  });
});

describe('auth lookup-key', () => {
  it('says whose key it is, from the whole key or its hint, never printing the key', async () => {
    await loginWith(server.adminKey);
    const account = await server.createServiceAccount('ci-runner', 'USER');
    const found = await server.createKey(account, 'pipeline');
    secrets.add(found.key);
    await works(found.key); // a use: last used and its address get recorded

    const run = await keyplane(['auth', 'lookup-key', found.key]);
    expect(run.code, run.output).toBe(ExitCode.OK);
    expect(run.stdout).toContain(`1 key matches the key ${found.key.slice(0, 8)}…:`);
    expect(run.stdout).toContain(`"pipeline" ${found.key.slice(0, 8)}… (id ${found.id})`);
    expect(run.stdout).toMatch(/Owner: +ci-runner \(service account\)/);
    expect(run.stdout).toMatch(new RegExp(`Tenant: +Acme Flows \\(${server.tenantSlug}\\)`));
    expect(run.stdout).toMatch(/Creator: +ada \(user\)/);
    expect(run.stdout).toMatch(/Created: +\S+ \(just now\)/);
    expect(run.stdout).toMatch(/Last used: +/);
    expect(run.stdout).toMatch(/Last from: +/);

    const byHint = await keyplane(['auth', 'lookup-key', `${found.key.slice(0, 8)}…`, '--json']);
    expect(byHint.code).toBe(ExitCode.OK);
    const rows = JSON.parse(byHint.stdout) as { id: string; user: { username: string } }[];
    expect(rows.find((row) => row.id === found.id)).toMatchObject({ name: 'pipeline', user: { username: 'ci-runner' } });
    expect((await keyplane(['auth', 'lookup-key', '-'], { stdin: `${found.key}\n` })).code).toBe(ExitCode.OK);
  });

  it('says the same when nothing is found, for a revoked key and for one that never existed (exit 1)', async () => {
    await loginWith(server.adminKey);
    const revoked = await server.createKey(server.adminUserId, 'gone');
    secrets.add(revoked.key);
    await server.revokeKey(revoked.id);
    const run = await keyplane(['auth', 'lookup-key', revoked.key]);
    expect(run.code).toBe(ExitCode.ERROR);
    expect(run.stdout).toContain('No live key in this tenant matches the key');
    const none = await keyplane(['auth', 'lookup-key', 'kps_Zz9Q']);
    expect(none.stdout.replace(/kps_Zz9Q/, 'HINT')).toContain('No live key in this tenant matches the hint HINT: no such key');
  });

  it('refuses a mistyped key or text that is no key locally, before logging in is even checked', async () => {
    const key = (await server.createKey(server.adminUserId, 'typo')).key;
    secrets.add(key);
    // Not logged in: a request would need the login (exit 3); the checksum fails first.
    const run = await keyplane(['auth', 'lookup-key', withBadChecksum(key)]);
    expect(run.code).toBe(ExitCode.USAGE);
    expect(run.stderr).toContain('Nothing was sent.');
    expect(run.output).not.toContain(withBadChecksum(key));
    expect((await keyplane(['auth', 'lookup-key', 'hello'])).code).toBe(ExitCode.USAGE);
  });

  it('is for administrators only', async () => {
    await loginAsNonAdmin('looker');
    const run = await keyplane(['auth', 'lookup-key', server.adminKey]);
    expect(run.code).toBe(ExitCode.ERROR);
    expect(run.stderr).toContain('Only tenant administrators may look keys up.');
  });
});

describe('auth report-leaked', () => {
  it('revokes the key and records where it was found', async () => {
    await loginWith(server.adminKey);
    const leaked = await server.createKey(server.adminUserId, 'leaky');
    secrets.add(leaked.key);
    const run = await keyplane(['auth', 'report-leaked', leaked.key, '--found-at', 'https://git.example.test/repo/ci.yml']);
    expect(run.code, run.output).toBe(ExitCode.OK);
    expect(run.stdout).toContain(`Revoked the leaked key ${leaked.key.slice(0, 8)}… (found at: https://git.example.test/repo/ci.yml)`);
    expect(await works(leaked.key)).toBe(false);
    const events = await server.graphql(
      { key: server.adminKey },
      '{ audit_event(where: { action: { _eq: "api_key.leaked_reported" } }) { target_id detail } }',
    );
    expect(events.audit_event).toContainEqual({ target_id: leaked.id, detail: 'https://git.example.test/repo/ci.yml' });

    const again = await keyplane(['auth', 'report-leaked', leaked.key]);
    expect(again.code).toBe(ExitCode.ERROR);
    expect(again.stderr).toContain('No live key');
  });

  it("lets a key's holder report it: the login's own key, read from standard input", async () => {
    const own = await loginAsNonAdmin('holder');
    const run = await keyplane(['auth', 'report-leaked', '-'], { stdin: `${own.key}\n` });
    expect(run.code, run.output).toBe(ExitCode.OK);
    expect(run.stdout).toContain('That was the key this login uses');
  });

  it("is refused for another's key by a non-administrator, and for bad input without a request", async () => {
    const victim = await server.createKey(server.adminUserId, 'not-theirs');
    secrets.add(victim.key);
    await loginAsNonAdmin('bystander');
    const run = await keyplane(['auth', 'report-leaked', victim.key]);
    expect(run.code).toBe(ExitCode.ERROR);
    expect(run.stderr).toContain('No live key');
    expect(await works(victim.key)).toBe(true);

    const hint = await keyplane(['auth', 'report-leaked', victim.key.slice(0, 8)]);
    expect(hint.code).toBe(ExitCode.USAGE);
    expect(hint.stderr).toContain('Give the whole key');
    expect((await keyplane(['auth', 'report-leaked', withBadChecksum(victim.key)])).code).toBe(ExitCode.USAGE);
    const where = await keyplane(['auth', 'report-leaked', victim.key, '--found-at', `in ${victim.key}`]);
    expect(where.code).toBe(ExitCode.USAGE);
    expect(where.stderr).toContain('must not contain the key itself');
    expect(await works(victim.key)).toBe(true);
  });
});

describe('keys in output', () => {
  it('no command printed a key, except create-key printing the key it created', () => {
    expect(outputs.length).toBeGreaterThan(15);
    for (const { argv, run } of outputs) {
      const printed = [...secrets].filter((secret) => run.output.includes(secret));
      if (argv[1] === 'create-key') expect(printed.length, argv.join(' ')).toBeLessThanOrEqual(1);
      else expect(printed, `keyplane ${argv.map((a) => (secrets.has(a) ? '<key>' : a)).join(' ')}`).toEqual([]);
    }
  });
});
