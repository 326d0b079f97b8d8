import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { PASSWORD } from './harness.js';

// The server's log at its default level (info), through a whole flow: setting up,
// signing in, keys for a person and a service account, an invitation opened by its
// link and accepted, reads, a failure. One JSON line per request, saying who asked
// (ids only) and what happened; the request id on every line; errors with their
// stack; the monitors' routes quiet. Then every line is searched for every secret the
// flow saw: keys (and their random part), session and device cookies, the invitation
// token, the password.

interface Line {
  level: number;
  msg: string;
  request_id?: string;
  [field: string]: unknown;
}

const dataDir = mkdtempSync(join(tmpdir(), 'keyplane-logging-'));
const raw: string[] = [];
const secrets: { name: string; value: string }[] = [{ name: 'password', value: PASSWORD }];
const answered: { label: string; response: LightMyRequestResponse }[] = [];
let app: FastifyInstance;
let ids: { admin: string; tenant: string; bot: string; botKey: string; adminKey: string };

const lines = (): Line[] => raw.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line) as Line);
const completions = () => lines().filter((line) => line.msg === 'request completed');
const completionOf = (label: string) =>
  completions().find((line) => line.request_id === answered.find((a) => a.label === label)!.response.headers['x-request-id']);

async function request(
  label: string,
  options: { method?: 'GET' | 'POST'; url?: string; query?: string; variables?: Record<string, unknown>; headers?: Record<string, string> },
) {
  const response = await app.inject({
    method: options.method ?? 'POST',
    url: options.url ?? '/graphql',
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(options.query !== undefined && { payload: JSON.stringify({ query: options.query, variables: options.variables ?? {} }) }),
  });
  answered.push({ label, response });
  for (const cookie of response.cookies) if (cookie.value) secrets.push({ name: `${cookie.name} cookie from ${label}`, value: cookie.value });
  return response;
}

const sessionOf = (response: LightMyRequestResponse) => {
  const value = response.cookies.find((c) => c.name === 'keyplane_session')!.value;
  return { cookie: `keyplane_session=${value}`, 'x-keyplane-csrf': '1' };
};

