import type { FastifyReply, FastifyRequest } from 'fastify';
import { INVALID_CREDENTIALS_MESSAGE } from '../errors.js';
import type { Principal } from '../context.js';
import type { AuthenticationMetrics, KeyOutcome } from '../observability/metrics.js';
import type { CredentialCache } from '../cache/credential-cache.js';
import type { KeyCredential, Store } from '../store/types.js';
import { hashKey, isWellFormedKey, KEY_LENGTH } from './key-format.js';
import type { KeyUsage } from './key-usage.js';
import type { CanaryAlarm } from './canary-alarm.js';
import { cleanUserAgent } from './canary-alarm.js';
import type { Rotations } from './rotations.js';
import { SESSION_COOKIE, type Sessions } from './sessions.js';
import type { AttemptLimiter, Reservation } from './failure-limiter.js';
import { isPrefectClient } from '../http/prefect-clients.js';
import { effectiveRole } from '../../shared/key-roles.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    tenantDenied: boolean;
  }
}

export const CSRF_HEADER = 'x-keyplane-csrf';
export const KEY_IN_ITS_TENANT_ONLY = 'This API key can act only in its own tenant.';

interface Deps {
  store: Store;
  /** Key credentials, remembered between changes. */
  credentials: CredentialCache;
  sessions: Sessions;
  keyUsage: KeyUsage;
  /** Ends rotations: on a successor's first use, and past the overlap (auth/rotations.ts). */
  rotations: Rotations;
  /** Failed keys per source address: in memory, or shared by the instances on PostgreSQL (failure-limiter.ts). */
  failures: AttemptLimiter;
  /** Parses a Cookie header (@fastify/cookie's parser; it does not parse on every request). */
  parseCookie: (header: string) => Record<string, string | undefined>;
  /** Counts each outcome (observability/metrics.ts); null when metrics are off. */
  metrics?: AuthenticationMetrics | null;
  /** Told of each refused key that is no API key, which may be a canary (canary-alarm.ts). */
  canaries?: CanaryAlarm | null;
}

export function sendGraphQLError(reply: FastifyReply, status: number, code: string, message: string) {
  if (status === 401) reply.header('WWW-Authenticate', 'Bearer error="invalid_token"');
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ data: null, errors: [{ message, extensions: { code, request_id: reply.request.id } }] });
}

/** Why a credential did not authenticate, for the metrics alone: the client gets one message for all. */
function credentialOutcome(credential: KeyCredential | null, now: number): KeyOutcome {
  if (!credential) return 'unknown';
  // A key whose owner has no membership in its tenant any more has been withdrawn, as a revocation does.
  if (credential.revoked || credential.role === null) return 'revoked';
  if (credential.expires_at !== null && Date.parse(credential.expires_at) <= now) return 'expired';
  // A rotated key past its overlap has ended, as a revocation does (the sweep revokes it).
  if (rotationOver(credential, now)) return 'revoked';
  return 'ok';
}

const rotationOver = (credential: KeyCredential, now: number) => credential.rotation_ends_at !== null && Date.parse(credential.rotation_ends_at) <= now;

/** A reservation the limiter refused, as the outcome of a lookup that other requests for the key wait for. */
const REFUSED = Symbol('refused');

/** A key of the right shape whose checksum is wrong (a typo), or anything else. */
const refusedShape = (token: string | undefined): KeyOutcome =>
  token !== undefined && token.length === KEY_LENGTH && /^kp[us]_[0-9A-Za-z]+$/.test(token) ? 'bad_checksum' : 'malformed';

