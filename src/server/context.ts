import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountType, Role, Store } from './store/types.js';
import type { ServerConfig } from './config.js';
import type { Sessions } from './auth/sessions.js';
import type { SignInGuard } from './auth/sign-in-guard.js';
import type { KeyLookupGuard } from './auth/lookup-guard.js';

/** Who is calling. Absent for anonymous requests. */
export interface Principal {
  userId: string;
  username: string;
  accountType: AccountType;
  /** The key that authenticated the request; null for a browser session. */
  apiKeyId: string | null;
  /** The hash of the session id, for a browser session. */
  sessionIdHash: string | null;
  /** The tenant the request acts in, and the caller's role there now. */
  tenantId: string | null;
  role: Role | null;
  /** The authenticating key's own role (at most its owner's); null: none, or not a key. role is already the lower of the two. */
  keyRole?: Role | null;
}

export interface RequestContext {
  store: Store;
  config: ServerConfig;
  sessions: Sessions;
  /** The limits on sign-ins (per address, per account, per device cookie) and device cookies. */
  signIns: SignInGuard;
  /** The limit on lookups of keys that find nothing, per caller (lookup_api_key, revoke_api_key_as_leaked). */
  keyLookups: KeyLookupGuard;
  principal: Principal | null;
  /** Set when a session asked for a tenant it does not belong to. */
  tenantDenied: boolean;
  request: FastifyRequest;
  reply: FastifyReply;
}
