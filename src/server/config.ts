import { resolve } from 'node:path';

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
    ...overrides,
  };
}
