// The Store is everything the resolvers need from persistence: every method asynchronous,
// answering typed records or throwing a StoreError (store/errors.ts). One implementation,
// SqlStore (store/sql/sql-store.ts), runs it on SQLite or PostgreSQL through a Driver.
// Caching is not the store's: see cache/ (the store tells a ChangeFeed of its changes).

export type Role = 'TENANT_ADMIN' | 'USER' | 'READ_ONLY_USER';
export type AccountType = 'NORMAL' | 'SERVICE';

export interface TenantRecord {
  id: string;
  name: string;
  slug: string;
  created: string;
}

export interface UserRecord {
  id: string;
  username: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  account_type: AccountType;
  default_membership_id: string | null;
  created: string;
}

export interface MembershipRecord {
  id: string;
  tenant_id: string;
  user_id: string;
  role: Role;
  created: string;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  key_hint: string;
  user_id: string;
  tenant_id: string;
  created_by_id: string | null;
  created: string;
  updated: string;
  expires_at: string | null;
  last_used_at: string | null;
  /** The key's own role, at most its owner's; null: it follows its owner's role. */
  role: Role | null;
  /** What the key is for, in its owner's words; null: none. */
  description: string | null;
  /** The key this one replaces (rotate_api_key), kept after that key has ended. */
  replaces_id: string | null;
  /** The key that replaces this one (rotate_api_key). */
  replaced_by_id: string | null;
  /** While this key is being replaced: when its overlap ends, unless its successor is used first. */
  rotation_ends_at: string | null;
  /** The hint of the key this one replaces while that key still works; null otherwise. */
  replaces_key_hint: string | null;
}

export interface UserRef {
  id: string;
  username: string;
  account_type: AccountType;
}

/** A key as listings show it: with its owner, creator and tenant joined in. */
export interface ApiKeyRow extends ApiKeyRecord {
  user: UserRef;
  created_by: UserRef | null;
  tenant: TenantRecord;
}

/** What authenticating a key needs, read in one indexed lookup. */
export interface KeyCredential {
  id: string;
  user_id: string;
  tenant_id: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked: boolean;
  account_type: AccountType;
  username: string;
  /** The owner's role in the key's tenant now; null when no longer a member. */
  role: Role | null;
  /** The key's own role (null: none); the key acts with the lower of the two. */
  key_role: Role | null;
  /** While this key is being replaced: when it stops working unless its successor is used first. */
  rotation_ends_at: string | null;
  /** The key this one replaces, while that key still works: this key's first use ends it. */
  live_predecessor_id: string | null;
}

export interface SessionRecord {
  id: string;
  user_id: string;
  created: string;
  last_seen: string;
  expires_at: string;
}

/** A browser that has signed in to an account (a device cookie); the token itself is never stored. */
export interface DeviceCookieRecord {
  id: string;
  user_id: string;
  created: string;
  expires_at: string;
}