function tooManyFailures(reply: FastifyReply, retryAfter: number, metrics: AuthenticationMetrics | null | undefined): void {
  metrics?.key('rate_limited');
  reply.header('Retry-After', String(Math.max(1, retryAfter)));
  sendGraphQLError(reply, 429, 'RATE_LIMITED', 'Too many failed authentications from this address; try again later.');
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
 * The returned function answers synchronously when the credential cache remembers the
 * key (the common case: see cache/credential-cache.ts) or the store can read it at once
 * (SQLite with no transaction open), and returns a promise only when it has to wait.
 */
export function authenticationHook({ store, credentials, sessions, keyUsage, rotations, failures, parseCookie, metrics, canaries }: Deps) {
  function principalOf(credential: KeyCredential | null, request: FastifyRequest): Principal | null {
    const now = Date.now();
    if (metrics) metrics.key(credentialOutcome(credential, now));
    if (!credential || credential.revoked || credential.role === null) return null;
    if (credential.expires_at !== null && Date.parse(credential.expires_at) <= now) return null;
    if (rotationOver(credential, now)) {
      void rotations.sweep().catch(() => undefined);
      return null;
    }
    keyUsage.note(credential.id, credential.last_used_at, now, request.ip);
    return {
      userId: credential.user_id,
      username: credential.username,
      accountType: credential.account_type,
      apiKeyId: credential.id,
      sessionIdHash: null,
      tenantId: credential.tenant_id,
      // Read with the credential, so the remembered credential moves with the owner's role (a role change moves the change feed).
      role: effectiveRole(credential.key_role, credential.role),
      keyRole: credential.key_role,
    };
  }

  /**
   * Lookups under way, by key hash, from the moment the attempt is reserved: requests that
   * send the same key meanwhile wait for it, as one attempt. REFUSED when the reservation
   * was: each of them then tries with its own address.
   */
  const lookups = new Map<string, Promise<KeyCredential | null | typeof REFUSED>>();

  function refuseKey(reply: FastifyReply): void {
    sendGraphQLError(reply, 401, 'UNAUTHENTICATED', INVALID_CREDENTIALS_MESSAGE);
  }

  /** A failure found without waiting since the address's check, so nothing can slip in between the check and the count. */
  function failedAtOnce(request: FastifyRequest, reply: FastifyReply): void {
    failures.fail(request.ip);
    refuseKey(reply);
  }

  /** Called once the address is known to be under its limit (authenticate, below). */
  function fromKey(request: FastifyRequest, reply: FastifyReply, authorization: string): void | Promise<void> {
    const match = /^Bearer +(\S+)\s*$/i.exec(authorization);
    // The checksum is checked before any database access.
    if (!match || !isWellFormedKey(match[1])) {
      metrics?.key(refusedShape(match?.[1]));
      return failedAtOnce(request, reply);
    }
    const keyHash = hashKey(match[1]);
    // Remembered, or read at once (SQLite): then nothing waits between the address's check
    // above and a failure's count, as for a remembered key.
    const known = credentials.findNow(keyHash);
    if (known !== undefined) {
      const principal = principalOf(known, request);
      if (principal) return withKey(request, reply, principal, known!.live_predecessor_id);
      failedAtOnce(request, reply);
      if (known === null) noteUnknownKey(request, keyHash);
      return;
    }
    return attempt(request, reply, keyHash);
  }

  function attempt(request: FastifyRequest, reply: FastifyReply, keyHash: string): void | Promise<void> {
    const underWay = lookups.get(keyHash);
    if (underWay) {
      return underWay.then((credential) => (credential === REFUSED ? attempt(request, reply, keyHash) : withKeyOrRefuse(request, reply, keyHash, credential)));
    }
    // The store may wait: the attempt is counted now, so that a burst of unknown keys
    // cannot all pass the address's check before the first of them has failed. (A limiter
    // that instances share counts it in the database: the lookup starts once it has.)
    const reserving = failures.reserve(request.ip);
    if (!reserving) return tooManyFailures(reply, failures.retryAfter(request.ip), metrics);
    const lookup: Promise<KeyCredential | null | typeof REFUSED> =
      reserving instanceof Promise
        ? reserving.then<KeyCredential | null | typeof REFUSED>((reservation) => (reservation ? lookUp(keyHash, reservation) : REFUSED))
        : lookUp(keyHash, reserving);
    lookups.set(keyHash, lookup);
    const done = () => {
      if (lookups.get(keyHash) === lookup) lookups.delete(keyHash);
    };
    return lookup.then(
      (credential) => {
        done();
        if (credential === REFUSED) return tooManyFailures(reply, failures.retryAfter(request.ip), metrics);
        return withKeyOrRefuse(request, reply, keyHash, credential);
      },
      (error: unknown) => {
        done();
        throw error;
      },
    );
  }

  /** Looks the key up and settles its reservation: given back for a key that authenticates, counted for one that does not. */
  function lookUp(keyHash: string, reservation: Reservation): Promise<KeyCredential | null> {
    return credentials.find(keyHash).then(
      (credential) => {
        if (credentialOutcome(credential, Date.now()) === 'ok') reservation.release();
        else reservation.failed();
        return credential;
      },
      (error: unknown) => {
        reservation.release();
        throw error;
      },
    );
  }

  function withKeyOrRefuse(request: FastifyRequest, reply: FastifyReply, keyHash: string, credential: KeyCredential | null): void | Promise<void> {
    const principal = principalOf(credential, request);
    if (principal) return withKey(request, reply, principal, credential!.live_predecessor_id);
    refuseKey(reply);
    if (credential === null) noteUnknownKey(request, keyHash);
  }

  /**
   * A canary key has no api_key row, so it is refused above as any unknown key is, with the
   * same answer; the alarm looks for it among the canaries once that answer is on its way.
   */
  function noteUnknownKey(request: FastifyRequest, keyHash: string): void {
    canaries?.refused(keyHash, request.ip, cleanUserAgent(request.headers['user-agent']));
  }

  /** Goes on as the key's principal; the first use of a rotation's successor ends the key it replaces first. */
  function withKey(request: FastifyRequest, reply: FastifyReply, principal: Principal, predecessorId: string | null): void | Promise<void> {
    const requestedTenant = tenantHeader(request);
    if (!requestedTenant || requestedTenant === principal.tenantId) return accept(request, principal, predecessorId);
    return store.findTenantByIdOrSlug(requestedTenant).then((tenant) => {
      if (tenant?.id === principal.tenantId) return accept(request, principal, predecessorId);
      // Prefect clients report UNAUTHENTICATED as "Your API key is not valid for that tenant" (http/prefect-clients.ts).
      else if (isPrefectClient(request)) sendGraphQLError(reply, 401, 'UNAUTHENTICATED', KEY_IN_ITS_TENANT_ONLY);
      else sendGraphQLError(reply, 403, 'FORBIDDEN', KEY_IN_ITS_TENANT_ONLY);
    });
  }

  function accept(request: FastifyRequest, principal: Principal, predecessorId: string | null): void | Promise<void> {
    request.principal = principal;
    // Waited for: once this request goes on, the old key fails on every instance.
    if (predecessorId) return rotations.firstUse(predecessorId, { actorId: principal.userId, sourceAddress: request.ip });
  }

  async function fromSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = request.headers.cookie;
    const token = header ? parseCookie(header)[SESSION_COOKIE] : undefined;
    if (!token) return;
    if (request.headers[CSRF_HEADER] !== '1') {
      metrics?.session('csrf_missing');
      sendGraphQLError(reply, 403, 'FORBIDDEN', 'Requests signed in with a cookie must send the header "X-Keyplane-CSRF: 1".');
      return;
    }
    const session = await sessions.resolve(token);
    if (!session) return void metrics?.session('unknown');
    const user = await store.getUser(session.userId);
    metrics?.session(user ? 'ok' : 'unknown');
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
    if (retryAfter > 0) return tooManyFailures(reply, retryAfter, metrics);
    return fromKey(request, reply, authorization);
  };
}
