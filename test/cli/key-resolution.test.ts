import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAuthFile } from '../../src/cli/config-files.js';
import { CliError, ExitCode } from '../../src/cli/exit-codes.js';
import { assertWellFormed, graphqlEndpoint, keyWarnings, resolveAgentKey, resolveApiUrl, type ResolvedKey } from '../../src/cli/key-source.js';
import { generateKey } from '../../src/server/auth/key-format.js';
import { temporaryHome } from './helpers.js';

const flagKey = generateKey('kps_');
const agentTokenKey = generateKey('kps_');
const apiKeyEnvKey = generateKey('kps_');
const configAgentKey = generateKey('kps_');
const configCloudKey = generateKey('kps_');
const savedKey = generateKey('kpu_');

let home: ReturnType<typeof temporaryHome>;
beforeEach(() => {
  home = temporaryHome();
});
afterEach(() => home.cleanup());

function writePrefectConfig(text: string, mode = 0o600): string {
  const dir = join(home.dir, '.prefect');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'config.toml');
  writeFileSync(path, text);
  chmodSync(path, mode);
  return path;
}

function failure(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}

describe('the agent finds its key in order: flag, environment, config.toml, auth.toml', () => {
  const everyEnv = {
    PREFECT__CLOUD__AGENT__AUTH_TOKEN: agentTokenKey,
    PREFECT__CLOUD__API_KEY: apiKeyEnvKey,
  };

  beforeEach(() => {
    writePrefectConfig(`[cloud]\napi_key = "${configCloudKey}"\n\n[cloud.agent]\nauth_token = "${configAgentKey}"\n`);
    writeAuthFile(home.dir, { api: 'http://saved.example:4200', key: savedKey });
  });

  it('takes the flag over everything else', () => {
    const resolved = resolveAgentKey({ flag: { option: '--key', value: flagKey }, env: everyEnv, homeDir: home.dir });
    expect(resolved.key).toBe(flagKey);
    expect(resolved.source.description).toBe('the --key option');
  });

  it('names --token when the key came from -t/--token', () => {
    const resolved = resolveAgentKey({ flag: { option: '--token', value: flagKey }, env: {}, homeDir: home.dir });
    expect(resolved.source.description).toBe('the --token option');
  });

  it('takes PREFECT__CLOUD__AGENT__AUTH_TOKEN over PREFECT__CLOUD__API_KEY and the files', () => {
    const resolved = resolveAgentKey({ env: everyEnv, homeDir: home.dir });
    expect(resolved.key).toBe(agentTokenKey);
    expect(resolved.source.description).toBe('the PREFECT__CLOUD__AGENT__AUTH_TOKEN environment variable');
  });

  it('takes PREFECT__CLOUD__API_KEY over the files', () => {
    const resolved = resolveAgentKey({ env: { PREFECT__CLOUD__API_KEY: apiKeyEnvKey }, homeDir: home.dir });
    expect(resolved.key).toBe(apiKeyEnvKey);
    expect(resolved.source.description).toBe('the PREFECT__CLOUD__API_KEY environment variable');
  });

  it('takes [cloud.agent] auth_token over [cloud] api_key, and config.toml over auth.toml', () => {
    const resolved = resolveAgentKey({ env: {}, homeDir: home.dir });
    expect(resolved.key).toBe(configAgentKey);
    expect(resolved.source.description).toBe(`[cloud.agent] auth_token in ${join(home.dir, '.prefect', 'config.toml')}`);
  });

  it('falls back to [cloud] api_key when the agent section has no token', () => {
    writePrefectConfig(`[cloud]\napi_key = "${configCloudKey}"\n[cloud.agent]\nlabels = ["a"]\n`);
    const resolved = resolveAgentKey({ env: {}, homeDir: home.dir });
    expect(resolved.key).toBe(configCloudKey);
    expect(resolved.source.description).toBe(`[cloud] api_key in ${join(home.dir, '.prefect', 'config.toml')}`);
  });

  it('reads dotted keys the same as sections', () => {
    writePrefectConfig(`cloud.agent.auth_token = "${configAgentKey}"\n`);
    expect(resolveAgentKey({ env: {}, homeDir: home.dir }).key).toBe(configAgentKey);
  });

  it('falls back to ~/.keyplane/auth.toml last, with the URL saved beside the key', () => {
    writePrefectConfig('[cloud]\napi_key = ""\n'); // Prefect's default config: empty means unset
    const resolved = resolveAgentKey({ env: { PREFECT__CLOUD__API_KEY: '  ' }, homeDir: home.dir });
    expect(resolved.key).toBe(savedKey);
    expect(resolved.source.description).toBe(join(home.dir, '.keyplane', 'auth.toml'));
    expect(resolved.source.pairedApiUrl).toBe('http://saved.example:4200');
  });

  it('honours PREFECT__USER_CONFIG_PATH like Prefect 1', () => {
    const other = join(home.dir, 'elsewhere.toml');
    writeFileSync(other, `[cloud]\napi_key = "${configCloudKey}"\n`);
    const resolved = resolveAgentKey({ env: { PREFECT__USER_CONFIG_PATH: other }, homeDir: home.dir });
    expect(resolved.key).toBe(configCloudKey);
    expect(resolved.source.description).toContain(other);
  });
});

