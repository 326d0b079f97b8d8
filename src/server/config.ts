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
  /** Failed sign-ins per account per 15 minutes before 429. */
  loginFailuresPerAccount: number;
  trustProxy: boolean;
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
    trustProxy: process.env.KEYPLANE_TRUST_PROXY === '1',
    maxQueryDepth: numberFromEnv('KEYPLANE_MAX_QUERY_DEPTH', 12),
    maxQueryAliases: numberFromEnv('KEYPLANE_MAX_QUERY_ALIASES', 20),
    maxQueryCost: numberFromEnv('KEYPLANE_MAX_QUERY_COST', 50_000),
    maxQueryTokens: numberFromEnv('KEYPLANE_MAX_QUERY_TOKENS', 10_000),
    maxActiveKeysPerOwner: numberFromEnv('KEYPLANE_MAX_KEYS_PER_OWNER', 1000),
    responseCacheMb: process.env.KEYPLANE_RESPONSE_CACHE_MB === '0' ? 0 : numberFromEnv('KEYPLANE_RESPONSE_CACHE_MB', 16),
    ...overrides,
  };
}
