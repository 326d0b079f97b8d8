import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runKeyplane, startKeyplane, temporaryHome, type RunningKeyplane } from './helpers.js';
import { spawnKeyplane, startKeyplaneServer, type KeyplaneProcess, type KeyplaneServer } from './keyplane-server.js';

// The agent as a real process (bin/keyplane.js) against the real server.

const INTERVAL_SECONDS = 0.3;
/** The revocation test's interval, and the time allowed beyond it for a loaded two-core CI machine. */
const REVOCATION_INTERVAL_SECONDS = 1;
const SLACK_MS = 2_000;

let server: KeyplaneServer;

beforeAll(async () => {
  server = await startKeyplaneServer();
});
afterAll(async () => {
  await server.close();
});

async function serviceAccountKey(name: string, expiresAt?: Date, on: KeyplaneServer = server) {
  const accountId = await on.createServiceAccount(name);
  const { id, key } = await on.createKey(accountId, `${name}-key`, expiresAt);
  return { accountId, keyId: id, key };
}

/**
 * Starts `keyplane agent <subcommand>` with its own temporary HOME; the test's end
 * kills it if still running and removes the HOME. (The tests run one after
 * another: run concurrently on two cores, process start-up, not waiting, dominates.)
 */
function agent(
  context: TestContext,
  [subcommand, ...args]: string[],
  env: Record<string, string> = {},
  setup?: (home: string) => void,
  intervalSeconds = INTERVAL_SECONDS,
): KeyplaneProcess {
  const home = temporaryHome();
  setup?.(home.dir);
  const run = spawnKeyplane(['agent', subcommand, '--interval', String(intervalSeconds), ...args], { home: home.dir, env });
  context.onTestFinished(async () => {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    await run.exited;
    home.cleanup();
  });
  return run;
}

/** The same command in-process: for behaviour that needs no process of its own, fast even on a busy machine. */
function agentInProcess(
  context: TestContext,
  [subcommand, ...args]: string[],
  env: Record<string, string> = {},
  setup?: (home: string) => void,
): RunningKeyplane {
  const home = temporaryHome();
  setup?.(home.dir);
  const run = startKeyplane(['agent', subcommand, '--interval', String(INTERVAL_SECONDS), ...args], { home: home.dir, env });
  context.onTestFinished(async () => {
    run.stop();
    await run.done;
    home.cleanup();
  });
  return run;
}

