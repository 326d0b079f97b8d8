import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';

/** Largest request body accepted; bigger ones get HTTP 413. */
export const BODY_LIMIT_BYTES = 100 * 1024;

export interface ServerConfig {
  dataDir: string;
  /** A PostgreSQL database (postgres://…) instead of SQLite in dataDir; null: SQLite (store/open-store.ts). */
  databaseUrl: string | null;
  /** PostgreSQL: connections each instance's pool opens at most. */
  databasePoolMax: number;
  /** PostgreSQL: a statement running longer is cancelled by the server; 0: no limit. */
  databaseStatementTimeoutMs: number;
  /** PostgreSQL: how long to wait for a connection before the database counts as unavailable (503); 0: no limit. */
  databaseConnectTimeoutMs: number;
  /** Built UI to serve at /; null serves a small page linking to GraphiQL. */
  uiDir: string | null;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Whether cookies get the Secure flag (behind https). */
  secureCookies: boolean;
  /** Allowed CORS origins; empty keeps CORS closed. */
  corsOrigins: string[];
  /** Failed authentications per source address per minute before 429. */
  authFailuresPerMinute: number;
  /** Failed sign-ins per account per 15 minutes before 429 (from browsers without a device cookie; each device cookie has as many of its own). */
  loginFailuresPerAccount: number;
  /** Keys (addresses, emails, device cookies) each failure limiter holds at most; at 10,000 about 5 MB at worst (254-character emails). */
  limiterMaxKeys: number;
  /**
   * Which X-Forwarded-For entries to believe: false for none, a number of proxy hops
   * in front of the server, or the proxies' addresses and CIDR ranges (see trustedProxies).
   */
  trustProxy: false | number | string[];
  /** Deepest selection a query may nest (Mercurius queryDepth). */
  maxQueryDepth: number;
  /** Aliased fields per operation. */
  maxQueryAliases: number;
  /** Fields a query may resolve, lists counted by their limit (see graphql/query-limits.ts). */
  maxQueryCost: number;
  /** Lexical tokens in one GraphQL document (bounds parsing work). */
  maxQueryTokens: number;
  /** Keys one account (a person or a service account) may hold, neither revoked nor expired. */
  maxActiveKeysPerOwner: number;
  /** Memory for saved answers to repeated read-only queries, in MB; 0 turns the cache off (graphql/response-cache.ts). */
  responseCacheMb: number;
  /** Where `keyplane serve` listens. */
  port: number;
  host: string;
  /** pino's level for the server's log; `silent` writes none. */
  logLevel: LogLevel;
  /** JSON lines, or pino-pretty's coloured lines for a terminal (a development dependency). */
  logFormat: 'json' | 'pretty';
  /** Bearer token that GET /metrics on the public listener asks for; null: no /metrics there. */
  metricsToken: string | null;
  /** A second listener on 127.0.0.1 that serves /metrics without a token; null: none. */
  metricsPort: number | null;
  /** How long in-flight requests may take to finish after SIGTERM before their connections are cut. */
  shutdownTimeoutSeconds: number;
  /** How long /readyz answers 503 after SIGTERM, still serving, before the listener closes (for load balancers). */
  shutdownDelaySeconds: number;
  /** Where key warnings are mailed (smtp:// or smtps://user:pass@host:port); null: no email (notifications/mailer.ts). */
  smtpUrl: string | null;
  /** The From address of those emails. */
  smtpFrom: string;
  /** Keyplane's address as its users reach it, for the links in emails; null: links to http://<host>:<port>. */
  publicUrl: string | null;
  /** Webhooks may post to private, loopback and link-local addresses, and to http:// on loopback (server/webhooks/addresses.ts). */
  webhooksAllowPrivate: boolean;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const TRUST_PROXY_HELP =
  'give the number of proxies in front of Keyplane (1 for one reverse proxy) or their addresses and CIDR ranges, separated by commas (e.g. 10.0.0.1,10.0.0.0/8)';
/** proxy-addr's names for ranges, which Fastify accepts in a list. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

/**
 * KEYPLANE_TRUST_PROXY. Trusting every hop is refused: a proxy that appends to
 * X-Forwarded-For (nginx's $proxy_add_x_forwarded_for) passes on whatever the client
 * wrote before its own entry, so the client would choose its address, and with it the
 * per-address limits and the address in the audit log.
 */
export function parseTrustProxy(value: string | undefined): ServerConfig['trustProxy'] {
  const setting = value?.trim() ?? '';
  if (setting === '') return false;
  if (/^\d+$/.test(setting)) return Number(setting) > 0 ? Number(setting) : false;
  if (/^(true|all|yes|on|\*)$/i.test(setting)) {
    throw new Error(
      `KEYPLANE_TRUST_PROXY=${setting} would trust every X-Forwarded-For entry, so any client could choose its own address: ${TRUST_PROXY_HELP}.`,
    );
  }
  const entries = setting
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const wrong = entries.find((entry) => !isAddressOrRange(entry));
  if (wrong !== undefined) throw new Error(`KEYPLANE_TRUST_PROXY: "${wrong.slice(0, 100)}" is not an address or CIDR range: ${TRUST_PROXY_HELP}.`);
  return entries.length > 0 ? entries : false;
}

/**
 * The setting as Fastify's trustProxy. Fastify takes a plain number as trusting no
 * hop at all, so a hop count n is given as proxy-addr's function: the nearest n
 * addresses (the socket's peer, then X-Forwarded-For from its end) are proxies, and
 * the one before them is the client. A hop count takes whoever connects as a proxy,
 * so it suits a server that only its proxy can reach; a list has no such weakness.
 */
export function trustedProxies(setting: ServerConfig['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

// ---------------------------------------------------------------- settings and their sources

/** Where a setting's value came from, highest first: a flag, the environment, keyplane.toml, the default. */
export type SettingSource = 'flag' | 'env' | 'file' | 'default';

type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };

interface Setting<K extends keyof ServerConfig = keyof ServerConfig> {
  field: K;
  /** The name in keyplane.toml. */
  key: string;
  env: string;
  /** The `keyplane serve` flag, where there is one. */
  flag?: string;
  /** Printed masked by --print-config. */
  secret?: boolean;
  /** A path: in keyplane.toml, relative to the file's folder. */
  path?: boolean;
  fallback: () => ServerConfig[K];
  /** Reads an environment or flag string, or a TOML value (number, boolean, array or string). */
  parse: (value: unknown) => Parsed<ServerConfig[K]>;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: unknown): Parsed<number> => {
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    const number = Number(text);
    return /^\d+$/.test(text) && number >= min && number <= max
      ? ok(number)
      : { ok: false, expected: max === Number.MAX_SAFE_INTEGER ? `a whole number of ${min} or more` : `a whole number from ${min} to ${max}` };
  };
}

function optionalPort(value: unknown): Parsed<number | null> {
  if (value === '' || value === null) return ok(null);
  return wholeNumber(1, 65535)(value);
}

function boolean(value: unknown): Parsed<boolean> {
  if (typeof value === 'boolean') return ok(value);
  const text = String(value).trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(text)) return ok(true);
  if (['0', 'false', 'no', 'off', ''].includes(text)) return ok(false);
  return { ok: false, expected: '1 or 0 (true or false)' };
}