export interface InvitationRecord {
  id: string;
  tenant_id: string;
  email: string;
  role: Role;
  invited_by_id: string | null;
  created: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventRecord {
  actor?: UserRef | null;
  id: string;
  action: string;
  actor_id: string | null;
  tenant_id: string | null;
  target_type: string | null;
  target_id: string | null;
  target_name: string | null;
  source_address: string | null;
  created: string;
  /** Why a change was made that nobody asked for by itself (e.g. inviter_removed); null when asked for directly. */
  cause?: string | null;
  /** The client's User-Agent, where it is the evidence (api_key.canary_used); null otherwise. */
  user_agent?: string | null;
  /** What the event says beyond its target (where a leaked key was found); null for most. */
  detail?: string | null;
}

/** An account that appears as an actor in a tenant's audit log, a member there now or not. */
export interface AuditActorRecord {
  id: string;
  /** Null when no user row has this id (the log keeps the id alone). */
  username: string | null;
  account_type: AccountType | null;
  /** Whether it is a member of the tenant now. */
  is_member: boolean;
}

/**
 * The causes the store records. Keys: their owner was removed from the tenant or left
 * it, or the service account was removed. Invitations: the member who made them was
 * removed, left, or is no longer an administrator. Keys, invitations, memberships and
 * service accounts: their tenant was deleted. Keys: reported as leaked (revoke_api_key_as_leaked).
 */
export type AuditCause =
  | 'member_removed'
  | 'member_left'
  | 'service_account_removed'
  | 'inviter_removed'
  | 'inviter_left'
  | 'inviter_demoted'
  | 'tenant_deleted'
  /** A key being rotated: its successor was used, or the overlap ended (at once for an overlap of 0). */
  | 'rotation_first_use'
  | 'rotation_overlap_ended'
  /** A key revoked by revoke_api_key_as_leaked. */
  | 'reported_leaked'
  /** A key revoked by the scheduler: unused for its tenant's idle_days (after a warning). */
  | 'idle_expiry'
  | KeyChangeList;

/** An api_key.update's cause: the fields it changed, comma-separated (name,expires_at,description), never their values. */
export type KeyChangeList = `${'name' | 'expires_at' | 'description'}${string}`;

export type AuditInput = Omit<AuditEventRecord, 'id' | 'created'>;

/** Hasura-style filter and order, as the GraphQL layer received them (validated by the schema). */
export type BoolExp = Record<string, unknown>;
export type OrderBy = Record<string, unknown>[];

export interface Page {
  where?: BoolExp | null;
  orderBy?: OrderBy | null;
  limit: number;
  offset: number;
}

/** Which keys a caller may see: their own, plus (administrators) a tenant's service-account keys. */
export interface KeyVisibility {
  ownerId: string;
  /** Set for a request made with a key: the caller's own keys in that tenant only. */
  ownKeysTenantId: string | null;
  serviceAccountTenantId: string | null;
}

/** A key as "Whose key is this?" answers it: the listing's row and where it was last used from. */
export interface ApiKeyLookupRow extends ApiKeyRow {
  /** The source address of the last recorded use (written with last_used_at, at most once a minute). */
  last_used_address: string | null;
}

/** How a lookup names keys: the hash of a whole key, or the hint the lists show (prefix and four characters). */
export type KeyLookup = { keyHash: string } | { keyHint: string };

export interface MemberRow extends UserRecord {
  membership: MembershipRecord;
  api_key_count: number;
}

/** A Prefect agent that registered (register_agent), with what its key tells about it. */
export interface AgentRecord {
  id: string;
  tenant_id: string;
  name: string;
  type: string;
  labels: string[];
  agent_config_id: string | null;
  core_version: string | null;
  created: string;
  /**
   * When it was last seen: a Keyplane agent's last check-in; for a Prefect agent, which
   * names itself only when it starts, the later of that and its key's last use.
   */
  last_queried: string;
  /** The client address of its last registration or check-in (behind the trusted proxies). */
  source_address: string | null;
  api_key_id: string;
  user: UserRef;
}

/** A Keyplane agent's check-in: a request with its key that named the agent (X-Keyplane-Agent). */
export interface AgentCheckIn {
  tenantId: string;
  apiKeyId: string;
  userId: string;
  name: string;
  labels: string[];
  sourceAddress: string | null;
  /** When, ISO-8601. */
  at: string;
}

export interface NewAgent {
  tenantId: string;
  apiKeyId: string;
  userId: string;
  type: string;
  name: string;
  labels: string[];
  agentConfigId: string | null;
  coreVersion: string | null;
}

/** Whose memberships a caller sees: a tenant's (its members'), and a user's own. */
export interface MembershipVisibility {
  tenantId: string | null;
  userId: string | null;
}

/** Which pending invitations a caller sees: a tenant's (administrators), and those sent to an email. */
export interface InvitationVisibility {
  tenantId: string | null;
  email: string | null;
}

export interface NewApiKey {
  id: string;
  name: string;
  keyHash: string;
  keyHint: string;
  userId: string;
  tenantId: string;
  createdById: string;
  expiresAt: string | null;
  /** The key's own role; null or absent follows its owner's. */
  role?: Role | null;
}

/** What update_api_key changes: each field present is set (description null clears it). */
export interface ApiKeyChanges {
  name?: string;
  expiresAt?: string;
  description?: string | null;
}

/**
 * A tenant's key policy: limits on keys made or rotated from now on (existing keys are
 * changed only when an administrator chooses to). Null days: no limit; idle_days null:
 * unused keys are never revoked for it.
 */
export interface TenantPolicy {
  tenant_id: string;
  user_key_max_days: number | null;
  service_key_max_days: number | null;
  require_expiry: boolean;
  idle_days: number | null;
  /** When it was last set, and by whom; null for a tenant that never set one (the policy of no limits). */
  updated: string | null;
  updated_by_id: string | null;
}

export type TenantPolicyInput = Omit<TenantPolicy, 'tenant_id' | 'updated' | 'updated_by_id'>;

/** How many of a tenant's live keys expire later than its policy allows a new key to, or never. */
export interface KeysOutsidePolicy {
  user_keys: number;
  service_account_keys: number;
}

/** A decoy key: refused like a revoked key wherever it is used, each use recorded. */
export interface CanaryKeyRecord {
  id: string;
  tenant_id: string;
  name: string;
  description: string | null;
  key_hint: string;
  created_by: UserRef | null;
  created: string;
  first_used_at: string | null;
  last_used_at: string | null;
  use_count: number;
  last_source_address: string | null;
  last_user_agent: string | null;
}

export interface NewCanaryKey {
  id: string;
  tenantId: string;
  name: string;
  description: string | null;
  keyHash: string;
  keyHint: string;
  createdById: string;
}

/** Where a canary key was used from. */
export interface CanaryUse {
  at: string;
  sourceAddress: string | null;
  userAgent: string | null;
}

/** A use recorded: the canary as it is now, and whether this use raised an alert (audit event api_key.canary_used). */
export interface CanaryTrip {
  canary: CanaryKeyRecord;
  alerted: boolean;
}

/** The warnings the scheduler's key jobs record, at most one per key and kind. */
export type KeyWarningKind = 'expiry_7d' | 'expiry_1d' | 'idle' | 'expired';

/** A live key a scheduled job looks at, with what its warning email needs. */
export interface ScheduledKey {
  id: string;
  name: string;
  key_hint: string;
  user_id: string;
  account_type: AccountType;
  /** The owner's username (a service account's name). */
  owner_name: string;
  /** The owner's email (null for a service account). */
  owner_email: string | null;
  tenant: TenantRecord;
  created: string;
  expires_at: string | null;
  last_used_at: string | null;
}

/** A warning to record once (recordKeyWarning), with its audit event. */
export interface KeyWarning {
  apiKeyId: string;
  kind: KeyWarningKind;
  /** The audit event's detail ("expires in 7 days (2026-12-10T…)"). */
  detail: string;
  /** When, ISO-8601 (the scheduler's clock). */
  at: string;
  /** idle only: a warning recorded before this (the key was used since) is renewed. */
  renewBefore?: string;
}

/** The in-app notices of one caller in one tenant (key_notices). */
export interface KeyNoticeCounts {
  own_expiring_count: number;
  own_idle_count: number;
  service_expiring_count: number;
  service_idle_count: number;
}

/** A tenant's webhook as lists show it: never its secret. */
export interface WebhookRecord {
  id: string;
  tenant_id: string;
  url: string;
  events: string[];
  enabled: boolean;
  created: string;
  created_by_id: string | null;
  updated: string;
  /** The status of its newest delivery, and when that was created; null before any. */
  last_delivery_status: WebhookDeliveryStatus | null;
  last_delivery_at: string | null;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface NewWebhook {
  id: string;
  tenantId: string;
  url: string;
  events: string[];
  secret: string;
  createdById: string | null;
}

/** What update_webhook changes: each field present is set. */
export interface WebhookChanges {
  url?: string;
  events?: string[];
  enabled?: boolean;
}

export interface WebhookDeliveryRecord {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  /** The JSON body sent (the same text each attempt). */
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  response_status: number | null;
  duration_ms: number | null;
  error: string | null;
  created: string;
}

/** A delivery the worker claimed, with what sending it needs. */
export interface ClaimedDelivery extends WebhookDeliveryRecord {
  url: string;
  secret: string;
  tenant_id: string;
}

/** One attempt's outcome; next_attempt_at set: pending again then, else delivered or failed. */
export interface WebhookAttempt {
  status: WebhookDeliveryStatus;
  at: string;
  response_status: number | null;
  duration_ms: number;
  error: string | null;
  next_attempt_at: string | null;
}

export interface Store {
  close(): Promise<void>;