describe('keyplane agent start', () => {
  it('is listed under its key with its name, labels and address, from the check-ins it sends anyway', async (context) => {
    const { keyId, key } = await serviceAccountKey('listed-agent');
    const run = agentInProcess(context, ['start', '--key', key, '--api', server.url, '--name', 'prod-agent-1', '--label', 'prod', '--label', 'eu west']);
    await run.waitFor(/Agent running/);
    // Check-ins are written a second after the first one (src/server/auth/agent-check-ins.ts).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const seen = await server.graphql(
      { key: server.adminKey },
      `query ($id: uuid!) { auth_api_key(where: { id: { _eq: $id } }, limit: 1) { agents { name type labels source_address } } }`,
      {
        id: keyId,
      },
    );
    expect(seen.auth_api_key[0].agents).toEqual([{ name: 'prod-agent-1', type: 'KeyplaneAgent', labels: ['prod', 'eu west'], source_address: '127.0.0.1' }]);
  });

  it('says which source its key came from and who it runs as, then stops with exit 4 within one interval of revocation', async (context) => {
    const { keyId, key } = await serviceAccountKey('flow-agent');
    const run = agent(context, ['start', '--api', server.url], { PREFECT__CLOUD__API_KEY: key }, undefined, REVOCATION_INTERVAL_SECONDS);
    await run.waitFor(/Agent running/);
    expect(run.stdout()).toContain('Using the API key from the PREFECT__CLOUD__API_KEY environment variable.');
    expect(run.stdout()).toContain(`Authenticated as service account "flow-agent" in tenant "Acme Flows" (${server.tenantSlug}) with role Administrator.`);
    expect(run.stdout()).toContain('The key "flow-agent-key" expires: Never.');
    expect(run.stderr()).not.toContain('Warning');

    // Let it check in a couple of times, then revoke.
    await new Promise((resolve) => setTimeout(resolve, REVOCATION_INTERVAL_SECONDS * 2_500));
    expect(run.child.exitCode).toBeNull();
    const revokedAt = Date.now();
    await server.revokeKey(keyId);
    const { code, at } = await run.exited;
    expect(code).toBe(ExitCode.KEY_REJECTED);
    expect(at - revokedAt).toBeLessThan(REVOCATION_INTERVAL_SECONDS * 1000 + SLACK_MS);
    expect(run.stderr()).toContain(
      "The agent's API key was revoked or has expired (or its service account was removed). The agent must be started with a new key.",
    );
    expect(run.output()).not.toContain(key);
  });

  it('stops with exit 4 when its key expires', async () => {
    // In-process (the same command code, without a process start-up to race the expiry on a busy machine).
    const { key } = await serviceAccountKey('expiring-agent', new Date(Date.now() + 2_000));
    const home = temporaryHome();
    try {
      const run = await runKeyplane(['agent', 'start', '--key', key, '--api', server.url, '--interval', String(INTERVAL_SECONDS)], {
        home: home.dir,
      });
      expect(run.code).toBe(ExitCode.KEY_REJECTED);
      expect(run.stdout).toContain('Agent running');
      expect(run.stderr).toMatch(/Warning: the key "expiring-agent-key" expires: in \d+ seconds?\./);
      expect(run.stderr).toContain('revoked or has expired');
      expect(run.output).not.toContain(key);
    } finally {
      home.cleanup();
    }
  });

  it('stops with exit 4 when its service account is removed', async (context) => {
    const { accountId, key } = await serviceAccountKey('removed-agent');
    const run = agentInProcess(context, ['start', '--token', key, '--api', server.url]);
    await run.waitFor(/Agent running/);
    expect(run.output()).toContain('Using the API key from the --token option.');
    await server.removeServiceAccount(accountId);
    const { code, stderr } = await run.done;
    expect(code).toBe(ExitCode.KEY_REJECTED);
    expect(stderr).toContain('(or its service account was removed)');
  });

  it('refuses a key the server does not accept at start with exit 4', async (context) => {
    const { keyId, key } = await serviceAccountKey('already-revoked');
    await server.revokeKey(keyId);
    const { code, stderr } = await agentInProcess(context, ['start', '--key', key, '--api', server.url]).done;
    expect(code).toBe(ExitCode.KEY_REJECTED);
    expect(stderr).toContain('refused the key');
    expect(stderr).toContain('Start the agent with a valid key');
  });

  it('stops cleanly on Ctrl-C (SIGINT) and on SIGTERM with exit 0', async (context) => {
    const { key } = await serviceAccountKey('interrupted-agent');
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const run = agent(context, ['start', '--api', server.url], { PREFECT__CLOUD__AGENT__AUTH_TOKEN: key });
      await run.waitFor(/Agent running/);
      run.child.kill(signal);
      const { code } = await run.exited;
      expect(code, signal).toBe(ExitCode.OK);
      expect(run.stdout()).toContain('Agent stopped.');
    }
  });

  it('keeps running while the server is down, and reconnects when it returns', async (context) => {
    const own = await startKeyplaneServer(); // stopped and restarted: not the shared one
    context.onTestFinished(() => own.close());
    const { keyId, key } = await serviceAccountKey('patient-agent', undefined, own);
    const run = agentInProcess(context, ['start', '--key', key, '--api', own.url]);
    await run.waitFor(/Agent running/);
    await own.stop();
    try {
      await run.waitFor(/Check-in failed: Cannot reach the Keyplane API at .*\/graphql \(connection refused\)\. Retrying in/);
      // Several retries later, still running.
      await run.waitFor(/(Check-in failed[^\n]*\n[^]*){3}/, 10_000);
    } finally {
      await own.start();
    }
    await run.waitFor(/Reconnected to /, 10_000);
    await own.revokeKey(keyId);
    expect((await run.done).code).toBe(ExitCode.KEY_REJECTED);
  });

  it('reads [cloud.agent] auth_token from ~/.prefect/config.toml and warns when others can read it', async (context) => {
    const { key } = await serviceAccountKey('config-agent');
    let config = '';
    const run = agentInProcess(context, ['start'], {}, (home) => {
      mkdirSync(join(home, '.prefect'));
      config = join(home, '.prefect', 'config.toml');
      writeFileSync(config, `[cloud]\napi = "${server.url}"\n\n[cloud.agent]\nauth_token = "${key}"\n`);
      chmodSync(config, 0o644);
    });
    await run.waitFor(/Agent running/);
    run.stop();
    const { code, stdout, stderr, output } = await run.done;
    expect(code).toBe(ExitCode.OK);
    expect(stdout).toContain(`Using the API key from [cloud.agent] auth_token in ${config}.`);
    expect(stdout).toContain(`Checking in with ${server.url} every 0.3 s.`);
    expect(stderr).toContain(`Warning: ${config} holds an API key and other users can read or change it (mode 644).`);
    expect(output).not.toContain(key);
  });

  it('works with a user key but recommends a service-account key', async (context) => {
    const { key } = await server.createKey(server.adminUserId, 'agent-on-user-key');
    const run = agentInProcess(context, ['start', '--key', key, '--api', server.url]);
    await run.waitFor(/Agent running/);
    run.stop();
    const { code, stdout, stderr } = await run.done;
    expect(code).toBe(ExitCode.OK);
    expect(stdout).toContain('Authenticated as user "ada"');
    expect(stderr).toContain('Warning: this is a user API key (kpu_). An agent should run with a service-account key (kps_)');
  });
});

