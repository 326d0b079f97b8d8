import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { PASSWORD } from './harness.js';

// A whole flow with debug logging, then a search of the logs, the database files and
// every HTTP response for each secret made along the way. A key may appear in exactly
// one place: the response of the create_api_key call that made it. Session ids and
// invitation tokens likewise appear only in the response that issued them; passwords
// nowhere at all.

interface Exchange {
  label: string;
  request: string;
  response: string;
}

const dataDir = mkdtempSync(join(tmpdir(), 'keyplane-leaks-'));
const dbPath = join(dataDir, 'keyplane.db');
const logLines: string[] = [];
const exchanges: Exchange[] = [];
/** Each secret and the label of the one exchange allowed to answer with it. */
const secrets: { name: string; value: string; issuedBy: string | null }[] = [];
let app: FastifyInstance;
let dbBytes: Buffer[] = [];

async function call(label: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const request = JSON.stringify({ query, variables });
  const response = await app.inject({ method: 'POST', url: '/graphql', payload: request, headers: { 'content-type': 'application/json', ...headers } });
  exchanges.push({ label, request, response: `${JSON.stringify(response.headers)}\n${response.body}` });
  return { status: response.statusCode, body: response.json(), cookies: response.cookies };
}

const session = (token: string) => ({ cookie: `keyplane_session=${token}`, 'x-keyplane-csrf': '1' });
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

function sessionOf(label: string, result: { cookies: { name: string; value: string }[] }) {
  const token = result.cookies.find((c) => c.name === 'keyplane_session')!.value;
  secrets.push({ name: `session from ${label}`, value: token, issuedBy: label });
  return token;
}