  // users, tenants, memberships
  countHumanUsers(): Promise<number>;
  bootstrap(
    input: { email: string; username: string; passwordHash: string; tenantName: string; tenantSlug: string },
    audit: AuditContext,
  ): Promise<{ user: UserRecord; tenant: TenantRecord }>;
  getUser(id: string): Promise<UserRecord | null>;
  getUsers(ids: readonly string[]): Promise<UserRecord[]>;
  findLogin(email: string): Promise<{ user: UserRecord; passwordHash: string } | null>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  createUser(input: { email: string; username: string; passwordHash: string }): Promise<UserRecord>;
  getTenant(id: string): Promise<TenantRecord | null>;
  getTenants(ids: readonly string[]): Promise<TenantRecord[]>;
  findTenantByIdOrSlug(idOrSlug: string): Promise<TenantRecord | null>;
  /** The tenant that had this slug before its current one, if the user is a member of it. */
  findTenantOfUserByPreviousSlug(userId: string, slug: string): Promise<TenantRecord | null>;
  /** Live (unrevoked, unexpired) keys acting in the tenant, of every owner: what deleting it stops. */
  countLiveKeysOfTenant(tenantId: string): Promise<number>;
  listTenantsOfUser(userId: string, page: Page): Promise<TenantRecord[]>;
  countTenantsOfUser(userId: string, where?: BoolExp | null): Promise<number>;
  createTenant(input: { name: string; slug: string; adminUserId: string }, audit: AuditContext): Promise<TenantRecord>;
  getMembership(id: string): Promise<MembershipRecord | null>;
  findMembership(userId: string, tenantId: string): Promise<MembershipRecord | null>;
  listMembershipsOfUser(userId: string): Promise<MembershipRecord[]>;
  /** Changes the role; an administrator made anything else loses the invitations they made there. */
  setMembershipRole(membershipId: string, role: Role, audit: AuditContext): Promise<MembershipRecord>;
  /**
   * Removes the membership, revokes the member's keys for that tenant and the
   * invitations they made there, each with its own audit event naming the cause.
   */
  deleteMembership(membershipId: string, audit: AuditContext): Promise<void>;
  listMembers(tenantId: string, page: Page): Promise<MemberRow[]>;
  listMemberships(visibility: MembershipVisibility, page: Page): Promise<MembershipRecord[]>;
  renameTenant(tenantId: string, name: string, audit: AuditContext): Promise<TenantRecord>;
  /** Refuses (conflict on slug) a slug another tenant has. */
  setTenantSlug(tenantId: string, slug: string, audit: AuditContext): Promise<TenantRecord>;
  /**
   * Deletes the tenant with everything that acts in it: revokes every live key of the
   * tenant, its pending invitations, memberships and service accounts, each with its own
   * audit event (cause tenant_deleted), then removes their rows and the tenant's.
   * Returns how many keys were revoked.
   */
  deleteTenant(tenantId: string, audit: AuditContext): Promise<number>;
  countMembers(tenantId: string, where?: BoolExp | null): Promise<number>;

