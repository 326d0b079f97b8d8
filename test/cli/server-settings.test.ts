import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { loadConfig, SETTINGS } from '../../src/server/config.js';
import { runKeyplane, temporaryHome } from './helpers.js';
import { spawnKeyplane } from './keyplane-server.js';

// The server's settings: each from a flag, the environment, keyplane.toml or its
// default, in that order; `keyplane serve --print-config` shows every value and where
// it came from, with secrets masked; a bad value stops the start, naming the setting.

let home: ReturnType<typeof temporaryHome>;
let dir: string;
beforeEach(() => {
  home = temporaryHome();
  dir = mkdtempSync(join(tmpdir(), 'keyplane-settings-'));
});
afterEach(() => {
  home.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const TOKEN = 'file-metrics-token-0123456789';

function configFile(text: string): string {
  const path = join(dir, 'keyplane.toml');
  writeFileSync(path, text);
  return path;
}

/** The printed value of a setting and where it came from. */
function printed(stdout: string, key: string): { line: string; source: string } {
  const line = stdout.split('\n').find((l) => l.startsWith(`${key} =`) || l.startsWith(`# ${key} =`));
  if (!line) throw new Error(`${key} not printed:\n${stdout}`);
  return { line, source: line.slice(line.indexOf('  # ') + 4) };
}

describe('keyplane serve --print-config', () => {
  it('takes each setting from the flag, else the environment, else keyplane.toml, else the default', async () => {
    const path = configFile(
      `port = 5000\nhost = "0.0.0.0"\nlog_level = "warn"\nmax_query_depth = 20\ndata_dir = "data-from-file"\nmetrics_token = "${TOKEN}"\ncors_origins = ["https://a.example", "https://b.example"]\n`,
    );
    const run = await runKeyplane(['serve', '--config', path, '--port', '6000', '--print-config'], {
      home: home.dir,
      env: { PORT: '7000', HOST: '10.1.2.3', KEYPLANE_MAX_QUERY_DEPTH: '15' },
    });
    expect(run.code, run.stderr).toBe(ExitCode.OK);
    expect(printed(run.stdout, 'port')).toEqual({ line: expect.stringMatching(/^port = 6000 /), source: 'flag --port (PORT)' });
    expect(printed(run.stdout, 'host').line).toMatch(/^host = "10\.1\.2\.3"/);
    expect(printed(run.stdout, 'host').source).toBe('environment HOST (HOST)');
    expect(printed(run.stdout, 'max_query_depth').line).toMatch(/= 15 /);
    expect(printed(run.stdout, 'log_level')).toEqual({ line: expect.stringMatching(/= "warn"/), source: 'file (KEYPLANE_LOG_LEVEL)' });
    // A path in the file is relative to the file.
    expect(printed(run.stdout, 'data_dir').line).toContain(JSON.stringify(join(dir, 'data-from-file')));
    expect(printed(run.stdout, 'cors_origins').line).toContain('["https://a.example", "https://b.example"]');
    expect(printed(run.stdout, 'session_idle_minutes')).toEqual({ line: expect.stringMatching(/= 480 /), source: 'default (KEYPLANE_SESSION_IDLE_MINUTES)' });
    expect(run.stdout).toContain(path);
  });

  it('masks secrets', async () => {
    const run = await runKeyplane(['serve', '--print-config'], { home: home.dir, env: { KEYPLANE_METRICS_TOKEN: TOKEN } });
    expect(run.code).toBe(ExitCode.OK);
    expect(printed(run.stdout, 'metrics_token').line).toMatch(/^metrics_token = "\*{8}"/);
    expect(run.output).not.toContain(TOKEN);
  });

  it('lists every setting the environment can set', async () => {
    const run = await runKeyplane(['serve', '--print-config'], { home: home.dir });
    for (const setting of SETTINGS) expect(run.stdout, setting.env).toContain(`(${setting.env})`);
  });

  it("takes PostgreSQL's pool settings from keyplane.toml or the environment, and refuses a pool of none", async () => {
    const path = configFile('database_pool_max = 4\ndatabase_statement_timeout_ms = 0\n');
    const run = await runKeyplane(['serve', '--config', path, '--print-config'], { home: home.dir, env: { KEYPLANE_DATABASE_CONNECT_TIMEOUT_MS: '2500' } });
    expect(run.code, run.stderr).toBe(ExitCode.OK);
    expect(printed(run.stdout, 'database_pool_max')).toEqual({ line: expect.stringMatching(/= 4 /), source: 'file (KEYPLANE_DATABASE_POOL_MAX)' });
    expect(printed(run.stdout, 'database_statement_timeout_ms').line).toMatch(/= 0 /);
    expect(printed(run.stdout, 'database_connect_timeout_ms').source).toBe(
      'environment KEYPLANE_DATABASE_CONNECT_TIMEOUT_MS (KEYPLANE_DATABASE_CONNECT_TIMEOUT_MS)',
    );
    const none = await runKeyplane(['serve', '--print-config'], { home: home.dir, env: { KEYPLANE_DATABASE_POOL_MAX: '0' } });
    expect(none.code).not.toBe(ExitCode.OK);
    expect(none.stderr).toContain('KEYPLANE_DATABASE_POOL_MAX');
  });

  it('reads ./keyplane.toml, or $KEYPLANE_CONFIG, without --config', async () => {
    const path = configFile('log_level = "debug"\n');
    const run = await runKeyplane(['serve', '--print-config'], { home: home.dir, env: { KEYPLANE_CONFIG: path } });
    expect(printed(run.stdout, 'log_level').line).toMatch(/= "debug"/);
  });
});

describe('bad settings', () => {
  const cases: [string, { args?: string[]; env?: Record<string, string>; file?: string }, RegExp][] = [
    [
      'a number that is not one, in the environment',
      { env: { KEYPLANE_MAX_QUERY_DEPTH: 'deep' } },
      /KEYPLANE_MAX_QUERY_DEPTH="deep" is not valid: expected a whole number/,
    ],
    ['a port out of range', { env: { PORT: '70000' } }, /PORT="70000" is not valid: expected a whole number from 0 to 65535/],
    [
      'an unknown log level',
      { args: ['--log-level', 'loud'] },
      /--log-level "loud" is not valid: expected one of fatal, error, warn, info, debug, trace, silent/,
    ],
    ['a short metrics token', { env: { KEYPLANE_METRICS_TOKEN: 'short' } }, /KEYPLANE_METRICS_TOKEN=\(hidden\) is not valid: expected at least 16 characters/],
    ['a wrong type in the file', { file: 'session_idle_minutes = "long"\n' }, /keyplane\.toml: session_idle_minutes "long" is not valid/],
    ['a misspelt key in the file', { file: 'max_query_dept = 3\n' }, /unknown setting "max_query_dept"/],
    ['a file that is not TOML', { file: 'port = = 1\n' }, /keyplane\.toml is not valid TOML \(line 1/],
    [
      'trusting every proxy, in the file',
      { file: 'trust_proxy = "all"\n' },
      /keyplane\.toml: trust_proxy: KEYPLANE_TRUST_PROXY=all would trust every X-Forwarded-For entry/,
    ],
    ['a boolean that is not one', { env: { KEYPLANE_SECURE_COOKIES: 'sometimes' } }, /KEYPLANE_SECURE_COOKIES="sometimes" is not valid: expected 1 or 0/],
  ];
  for (const [what, given, message] of cases) {
    it(`stop the start, naming the setting: ${what}`, async () => {
      const args = [...(given.file ? ['--config', configFile(given.file)] : []), ...(given.args ?? [])];
      const run = await runKeyplane(['serve', '--data-dir', join(dir, 'data'), '--no-build', ...args], { home: home.dir, env: given.env });
      expect(run.code, run.output).toBe(ExitCode.USAGE);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).not.toContain('Keyplane is running');
    });
  }

  it('also stop buildApp, which reads the environment', () => {
    const saved = process.env.KEYPLANE_LIMITER_MAX_KEYS;
    process.env.KEYPLANE_LIMITER_MAX_KEYS = '-5';
    try {
      expect(() => loadConfig()).toThrow(/KEYPLANE_LIMITER_MAX_KEYS="-5" is not valid/);
    } finally {
      if (saved === undefined) delete process.env.KEYPLANE_LIMITER_MAX_KEYS;
      else process.env.KEYPLANE_LIMITER_MAX_KEYS = saved;
    }
  });
});

describe('the log settings', () => {
  it('--log-level and --log-format pretty reach the running server (pino-pretty lines on standard error)', async () => {
    const run = spawnKeyplane(['serve', '--port', '0', '--data-dir', join(dir, 'data'), '--no-build', '--log-format', 'pretty', '--log-level', 'debug'], {
      home: home.dir,
    });
    try {
      await run.waitFor(/Press Ctrl-C to stop/, 30_000);
      const url = run.stdout().match(/Keyplane is running at (http:\/\/\S+)/)![1];
      await fetch(`${url}/healthz`);
      // The health check is logged at debug: shown at this level, as a human-readable line.
      await run.waitFor(/DEBUG.*request completed/, 10_000);
      expect(run.stderr()).not.toMatch(/^\{"level"/m);
      run.child.kill('SIGTERM');
      expect((await run.exited).code).toBe(ExitCode.OK);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('JSON lines at info by default', async () => {
    const run = spawnKeyplane(['serve', '--port', '0', '--data-dir', join(dir, 'data'), '--no-build'], { home: home.dir });
    try {
      await run.waitFor(/Press Ctrl-C to stop/, 30_000);
      const url = run.stdout().match(/Keyplane is running at (http:\/\/\S+)/)![1];
      await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ setup_required }"}' });
      await run.waitFor(/"msg":"request completed"/, 10_000);
      const line = JSON.parse(
        run
          .stderr()
          .split('\n')
          .find((l) => l.includes('request completed'))!,
      );
      expect(line).toMatchObject({ level: 30, method: 'POST', route: '/graphql', status: 200 });
      // Standard output stays the command's own words.
      expect(run.stdout()).not.toContain('"level"');
      run.child.kill('SIGTERM');
      expect((await run.exited).code).toBe(ExitCode.OK);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});