describe('when no key or a bad file is found', () => {
  it('names every place it looked, in order', () => {
    const error = failure(() => resolveAgentKey({ env: {}, homeDir: home.dir }));
    expect(error.exitCode).toBe(ExitCode.NO_USABLE_KEY);
    const config = join(home.dir, '.prefect', 'config.toml');
    const lines = error.message.split('\n');
    expect(lines.slice(1, 7)).toEqual([
      '  - the --key / --token option: not given',
      '  - the PREFECT__CLOUD__AGENT__AUTH_TOKEN environment variable: not set',
      '  - the PREFECT__CLOUD__API_KEY environment variable: not set',
      `  - [cloud.agent] auth_token in ${config}: no such file`,
      `  - [cloud] api_key in ${config}: no such file`,
      `  - ${join(home.dir, '.keyplane', 'auth.toml')}: no saved login`,
    ]);
  });

  it('says "not set" for a config.toml without the settings', () => {
    writePrefectConfig('[logging]\nlevel = "INFO"\n');
    const error = failure(() => resolveAgentKey({ env: {}, homeDir: home.dir }));
    expect(error.message).toContain('[cloud.agent] auth_token in');
    expect(error.message).toMatch(/\[cloud\] api_key in .*config\.toml: not set/);
  });

  it('refuses a malformed config.toml with its position, without quoting the line (which may hold a key)', () => {
    writePrefectConfig(`[cloud]\napi_key = "${configCloudKey}\n`);
    const error = failure(() => resolveAgentKey({ env: {}, homeDir: home.dir }));
    expect(error.exitCode).toBe(ExitCode.NO_USABLE_KEY);
    expect(error.message).toMatch(/config\.toml is not valid TOML at line 2, column \d+/);
    expect(error.message).not.toContain(configCloudKey.slice(4));
  });

  it('refuses a key setting that is not a string', () => {
    writePrefectConfig('[cloud]\napi_key = 42\n');
    const error = failure(() => resolveAgentKey({ env: {}, homeDir: home.dir }));
    expect(error.message).toContain('[cloud] api_key in');
    expect(error.message).toContain('must be a string');
  });

  it('does not read the files at all when the flag or environment gives a key', () => {
    writePrefectConfig('this is not toml');
    expect(resolveAgentKey({ env: { PREFECT__CLOUD__API_KEY: apiKeyEnvKey }, homeDir: home.dir }).key).toBe(apiKeyEnvKey);
  });
});