async function createKey(label: string, userId: string, headers: Record<string, string>) {
  const response = await request(label, {
    query: 'mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id key } }',
    variables: { input: { user_id: userId, name: label } },
    headers,
  });
  const { id, key } = response.json().data.create_api_key;
  secrets.push({ name: `key from ${label}`, value: key }, { name: `random part of the key from ${label}`, value: key.slice(4, 34) });
  return { id, key };
}

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      raw.push(chunk.toString());
      done();
    },
  });
  app = await buildApp({ dataDir, uiDir: null, logger: { level: 'info', stream } });

  const boot = await request('bootstrap', {
    query: 'mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id tenant_id } }',
    variables: { input: { email: 'admin@logging.test', username: 'Admin', password: PASSWORD, tenant_name: 'Logging' } },
  });
  const { user_id: admin, tenant_id: tenant } = boot.json().data.bootstrap;
  const signIn = await request('log_in', {
    query: 'mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }',
    variables: { input: { email: 'admin@logging.test', password: PASSWORD } },
  });
  const session = sessionOf(signIn);
  await request('wrong password', {
    query: 'mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }',
    variables: { input: { email: 'admin@logging.test', password: `${PASSWORD}-not` } },
  });

  const adminKey = await createKey('admin key', admin, session);
  const botResponse = await request('create service account', {
    query: 'mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }',
    variables: { input: { tenant_id: tenant, name: 'bot' } },
    headers: { authorization: `Bearer ${adminKey.key}` },
  });
  const bot = botResponse.json().data.create_service_account.id;
  const botKey = await createKey('bot key', bot, { authorization: `Bearer ${adminKey.key}` });
  ids = { admin, tenant, bot, botKey: botKey.id, adminKey: adminKey.id };

  const invite = await request('invite', {
    query: 'mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { token } }',
    variables: { input: { tenant_id: tenant, email: 'member@logging.test', role: 'USER' } },
    headers: session,
  });
  const token = invite.json().data.create_membership_invitation.token;
  secrets.push({ name: 'invitation token', value: token });
  // The invitation link as a browser opens it, and the preview its page asks for, by GET as a link could.
  await request('invitation link', { method: 'GET', url: `/invite/${encodeURIComponent(token)}`, headers: { accept: 'text/html' } });
  const preview = encodeURIComponent('query ($token: String!) { invitation_preview(token: $token) { status } }');
  await request('preview by GET', { method: 'GET', url: `/graphql?query=${preview}&variables=${encodeURIComponent(JSON.stringify({ token }))}` });
  const accepted = await request('accept', {
    query: 'mutation ($input: accept_membership_invitation_input!) { accept_membership_invitation(input: $input) { success } }',
    variables: { input: { token, username: 'Member', password: PASSWORD } },
  });
  const member = sessionOf(accepted);

  await request('read with the bot key', { query: 'query BotReads { auth_info { user_id } }', headers: { authorization: `Bearer ${botKey.key}` } });
  await request('read with a session', { query: 'query MemberReads { auth_info { user_id } }', headers: member });
  const newPassword = `${PASSWORD}-changed`;
  secrets.push({ name: 'new password', value: newPassword });
  await request('change password, wrong current one', {
    query: 'mutation ($input: change_password_input!) { change_password(input: $input) { success } }',
    variables: { input: { current_password: `${PASSWORD}-not`, new_password: newPassword } },
    headers: member,
  });
  await request('change password', {
    query: 'mutation ($input: change_password_input!) { change_password(input: $input) { success } }',
    variables: { input: { current_password: PASSWORD, new_password: newPassword } },
    headers: member,
  });
  await request('a mistyped key', {
    query: '{ auth_info { user_id } }',
    headers: { authorization: `Bearer ${botKey.key.slice(0, -1)}${botKey.key.endsWith('x') ? 'y' : 'x'}` },
  });
  for (const url of ['/healthz', '/readyz', '/health']) await request(`monitor ${url}`, { method: 'GET', url });

  // A fault: the database goes away under the server.
  await app.store.close();
  await request('fault', { query: '{ auth_api_key { id } }', headers: session });
});
afterAll(async () => {
  await app.close().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the server log', () => {
  it('is JSON lines, one "request completed" line at info per request but the monitors\'', () => {
    const logged = answered.filter((a) => !a.label.startsWith('monitor '));
    expect(completions().length).toBe(logged.length);
    for (const { label, response } of logged) {
      const line = completionOf(label);
      expect(line, label).toBeDefined();
      expect(line!.level, label).toBe(30);
      expect(line, label).toMatchObject({ method: expect.stringMatching(/^(GET|POST)$/), status: response.statusCode, address: '127.0.0.1' });
      expect(typeof line!.duration_ms, label).toBe('number');
      expect(line!.route, label).toBeDefined();
    }
    expect(completionOf('bootstrap')).toMatchObject({ route: '/graphql', path: '/graphql', operation_type: 'mutation' });
  });

  it('does not log /healthz, /readyz or /health at info', () => {
    for (const url of ['/healthz', '/readyz', '/health']) {
      const { response } = answered.find((a) => a.label === `monitor ${url}`)!;
      expect(response.statusCode).toBe(200);
      expect(lines().filter((line) => line.request_id === response.headers['x-request-id'])).toEqual([]);
    }
  });

  it('says who asked, by id and kind, and in which tenant', () => {
    expect(completionOf('read with the bot key')).toMatchObject({
      principal_kind: 'service_account',
      principal_id: ids.bot,
      auth: 'api_key',
      api_key_id: ids.botKey,
      tenant_id: ids.tenant,
      operation: 'BotReads',
      operation_type: 'query',
    });
    expect(completionOf('create service account')).toMatchObject({
      principal_kind: 'user',
      principal_id: ids.admin,
      auth: 'api_key',
      api_key_id: ids.adminKey,
    });
    const session = completionOf('read with a session')!;
    expect(session).toMatchObject({ principal_kind: 'user', auth: 'session', tenant_id: ids.tenant, operation: 'MemberReads' });
    expect(session.api_key_id).toBeUndefined();
    // No credential, or one refused: no principal.
    expect(completionOf('a mistyped key')).toMatchObject({ status: 401 });
    expect(completionOf('a mistyped key')!.principal_id).toBeUndefined();
  });

  it('logs a fault at error with its stack, under the request id the client was given', () => {
    const { response } = answered.find((a) => a.label === 'fault')!;
    expect(response.statusCode).toBe(500);
    const requestId = response.json().errors[0].extensions.request_id;
    expect(requestId).toBe(response.headers['x-request-id']);
    const errors = lines().filter((line) => line.level === 50 && line.request_id === requestId);
    expect(errors.length).toBeGreaterThan(0);
    const err = errors[0].err as { stack?: string; message?: string };
    expect(err.stack).toMatch(/database connection is not open/i);
    expect(err.stack).toMatch(/\n\s+at /);
  });

  it('shows the invitation link and GET requests without their secrets', () => {
    expect(completionOf('invitation link')!.path).toBe('/invite/[redacted]');
    expect(completionOf('preview by GET')!.path).toBe('/graphql');
  });

  it('holds none of the secrets the flow saw', () => {
    const log = raw.join('');
    expect(secrets.filter((s) => s.name.includes('cookie')).length).toBeGreaterThanOrEqual(3);
    for (const secret of secrets)
      expect(
        log.split('\n').filter((line) => line.includes(secret.value)),
        secret.name,
      ).toEqual([]);
  });
});