  // tenant key policies
  /** The tenant's policy; a tenant that never set one has no limits (updated null). */
  getTenantPolicy(tenantId: string): Promise<TenantPolicy>;
  /** Sets the whole policy, audited tenant.policy_change naming the fields changed (nothing recorded when nothing changed). */
  setTenantPolicy(tenantId: string, policy: TenantPolicyInput, audit: AuditContext): Promise<TenantPolicy>;
  /** The live keys outside the tenant's policy at `at` (see shared/key-policy.ts policyShortenedExpiry). */
  countKeysOutsidePolicy(tenantId: string, at: Date): Promise<KeysOutsidePolicy>;
  /**
   * Brings each key outside the policy to the latest expiry it allows at `at`, each with an
   * api_key.policy_shortened event; returns how many keys changed.
   */
  shortenKeysToPolicy(tenantId: string, at: Date, audit: AuditContext): Promise<number>;

  // service accounts
  createServiceAccount(input: { tenantId: string; name: string; role: Role }, audit: AuditContext): Promise<UserRecord>;
  /**
   * Removes the account, revokes all its keys and the invitations it made, each with
   * its own audit event naming the cause; returns how many keys were revoked.
   */
  deleteServiceAccount(userId: string, audit: AuditContext): Promise<number>;

  // API keys
  /**
   * Refuses (bad_input on user_id) when the owner already has `maxActivePerOwner`
   * keys neither revoked nor expired, checked in the inserting transaction.
   */
  createApiKey(key: NewApiKey, audit: AuditContext, limits?: { maxActivePerOwner: number }): Promise<ApiKeyRecord>;
  getApiKey(id: string): Promise<ApiKeyRecord | null>;
  revokeApiKey(id: string, audit: AuditContext): Promise<boolean>;
  /**
   * Renames a live key, moves its expiry (the caller checks it is earlier) or sets its
   * description, audited (api_key.update, cause naming the fields that changed, nothing
   * written when none did). NOT_FOUND when revoked meanwhile. Answers the key as it is now.
   */
  updateApiKey(id: string, changes: ApiKeyChanges, audit: AuditContext): Promise<ApiKeyRecord>;
  /**
   * Issues a successor of a live key (same name, owner, tenant) and links the two
   * (api_key.rotate). The old key keeps working until `rotationEndsAt` or its successor's
   * first use (endRotation); null ends it at once. Refuses (bad_input on key_id) a key
   * already being replaced, and (not_found) one revoked meanwhile.
   */
  rotateApiKey(oldKeyId: string, successor: NewApiKey, rotationEndsAt: string | null, audit: AuditContext): Promise<ApiKeyRecord>;
  /** Ends a rotation under way: revokes the key being replaced with the cause. False when it had already ended. */
  endRotation(oldKeyId: string, cause: 'rotation_first_use' | 'rotation_overlap_ended', audit: AuditContext): Promise<boolean>;
  /** Ends every rotation whose overlap is over at `at` (cause rotation_overlap_ended); answers how many. */
  endOverlappedRotations(at: string, audit: AuditContext): Promise<number>;
  /** Reads afresh each time: cache/credential-cache.ts remembers the answers. */
  findKeyCredential(keyHash: string): Promise<KeyCredential | null>;
  /**
   * findKeyCredential's answer at once where the database answers synchronously (SQLite
   * with no transaction open), else undefined: a key's first use then needs no promise.
   */
  findKeyCredentialNow?(keyHash: string): KeyCredential | null | undefined;
  /**
   * Records uses (key id to time, and to source address when known); called at most once
   * a minute per key. A stored time only moves forward, and the address with it.
   */
  touchApiKeys(uses: ReadonlyMap<string, string>, addresses?: ReadonlyMap<string, string>): Promise<void>;
  /** Live (unrevoked) keys of a tenant that a whole key or a hint names, at most `limit`, newest first. */
  lookUpApiKeys(tenantId: string, lookup: KeyLookup, limit: number): Promise<ApiKeyLookupRow[]>;
  /** The live key with this hash, in any tenant, or null. */
  findApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | null>;
  /**
   * Revokes a key reported as leaked: audit events api_key.leaked_reported (detail: where
   * it was found) and api_key.revoke (cause reported_leaked), in one transaction. False
   * when the key was already revoked.
   */
  revokeApiKeyAsLeaked(id: string, foundAt: string | null, audit: AuditContext): Promise<boolean>;
  listApiKeys(visibility: KeyVisibility, page: Page): Promise<ApiKeyRow[]>;
  countApiKeys(visibility: KeyVisibility, where?: BoolExp | null): Promise<number>;

