import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { generateKey } from '../../src/server/auth/key-format.js';
import { runKeyplane, temporaryHome } from './helpers.js';

// The command line without a Keyplane server: parsing, refusals before any
// request, and what an unreachable server looks like.

let home: ReturnType<typeof temporaryHome>;
beforeEach(() => {
  home = temporaryHome();
});
afterEach(() => home.cleanup());

/** Counts requests, so a test can show that nothing was sent. */
let listener: Server;
let requests = 0;
let listenerUrl: string;
let closedUrl: string;

beforeAll(async () => {
  listener = createServer((_request, response) => {
    requests += 1;
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;

  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
});
afterAll(() => new Promise((resolve) => listener.close(resolve)));

function withBadChecksum(key: string): string {
  return key.slice(0, -1) + (key.at(-1) === 'a' ? 'b' : 'a');
}

describe('keyplane --help', () => {
  it('lists the commands and documents the exit codes', async () => {
    const run = await runKeyplane(['--help'], { home: home.dir });
    expect(run.code).toBe(ExitCode.OK);
    expect(run.stdout).toMatch(/serve \[options\]/);
    expect(run.stdout).toMatch(/^\s+auth\s/m);
    expect(run.stdout).toMatch(/^\s+agent\s/m);
    expect(run.stdout).toContain('Exit codes:');
    for (const code of ['0', '1', '2', '3', '4', '5']) expect(run.stdout).toMatch(new RegExp(`^  ${code} +\\S`, 'm'));
  });

  it('documents the agent key order in agent start --help', async () => {
    const run = await runKeyplane(['agent', 'start', '--help'], { home: home.dir });
    expect(run.code).toBe(ExitCode.OK);
    expect(run.stdout).toContain('--interval <seconds>');
    expect(run.stdout.indexOf('PREFECT__CLOUD__AGENT__AUTH_TOKEN')).toBeLessThan(run.stdout.indexOf('[cloud.agent] auth_token'));
    expect(run.stdout).toContain('exit code 4');
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['no-such-command']],
    [['auth', 'create-key']], // -n is required
    [['serve', '--port', 'eighty']],
    [['serve', '--port', '70000']],
    [['agent', 'start', '--interval', '0']],
    [['auth', 'revoke-key', '--id', 'not-a-uuid']],
    [['agent', 'start', '--key', 'kps_one', '--token', 'kps_two']],
  ])('keyplane %j', async (argv) => {
    const run = await runKeyplane(argv, { home: home.dir });
    expect(run.code).toBe(ExitCode.USAGE);
    expect(run.stderr).not.toBe('');
  });

  it('refuses an expiry in the past before asking the server', async () => {
    const run = await runKeyplane(['auth', 'create-key', '-n', 'x', '-e', '2001-01-01'], { home: home.dir });
    expect(run.code).toBe(ExitCode.USAGE);
    expect(run.stderr).toContain('not in the future');
  });
});

describe('refusals before any request', () => {
  it('auth commands without a login say how to log in (exit 3)', async () => {
    for (const command of ['status', 'list-keys', 'list-tenants']) {
      const run = await runKeyplane(['auth', command], { home: home.dir });
      expect(run.code).toBe(ExitCode.NO_USABLE_KEY);
      expect(run.stderr).toContain('Not logged in');
      expect(run.stderr).toContain('keyplane auth login --key KEY');
    }
  });

  it('auth login refuses a key with a bad checksum and sends nothing', async () => {
    const bad = withBadChecksum(generateKey('kpu_'));
    const before = requests;
    const run = await runKeyplane(['auth', 'login', '--key', bad, '--api', listenerUrl], { home: home.dir });
    expect(run.code).toBe(ExitCode.NO_USABLE_KEY);
    expect(run.stderr).toContain('not a valid Keyplane key');
    expect(run.output).not.toContain(bad);
    expect(requests).toBe(before);
  });

  it('agent start refuses a key with a bad checksum from the environment and sends nothing', async () => {
    const bad = withBadChecksum(generateKey('kps_'));
    const before = requests;
    const run = await runKeyplane(['agent', 'start', '--api', listenerUrl], {
      home: home.dir,
      env: { PREFECT__CLOUD__API_KEY: bad },
    });
    expect(run.code).toBe(ExitCode.NO_USABLE_KEY);
    expect(run.output).toContain('Using the API key from the PREFECT__CLOUD__API_KEY environment variable.');
    expect(run.stderr).toContain('The API key from the PREFECT__CLOUD__API_KEY environment variable is not a valid Keyplane key');
    expect(run.output).not.toContain(bad);
    expect(requests).toBe(before);
  });

  it('agent start with no key anywhere names every place it looked (exit 3)', async () => {
    const run = await runKeyplane(['agent', 'start'], { home: home.dir });
    expect(run.code).toBe(ExitCode.NO_USABLE_KEY);
    for (const place of [
      '--key / --token',
      'PREFECT__CLOUD__AGENT__AUTH_TOKEN',
      'PREFECT__CLOUD__API_KEY',
      '[cloud.agent] auth_token',
      '[cloud] api_key',
      '.keyplane/auth.toml',
    ]) {
      expect(run.stderr).toContain(place);
    }
  });

  it('agent start reports a malformed config.toml (exit 3)', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(`${home.dir}/.prefect`);
    writeFileSync(`${home.dir}/.prefect/config.toml`, '[cloud\napi_key = "x"\n');
    const run = await runKeyplane(['agent', 'start'], { home: home.dir });
    expect(run.code).toBe(ExitCode.NO_USABLE_KEY);
    expect(run.stderr).toMatch(/config\.toml is not valid TOML at line 1/);
  });
});

describe('an unreachable server', () => {
  it('auth login names the URL and exits 5', async () => {
    const key = generateKey('kpu_');
    const run = await runKeyplane(['auth', 'login', '--key', key, '--api', closedUrl], { home: home.dir });
    expect(run.code).toBe(ExitCode.UNREACHABLE);
    expect(run.stderr).toContain(`Cannot reach the Keyplane API at ${closedUrl}/graphql (connection refused)`);
    expect(run.output).not.toContain(key);
  });

  it('is not the API when it answers HTTP 500 without GraphQL: exit 5 as well', async () => {
    const run = await runKeyplane(['auth', 'login', '--key', generateKey('kpu_'), '--api', listenerUrl], { home: home.dir });
    expect(run.code).toBe(ExitCode.UNREACHABLE);
    expect(run.stderr).toContain('HTTP 500');
  });

  it('does not stop the agent: it retries until stopped, then exits 0', async () => {
    const stop = new AbortController();
    const key = generateKey('kps_');
    const running = runKeyplane(['agent', 'start', '--key', key, '--api', closedUrl, '--interval', '0.1'], {
      home: home.dir,
      stopSignal: stop.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 700));
    stop.abort('SIGINT');
    const run = await running;
    expect(run.code).toBe(ExitCode.OK);
    const retries = run.stderr.match(/Cannot reach the Keyplane API at .* Retrying in/g) ?? [];
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(run.stdout).toContain('Agent stopped.');
    expect(run.output).not.toContain(key);
  });
});
