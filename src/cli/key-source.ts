import { isServiceAccountKey, isWellFormedKey } from '../server/auth/key-format.js';
import { describeSetting, exposedFileWarning, isExposedMode, prefectConfigPath, readAuthFile, readTomlFile, tomlString } from './config-files.js';
import { CliError, ExitCode } from './exit-codes.js';

// Where a key comes from, in the order Prefect 1's agent looked (flag, its two
// environment variables, its config file), then Keyplane's saved login.

export const AGENT_TOKEN_ENV = 'PREFECT__CLOUD__AGENT__AUTH_TOKEN';
export const API_KEY_ENV = 'PREFECT__CLOUD__API_KEY';
export const PREFECT_API_ENV = 'PREFECT__CLOUD__API';
export const KEYPLANE_API_ENV = 'KEYPLANE_API';
export const DEFAULT_API_URL = 'http://127.0.0.1:4200';

export interface KeySource {
  /** Says where the key came from, never what it is: "the PREFECT__CLOUD__API_KEY environment variable". */
  description: string;
  /** The API URL kept beside the key, if its source keeps one. */
  pairedApiUrl?: string;
  /** Set when the key came from a file: for the permission warning. */
  file?: { path: string; mode: number };
}

export interface ResolvedKey {
  key: string;
  source: KeySource;
}

export interface KeyLookup {
  /** The key given on the command line, and the option's spelling (--key or --token). */
  flag?: { option: string; value: string };
  env: Record<string, string | undefined>;
  homeDir: string;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * The first key found, in order. The first place that has a key wins even if
 * that key is malformed: silently falling through to another key would run the
 * agent as someone the operator did not choose.
 */
export function resolveAgentKey({ flag, env, homeDir }: KeyLookup): ResolvedKey {
  const looked: string[] = [];
  const envApi = nonEmpty(env[PREFECT_API_ENV]);

  const flagValue = nonEmpty(flag?.value);
  if (flagValue) return { key: flagValue, source: { description: `the ${flag!.option} option`, pairedApiUrl: envApi } };
  looked.push('the --key / --token option: not given');

  for (const name of [AGENT_TOKEN_ENV, API_KEY_ENV]) {
    const value = nonEmpty(env[name]);
    if (value) return { key: value, source: { description: `the ${name} environment variable`, pairedApiUrl: envApi } };
    looked.push(`the ${name} environment variable: not set`);
  }

  const configPath = prefectConfigPath(homeDir, env);
  const config = readTomlFile(configPath);
  const settings = [
    ['cloud', 'agent', 'auth_token'],
    ['cloud', 'api_key'],
  ];
  if (config.state === 'read') {
    for (const setting of settings) {
      const value = tomlString(config.table, setting, configPath);
      if (value) {
        const api = tomlString(config.table, ['cloud', 'api'], configPath);
        return {
          key: value,
          source: {
            description: `${describeSetting(setting)} in ${configPath}`,
            pairedApiUrl: api && !api.includes('${') ? api : undefined,
            file: { path: configPath, mode: config.mode },
          },
        };
      }
      looked.push(`${describeSetting(setting)} in ${configPath}: not set`);
    }
  } else {
    for (const setting of settings) looked.push(`${describeSetting(setting)} in ${configPath}: no such file`);
  }

  const auth = readAuthFile(homeDir);
  if (auth) {
    return {
      key: auth.key,
      source: {
        description: auth.path,
        pairedApiUrl: auth.api || undefined,
        file: { path: auth.path, mode: auth.mode },
      },
    };
  }
  looked.push(`${authFileDescription(homeDir)}: no saved login`);

  throw new CliError(
    [
      'No API key found. Looked in, in this order:',
      ...looked.map((place) => `  - ${place}`),
      'Give the agent a service-account key with --key, set PREFECT__CLOUD__API_KEY, or run `keyplane auth login --key KEY`.',
    ].join('\n'),
    ExitCode.NO_USABLE_KEY,
  );
}

function authFileDescription(homeDir: string): string {
  return `${homeDir.replace(/\/$/, '')}/.keyplane/auth.toml`;
}

/** Refuses a malformed key before any request, naming its source but not the key. */
export function assertWellFormed(resolved: ResolvedKey): void {
  if (!isWellFormedKey(resolved.key)) {
    throw new CliError(
      `The API key from ${resolved.source.description} is not a valid Keyplane key: it must be 40 characters, ` +
        'start with kpu_ or kps_ and end in a matching checksum (a character may have been lost or changed in copying). ' +
        'It was not sent to the server.',
      ExitCode.NO_USABLE_KEY,
    );
  }
}

/** Warnings a key's source deserves: a user key running an agent, a file others can read. */
export function keyWarnings(resolved: ResolvedKey, purpose: 'agent' | 'cli'): string[] {
  const warnings: string[] = [];
  const file = resolved.source.file;
  if (file && isExposedMode(file.mode)) warnings.push(exposedFileWarning(file.path, file.mode));
  if (purpose === 'agent' && !isServiceAccountKey(resolved.key)) {
    warnings.push(
      'Warning: this is a user API key (kpu_). An agent should run with a service-account key (kps_): ' +
        'it keeps working when people leave and carries only the role the agent needs. ' +
        'Create one under Team > Service Accounts.',
    );
  }
  return warnings;
}

export interface ResolvedApiUrl {
  /** As the user wrote it, for messages. */
  base: string;
  /** The GraphQL endpoint requests go to. */
  endpoint: string;
}

/**
 * The API to talk to: --api, then KEYPLANE_API, then the URL kept beside the key
 * (so a key is only ever sent to the server it was saved for), then the default.
 */
export function resolveApiUrl(options: { flag?: string; env: Record<string, string | undefined>; pairedApiUrl?: string }): ResolvedApiUrl {
  const base = nonEmpty(options.flag) ?? nonEmpty(options.env[KEYPLANE_API_ENV]) ?? nonEmpty(options.pairedApiUrl) ?? DEFAULT_API_URL;
  return { base, endpoint: graphqlEndpoint(base) };
}

/** http://host:4200 and http://host:4200/graphql both mean the GraphQL endpoint. */
export function graphqlEndpoint(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new CliError(`The API URL "${base}" is not a URL; give one like http://127.0.0.1:4200.`, ExitCode.USAGE);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(`The API URL "${base}" must start with http:// or https://.`, ExitCode.USAGE);
  }
  if (url.username || url.password) {
    throw new CliError('The API URL must not contain a user name or password.', ExitCode.USAGE);
  }
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith('/graphql') ? path : `${path}/graphql`;
  url.hash = '';
  return url.toString();
}