  // sessions
  createSession(input: { idHash: string; userId: string; expiresAt: string }): Promise<void>;
  findSession(idHash: string): Promise<SessionRecord | null>;
  /** A stored time only moves forward. */
  touchSession(idHash: string, at: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Every session row of a user, newest first, expired or not (auth/sessions.ts decides which are live). */
  listSessionsOfUser(userId: string): Promise<SessionRecord[]>;
  /** Ends every session of a user but `keepIdHash`'s; answers how many ended. */
  deleteOtherSessions(userId: string, keepIdHash: string | null): Promise<number>;
  /**
   * Sets a person's password hash and ends their other sessions, audited
   * (auth.password_change) in each of their tenants, in one transaction. Device cookies
   * stay: the browsers that signed in are still the owner's. Answers how many sessions ended.
   */
  changePassword(userId: string, passwordHash: string, keepIdHash: string | null, audit: AuditContext): Promise<number>;
  /** Sets a person's first and last name (null: none). */
  updateUserName(userId: string, firstName: string | null, lastName: string | null): Promise<UserRecord>;

  // device cookies (auth/device-cookies.ts)
  /** The unexpired device cookie with this token hash for this user, or null. */
  findDeviceCookie(tokenHash: string, userId: string): Promise<DeviceCookieRecord | null>;
  /**
   * Gives a browser a new device token: the rows of its previous token (one per account
   * signed in with it) move to the new one, the user's row expires at `expiresAt`, and
   * the user keeps at most `keepPerUser` rows, those used last.
   */
  renewDeviceCookie(input: { previousTokenHash: string | null; tokenHash: string; userId: string; expiresAt: string; keepPerUser: number }): Promise<void>;
  deleteDeviceCookie(id: string): Promise<void>;

  // invitations
  createInvitation(
    input: { tenantId: string; email: string; role: Role; tokenHash: string; invitedById: string; expiresAt: string },
    audit: AuditContext,
  ): Promise<InvitationRecord>;
  findInvitationByToken(tokenHash: string): Promise<InvitationRecord | null>;
  getInvitation(id: string): Promise<InvitationRecord | null>;
  listPendingInvitations(tenantId: string, limit: number, offset: number): Promise<InvitationRecord[]>;
  listInvitations(visibility: InvitationVisibility, page: Page): Promise<InvitationRecord[]>;
  revokeInvitation(id: string, audit: AuditContext): Promise<void>;
  /** Marks the invitation used and adds the membership, in one transaction. */
  acceptInvitation(invitationId: string, userId: string, audit: AuditContext): Promise<MembershipRecord>;
  /**
   * Creates the account for the invited email and accepts the invitation, in one
   * transaction: when the invitation is no longer usable, or the email has an
   * account, nothing is created.
   */
  createUserAndAcceptInvitation(
    input: { invitationId: string; username: string; passwordHash: string },
    audit: AuditContext,
  ): Promise<{ user: UserRecord; membership: MembershipRecord }>;

  // agents
  /**
   * Records an agent, or when the same key registers the same agent again (type, name,
   * labels and configuration alike), moves its registration time and answers the same
   * id. A key keeps its most recent registrations only (see SqlStore.MAX_AGENTS_PER_KEY).
   */
  registerAgent(agent: NewAgent, audit: AuditContext): Promise<AgentRecord>;
  /**
   * Records Keyplane agents' check-ins (type KeyplaneAgent) as registerAgent does, the
   * first one of an agent with an agent.register event. True when an agent was new.
   */
  recordAgentCheckIns(checkIns: readonly AgentCheckIn[]): Promise<boolean>;
  /** Agents seen in the last SqlStore.AGENT_RETENTION_MS, newest first. */
  listAgents(tenantId: string, page: Page): Promise<AgentRecord[]>;
  /** The agents seen with each of these keys (as listAgents), most recently seen first, at most `limit` per key. */
  listAgentsOfKeys(apiKeyIds: readonly string[], limit: number): Promise<Map<string, AgentRecord[]>>;

  // canary keys
  createCanaryKey(canary: NewCanaryKey, audit: AuditContext): Promise<CanaryKeyRecord>;
  listCanaryKeys(tenantId: string, page: Page): Promise<CanaryKeyRecord[]>;
  countCanaryKeys(tenantId: string): Promise<number>;
  getCanaryKey(id: string): Promise<CanaryKeyRecord | null>;
  deleteCanaryKey(id: string, audit: AuditContext): Promise<boolean>;
  /**
   * Records a use of the canary with this key hash, if there is one (null otherwise). The
   * first use, and the first after an hour without an alert, is audited (api_key.canary_used)
   * in the same transaction: every use is counted, alerts are at most one an hour per canary.
   */
  recordCanaryUse(keyHash: string, use: CanaryUse): Promise<CanaryTrip | null>;

  // scheduler (server/scheduler/)
  /**
   * Takes the job's lease for `holder` until `until` if no other holder's lease runs past
   * `at` (one conditional UPDATE, else INSERT): true when taken. Several instances on one
   * database: one of them takes each period's lease.
   */
  takeJobLease(job: string, holder: string, at: string, until: string): Promise<boolean>;
  /** Live keys expiring after `at` and by `by` without a warning of `kind`, soonest first, at most `limit`. */
  listKeysToWarn(kind: 'expiry_7d' | 'expiry_1d', at: string, by: string, limit: number): Promise<ScheduledKey[]>;
  /** Unrevoked keys that expired after `since` and by `at` with no expired record, at most `limit`. */
  listNewlyExpiredKeys(since: string, at: string, limit: number): Promise<ScheduledKey[]>;
  /** Tenants whose policy revokes unused keys, with their idle_days. */
  listIdlePolicies(): Promise<{ tenant_id: string; idle_days: number }[]>;
  /**
   * A tenant's live, unexpired keys last used (or created, if never used) by `activeBy`
   * with no idle warning since that use, least recently active first, at most `limit`.
   */
  listIdleKeysToWarn(tenantId: string, at: string, activeBy: string, limit: number): Promise<ScheduledKey[]>;
  /** The same keys unused since `activeBy` whose idle warning, recorded by `warnedBy`, still stands (no use since). */
  listIdleKeysToRevoke(tenantId: string, at: string, activeBy: string, warnedBy: string, limit: number): Promise<ScheduledKey[]>;
  /**
   * Records a warning with its audit event (api_key.expiring; api_key.expired for kind
   * expired; actor null) in one transaction, once per key and kind (an idle warning again
   * when older than renewBefore). False when it was recorded already or the key is revoked.
   */
  recordKeyWarning(warning: KeyWarning): Promise<boolean>;
  /**
   * Revokes a live key unused since `activeBy` or before (checked under its row's lock, so
   * a use written meanwhile keeps it), through the revocation every other path takes
   * (api_key.revoke, cause idle_expiry, caches told). False when it was used or revoked.
   */
  revokeIdleKey(id: string, activeBy: string): Promise<boolean>;
  /** Forgets the warnings of keys revoked or expired before `before`, at most `limit`; answers how many. */
  pruneKeyWarnings(before: string, limit: number): Promise<number>;
  /** The emails of the tenant's human administrators. */
  listAdminEmails(tenantId: string): Promise<string[]>;
  /**
   * The caller's live keys in the tenant expiring by `expiringBy`, and (with `idleDays`)
   * unused since `idleBy`; with `serviceAccounts`, the tenant's service-account keys alike.
   */
  countKeyNotices(input: {
    tenantId: string;
    ownerId: string;
    serviceAccounts: boolean;
    at: string;
    expiringBy: string;
    idleBy: string | null;
  }): Promise<KeyNoticeCounts>;
  // webhooks (store/sql/webhooks.ts); deliveries are queued by the audit events of changes
  createWebhook(webhook: NewWebhook, audit: AuditContext): Promise<WebhookRecord>;
  /** A tenant's webhooks, oldest first (a tenant has few). */
  listWebhooks(tenantId: string): Promise<WebhookRecord[]>;
  getWebhook(id: string): Promise<WebhookRecord | null>;
  /** Audited webhook.update with the fields changed as cause; NOT_FOUND when gone. */
  updateWebhook(id: string, changes: WebhookChanges, audit: AuditContext): Promise<WebhookRecord>;
  /** Deletes it with its deliveries, audited webhook.delete; false when there was none. */
  deleteWebhook(id: string, audit: AuditContext): Promise<boolean>;
  /** A webhook's deliveries, newest first. */
  listWebhookDeliveries(webhookId: string, page: { limit: number; offset: number }): Promise<WebhookDeliveryRecord[]>;
  countWebhookDeliveries(webhookId: string): Promise<number>;
  getWebhookDelivery(id: string): Promise<WebhookDeliveryRecord | null>;
  /** Queues the delivery's event again, as a new delivery due now. */
  redeliverWebhookDelivery(id: string): Promise<WebhookDeliveryRecord>;
  /** Queues a webhook.test event for one webhook, due now. */
  queueTestWebhook(webhookId: string, actorId: string | null): Promise<WebhookDeliveryRecord>;
  /**
   * Claims up to `limit` pending deliveries of enabled webhooks due at `at` that no one
   * holds (claimed_until null or past), until `claimUntil`: each is sent by one worker,
   * whatever the number of instances.
   */
  claimWebhookDeliveries(at: string, claimUntil: string, limit: number): Promise<ClaimedDelivery[]>;
  /** Records an attempt, releases the claim, and keeps the webhook's newest `keep` finished deliveries. */
  recordWebhookAttempt(deliveryId: string, attempt: WebhookAttempt, keep: number): Promise<void>;

  // audit
  recordAudit(event: AuditInput): Promise<void>;
  listAuditEvents(tenantId: string, page: Page): Promise<AuditEventRecord[]>;
  countAuditEvents(tenantId: string, where?: BoolExp | null): Promise<number>;
  /** Every distinct actor of the tenant's audit log (members now or not), in the page's order (where is not used). */
  listAuditActors(tenantId: string, page: Page): Promise<AuditActorRecord[]>;
  countAuditActors(tenantId: string): Promise<number>;
}

/** Who did it and from where: recorded with every change, in the same transaction. */
export interface AuditContext {
  actorId: string | null;
  sourceAddress: string | null;
}