function text(value: unknown): Parsed<string> {
  return typeof value === 'string' && value.trim() !== '' ? ok(value.trim()) : { ok: false, expected: 'a non-empty string' };
}

/** A comma-separated string, or a TOML array of strings. */
function list(value: unknown): Parsed<string[]> {
  if (Array.isArray(value)) {
    return value.every((entry) => typeof entry === 'string')
      ? ok(value.map((entry) => entry.trim()).filter(Boolean))
      : { ok: false, expected: 'a list of strings' };
  }
  return typeof value === 'string'
    ? ok(
        value
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      )
    : { ok: false, expected: 'a comma-separated string or a list of strings' };
}

function oneOf<T extends string>(choices: readonly T[]) {
  return (value: unknown): Parsed<T> =>
    typeof value === 'string' && (choices as readonly string[]).includes(value.trim().toLowerCase())
      ? ok(value.trim().toLowerCase() as T)
      : { ok: false, expected: `one of ${choices.join(', ')}` };
}

/** A guess of at least 16 characters is out of reach; shorter tokens are refused rather than warned about. */
function metricsToken(value: unknown): Parsed<string | null> {
  if (value === '' || value === null) return ok(null);
  return typeof value === 'string' && value.trim().length >= 16 && !/\s/.test(value.trim())
    ? ok(value.trim())
    : { ok: false, expected: 'at least 16 characters without spaces (e.g. openssl rand -hex 32)' };
}

/** A postgres:// (or postgresql://) URL; empty: SQLite in data_dir. */
function databaseUrl(value: unknown): Parsed<string | null> {
  if (value === '' || value === null) return ok(null);
  return typeof value === 'string' && /^postgres(ql)?:\/\/\S+$/i.test(value.trim())
    ? ok(value.trim())
    : { ok: false, expected: 'a postgres://user:password@host:port/database URL (unset: SQLite in data_dir)' };
}

