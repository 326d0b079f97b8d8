// Keyplane instances as separate `keyplane serve` processes on one PostgreSQL database,
// and what the tests and the bench do with them over real HTTP: sign in, make keys,
// members and service accounts through the API, and use a key from many clients at once.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PASSWORD = 'correct horse battery staple';

export interface Instance {
  name: string;
  /** http://127.0.0.1:<port> */
  url: string;
  process: ChildProcess;
  /** What the process wrote to standard error (warnings and errors), for a failing test to show. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `keyplane serve` on the database; resolves once it listens. */
export function startInstance(name: string, databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<Instance> {
  const child = spawn(process.execPath, ['bin/keyplane.js', 'serve', '--port', '0', '--host', '127.0.0.1', '--database-url', databaseUrl, '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', KEYPLANE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 100_000) stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within 60 s:\n${stdout}\n${stderr}`));
    }, 60_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it listened:\n${stdout}\n${stderr}`));
    };
    child.once('exit', onExit);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout.resume();
      resolve({
        name,
        url: match[1],
        process: child,
        output: () => stderr,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => {
              clearTimeout(killer);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** GraphQL answers are JSON of any shape; the tests read the fields they asked for. */
  body: any;
}

/** One keep-alive connection per client, as real API clients hold them. */
export const agent = new http.Agent({ keepAlive: true, maxSockets: 200 });

/** POST /graphql on an instance. */
export function post(instance: Pick<Instance, 'url'>, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${instance.url}/graphql`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers } },
      (response) => {
        let data = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (data += chunk));
        response.on('end', () => {
          let parsed: unknown = data;
          try {
            parsed = JSON.parse(data);
          } catch {
            // Not JSON: the test sees the text.
          }
          resolve({ status: response.statusCode!, headers: response.headers, body: parsed });
        });
      },
    );
    request.on('error', reject);
    request.end(text);
  });
}

/** Throws with the errors when a GraphQL answer has any. */
export async function data(answer: Promise<Answer>): Promise<Record<string, any>> {
  const { status, body } = await answer;
  if (status !== 200 || (body as { errors?: unknown }).errors) throw new Error(`GraphQL answered ${status}: ${JSON.stringify(body)}`);
  return (body as { data: Record<string, unknown> }).data;
}

export interface Session {
  userId: string;
  headers: Record<string, string>;
}

const sessionHeaders = (answer: Answer): Record<string, string> => {
  const cookies = ([] as string[]).concat(answer.headers['set-cookie'] ?? []);
  const session = cookies.map((cookie) => /^keyplane_session=([^;]+)/.exec(cookie)?.[1]).find(Boolean);
  if (!session) throw new Error(`no session cookie in ${JSON.stringify(answer.headers)}`);
  return { cookie: `keyplane_session=${session}`, 'x-keyplane-csrf': '1' };
};

/** The first administrator and tenant, made on `instance`. */
export async function bootstrap(instance: Instance, email = 'admin@instances.test'): Promise<Session & { tenantId: string }> {
  const answer = await post(instance, {
    query: 'mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id tenant_id } }',
    variables: { input: { email, username: 'Admin', password: PASSWORD, tenant_name: 'Instances' } },
  });
  if (answer.status !== 200 || answer.body.errors) throw new Error(`bootstrap: ${JSON.stringify(answer.body)}`);
  return { userId: answer.body.data.bootstrap.user_id, tenantId: answer.body.data.bootstrap.tenant_id, headers: sessionHeaders(answer) };
}

export async function logIn(instance: Instance, email: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<Session> {
  const answer = await post(
    instance,
    { query: 'mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }', variables: { input: { email, password } } },
    headers,
  );
  if (answer.status !== 200 || answer.body.errors) throw new Error(`log_in: ${JSON.stringify(answer.body)}`);
  return { userId: answer.body.data.log_in.user_id, headers: sessionHeaders(answer) };
}

let counter = 0;
export const unique = (label: string) => `${label}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

/** A key for `userId` (a person signed in as `session`, or a service account that session administers). */
export async function createKey(instance: Instance, session: Session, userId: string, expiresAt: string | null = null): Promise<{ id: string; key: string }> {
  const result = await data(
    post(
      instance,
      {
        query: 'mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id key } }',
        variables: { input: { user_id: userId, name: unique('key'), ...(expiresAt && { expires_at: expiresAt }) } },
      },
      session.headers,
    ),
  );
  return result.create_api_key as { id: string; key: string };
}

/** A new person invited with `role` by the administrator's session, signed in on `instance`. */
export async function addMember(instance: Instance, admin: Session & { tenantId: string }, role: string) {
  const email = `${unique('member')}@instances.test`;
  const invited = await data(
    post(
      instance,
      {
        query: 'mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { id token } }',
        variables: { input: { tenant_id: admin.tenantId, email, role } },
      },
      admin.headers,
    ),
  );
  const { token } = invited.create_membership_invitation as { token: string };
  await data(
    post(instance, {
      query: 'mutation ($input: accept_membership_invitation_input!) { accept_membership_invitation(input: $input) { success } }',
      variables: { input: { token, username: unique('Member'), password: PASSWORD } },
    }),
  );
  const session = await logIn(instance, email);
  const members = await data(post(instance, { query: '{ user { memberships { id tenant_id } } }' }, { ...session.headers, 'x-tenant-id': admin.tenantId }));
  const memberships = (members.user as { memberships: { id: string; tenant_id: string }[] }[])[0].memberships;
  const membershipId = memberships.find((m) => m.tenant_id === admin.tenantId)!.id;
  return { email, session, membershipId };
}

export async function addServiceAccount(instance: Instance, admin: Session & { tenantId: string }, role = 'USER'): Promise<string> {
  const result = await data(
    post(
      instance,
      {
        query: 'mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }',
        variables: { input: { tenant_id: admin.tenantId, name: unique('bot'), role } },
      },
      admin.headers,
    ),
  );
  return (result.create_service_account as { id: string }).id;
}

export interface Sample {
  /** performance.now() when the request was sent. */
  start: number;
  status: number;
  /** Milliseconds to the answer. */
  ms: number;
  body: any;
}

/**
 * `clients` clients, each sending `body` with `headers(client)` to the instances in
 * turn (client i starts on instance i mod n), until stopped.
 */
export function load(instances: Pick<Instance, 'url'>[], clients: number, body: unknown, headers: (client: number) => Record<string, string>) {
  let running = true;
  const perClient: Sample[][] = Array.from({ length: clients }, () => []);
  const done = perClient.map(async (samples, client) => {
    for (let turn = client; running; turn++) {
      const start = performance.now();
      const answer = await post(instances[turn % instances.length], body, headers(client));
      samples.push({ start, status: answer.status, ms: performance.now() - start, body: answer.body });
    }
  });
  return {
    perClient,
    async stop(): Promise<Sample[]> {
      running = false;
      await Promise.all(done);
      return perClient.flat();
    },
  };
}

export async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