async function createKey(label: string, userId: string, auth: Record<string, string>) {
  const result = await call(
    label,
    `mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id key token } }`,
    { input: { user_id: userId, name: label } },
    auth,
  );
  const { id, key } = result.body.data.create_api_key;
  secrets.push({ name: `key ${label}`, value: key, issuedBy: label });
  return { id, key };
}

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  app = await buildApp({ dataDir, uiDir: null, logger: { level: 'debug', stream } });
  secrets.push({ name: 'password', value: PASSWORD, issuedBy: null });

  // Setting up: the first administrator, a service account, an invited member.
  const boot = await call('bootstrap', `mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id tenant_id } }`, {
    input: { email: 'admin@leaks.test', username: 'Admin', password: PASSWORD, tenant_name: 'Leaks' },
  });
  const { user_id: adminId, tenant_id: tenantId } = boot.body.data.bootstrap;
  const admin = session(sessionOf('bootstrap', boot));
  const signIn = await call('log_in', `mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }`, {
    input: { email: 'admin@leaks.test', password: PASSWORD },
  });
  const adminSession = session(sessionOf('log_in', signIn));

  const adminKey = await createKey('create admin key', adminId, adminSession);
  const bot = await call(
    'create service account',
    `mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }`,
    { input: { tenant_id: tenantId, name: 'bot' } },
    bearer(adminKey.key),
  );
  const botKey = await createKey('create bot key', bot.body.data.create_service_account.id, bearer(adminKey.key));

  const invite = await call(
    'invite',
    `mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { id token } }`,
    { input: { tenant_id: tenantId, email: 'member@leaks.test', role: 'USER' } },
    adminSession,
  );
  const invitationToken = invite.body.data.create_membership_invitation.token;
  secrets.push({ name: 'invitation token', value: invitationToken, issuedBy: 'invite' });
  await call('preview invitation', `query ($token: String!) { invitation_preview(token: $token) { status email } }`, { token: invitationToken });
  // The invitation link, as the browser opens it: its path holds the token (only the log is searched here).
  await app.inject({ method: 'GET', url: `/invite/${invitationToken}`, headers: { accept: 'text/html' } });
  const accepted = await call(
    'accept invitation',
    `mutation ($input: accept_membership_invitation_input!) { accept_membership_invitation(input: $input) { success } }`,
    { input: { token: invitationToken, username: 'Member', password: PASSWORD } },
  );
  const member = session(sessionOf('accept invitation', accepted));
  const memberId = (await call('member user', '{ user { id } }', {}, member)).body.data.user[0].id;
  const memberKey = await createKey('create member key', memberId, member);

  // Using everything: reads with each key, every listing, the audit log.
  for (const [label, auth] of [
    ['admin key', bearer(adminKey.key)],
    ['bot key', bearer(botKey.key)],
    ['member key', bearer(memberKey.key)],
    ['admin session', admin],
  ] as const) {
    await call(
      `reads with ${label}`,
      `{ auth_info { user_id tenant_id role permissions api_key_id } user { id username memberships { role } } tenant { id slug }
      auth_api_key { id name key_hint created expires_at last_used_at user { username } created_by { username } tenant { slug } }
      auth_api_key_aggregate { aggregate { count } } user_view_same_tenant { username account_type api_key_count } }`,
      {},
      auth,
    );
  }
  await call(
    'audit log',
    `{ audit_event(limit: 1000) { action actor { username } target_type target_id target_name source_address } membership_invitation { email } }`,
    {},
    adminSession,
  );

  // Mistakes and attacks that carry a key where it does not belong.
  await call('key pasted as a password', `mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }`, {
    input: { email: 'admin@leaks.test', password: botKey.key },
  });
  await call('key in a wrong tenant', '{ auth_info { user_id } }', {}, { ...bearer(memberKey.key), 'x-tenant-id': 'no-such-tenant' });
  await call('key with a bad scheme', '{ auth_info { user_id } }', {}, { authorization: `Token ${adminKey.key}` });
  await call('key with extra characters', '{ auth_info { user_id } }', {}, bearer(`${adminKey.key}x`));
  await call('key as an invitation token', `query ($token: String!) { invitation_preview(token: $token) { status } }`, { token: memberKey.key });
  await call('key in a filter', `query ($name: String!) { auth_api_key(where: { name: { _eq: $name } }) { id } }`, { name: botKey.key }, adminSession);

  // "Whose key is this?": a pasted key, a mistyped one, a hint, and reporting a key as leaked
  // (once with the key pasted where the place it was found should be).
  const lookup = `query ($key: String, $hint: String) { lookup_api_key(key: $key, hint: $hint) { last_used_address api_key { id name key_hint } } }`;
  const found = await call('look up member key', lookup, { key: memberKey.key }, adminSession);
  if (found.body.data?.lookup_api_key?.length !== 1) throw new Error(`lookup failed: ${JSON.stringify(found.body)}`);
  await call('look up bot key by hint', lookup, { hint: `${botKey.key.slice(0, 8)}…` }, adminSession);
  await call('look up mistyped key', lookup, { key: `${memberKey.key.slice(0, -1)}${memberKey.key.endsWith('A') ? 'B' : 'A'}` }, adminSession);
  await call('look up key as hint', lookup, { hint: botKey.key }, adminSession);
  const reportLeaked = `mutation ($input: revoke_api_key_as_leaked_input!) { revoke_api_key_as_leaked(input: $input) { success } }`;
  await call('report with the key as found_at', reportLeaked, { input: { key: adminKey.key, found_at: `line: TOKEN=${adminKey.key}` } }, adminSession);
  const reported = await call(
    'report admin key leaked',
    reportLeaked,
    { input: { key: adminKey.key, found_at: 'https://example.test/acme/.env' } },
    adminSession,
  );
  if (reported.body.data?.revoke_api_key_as_leaked?.success !== true) throw new Error(`report failed: ${JSON.stringify(reported.body)}`);
  await call('report it again', reportLeaked, { input: { key: adminKey.key } }, adminSession);

  // Revoking, then trying the revoked keys.
  await call(
    'revoke member key',
    `mutation ($input: delete_api_key_input!) { delete_api_key(input: $input) { success } }`,
    { input: { key_id: memberKey.id } },
    member,
  );
  await call(
    'remove bot',
    `mutation ($input: delete_service_account_input!) { delete_service_account(input: $input) { success } }`,
    { input: { user_id: bot.body.data.create_service_account.id } },
    adminSession,
  );
  for (const [label, key] of [
    ['revoked member key', memberKey.key],
    ['revoked bot key', botKey.key],
  ])
    await call(`use ${label}`, '{ auth_info { user_id } }', {}, bearer(key));
  await call('sign out', 'mutation { log_out { success } }', {}, adminSession);
  await call('audit log after', `{ audit_event(limit: 1000) { action target_name } }`, {}, admin);

  const graphiql = await app.inject({ method: 'GET', url: '/graphiql' });
  exchanges.push({ label: 'graphiql', request: '', response: graphiql.body });

  // The database as it is on disk while running (main file and WAL), then after close.
  const files = () => [dbPath, `${dbPath}-wal`, `${dbPath}-shm`].filter(existsSync).map((file) => readFileSync(file));
  dbBytes = files();
  await app.close();
  dbBytes.push(...files());
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('no leaks', () => {
  it('logged every request at debug level, so there was plenty to search', () => {
    expect(logLines.length).toBeGreaterThan(exchanges.length);
    expect(logLines.filter((line) => line.includes('incoming request')).length).toBeGreaterThanOrEqual(exchanges.length);
  });

  it('every key appears only in the response that created it', () => {
    const keys = secrets.filter((s) => s.name.startsWith('key '));
    expect(keys).toHaveLength(3);
    for (const secret of keys) {
      // The random part alone too: a log that dropped the prefix would still leak it.
      for (const needle of [secret.value, secret.value.slice(4)]) {
        const answeredBy = exchanges.filter((e) => e.response.includes(needle)).map((e) => e.label);
        expect(answeredBy, secret.name).toEqual([secret.issuedBy]);
      }
    }
  });

  it('session ids and the invitation token appear only in the response that issued them; passwords in none', () => {
    for (const secret of secrets.filter((s) => !s.name.startsWith('key '))) {
      const answeredBy = exchanges.filter((e) => e.response.includes(secret.value)).map((e) => e.label);
      expect(answeredBy, secret.name).toEqual(secret.issuedBy ? [secret.issuedBy] : []);
    }
  });

  it('no secret appears in any log line', () => {
    const log = logLines.join('\n');
    for (const secret of secrets) {
      expect(log.includes(secret.value), secret.name).toBe(false);
      if (secret.name.startsWith('key ')) expect(log.includes(secret.value.slice(4)), `${secret.name} (random part)`).toBe(false);
    }
  });

  it('no secret is in the database files, the WAL included', () => {
    expect(dbBytes.length).toBeGreaterThan(1);
    for (const bytes of dbBytes) {
      for (const secret of secrets) {
        expect(bytes.includes(secret.value), secret.name).toBe(false);
        if (secret.name.startsWith('key ')) expect(bytes.includes(secret.value.slice(4)), `${secret.name} (random part)`).toBe(false);
      }
    }
  });
});
