import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runKeyplane, temporaryHome, type CliRun } from './helpers.js';
import { startKeyplaneServer, type KeyplaneServer } from './keyplane-server.js';

// `keyplane auth ...` against the real server, in-process, with a temporary HOME.

let server: KeyplaneServer;
let home: ReturnType<typeof temporaryHome>;
/** Every run's output, checked at the end for keys: only create-key may print one. */
const outputs: { argv: string[]; run: CliRun }[] = [];
const secrets = new Set<string>();

async function keyplane(argv: string[], options: { stdin?: string; env?: Record<string, string> } = {}) {
  const run = await runKeyplane(argv, { home: home.dir, ...options });
  outputs.push({ argv, run });
  return run;
}

async function loginAsAdmin() {
  const run = await keyplane(['auth', 'login', '--key', server.adminKey, '--api', server.url]);
  expect(run.code, run.output).toBe(ExitCode.OK);
}

beforeAll(async () => {
  server = await startKeyplaneServer();
  secrets.add(server.adminKey);
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  home = temporaryHome();
});
afterEach(() => home.cleanup());

describe('auth login, status, logout', () => {
  it('checks the key, saves key and URL in a 0600 file, and says who it is', async () => {
    const run = await keyplane(['auth', 'login', '--key', server.adminKey, '--api', server.url]);
    expect(run.code).toBe(ExitCode.OK);
    expect(run.stdout).toContain(`Logged in to ${server.url} as user "ada" in tenant "Acme Flows" (${server.tenantSlug}) with role Administrator.`);
    const file = join(home.dir, '.keyplane', 'auth.toml');
    expect(run.stdout).toContain(file);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reads the key from standard input with --key -', async () => {
    const run = await keyplane(['auth', 'login', '--key', '-', '--api', server.url], { stdin: `${server.adminKey}\n` });
    expect(run.code).toBe(ExitCode.OK);
    expect((await keyplane(['auth', 'status'])).code).toBe(ExitCode.OK);
  });

  it('status says who, which tenant and role, and names the key, never showing it', async () => {
    await loginAsAdmin();
    const run = await keyplane(['auth', 'status']);
    expect(run.code).toBe(ExitCode.OK);
    expect(run.stdout).toMatch(/Account:\s+ada \(user\)/);
    expect(run.stdout).toMatch(new RegExp(`Tenant:\\s+Acme Flows \\(${server.tenantSlug}\\)`));
    expect(run.stdout).toMatch(/Role:\s+Administrator/);
    expect(run.stdout).toContain(`"cli-test-admin" (id ${server.adminKeyId}), expires: Never`);

    const json = JSON.parse((await keyplane(['auth', 'status', '--json'])).stdout);
    expect(json).toMatchObject({
      api: server.url,
      user: { username: 'ada', account_type: 'NORMAL' },
      tenant: { slug: server.tenantSlug, name: 'Acme Flows' },
      role: 'TENANT_ADMIN',
      api_key: { id: server.adminKeyId, name: 'cli-test-admin' },
    });
  });

  it('refuses a key the server does not accept (exit 4) and saves nothing', async () => {
    const { id, key } = await server.createKey(server.adminUserId, 'soon-revoked');
    secrets.add(key);
    await server.revokeKey(id);
    const run = await keyplane(['auth', 'login', '--key', key, '--api', server.url]);
    expect(run.code).toBe(ExitCode.KEY_REJECTED);
    expect(run.stderr).toContain('refused the key');
    expect(run.stderr).toContain('Nothing was saved.');
    expect((await keyplane(['auth', 'status'])).code).toBe(ExitCode.NO_USABLE_KEY);
  });

  it('logout forgets the key; status then says not logged in', async () => {
    await loginAsAdmin();
    const out = await keyplane(['auth', 'logout']);
    expect(out.code).toBe(ExitCode.OK);
    expect(out.stdout).toContain('Logged out');
    const status = await keyplane(['auth', 'status']);
    expect(status.code).toBe(ExitCode.NO_USABLE_KEY);
    expect(status.stderr).toContain('Not logged in');
    expect((await keyplane(['auth', 'logout'])).stdout).toContain('Not logged in; nothing to do.');
  });
});

