import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runKeyplane, temporaryHome } from './helpers.js';
import { spawnKeyplane, startKeyplaneServer, type KeyplaneServer } from './keyplane-server.js';

// `keyplane auth rotate-key` against the real server, and an agent (a real process)
// that stays up across a rotation of its key: rotate-key --write-config puts the new key
// in the agent's config.toml, the agent switches to it, and its first use ends the old key.

let server: KeyplaneServer;
let home: ReturnType<typeof temporaryHome>;

beforeAll(async () => {
  server = await startKeyplaneServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  home = temporaryHome();
});
afterEach(() => home.cleanup());

const keyplane = (argv: string[]) => runKeyplane(argv, { home: home.dir });
const works = (key: string) =>
  server.graphql({ key }, '{ auth_info { api_key_id } }').then(
    () => true,
    () => false,
  );

async function loginWith(key: string) {
  const run = await keyplane(['auth', 'login', '--key', key, '--api', server.url]);
  expect(run.code, run.output).toBe(ExitCode.OK);
}

describe('keyplane auth rotate-key', () => {
  it('prints the successor once; the login that used the old key moves to the new one', async () => {
    const own = await server.createKey(server.adminUserId, 'laptop');
    await loginWith(own.key);
    const run = await keyplane(['auth', 'rotate-key', '--id', own.id]);
    expect(run.code, run.output).toBe(ExitCode.OK);
    const successor = /^ {2}(kpu_[0-9A-Za-z]{36})$/m.exec(run.stdout)?.[1];
    expect(successor).toBeDefined();
    expect(run.output.split(successor!).length - 1).toBe(1);
    expect(run.stdout).toContain('The old key keeps working until the new one is first used, or for 1 d at most.');
    expect(run.stdout).toContain('That was the key this login uses: saved the new one to');
    expect(readFileSync(join(home.dir, '.keyplane', 'auth.toml'), 'utf8')).toContain(successor);
    // The CLI's next call is the new key's first use: the old key ends with it.
    expect(await works(own.key)).toBe(true);
    expect((await keyplane(['auth', 'status'])).code).toBe(ExitCode.OK);
    expect(await works(own.key)).toBe(false);
  });

  it('refuses a bad overlap or ID before any request, and names a second rotation’s refusal', async () => {
    await loginWith(server.adminKey);
    expect((await keyplane(['auth', 'rotate-key', '--id', 'nope'])).code).toBe(ExitCode.USAGE);
    const bad = await keyplane(['auth', 'rotate-key', '--id', server.adminKeyId, '--overlap', '31d']);
    expect(bad.code).toBe(ExitCode.USAGE);
    expect(bad.stderr).toContain('the overlap is 0');
    const target = await server.createKey(server.adminUserId, 'twice');
    expect((await keyplane(['auth', 'rotate-key', '--id', target.id, '--overlap', '2h', '-q'])).code).toBe(ExitCode.OK);
    const again = await keyplane(['auth', 'rotate-key', '--id', target.id]);
    expect(again.code).not.toBe(ExitCode.OK);
    expect(again.stderr).toContain('already being rotated');
  });
});

describe('an agent across a rotation of its key', () => {
  it('switches to the key written by rotate-key --write-config and never stops; the old key then ends', async (context) => {
    const accountId = await server.createServiceAccount('rotating-agent');
    const old = await server.createKey(accountId, 'agent-key');
    mkdirSync(join(home.dir, '.prefect'), { recursive: true });
    const config = join(home.dir, '.prefect', 'config.toml');
    writeFileSync(config, `[cloud]\napi = "${server.url}"\napi_key = "${old.key}"\n`, { mode: 0o600 });
    const agent = spawnKeyplane(['agent', 'start', '--interval', '0.3'], { home: home.dir });
    context.onTestFinished(async () => {
      if (agent.child.exitCode === null && agent.child.signalCode === null) agent.child.kill('SIGKILL');
      await agent.exited;
    });
    await agent.waitFor(/Agent running/);

    await loginWith(server.adminKey);
    const run = await keyplane(['auth', 'rotate-key', '--id', old.id, '--write-config']);
    expect(run.code, run.output).toBe(ExitCode.OK);
    const successor = /^ {2}(kps_[0-9A-Za-z]{36})$/m.exec(run.stdout)![1];
    expect(run.stdout).toContain(`Wrote it to [cloud] api_key in ${config}`);
    expect(readFileSync(config, 'utf8')).toContain(`api_key = "${successor}"`);
    expect(readFileSync(config, 'utf8')).toContain(`api = "${server.url}"`);
    expect(statSync(config).mode & 0o777).toBe(0o600);

    await agent.waitFor(/Picked up a new API key from \[cloud\] api_key in/);
    // Its check-in with the new key was the new key's first use: the old key has ended.
    expect(await works(old.key)).toBe(false);
    expect(await works(successor)).toBe(true);
    // Several more check-ins, all with the new key, and the agent is still up.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(agent.child.exitCode).toBeNull();
    expect(agent.output()).not.toContain('Error');
    expect(agent.output()).not.toContain(successor);
    agent.child.kill('SIGTERM');
    expect((await agent.exited).code).toBe(0);
  });

  it('keeps the old key when the file gets a key the API refuses', async (context) => {
    const accountId = await server.createServiceAccount('careful-agent');
    const old = await server.createKey(accountId, 'agent-key');
    const unknown = await server.createKey(accountId, 'revoked-key');
    await server.revokeKey(unknown.id);
    mkdirSync(join(home.dir, '.prefect'), { recursive: true });
    const config = join(home.dir, '.prefect', 'config.toml');
    writeFileSync(config, `[cloud]\napi = "${server.url}"\napi_key = "${old.key}"\n`, { mode: 0o600 });
    const agent = spawnKeyplane(['agent', 'start', '--interval', '0.3'], { home: home.dir });
    context.onTestFinished(async () => {
      if (agent.child.exitCode === null && agent.child.signalCode === null) agent.child.kill('SIGKILL');
      await agent.exited;
    });
    await agent.waitFor(/Agent running/);
    writeFileSync(config, `[cloud]\napi = "${server.url}"\napi_key = "${unknown.key}"\n`, { mode: 0o600 });
    await agent.waitFor(/did not accept the key now in \[cloud\] api_key/);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(agent.child.exitCode).toBeNull();
    expect(await works(old.key)).toBe(true);
    agent.child.kill('SIGTERM');
    expect((await agent.exited).code).toBe(0);
  });
});