/** An smtp:// or smtps:// URL; empty: no email. */
function smtpUrl(value: unknown): Parsed<string | null> {
  if (value === '' || value === null) return ok(null);
  return typeof value === 'string' && /^smtps?:\/\/\S+$/i.test(value.trim())
    ? ok(value.trim())
    : { ok: false, expected: 'an smtp://user:password@host:587 or smtps://… URL (unset: no email)' };
}

/** An http(s) URL, without its trailing slash; empty: none. */
function publicUrl(value: unknown): Parsed<string | null> {
  if (value === '' || value === null) return ok(null);
  return typeof value === 'string' && /^https?:\/\/[^\s/]+(\/\S*)?$/i.test(value.trim())
    ? ok(value.trim().replace(/\/+$/, ''))
    : { ok: false, expected: 'an http:// or https:// URL, e.g. https://keys.example.com' };
}

function trustProxySetting(value: unknown): Parsed<ServerConfig['trustProxy']> {
  // parseTrustProxy throws its own explanation, which the caller adds the setting's name to.
  if (typeof value === 'number') return ok(parseTrustProxy(String(value)));
  if (Array.isArray(value)) return ok(parseTrustProxy(value.map(String).join(',')));
  if (typeof value === 'boolean') return ok(parseTrustProxy(String(value)));
  return ok(parseTrustProxy(String(value)));
}

const setting = <K extends keyof ServerConfig>(spec: Setting<K>): Setting => spec;

