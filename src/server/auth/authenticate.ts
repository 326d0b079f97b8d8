import type { FastifyReply, FastifyRequest } from 'fastify';
import { INVALID_CREDENTIALS_MESSAGE } from '../errors.js';
import type { Principal } from '../context.js';
import type { KeyCredential, Store } from '../store/types.js';
import { hashKey, isWellFormedKey } from './key-format.js';
import type { KeyUsage } from './key-usage.js';
import { SESSION_COOKIE, type Sessions } from './sessions.js';
import type { FailureLimiter } from './failure-limiter.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    tenantDenied: boolean;
  }
}

export const CSRF_HEADER = 'x-keyplane-csrf';

interface Deps {
  store: Store;
  sessions: Sessions;
  keyUsage: KeyUsage;
  failures: FailureLimiter;
  /** Parses a Cookie header (@fastify/cookie's parser; it does not parse on every request). */
  parseCookie: (header: string) => Record<string, string | undefined>;
}

export function sendGraphQLError(reply: FastifyReply, status: number, code: string, message: string) {
  if (status === 401) reply.header('WWW-Authenticate', 'Bearer error="invalid_token"');
  return reply.code(status).type('application/json; charset=utf-8').send({ data: null, errors: [{ message, extensions: { code } }] });
}

function tenantHeader(request: FastifyRequest): string | undefined {
  const value = request.headers['x-tenant-id'] ?? request.headers['x-prefect-tenant-id'];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/**
 * Resolves who is calling before GraphQL runs. A presented key that does not
 * authenticate is 401 here, with one message for every reason; a cookie without
 * the CSRF header is 403. Requests with no credentials go on anonymously, and the
 * resolvers decide what anonymous callers may do.
 *
 * The returned function answers synchronously when the store remembers the key
 * (the common case: see SqliteStore.findKeyCredential), and returns a promise only
 * when it has to wait for the store.
 */
export function authenticationHook({ store, sessions, keyUsage, failures, parseCookie }: Deps) {
  function principalOf(credential: KeyCredential | null): Principal | null {
    const now = Date.now();
    if (!credential || credential.revoked || credential.role === null) return null;
    if (credential.expires_at !== null && Date.parse(credential.expires_at) <= now) return null;
    keyUsage.note(credential.id, credential.last_used_at, now);
    return {
      userId: credential.user_id,
      username: credential.username,
      accountType: credential.account_type,
      apiKeyId: credential.id,
      sessionIdHash: null,
      tenantId: credential.tenant_id,
      role: credential.role,
    };
  }

  function fromKey(authorization: string): Principal | null | Promise<Principal | null> {
    const match = /^Bearer +(\S+)\s*$/i.exec(authorization);
    // The checksum is checked before any database access.
    if (!match || !isWellFormedKey(match[1])) return null;
    const keyHash = hashKey(match[1]);
    const remembered = store.rememberedKeyCredential(keyHash);
    return remembered === undefined ? store.findKeyCredential(keyHash).then(principalOf) : principalOf(remembered);
  }

  function withKey(request: FastifyRequest, reply: FastifyReply, principal: Principal | null): void | Promise<void> {
    if (!principal) {
      failures.fail(request.ip);
      sendGraphQLError(reply, 401, 'UNAUTHENTICATED', INVALID_CREDENTIALS_MESSAGE);
      return;
    }
    const requestedTenant = tenantHeader(request);
    if (!requestedTenant || requestedTenant === principal.tenantId) {
      request.principal = principal;
      return;
    }
    return store.findTenantByIdOrSlug(requestedTenant).then((tenant) => {
      if (tenant?.id === principal.tenantId) request.principal = principal;
      else sendGraphQLError(reply, 403, 'FORBIDDEN', 'This API key can act only in its own tenant.');
    });
  }

  async function fromSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = request.headers.cookie;
    const token = header ? parseCookie(header)[SESSION_COOKIE] : undefined;
    if (!token) return;
    if (request.headers[CSRF_HEADER] !== '1') {
      sendGraphQLError(reply, 403, 'FORBIDDEN', 'Requests signed in with a cookie must send the header "X-Keyplane-CSRF: 1".');
      return;
    }
    const session = await sessions.resolve(token);
    if (!session) return;
    const user = await store.getUser(session.userId);
    if (!user) return;

    const requestedTenant = tenantHeader(request);
    let membership = null;
    if (requestedTenant) {
      const tenant = await store.findTenantByIdOrSlug(requestedTenant);
      membership = tenant ? await store.findMembership(user.id, tenant.id) : null;
      request.tenantDenied = membership === null;
    } else if (user.default_membership_id) {
      membership = await store.getMembership(user.default_membership_id);
    }
    request.principal = {
      userId: user.id,
      username: user.username,
      accountType: user.account_type,
      apiKeyId: null,
      sessionIdHash: session.idHash,
      tenantId: membership?.tenant_id ?? null,
      role: membership?.role ?? null,
    };
  }

  /** Sets request.principal, or answers (401, 403, 429) and ends the request. */
  return function authenticate(request: FastifyRequest, reply: FastifyReply): void | Promise<void> {
    request.principal = null;
    request.tenantDenied = false;
    const authorization = request.headers.authorization;
    if (authorization === undefined) return fromSession(request, reply);
    const retryAfter = failures.retryAfter(request.ip);
    if (retryAfter > 0) {
      reply.header('Retry-After', String(retryAfter));
      sendGraphQLError(reply, 429, 'RATE_LIMITED', 'Too many failed authentications from this address; try again later.');
      return;
    }
    const principal = fromKey(authorization);
    return principal instanceof Promise ? principal.then((p) => withKey(request, reply, p)) : withKey(request, reply, principal);
  };
}
