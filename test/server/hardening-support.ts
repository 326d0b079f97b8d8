import { createHash, randomUUID } from 'node:crypto';
import { generateKey, hashKey, keyHint, SERVICE_KEY_PREFIX, USER_KEY_PREFIX } from '../../src/server/auth/key-format.js';
import type { Role } from '../../src/server/store/types.js';
import type { Server } from './harness.js';

// Helpers for the hardening tests (authorization matrix, hostile input, limits...):
// fixtures made straight through the store, so each test case gets fresh targets cheaply.

const NO_AUDIT = { actorId: null, sourceAddress: null };
let counter = 0;
export const unique = (label: string) => `${label}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

/** A live key for a user or service account, made through the store (no HTTP). */
export async function makeKey(
  server: Server,
  owner: { userId: string; tenantId: string; service?: boolean },
  extra: { expiresAt?: string | null; revoked?: boolean; role?: Role | null } = {},
) {
  const key = generateKey(owner.service ? SERVICE_KEY_PREFIX : USER_KEY_PREFIX);
  const id = randomUUID();
  await server.app.store.createApiKey(
    {
      id,
      name: unique('key'),
      keyHash: hashKey(key),
      keyHint: keyHint(key),
      userId: owner.userId,
      tenantId: owner.tenantId,
      createdById: owner.userId,
      expiresAt: extra.expiresAt ?? null,
      role: extra.role ?? null,
    },
    NO_AUDIT,
  );
  if (extra.revoked) await server.app.store.revokeApiKey(id, NO_AUDIT);
  return { id, key };
}

export async function makeServiceAccount(server: Server, tenantId: string, role: Role = 'USER') {
  return (await server.app.store.createServiceAccount({ tenantId, name: unique('bot'), role }, NO_AUDIT)).id;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A pending invitation and its token (the token is what the link carries). */
export async function makeInvitation(server: Server, tenantId: string, invitedById: string, role: Role = 'USER') {
  const token = unique('token');
  const email = `${unique('invitee')}@example.test`;
  const invitation = await server.app.store.createInvitation(
    { tenantId, email, role, tokenHash: hashToken(token), invitedById, expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    NO_AUDIT,
  );
  return { id: invitation.id, token, email };
}

/** A person who is a member of the tenant (password unusable: only the membership matters). */
export async function makeMember(server: Server, tenantId: string, invitedById: string, role: Role = 'USER') {
  const store = server.app.store;
  const invitation = await makeInvitation(server, tenantId, invitedById, role);
  const user = await store.createUser({ email: invitation.email, username: unique('member'), passwordHash: 'x' });
  const membership = await store.acceptInvitation(invitation.id, user.id, NO_AUDIT);
  return { userId: user.id, membershipId: membership.id };
}

/**
 * The database as rows, minus what changes by itself: key use times (and the address
 * recorded with each) and session touches are written in the background, so they are
 * left out of "changes nothing".
 */
export async function stableSnapshot(server: Server, options: { withAudit?: boolean } = {}) {
  const tables = Object.entries(await server.snapshot()).filter(([name]) => name !== 'session' && (options.withAudit !== false || name !== 'audit_event'));
  return Object.fromEntries(tables.map(([name, rows]) => [name, rows.map(({ last_used_at: _at, last_used_address: _address, ...row }) => row)]));
}

export interface RawResult {
  status: number;
  headers: Record<string, unknown>;
  body: any;
  raw: string;
  cookies: { name: string; value: string }[];
}

/** A GraphQL POST with full control over headers and source address. */
export async function post(server: Server, body: unknown, options: { headers?: Record<string, string>; remoteAddress?: string } = {}): Promise<RawResult> {
  const response = await server.app.inject({
    method: 'POST',
    url: '/graphql',
    payload: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(options.remoteAddress && { remoteAddress: options.remoteAddress }),
  });
  let parsed: unknown = null;
  try {
    parsed = response.json();
  } catch {
    parsed = null;
  }
  return { status: response.statusCode, headers: response.headers, body: parsed, raw: response.body, cookies: response.cookies };
}

export const errorCode = (result: { body?: any; errors?: any[] }) => (result.body?.errors ?? result.errors)?.[0]?.extensions?.code as string | undefined;