describe('auth create-key, list-keys, revoke-key', () => {
  it('create-key prints a working key once, with its name and expiry', async () => {
    await loginAsAdmin();
    const run = await keyplane(['auth', 'create-key', '-n', 'laptop', '-e', '30d']);
    expect(run.code).toBe(ExitCode.OK);
    const key = run.stdout.match(/kpu_[0-9A-Za-z]{36}/)?.[0];
    expect(key).toBeDefined();
    secrets.add(key!);
    expect(run.stdout).toMatch(/Created API key "laptop" \(id [0-9a-f-]{36}\) in tenant .*; it expires .* \(in 30 days\)\./);
    expect(run.stdout).toContain('it is shown this once and cannot be seen again');
    const info = await server.graphql({ key: key! }, '{ auth_info { user { username } tenant { slug } } }');
    expect(info.auth_info).toEqual({ user: { username: 'ada' }, tenant: { slug: server.tenantSlug } });
  });

  it('create-key -q prints only the key, for scripts; --json includes id and key', async () => {
    await loginAsAdmin();
    const quiet = await keyplane(['auth', 'create-key', '-n', 'ci script', '-q']);
    expect(quiet.code).toBe(ExitCode.OK);
    expect(quiet.stdout).toMatch(/^kpu_[0-9A-Za-z]{36}\n$/);
    secrets.add(quiet.stdout.trim());
    const json = await keyplane(['auth', 'create-key', '-n', 'json', '--json']);
    const created = JSON.parse(json.stdout);
    secrets.add(created.key);
    expect(created).toMatchObject({ name: 'json', expires_at: null, tenant: { slug: server.tenantSlug } });
    expect(created.key).toMatch(/^kpu_/);
  });

  it('create-key --role makes a key with less power than its owner; above the owner is refused', async () => {
    await loginAsAdmin();
    const run = await keyplane(['auth', 'create-key', '-n', 'dashboards', '-r', 'READ_ONLY_USER', '--json']);
    expect(run.code).toBe(ExitCode.OK);
    const created = JSON.parse(run.stdout);
    secrets.add(created.key);
    expect(created.role).toBe('READ_ONLY_USER');
    expect((await server.graphql({ key: created.key }, '{ auth_info { role } }')).auth_info).toEqual({ role: 'READ_ONLY_USER' });
    const bad = await keyplane(['auth', 'create-key', '-n', 'root', '-r', 'ROOT']);
    expect(bad.code).toBe(ExitCode.ERROR);
    expect(bad.stderr).toMatch(/^Error: Role must be one of/);
  });

  it("create-key passes the server's refusal on (exit 1)", async () => {
    await loginAsAdmin();
    const run = await keyplane(['auth', 'create-key', '-n', ' ']);
    expect(run.code).toBe(ExitCode.ERROR);
    expect(run.stderr).toMatch(/^Error: .+/);
  });

  it('list-keys shows a table of NAME, ID, TENANT, EXPIRES, LAST USED, and JSON with --json', async () => {
    await loginAsAdmin();
    const { id } = await server.createKey(server.adminUserId, 'table-row', new Date(Date.now() + 3 * 86_400_000 + 60_000));
    const run = await keyplane(['auth', 'list-keys']);
    expect(run.code).toBe(ExitCode.OK);
    const [header, ...rows] = run.stdout.trimEnd().split('\n');
    expect(header.split(/\s{2,}/)).toEqual(['NAME', 'ID', 'TENANT', 'EXPIRES', 'LAST USED']);
    const row = rows.find((line) => line.includes(id));
    expect(row?.split(/\s{2,}/)).toEqual(['table-row', id, server.tenantSlug, 'in 3 days', 'Never']);

    // The server records a key's use within about a second; the login key has been used.
    await vi.waitFor(
      async () => {
        const table = (await keyplane(['auth', 'list-keys'])).stdout;
        expect(table.split('\n').find((line) => line.includes(server.adminKeyId))).toMatch(/^cli-test-admin\s.*\sNever\s+just now$/);
      },
      { timeout: 5_000, interval: 250 },
    );

    const listed = JSON.parse((await keyplane(['auth', 'list-keys', '--json'])).stdout) as { id: string; key_hint: string }[];
    expect(listed.find((key) => key.id === id)).toMatchObject({ name: 'table-row', tenant: { slug: server.tenantSlug }, last_used_at: null });
    expect(listed.every((key) => /^kp[us]_\w{4}$/.test(key.key_hint))).toBe(true);
  });

  it('revoke-key revokes at once; an unknown ID is an error', async () => {
    await loginAsAdmin();
    const { id, key } = await server.createKey(server.adminUserId, 'to-revoke');
    secrets.add(key);
    const run = await keyplane(['auth', 'revoke-key', '--id', id]);
    expect(run.code).toBe(ExitCode.OK);
    expect(run.stdout).toContain(`Revoked API key ${id}.`);
    await expect(server.graphql({ key }, '{ auth_info { user_id } }')).rejects.toThrow();
    const listed = JSON.parse((await keyplane(['auth', 'list-keys', '--json'])).stdout) as { id: string }[];
    expect(listed.map((k) => k.id)).not.toContain(id);

    const unknown = await keyplane(['auth', 'revoke-key', '--id', '00000000-0000-4000-8000-000000000000']);
    expect(unknown.code).toBe(ExitCode.ERROR);
    expect(unknown.stderr).toContain('no API key with ID 00000000-0000-4000-8000-000000000000');
  });

  it('revoking the key of the login says so, and the login then fails with exit 4', async () => {
    const { id, key } = await server.createKey(server.adminUserId, 'self-revoke');
    secrets.add(key);
    await keyplane(['auth', 'login', '--key', key, '--api', server.url]);
    const run = await keyplane(['auth', 'revoke-key', '--id', id]);
    expect(run.code).toBe(ExitCode.OK);
    expect(run.stdout).toContain('That was the key this login uses');
    const status = await keyplane(['auth', 'status']);
    expect(status.code).toBe(ExitCode.KEY_REJECTED);
    expect(status.stderr).toContain('keyplane auth login --key KEY');
  });
});