/** Every setting, in the order --print-config lists them. Each is KEYPLANE_<KEY> in the environment (PORT and HOST excepted). */
export const SETTINGS: readonly Setting[] = [
  setting({ field: 'port', key: 'port', env: 'PORT', flag: '--port', fallback: () => 4200, parse: wholeNumber(0, 65535) }),
  setting({ field: 'host', key: 'host', env: 'HOST', flag: '--host', fallback: () => '127.0.0.1', parse: text }),
  setting({
    field: 'dataDir',
    key: 'data_dir',
    env: 'KEYPLANE_DATA_DIR',
    flag: '--data-dir',
    path: true,
    fallback: () => resolve('data'),
    parse: (v) => mapParsed(text(v), (dir) => resolve(dir)),
  }),
  setting({
    field: 'databaseUrl',
    key: 'database_url',
    env: 'KEYPLANE_DATABASE_URL',
    flag: '--database-url',
    // It may hold a password.
    secret: true,
    fallback: () => null,
    parse: databaseUrl,
  }),
  // The defaults are the driver's (store/postgres/driver.ts: POSTGRES_DEFAULTS), which this module does not load: it would load pg.
  setting({ field: 'databasePoolMax', key: 'database_pool_max', env: 'KEYPLANE_DATABASE_POOL_MAX', fallback: () => 10, parse: wholeNumber(1) }),
  setting({
    field: 'databaseStatementTimeoutMs',
    key: 'database_statement_timeout_ms',
    env: 'KEYPLANE_DATABASE_STATEMENT_TIMEOUT_MS',
    fallback: () => 30_000,
    parse: wholeNumber(0),
  }),
  setting({
    field: 'databaseConnectTimeoutMs',
    key: 'database_connect_timeout_ms',
    env: 'KEYPLANE_DATABASE_CONNECT_TIMEOUT_MS',
    fallback: () => 5_000,
    parse: wholeNumber(0),
  }),
  setting({ field: 'logLevel', key: 'log_level', env: 'KEYPLANE_LOG_LEVEL', flag: '--log-level', fallback: () => 'info', parse: oneOf(LOG_LEVELS) }),
  setting({
    field: 'logFormat',
    key: 'log_format',
    env: 'KEYPLANE_LOG_FORMAT',
    flag: '--log-format',
    fallback: () => 'json',
    parse: oneOf(['json', 'pretty'] as const),
  }),
  setting({ field: 'metricsToken', key: 'metrics_token', env: 'KEYPLANE_METRICS_TOKEN', secret: true, fallback: () => null, parse: metricsToken }),
  setting({ field: 'metricsPort', key: 'metrics_port', env: 'KEYPLANE_METRICS_PORT', flag: '--metrics-port', fallback: () => null, parse: optionalPort }),
  setting({
    field: 'shutdownTimeoutSeconds',
    key: 'shutdown_timeout_seconds',
    env: 'KEYPLANE_SHUTDOWN_TIMEOUT_SECONDS',
    flag: '--shutdown-timeout',
    fallback: () => 10,
    parse: wholeNumber(1, 3600),
  }),
  setting({
    field: 'shutdownDelaySeconds',
    key: 'shutdown_delay_seconds',
    env: 'KEYPLANE_SHUTDOWN_DELAY_SECONDS',
    fallback: () => 0,
    parse: wholeNumber(0, 600),
  }),
  setting({ field: 'smtpUrl', key: 'smtp_url', env: 'KEYPLANE_SMTP_URL', secret: true, fallback: () => null, parse: smtpUrl }),
  setting({ field: 'smtpFrom', key: 'smtp_from', env: 'KEYPLANE_SMTP_FROM', fallback: () => 'Keyplane <keyplane@localhost>', parse: text }),
  setting({ field: 'publicUrl', key: 'public_url', env: 'KEYPLANE_PUBLIC_URL', fallback: () => null, parse: publicUrl }),
  setting({ field: 'secureCookies', key: 'secure_cookies', env: 'KEYPLANE_SECURE_COOKIES', fallback: () => false, parse: boolean }),
  setting({ field: 'trustProxy', key: 'trust_proxy', env: 'KEYPLANE_TRUST_PROXY', fallback: () => false, parse: trustProxySetting }),
  setting({ field: 'corsOrigins', key: 'cors_origins', env: 'KEYPLANE_CORS_ORIGINS', fallback: () => [], parse: list }),
  setting({ field: 'sessionIdleMinutes', key: 'session_idle_minutes', env: 'KEYPLANE_SESSION_IDLE_MINUTES', fallback: () => 8 * 60, parse: wholeNumber(1) }),
  setting({ field: 'sessionMaxHours', key: 'session_max_hours', env: 'KEYPLANE_SESSION_MAX_HOURS', fallback: () => 7 * 24, parse: wholeNumber(1) }),
  setting({
    field: 'authFailuresPerMinute',
    key: 'auth_failures_per_minute',
    env: 'KEYPLANE_AUTH_FAILURES_PER_MINUTE',
    fallback: () => 30,
    parse: wholeNumber(1),
  }),
  setting({
    field: 'loginFailuresPerAccount',
    key: 'login_failures_per_account',
    env: 'KEYPLANE_LOGIN_FAILURES_PER_ACCOUNT',
    fallback: () => 10,
    parse: wholeNumber(1),
  }),
  setting({ field: 'limiterMaxKeys', key: 'limiter_max_keys', env: 'KEYPLANE_LIMITER_MAX_KEYS', fallback: () => 10_000, parse: wholeNumber(1) }),
  setting({ field: 'maxQueryDepth', key: 'max_query_depth', env: 'KEYPLANE_MAX_QUERY_DEPTH', fallback: () => 12, parse: wholeNumber(1) }),
  setting({ field: 'maxQueryAliases', key: 'max_query_aliases', env: 'KEYPLANE_MAX_QUERY_ALIASES', fallback: () => 20, parse: wholeNumber(1) }),
  setting({ field: 'maxQueryCost', key: 'max_query_cost', env: 'KEYPLANE_MAX_QUERY_COST', fallback: () => 50_000, parse: wholeNumber(1) }),
  setting({ field: 'maxQueryTokens', key: 'max_query_tokens', env: 'KEYPLANE_MAX_QUERY_TOKENS', fallback: () => 10_000, parse: wholeNumber(1) }),
  setting({ field: 'maxActiveKeysPerOwner', key: 'max_keys_per_owner', env: 'KEYPLANE_MAX_KEYS_PER_OWNER', fallback: () => 1000, parse: wholeNumber(1) }),
  setting({
    field: 'webhooksAllowPrivate',
    key: 'webhooks_allow_private',
    env: 'KEYPLANE_WEBHOOKS_ALLOW_PRIVATE',
    fallback: () => false,
    parse: boolean,
  }),
  setting({ field: 'responseCacheMb', key: 'response_cache_mb', env: 'KEYPLANE_RESPONSE_CACHE_MB', fallback: () => 16, parse: wholeNumber(0) }),
];

function mapParsed<T, U>(parsed: Parsed<T>, map: (value: T) => U): Parsed<U> {
  return parsed.ok ? ok(map(parsed.value)) : parsed;
}

/** A setting that cannot be used, named as the user wrote it. */
export class ConfigError extends Error {}

export interface SettingInputs {
  /** Flag values by setting key (data_dir, log_level, ...), as commander parsed them. */
  flags?: Record<string, unknown>;
  env?: Record<string, string | undefined>;
  /** keyplane.toml, parsed, and its path for messages. */
  file?: { path: string; table: Record<string, unknown> } | null;
}

export interface ResolvedConfig {
  config: ServerConfig;
  sources: Record<string, SettingSource>;
  file: string | null;
}