describe('keyplane agent run', () => {
  // The command proves it received the agent's key without printing it: it prints the key's SHA-256.
  const printKeyHash =
    "const {createHash}=require('node:crypto');" +
    "console.log('key-sha256=' + createHash('sha256').update(process.env.PREFECT__CLOUD__API_KEY || '').digest('hex'));" +
    "console.log('agent-token=' + (process.env.PREFECT__CLOUD__AGENT__AUTH_TOKEN === undefined ? 'unset' : 'set'));" +
    'process.exit(7)';

  it('hands the key to the command in PREFECT__CLOUD__API_KEY and exits with its code', async (context) => {
    const { key } = await serviceAccountKey('runner');
    const run = agent(context, ['run', '--api', server.url, '--', process.execPath, '-e', printKeyHash], {
      PREFECT__CLOUD__AGENT__AUTH_TOKEN: key,
    });
    const { code } = await run.exited;
    expect(code, run.output()).toBe(7);
    expect(run.stdout()).toContain(`key-sha256=${createHash('sha256').update(key).digest('hex')}`);
    expect(run.stdout()).toContain('agent-token=unset');
    expect(run.stderr()).toContain('Using the API key from the PREFECT__CLOUD__AGENT__AUTH_TOKEN environment variable.');
    expect(run.stderr()).toContain('Authenticated as service account "runner"');
    expect(run.output()).not.toContain(key);
  });

  it('stops the command and exits 4 when the key is revoked while it runs', async (context) => {
    const { keyId, key } = await serviceAccountKey('long-runner');
    const run = agent(context, ['run', '--key', key, '--api', server.url, '--', process.execPath, '-e', "console.log('started'); setInterval(() => {}, 1000)"]);
    await run.waitFor(/started/);
    await server.revokeKey(keyId);
    const { code } = await run.exited;
    expect(code).toBe(ExitCode.KEY_REJECTED);
    expect(run.stderr()).toContain('The agent must be started with a new key. Stopping');
  });

  it('says so when the command does not exist (exit 127)', async (context) => {
    const { key } = await serviceAccountKey('lost-runner');
    const run = agent(context, ['run', '--key', key, '--api', server.url, '--', 'keyplane-no-such-command-xyz']);
    expect((await run.exited).code).toBe(127);
    expect(run.stderr()).toContain('cannot run keyplane-no-such-command-xyz: command not found');
  });
});
