import { isIP } from 'node:net';
import { resolve } from 'node:path';

/** Largest request body accepted; bigger ones get HTTP 413. */
export const BODY_LIMIT_BYTES = 100 * 1024;

export interface ServerConfig {
  dataDir: string;
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
}

function numberFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const TRUST_PROXY_HELP = 'give the number of proxies in front of Keyplane (1 for one reverse proxy) or their addresses and CIDR ranges, separated by commas (e.g. 10.0.0.1,10.0.0.0/8)';
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
    throw new Error(`KEYPLANE_TRUST_PROXY=${setting} would trust every X-Forwarded-For entry, so any client could choose its own address: ${TRUST_PROXY_HELP}.`);
  }
  const entries = setting.split(',').map((entry) => entry.trim()).filter(Boolean);
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

export function loadConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    dataDir: resolve(process.env.KEYPLANE_DATA_DIR ?? 'data'),
    uiDir: resolve('dist/ui'),
    sessionIdleMinutes: numberFromEnv('KEYPLANE_SESSION_IDLE_MINUTES', 8 * 60),
    sessionMaxHours: numberFromEnv('KEYPLANE_SESSION_MAX_HOURS', 7 * 24),
    secureCookies: process.env.KEYPLANE_SECURE_COOKIES === '1',
    corsOrigins: (process.env.KEYPLANE_CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    authFailuresPerMinute: numberFromEnv('KEYPLANE_AUTH_FAILURES_PER_MINUTE', 30),
    loginFailuresPerAccount: numberFromEnv('KEYPLANE_LOGIN_FAILURES_PER_ACCOUNT', 10),
    limiterMaxKeys: numberFromEnv('KEYPLANE_LIMITER_MAX_KEYS', 10_000),
    trustProxy: parseTrustProxy(process.env.KEYPLANE_TRUST_PROXY),
    maxQueryDepth: numberFromEnv('KEYPLANE_MAX_QUERY_DEPTH', 12),
    maxQueryAliases: numberFromEnv('KEYPLANE_MAX_QUERY_ALIASES', 20),
    maxQueryCost: numberFromEnv('KEYPLANE_MAX_QUERY_COST', 50_000),
    maxQueryTokens: numberFromEnv('KEYPLANE_MAX_QUERY_TOKENS', 10_000),
    maxActiveKeysPerOwner: numberFromEnv('KEYPLANE_MAX_KEYS_PER_OWNER', 1000),
    responseCacheMb: process.env.KEYPLANE_RESPONSE_CACHE_MB === '0' ? 0 : numberFromEnv('KEYPLANE_RESPONSE_CACHE_MB', 16),
    ...overrides,
  };
}
