import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, stringify, TomlError, type TomlTable } from 'smol-toml';
import { CliError, ExitCode } from './exit-codes.js';

// Two files hold keys: Keyplane's own ~/.keyplane/auth.toml (written by
// `keyplane auth login`) and Prefect 1's ~/.prefect/config.toml (read, so an
// existing Prefect agent setup keeps working when pointed at Keyplane; written only
// by `keyplane auth rotate-key --write-config`, to put a rotated key where the agent
// reads it).

export function authFilePath(homeDir: string): string {
  return join(homeDir, '.keyplane', 'auth.toml');
}

/** Prefect 1 lets PREFECT__USER_CONFIG_PATH move its config file; honour that. */
export function prefectConfigPath(homeDir: string, env: Record<string, string | undefined>): string {
  const override = env.PREFECT__USER_CONFIG_PATH?.trim();
  if (override) return override.replace(/^\$HOME(?=\/|$)|^~(?=\/|$)/, homeDir);
  return join(homeDir, '.prefect', 'config.toml');
}

export interface AuthFile {
  api: string;
  key: string;
}

type TomlRead = { state: 'missing' } | { state: 'read'; table: TomlTable; mode: number };

/** Reads a TOML file; a missing file is not an error, a malformed one is (exit 3). */
export function readTomlFile(path: string): TomlRead {
  let text: string;
  let mode: number;
  try {
    text = readFileSync(path, 'utf8');
    mode = statSync(path).mode;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { state: 'missing' };
    throw new CliError(`Cannot read ${path}: ${(error as Error).message}`, ExitCode.NO_USABLE_KEY);
  }
  try {
    return { state: 'read', table: parse(text), mode };
  } catch (error) {
    // TomlError's message goes on to quote the offending line, which may hold a key:
    // keep its first line (what is wrong) and the position only.
    const what = (error as Error).message.split('\n')[0].replace(/^Invalid TOML document: /, '');
    const where = error instanceof TomlError ? ` at line ${error.line}, column ${error.column}` : '';
    throw new CliError(`${path} is not valid TOML${where}: ${what}. Fix or remove the file.`, ExitCode.NO_USABLE_KEY);
  }
}

/**
 * A string setting from a parsed table. Empty means unset (Prefect's default
 * config ships `api_key = ""`); any other non-string is a mistake worth naming.
 */
export function tomlString(table: TomlTable, path: string[], file: string): string | undefined {
  let value: unknown = table;
  for (const part of path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new CliError(`${describeSetting(path)} in ${file} must be a string.`, ExitCode.NO_USABLE_KEY);
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** `[cloud.agent] auth_token` for ['cloud','agent','auth_token']. */
export function describeSetting(path: string[]): string {
  return path.length > 1 ? `[${path.slice(0, -1).join('.')}] ${path[path.length - 1]}` : path[0];
}

/** True when group or others may read or change the file (POSIX only). */
export function isExposedMode(mode: number): boolean {
  return process.platform !== 'win32' && (mode & 0o077) !== 0;
}

export function exposedFileWarning(path: string, mode: number): string {
  const octal = (mode & 0o777).toString(8).padStart(3, '0');
  return `Warning: ${path} holds an API key and other users can read or change it (mode ${octal}). Run: chmod 600 ${path}`;
}

export function readAuthFile(homeDir: string): (AuthFile & { path: string; mode: number }) | undefined {
  const path = authFilePath(homeDir);
  const read = readTomlFile(path);
  if (read.state === 'missing') return undefined;
  const key = tomlString(read.table, ['key'], path);
  const api = tomlString(read.table, ['api'], path);
  if (!key) return undefined;
  return { key, api: api ?? '', path, mode: read.mode };
}

/**
 * Writes ~/.keyplane/auth.toml readable by its owner only: the directory 0700,
 * the file created 0600 under a temporary name and renamed into place, so the key
 * is never briefly world-readable and a crash never leaves half a file.
 */
export function writeAuthFile(homeDir: string, auth: AuthFile): string {
  const path = authFilePath(homeDir);
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const text = '# Written by `keyplane auth login`. It holds an API key: keep it private (mode 0600).\n' + stringify({ api: auth.api, key: auth.key }) + '\n';
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
  return path;
}

/** Writes a file holding a key: 0600 under a temporary name, then renamed into place (never half a file, never readable by others). */
function writePrivateFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}

/**
 * Puts a key in Prefect's config.toml where the agent reads it: [cloud.agent] auth_token
 * when that is set (it wins over [cloud] api_key), else [cloud] api_key. Every other
 * setting stays; comments do not (the file is parsed and written again). Answers the
 * file and the setting written.
 */
export function writePrefectConfigKey(homeDir: string, env: Record<string, string | undefined>, key: string): { path: string; setting: string } {
  const path = prefectConfigPath(homeDir, env);
  const read = readTomlFile(path);
  const table: TomlTable = read.state === 'read' ? read.table : {};
  const cloud = (typeof table.cloud === 'object' && table.cloud !== null && !Array.isArray(table.cloud) ? table.cloud : (table.cloud = {})) as TomlTable;
  const agent = cloud.agent as TomlTable | undefined;
  const setting =
    agent && typeof agent === 'object' && tomlString(table, ['cloud', 'agent', 'auth_token'], path) ? ['cloud', 'agent', 'auth_token'] : ['cloud', 'api_key'];
  if (setting.length === 3) agent!.auth_token = key;
  else cloud.api_key = key;
  writePrivateFile(path, '# Keys here are secrets: keep this file private (mode 0600).\n' + stringify(table) + '\n');
  return { path, setting: describeSetting(setting) };
}

/** Removes the saved login; false when there was none. */
export function removeAuthFile(homeDir: string): boolean {
  const path = authFilePath(homeDir);
  try {
    statSync(path);
  } catch {
    return false;
  }
  rmSync(path);
  return true;
}
