import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runKeyplane, temporaryHome, type CliRun } from './helpers.js';
import { startKeyplaneServer, type KeyplaneServer } from './keyplane-server.js';

// `keyplane canary create, list, delete` against the real server: an administrator plants
// a decoy key, a use of it is refused and shows as tripped, and only canary create prints it.

let server: KeyplaneServer;
let home: ReturnType<typeof temporaryHome>;
const outputs: { argv: string[]; run: CliRun }[] = [];
const secrets = new Set<string>();

async function keyplane(argv: string[]) {
  const run = await runKeyplane(argv, { home: home.dir });
  outputs.push({ argv, run });
  return run;
}

async function loginWith(key: string) {
  const run = await keyplane(['auth', 'login', '--key', key, '--api', server.url]);
  expect(run.code, run.output).toBe(ExitCode.OK);
}

/** A canary created through the CLI, as JSON. */
async function createCanary(name: string, description?: string): Promise<{ id: string; key: string }> {
  const run = await keyplane(['canary', 'create', '-n', name, ...(description ? ['-d', description] : []), '--json']);
  expect(run.code, run.output).toBe(ExitCode.OK);
  const created = JSON.parse(run.stdout) as { id: string; key: string };
  secrets.add(created.key);
  return created;
}

beforeAll(async () => {
  server = await startKeyplaneServer();
  secrets.add(server.adminKey);
});
afterAll(() => server.close());
beforeEach(() => {
  home = temporaryHome();
});
afterEach(() => home.cleanup());

describe('keyplane canary', () => {
  it('create prints the canary key once, a kps_ key', async () => {
    await loginWith(server.adminKey);
    const run = await keyplane(['canary', 'create', '--name', 'repo decoy', '--description', 'in the README of acme/flows']);
    expect(run.code, run.output).toBe(ExitCode.OK);
    expect(run.stdout).toMatch(new RegExp(`Created canary key "repo decoy" \\(id [0-9a-f-]{36}\\) in tenant ${server.tenantSlug}\\.`));
    const key = /^ {2}(kps_[0-9A-Za-z]{36})$/m.exec(run.stdout)?.[1];
    expect(key).toBeDefined();
    secrets.add(key!);
    expect(run.output.split(key!).length - 1).toBe(1);
    expect(run.stdout).toContain('it is shown this once');
    const quiet = await keyplane(['canary', 'create', '-n', 'quiet', '-q']);
    expect(quiet.stdout).toMatch(/^kps_[0-9A-Za-z]{36}\n$/);
    secrets.add(quiet.stdout.trim());
  });

  it('list shows each canary and, once used, that it tripped: when, how often, from where and what', async () => {
    await loginWith(server.adminKey);
    const quietOne = await createCanary('untouched');
    const tripped = await createCanary('ci variable');
    const use = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tripped.key}`, 'user-agent': 'curl/8.5.0' },
      body: JSON.stringify({ query: '{ auth_info { user_id } }' }),
    });
    expect(use.status).toBe(401);

    await vi.waitFor(
      async () => {
        const run = await keyplane(['canary', 'list']);
        expect(run.code).toBe(ExitCode.OK);
        const [header, ...rows] = run.stdout.split('\n');
        expect(header.split(/\s{2,}/)).toEqual(['NAME', 'ID', 'HINT', 'CREATED', 'TRIPPED']);
        expect(rows.find((line) => line.includes(quietOne.id))).toMatch(/^untouched\s.*\s+just now\s+no$/);
        expect(rows.find((line) => line.includes(tripped.id))).toMatch(/\sYES, 1 use$/);
        expect(run.stdout).toContain('"ci variable" has tripped:');
        expect(run.stdout).toMatch(/First used: \S+ \(just now\)/);
        expect(run.stdout).toMatch(/Uses: +1/);
        expect(run.stdout).toMatch(/Last from: +\S+/);
        expect(run.stdout).toContain('User agent: curl/8.5.0');
      },
      { timeout: 5_000, interval: 250 },
    );
    const listed = JSON.parse((await keyplane(['canary', 'list', '--json'])).stdout) as { id: string }[];
    expect(listed.find((row) => row.id === tripped.id)).toMatchObject({ name: 'ci variable', use_count: 1, last_user_agent: 'curl/8.5.0' });
    const limited = await keyplane(['canary', 'list', '--limit', '1']);
    expect(limited.stdout).toMatch(/Showing the newest 1 of \d+ canary keys\./);
  });

  it('delete removes it from the list; an unknown or malformed ID is an error', async () => {
    await loginWith(server.adminKey);
    const canary = await createCanary('short-lived');
    const run = await keyplane(['canary', 'delete', '--id', canary.id]);
    expect(run.code, run.output).toBe(ExitCode.OK);
    expect(run.stdout).toContain(`Deleted canary key ${canary.id}.`);
    const listed = JSON.parse((await keyplane(['canary', 'list', '--json'])).stdout) as { id: string }[];
    expect(listed.map((row) => row.id)).not.toContain(canary.id);
    const again = await keyplane(['canary', 'delete', '--id', canary.id]);
    expect(again.code).toBe(ExitCode.ERROR);
    expect(again.stderr).toContain(`no canary key with ID ${canary.id}`);
    expect((await keyplane(['canary', 'delete', '--id', 'nope'])).code).toBe(ExitCode.USAGE);
  });

  it('refuses bad input: a blank name (the server) and a too-long description (before a request)', async () => {
    await loginWith(server.adminKey);
    const blank = await keyplane(['canary', 'create', '-n', ' ']);
    expect(blank.code).toBe(ExitCode.ERROR);
    expect(blank.stderr).toMatch(/^Error: .+/);
    const long = await keyplane(['canary', 'create', '-n', 'x', '-d', 'x'.repeat(501)]);
    expect(long.code).toBe(ExitCode.USAGE);
    expect(long.stderr).toContain('at most 500 characters');
  });

  it('is for administrators only', async () => {
    await loginWith(server.adminKey);
    const canary = await createCanary('admin-only');
    const account = await server.createServiceAccount('canary-user', 'USER');
    const { key } = await server.createKey(account, 'user-key');
    secrets.add(key);
    await loginWith(key);
    for (const argv of [
      ['canary', 'create', '-n', 'mine'],
      ['canary', 'list'],
    ]) {
      const run = await keyplane(argv);
      expect(run.code, argv.join(' ')).toBe(ExitCode.ERROR);
      expect(run.stderr).toContain('Only tenant administrators may manage canary keys.');
    }
    const del = await keyplane(['canary', 'delete', '--id', canary.id]);
    expect(del.code).toBe(ExitCode.ERROR);
    expect(del.stderr).toContain('no canary key with ID');
  });

  it('not logged in: says how to log in (exit 3)', async () => {
    const run = await keyplane(['canary', 'list']);
    expect(run.code).toBe(ExitCode.NO_USABLE_KEY);
    expect(run.stderr).toContain('keyplane auth login --key KEY');
  });
});

describe('keys in output', () => {
  it('only canary create printed a key: the one it created', () => {
    expect(outputs.length).toBeGreaterThan(15);
    for (const { argv, run } of outputs) {
      const printed = [...secrets].filter((secret) => run.output.includes(secret));
      if (argv[0] === 'canary' && argv[1] === 'create') expect(printed.length, argv.join(' ')).toBeLessThanOrEqual(1);
      else expect(printed, argv.map((a) => (secrets.has(a) ? '<key>' : a)).join(' ')).toEqual([]);
    }
  });
});