const shown = (value: unknown) => JSON.stringify(typeof value === 'string' ? value.slice(0, 100) : value);

/** Every setting from flag > environment > keyplane.toml > default; a bad value throws a ConfigError naming where it was set. */
export function resolveSettings({ flags = {}, env = {}, file = null }: SettingInputs): ResolvedConfig {
  const known = new Set(SETTINGS.map((s) => s.key));
  const unknown = Object.keys(file?.table ?? {}).filter((key) => !known.has(key));
  if (file && unknown.length > 0) {
    throw new ConfigError(`${file.path}: unknown setting ${unknown.map((key) => `"${key}"`).join(', ')} (the settings are: ${[...known].join(', ')}).`);
  }
  const config = { uiDir: resolve('dist/ui') } as ServerConfig;
  const sources: Record<string, SettingSource> = {};
  for (const spec of SETTINGS) {
    const candidates: [SettingSource, unknown, string][] = [
      ['flag', flags[spec.key], spec.flag ?? ''],
      ['env', env[spec.env], spec.env],
      ['file', file?.table[spec.key], `${file?.path}: ${spec.key}`],
    ];
    const found = candidates.find(([, value]) => value !== undefined);
    if (!found) {
      (config as unknown as Record<string, unknown>)[spec.field] = spec.fallback();
      sources[spec.key] = 'default';
      continue;
    }
    const [source, foundValue, where] = found;
    const value = spec.path && source === 'file' && typeof foundValue === 'string' ? resolve(dirname(file!.path), foundValue) : foundValue;
    let parsed: Parsed<unknown>;
    try {
      parsed = spec.parse(value);
    } catch (error) {
      // parseTrustProxy explains itself, naming the environment variable.
      throw new ConfigError(source === 'env' ? (error as Error).message : `${where}: ${(error as Error).message}`);
    }
    if (!parsed.ok) {
      const shownValue = spec.secret ? '(hidden)' : shown(value);
      throw new ConfigError(`${source === 'env' ? `${where}=${shownValue}` : `${where} ${shownValue}`} is not valid: expected ${parsed.expected}.`);
    }
    (config as unknown as Record<string, unknown>)[spec.field] = parsed.value;
    sources[spec.key] = source;
  }
  return { config, sources, file: file?.path ?? null };
}

/** Reads keyplane.toml; a missing or malformed file is a ConfigError naming it. */
export function readConfigFile(path: string): { path: string; table: Record<string, unknown> } {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `Cannot read the configuration file ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
    );
  }
  try {
    return { path, table: parseToml(source) };
  } catch (error) {
    const where = error instanceof TomlError ? ` (line ${error.line}, column ${error.column})` : '';
    throw new ConfigError(`${path} is not valid TOML${where}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** The configuration from the environment alone (and the overrides), as the server's tests and buildApp use it. */
/** The PostgreSQL pool's options (store/postgres/driver.ts: PostgresSettings) from the settings. */
export function poolSettings(config: Pick<ServerConfig, 'databasePoolMax' | 'databaseStatementTimeoutMs' | 'databaseConnectTimeoutMs'>) {
  return {
    maxConnections: config.databasePoolMax,
    statementTimeoutMs: config.databaseStatementTimeoutMs,
    connectionTimeoutMs: config.databaseConnectTimeoutMs,
  };
}

export function loadConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...resolveSettings({ env: process.env }).config, ...overrides };
}

function tomlValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(', ')}]`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * The settings as keyplane.toml would hold them, each with where its value came from;
 * secrets masked. Printed by `keyplane serve --print-config`.
 */
export function formatConfig({ config, sources, file }: ResolvedConfig): string {
  const lines = [`# Keyplane's settings: flag > environment > ${file ?? 'keyplane.toml (none read)'} > default.`];
  const rows = SETTINGS.map((spec) => {
    const value = (config as unknown as Record<string, unknown>)[spec.field];
    const source = sources[spec.key];
    const origin = source === 'flag' ? `flag ${spec.flag}` : source === 'env' ? `environment ${spec.env}` : source === 'file' ? 'file' : 'default';
    if (value === null || (value === false && spec.field === 'trustProxy')) {
      return [`# ${spec.key} =`, `${origin}: not set (${spec.env})`];
    }
    return [`${spec.key} = ${spec.secret ? '"********"' : tomlValue(value)}`, `${origin} (${spec.env})`];
  });
  const width = Math.max(...rows.map(([assignment]) => assignment.length));
  for (const [assignment, origin] of rows) lines.push(`${assignment.padEnd(width)}  # ${origin}`);
  return lines.join('\n');
}
