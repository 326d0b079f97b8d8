import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../src/server/serve.js';

// The real Keyplane server, in-process on a free port with a fresh database,
// and the keys and accounts a CLI test needs, made through the public API.

export const BIN = fileURLToPath(new URL('../../bin/keyplane.js', import.meta.url));

type Auth = { key: string } | { cookie: string };

export interface KeyplaneServer {
  url: string;
  dataDir: string;
  tenantId: string;
  tenantSlug: string;
  adminUserId: string;
  /** A user key of the tenant's administrator. */
  adminKey: string;
  adminKeyId: string;
  graphql<T = Record<string, any>>(auth: Auth, query: string, variables?: Record<string, unknown>): Promise<T>;
  createServiceAccount(name: string, role?: string): Promise<string>;
  createKey(userId: string, name: string, expiresAt?: Date): Promise<{ id: string; key: string }>;
  revokeKey(keyId: string): Promise<void>;
  removeServiceAccount(userId: string): Promise<void>;
  /** Stops listening; start() listens again on the same port and database. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

async function post(url: string, auth: Auth | undefined, query: string, variables?: Record<string, unknown>) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth && 'key' in auth) headers.authorization = `Bearer ${auth.key}`;
  if (auth && 'cookie' in auth) {
    headers.cookie = auth.cookie;
    headers['x-keyplane-csrf'] = '1';
  }
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
  return { response, data: body.data };
}

export async function startKeyplaneServer(): Promise<KeyplaneServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'keyplane-cli-data-'));
  let running = await serve({ port: 0, host: '127.0.0.1', dataDir, uiDir: null, logger: process.env.KEYPLANE_TEST_LOG === '1' });
  const url = running.url;
  const port = Number(new URL(url).port);

  const boot = await post(
    url,
    undefined,
    /* GraphQL */ `
      mutation ($input: bootstrap_input!) {
        bootstrap(input: $input) {
          user_id
          tenant_id
          tenant_slug
        }
      }
    `,
    {
      input: { email: 'ada@example.test', username: 'ada', password: 'correct horse battery staple', tenant_name: 'Acme Flows' },
    },
  );
  const cookie = boot.response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .find((pair) => pair.startsWith('keyplane_session='));
  if (!cookie) throw new Error('bootstrap set no session cookie');
  const { user_id: adminUserId, tenant_id: tenantId, tenant_slug: tenantSlug } = boot.data.bootstrap;

  const graphql = async (auth: Auth, query: string, variables?: Record<string, unknown>) => (await post(url, auth, query, variables)).data;

  const createKeyAs = async (auth: Auth, userId: string, name: string, expiresAt?: Date) => {
    const data = await graphql(
      auth,
      `
        mutation ($input: create_api_key_input!) {
          create_api_key(input: $input) {
            id
            key
          }
        }
      `,
      {
        input: { user_id: userId, name, expires_at: expiresAt?.toISOString() ?? null },
      },
    );
    return data.create_api_key as { id: string; key: string };
  };
  const admin = await createKeyAs({ cookie }, adminUserId, 'cli-test-admin');
  const asAdmin = { key: admin.key };

  return {
    url,
    dataDir,
    tenantId,
    tenantSlug,
    adminUserId,
    adminKey: admin.key,
    adminKeyId: admin.id,
    graphql,
    createKey: (userId, name, expiresAt) => createKeyAs(asAdmin, userId, name, expiresAt),
    async createServiceAccount(name, role) {
      const data = await graphql(
        asAdmin,
        `
          mutation ($input: create_service_account_input!) {
            create_service_account(input: $input) {
              id
            }
          }
        `,
        {
          input: { tenant_id: tenantId, name, role },
        },
      );
      return data.create_service_account.id as string;
    },
    async revokeKey(keyId) {
      await graphql(
        asAdmin,
        `
          mutation ($input: delete_api_key_input!) {
            delete_api_key(input: $input) {
              success
            }
          }
        `,
        { input: { key_id: keyId } },
      );
    },
    async removeServiceAccount(userId) {
      await graphql(
        asAdmin,
        `
          mutation ($input: delete_service_account_input!) {
            delete_service_account(input: $input) {
              success
            }
          }
        `,
        {
          input: { user_id: userId },
        },
      );
    },
    async stop() {
      await running.close();
    },
    async start() {
      running = await serve({ port, host: '127.0.0.1', dataDir, uiDir: null, logger: process.env.KEYPLANE_TEST_LOG === '1' });
    },
    async close() {
      await running.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface KeyplaneProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  output(): string;
  /** Resolves when the output matches, rejects after the timeout with what was printed. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** Runs bin/keyplane.js as a child process with a temporary HOME and a clean environment. */
export function spawnKeyplane(args: string[], options: { home: string; env?: Record<string, string> }): KeyplaneProcess {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: options.home,
    ...options.env,
  };
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let closed = false;
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((check) => check());
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    notify();
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    notify();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('close', (code, signal) => {
      closed = true;
      resolve({ code, signal, at: Date.now() });
      notify();
    }),
  );
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    output: () => stdout + stderr,
    exited,
    waitFor(pattern, timeoutMs = 15_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(stdout + stderr)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          } else if (closed) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`keyplane exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${stdout}${stderr}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${pattern}; output so far:\n${stdout}${stderr}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