describe('auth list-tenants', () => {
  it('lists the tenants, marking the one the key acts in', async () => {
    await loginAsAdmin();
    const run = await keyplane(['auth', 'list-tenants']);
    expect(run.code).toBe(ExitCode.OK);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0].trim().split(/\s{2,}/)).toEqual(['NAME', 'SLUG', 'ID']);
    expect(lines.find((line) => line.includes(server.tenantId))).toMatch(new RegExp(`^\\*\\s+Acme Flows\\s+${server.tenantSlug}\\s+${server.tenantId}$`));
    expect(JSON.parse((await keyplane(['auth', 'list-tenants', '--json'])).stdout)).toEqual([
      { id: server.tenantId, name: 'Acme Flows', slug: server.tenantSlug, current: true },
    ]);
  });

  it('works for a service-account key too', async () => {
    const account = await server.createServiceAccount('tenant-lister', 'READ_ONLY_USER');
    const { key } = await server.createKey(account, 'lister');
    secrets.add(key);
    expect((await keyplane(['auth', 'login', '--key', key, '--api', server.url])).stdout).toContain('as service account "tenant-lister"');
    const run = await keyplane(['auth', 'list-tenants', '--json']);
    expect(run.code).toBe(ExitCode.OK);
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ slug: server.tenantSlug, current: true })]);
  });
});

describe('keys in output', () => {
  it('no command printed a key, except create-key printing the key it created', () => {
    expect(outputs.length).toBeGreaterThan(20);
    for (const { argv, run } of outputs) {
      const printed = [...secrets].filter((secret) => run.output.includes(secret));
      if (argv[1] === 'create-key') {
        expect(printed.length, argv.join(' ')).toBeLessThanOrEqual(1);
      } else {
        expect(printed, `keyplane ${argv.map((a) => (secrets.has(a) ? '<key>' : a)).join(' ')}`).toEqual([]);
      }
    }
  });
});