describe('key checks before any request', () => {
  const resolvedFrom = (key: string, file?: { path: string; mode: number }): ResolvedKey => ({
    key,
    source: { description: 'the --key option', file },
  });

  it('refuses a key with a bad checksum without echoing it', () => {
    const good = generateKey('kps_');
    const last = good.at(-1) === 'a' ? 'b' : 'a';
    const bad = good.slice(0, -1) + last;
    const error = failure(() => assertWellFormed(resolvedFrom(bad)));
    expect(error.exitCode).toBe(ExitCode.NO_USABLE_KEY);
    expect(error.message).toContain('the --key option is not a valid Keyplane key');
    expect(error.message).toContain('not sent to the server');
    expect(error.message).not.toContain(bad);
  });

  it('accepts a well-formed key', () => {
    expect(() => assertWellFormed(resolvedFrom(generateKey('kpu_')))).not.toThrow();
  });

  it('warns an agent that runs on a user key, not one on a service-account key', () => {
    expect(keyWarnings(resolvedFrom(generateKey('kpu_')), 'agent').join('\n')).toMatch(/user API key \(kpu_\).*service-account key/);
    expect(keyWarnings(resolvedFrom(generateKey('kps_')), 'agent')).toEqual([]);
    expect(keyWarnings(resolvedFrom(generateKey('kpu_')), 'cli')).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('warns about a key file that others can read', () => {
    const path = writePrefectConfig(`[cloud]\napi_key = "${configCloudKey}"\n`, 0o644);
    const resolved = resolveAgentKey({ env: {}, homeDir: home.dir });
    expect(keyWarnings(resolved, 'agent')).toEqual([
      `Warning: ${path} holds an API key and other users can read or change it (mode 644). Run: chmod 600 ${path}`,
    ]);
    chmodSync(path, 0o600);
    expect(keyWarnings(resolveAgentKey({ env: {}, homeDir: home.dir }), 'agent')).toEqual([]);
  });
});

describe('the API URL', () => {
  it('prefers --api, then KEYPLANE_API, then the URL kept with the key, then the default', () => {
    const env = { KEYPLANE_API: 'http://env.example:1' };
    expect(resolveApiUrl({ flag: 'http://flag.example:2', env, pairedApiUrl: 'http://paired.example:3' }).base).toBe('http://flag.example:2');
    expect(resolveApiUrl({ env, pairedApiUrl: 'http://paired.example:3' }).base).toBe('http://env.example:1');
    expect(resolveApiUrl({ env: {}, pairedApiUrl: 'http://paired.example:3' }).base).toBe('http://paired.example:3');
    expect(resolveApiUrl({ env: {} }).base).toBe('http://127.0.0.1:4200');
  });

  it('pairs a config.toml key with [cloud] api and an environment key with PREFECT__CLOUD__API', () => {
    writePrefectConfig(`[cloud]\napi = "http://prefect-config.example"\napi_key = "${configCloudKey}"\n`);
    expect(resolveAgentKey({ env: {}, homeDir: home.dir }).source.pairedApiUrl).toBe('http://prefect-config.example');
    const fromEnv = resolveAgentKey({
      env: { PREFECT__CLOUD__API_KEY: apiKeyEnvKey, PREFECT__CLOUD__API: 'http://prefect-env.example' },
      homeDir: home.dir,
    });
    expect(fromEnv.source.pairedApiUrl).toBe('http://prefect-env.example');
  });

  it('posts to /graphql whether or not the URL names it', () => {
    expect(graphqlEndpoint('http://127.0.0.1:4200')).toBe('http://127.0.0.1:4200/graphql');
    expect(graphqlEndpoint('http://127.0.0.1:4200/')).toBe('http://127.0.0.1:4200/graphql');
    expect(graphqlEndpoint('https://keys.example/graphql')).toBe('https://keys.example/graphql');
    expect(graphqlEndpoint('https://example.com/keyplane/')).toBe('https://example.com/keyplane/graphql');
  });

  it('refuses something that is not an http(s) URL', () => {
    expect(failure(() => graphqlEndpoint('localhost:4200')).exitCode).toBe(ExitCode.USAGE);
    expect(failure(() => graphqlEndpoint('not a url')).exitCode).toBe(ExitCode.USAGE);
  });
});
