import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, stringify, TomlError, type TomlTable } from 'smol-toml';
import { CliError, ExitCode } from './exit-codes.js';

// Two files hold keys: Keyplane's own ~/.keyplane/auth.toml (written by
// `keyplane auth login`) and Prefect 1's ~/.prefect/config.toml (read only, so
// an existing Prefect agent setup keeps working when pointed at Keyplane).

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
