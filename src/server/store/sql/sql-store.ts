import { randomUUID } from 'node:crypto';
import type { ChangeFeed } from '../../cache/change-feed.js';
import { badInput, conflict, notFound } from '../errors.js';
import { compileOrderBy, compileWhere, orderByClause, type EntitySpec } from '../hasura-sql.js';
import type {
  AccountType,
  AgentCheckIn,
  AgentRecord,
  AuditActorRecord,
  AuditCause,
  ApiKeyChanges,
  ApiKeyLookupRow,
  ApiKeyRecord,
  ApiKeyRow,
  AuditContext,
  AuditEventRecord,
  AuditInput,
  BoolExp,
  DeviceCookieRecord,
  InvitationRecord,
  InvitationVisibility,
  KeyChangeList,
  KeyCredential,
  KeyLookup,
  KeyVisibility,
  MemberRow,
  MembershipRecord,
  MembershipVisibility,
  NewAgent,
  NewApiKey,
  Page,
  Role,
  SessionRecord,
  Store,
  KeysOutsidePolicy,
  TenantPolicy,
  TenantPolicyInput,
  TenantRecord,
  UserRecord,
  UserRef,
  CanaryKeyRecord,
  CanaryTrip,
  CanaryUse,
  NewCanaryKey,
  KeyNoticeCounts,
  KeyWarning,
  ScheduledKey,
  ClaimedDelivery,
  NewWebhook,
  WebhookAttempt,
  WebhookChanges,
  WebhookDeliveryRecord,
  WebhookRecord,
} from '../types.js';
import { KEYPLANE_AGENT_TYPE } from '../../../shared/agents.js';
import { POLICY_CLOCK_SLACK_MS, policyShortenedExpiry, type PolicyKeyKind } from '../../../shared/key-policy.js';
import { ALWAYS, forUpdate, greatest, isUniqueViolation, NEVER, takeTurns } from './dialect.js';
import type { Dialect, Driver, Queryable, SqlValue } from './driver.js';
import { GroupCommit } from './group-commit.js';
import * as webhooks from './webhooks.js';

// The one Store: SQL over a Driver (SQLite or PostgreSQL). It writes SQL both dialects
// read alike (see driver.ts) and asks sql/dialect.ts for the rest.
//
// Every write that changes what a cache may hold (keys, memberships, roles, users,
// service accounts, tenants, invitations, audit events) tells the ChangeFeed once it is
// committed, and its promise resolves only after the feed has taken it in: an answer
// sent after a revocation is sent after every cache has forgotten the key. Bookkeeping
// that no cache holds (last_used_at, sessions, device cookies) tells nobody.

const now = () => new Date().toISOString();

const TENANT_SPEC: EntitySpec = {
  fields: { id: 't.id', name: 't.name', slug: 't.slug', created: 't.created' },
};
const KEY_OWNER_SPEC: EntitySpec = {
  fields: { id: 'u.id', username: 'u.username', account_type: 'u.account_type' },
};
/** Who created a key (api_key.created_by_id), joined as c only when a filter names it. */
const KEY_CREATOR_SPEC: EntitySpec = {
  fields: { id: 'c.id', username: 'c.username', account_type: 'c.account_type' },
};
const API_KEY_SPEC: EntitySpec = {
  fields: {
    id: 'k.id',
    name: 'k.name',
    created: 'k.created',
    updated: 'k.updated',
    expires_at: 'k.expires_at',
    last_used_at: 'k.last_used_at',
    user_id: 'k.user_id',
    default_tenant_id: 'k.tenant_id',
    key_hint: 'k.key_hint',
    role: 'k.role',
    description: 'k.description',
  },
  relations: { user: KEY_OWNER_SPEC, tenant: TENANT_SPEC, created_by: KEY_CREATOR_SPEC },
};
const MEMBER_SPEC: EntitySpec = {
  fields: { id: 'u.id', username: 'u.username', email: 'u.email', account_type: 'u.account_type', created: 'u.created' },
};
const AUDIT_SPEC: EntitySpec = {
  fields: {
    action: 'a.action',
    actor_id: 'a.actor_id',
    target_type: 'a.target_type',
    target_id: 'a.target_id',
    target_name: 'a.target_name',
    source_address: 'a.source_address',
    created: 'a.created',
  },
  // The actor is joined as u (listAuditEvents always joins it; countAuditEvents when named).
  relations: { actor: KEY_OWNER_SPEC },
};

/** An audit-log actor (its distinct actor_id as x), its user row as u and its membership of the tenant as m, both left-joined. */
const AUDIT_ACTOR_SPEC: EntitySpec = {
  fields: { username: 'u.username', account_type: 'u.account_type', is_member: 'CASE WHEN m.id IS NULL THEN 0 ELSE 1 END' },
};
const MEMBERSHIP_SPEC: EntitySpec = {
  fields: { id: 'm.id', tenant_id: 'm.tenant_id', user_id: 'm.user_id', role: 'm.role', role_id: 'm.role', created: 'm.created' },
};
const INVITATION_SPEC: EntitySpec = {
  fields: { id: 'i.id', tenant_id: 'i.tenant_id', email: 'i.email', role: 'i.role', role_id: 'i.role', created: 'i.created', expires_at: 'i.expires_at' },
};

const USER_COLUMNS = 'u.id, u.username, u.email, u.first_name, u.last_name, u.account_type, u.default_membership_id, u.created';
/** A key's own columns, as lists read them: withKeyRelations adds the rest. */
const KEY_ROW_COLUMNS =
  'k.id, k.name, k.key_hint, k.user_id, k.tenant_id, k.created_by_id, k.created, k.updated, k.expires_at, k.last_used_at, k.role, k.description, ' +
  'k.replaces_id, k.replaced_by_id, k.rotation_ends_at';
/** How many columns KEY_ROW_COLUMNS reads: a raw row's further columns start at this index. */
const KEY_ROW_COLUMN_COUNT = 15;
const KEY_COLUMNS =
  `${KEY_ROW_COLUMNS}, ` +
  // The replaced key's hint while it still works (a rotation under way), by its primary key.
  '(SELECT p.key_hint FROM api_key p WHERE p.id = k.replaces_id AND p.revoked_at IS NULL) AS replaces_key_hint';
const MEMBERSHIP_COLUMNS = 'id, tenant_id, user_id, role, created';
const INVITATION_COLUMNS = 'id, tenant_id, email, role, invited_by_id, created, expires_at, accepted_at, revoked_at';
/** Filters and sorts that name the owner (user.*) or tenant (tenant.*) need those joins while paging. */
const NAMES_A_RELATION = /\b[ut]\./;
const NAMES_THE_CREATOR = /\bc\./;

/** The joins a key filter or sort needs, none when it names only the key's own columns. */
const keyJoins = (sql: string) =>
  (NAMES_A_RELATION.test(sql) ? ' JOIN "user" u ON u.id = k.user_id JOIN tenant t ON t.id = k.tenant_id' : '') +
  (NAMES_THE_CREATOR.test(sql) ? ' LEFT JOIN "user" c ON c.id = k.created_by_id' : '');

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(',');

/** What authenticating a key reads: the key, its owner, the owner's membership in its tenant, a live predecessor. */
const CREDENTIAL_SQL = `SELECT k.id, k.user_id, k.tenant_id, k.expires_at, k.last_used_at, k.revoked_at, k.rotation_ends_at, u.account_type, u.username, m.role,
       k.role AS key_role, p.id AS live_predecessor_id
  FROM api_key k JOIN "user" u ON u.id = k.user_id
  LEFT JOIN membership m ON m.user_id = k.user_id AND m.tenant_id = k.tenant_id
  LEFT JOIN api_key p ON p.id = k.replaces_id AND p.revoked_at IS NULL
  WHERE k.key_hash = ?`;
type CredentialRow = Omit<KeyCredential, 'revoked'> & { revoked_at: string | null };

function credentialOf(row: CredentialRow | null): KeyCredential | null {
  if (!row) return null;
  return {
    id: row.id,
    user_id: row.user_id,
    tenant_id: row.tenant_id,
    expires_at: row.expires_at,
    last_used_at: row.last_used_at,
    revoked: row.revoked_at !== null,
    account_type: row.account_type,
    username: row.username,
    role: row.role,
    key_role: row.key_role,
    rotation_ends_at: row.rotation_ends_at,
    live_predecessor_id: row.live_predecessor_id,
  };
}

const POLICY_COLUMNS = 'user_key_max_days, service_key_max_days, require_expiry, idle_days, updated, updated_by_id';
const POLICY_FIELDS = ['user_key_max_days', 'service_key_max_days', 'require_expiry', 'idle_days'] as const;
type PolicyRow = Omit<TenantPolicy, 'tenant_id' | 'require_expiry'> & { require_expiry: number };

const OWNER_KIND_OF: Record<PolicyKeyKind, 'NORMAL' | 'SERVICE'> = { user: 'NORMAL', service: 'SERVICE' };

/** Keys of this kind expiring after this (or never) are outside the policy; null when it bounds none. */
function outsideBound(policy: TenantPolicy, kind: PolicyKeyKind, at: Date): string | null {
  const latest = policyShortenedExpiry(policy, kind, at);
  return latest === null ? null : new Date(latest.getTime() + POLICY_CLOCK_SLACK_MS).toISOString();
}

/** A tenant_policy row as a TenantPolicy; no row is the policy of no limits. */
const policyOf = (tenantId: string, row: PolicyRow | null): TenantPolicy =>
  row
    ? { tenant_id: tenantId, ...row, require_expiry: row.require_expiry === 1 }
    : { tenant_id: tenantId, user_key_max_days: null, service_key_max_days: null, require_expiry: false, idle_days: null, updated: null, updated_by_id: null };

/** A key a scheduled job reads, with its owner's kind and email and its tenant (k, u, t). */
const SCHEDULED_KEY_SELECT = `SELECT k.id, k.name, k.key_hint, k.user_id, u.account_type, u.username AS owner_name, u.email AS owner_email, t.id AS tenant_id, t.name AS tenant_name,
         t.slug AS tenant_slug, t.created AS tenant_created, k.created, k.expires_at, k.last_used_at
  FROM api_key k JOIN "user" u ON u.id = k.user_id JOIN tenant t ON t.id = k.tenant_id`;
/** Keys that work and are not on their way out: a key being replaced by a rotation ends by itself. */
const LIVE_UNREPLACED = 'k.revoked_at IS NULL AND k.replaced_by_id IS NULL';
/** When a key was last active: its last recorded use, else its creation. */
const KEY_ACTIVITY = 'coalesce(k.last_used_at, k.created)';
type ScheduledKeyRow = Omit<ScheduledKey, 'tenant'> & { tenant_id: string; tenant_name: string; tenant_slug: string; tenant_created: string };
const scheduledKeyOf = ({ tenant_id, tenant_name, tenant_slug, tenant_created, ...key }: ScheduledKeyRow): ScheduledKey => ({
  ...key,
  tenant: { id: tenant_id, name: tenant_name, slug: tenant_slug, created: tenant_created },
});
const NOBODY: AuditContext = { actorId: null, sourceAddress: null };

const LAST_ADMIN = 'This is the last administrator of the tenant: make someone else an administrator first.';

export class SqlStore implements Store {
  /** Agents a key keeps: past this, a new agent seen with it forgets its least recently seen one. */
  static readonly MAX_AGENTS_PER_KEY = 20;
  /** Agents not seen for this long are not shown, and are deleted as new agents appear. */
  static readonly AGENT_RETENTION_MS = 7 * 86_400_000;
  /** Expired agents one new agent deletes at most, so that no write grows with the backlog. */
  static readonly EXPIRED_AGENTS_PER_WRITE = 100;
  /** A canary used again within this of its last alert is counted without another audit event. */
  static readonly CANARY_ALERT_INTERVAL_MS = 3_600_000;

  private readonly dialect: Dialect;
  /** Appended to a SELECT in a transaction that checks rows before it changes them (see dialect.ts). */
  private readonly lock: string;

  /**
   * Key creations that arrive together share one transaction on SQLite (sql/group-commit.ts):
   * one writer, whose commits cost by the pages they append to the WAL. On PostgreSQL each
   * stays a transaction of its own: its connections write in parallel.
   */
  private readonly creations: GroupCommit | null;

  constructor(
    readonly driver: Driver,
    private readonly changes: ChangeFeed,
  ) {
    this.dialect = driver.dialect;
    this.lock = forUpdate(driver.dialect);
    this.creations = driver.dialect === 'sqlite' ? new GroupCommit(driver, () => changes.changed()) : null;
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  /** A transaction that changes what caches hold: committed, then announced, then answered. */
  private async change<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const result = await this.driver.transaction(fn);
    await this.changes.changed();
    return result;
  }

  private async audit(
    tx: Queryable,
    action: string,
    context: AuditContext,
    tenantId: string | null,
    targetType: string,
    targetId: string,
    targetName: string | null,
    cause: AuditCause | null = null,
  ): Promise<void> {
    await this.insertAudit(tx, {
      action,
      actor_id: context.actorId,
      tenant_id: tenantId,
      target_type: targetType,
      target_id: targetId,
      target_name: targetName,
      source_address: context.sourceAddress,
      cause,
    });
  }

  /** Writes an audit event, and queues the webhook deliveries it raises in the same transaction (store/sql/webhooks.ts). */
  private async insertAudit(db: Queryable, event: AuditInput): Promise<void> {
    const id = randomUUID();
    const created = now();
    await db.run(
      `INSERT INTO audit_event (id, action, actor_id, tenant_id, target_type, target_id, target_name, source_address, cause, user_agent, detail, created)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        event.action,
        event.actor_id,
        event.tenant_id,
        event.target_type,
        event.target_id,
        event.target_name,
        event.source_address,
        event.cause ?? null,
        event.user_agent ?? null,
        event.detail ?? null,
        created,
      ],
    );
    await webhooks.queueWebhookDeliveries(db, { ...event, id, created });
  }

  /** Revokes each live key of an owner in a tenant, each with its own audit event. */
  private async revokeKeysOf(tx: Queryable, userId: string, tenantId: string, cause: AuditCause, audit: AuditContext): Promise<number> {
    const keys = await tx.all<{ id: string; name: string }>('SELECT id, name FROM api_key WHERE user_id = ? AND tenant_id = ? AND revoked_at IS NULL', [
      userId,
      tenantId,
    ]);
    const at = now();
    for (const key of keys) {
      await tx.run('UPDATE api_key SET revoked_at = ?, updated = ? WHERE id = ?', [at, at, key.id]);
      await this.audit(tx, 'api_key.revoke', audit, tenantId, 'api_key', key.id, key.name, cause);
    }
    return keys.length;
  }

  /** Revokes the pending invitations a member made in a tenant: they carry that member's authority. */
  private async revokeInvitationsBy(tx: Queryable, userId: string, tenantId: string, cause: AuditCause, audit: AuditContext): Promise<void> {
    const at = now();
    const invitations = await tx.all<{ id: string; email: string }>(
      'SELECT id, email FROM invitation WHERE invited_by_id = ? AND tenant_id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?',
      [userId, tenantId, at],
    );
    for (const invitation of invitations) {
      await tx.run('UPDATE invitation SET revoked_at = ? WHERE id = ?', [at, invitation.id]);
      await this.audit(tx, 'invitation.revoke', audit, tenantId, 'invitation', invitation.id, invitation.email, cause);
    }
  }

  private async insertMembership(tx: Queryable, tenantId: string, userId: string, role: Role): Promise<MembershipRecord> {
    const membership: MembershipRecord = { id: randomUUID(), tenant_id: tenantId, user_id: userId, role, created: now() };
    await tx.run('INSERT INTO membership (id, tenant_id, user_id, role, created) VALUES (?, ?, ?, ?, ?)', [
      membership.id,
      tenantId,
      userId,
      role,
      membership.created,
    ]);
    await tx.run('UPDATE "user" SET default_membership_id = ? WHERE id = ? AND default_membership_id IS NULL', [membership.id, userId]);
    return membership;
  }

  private async insertTenant(tx: Queryable, name: string, slug: string): Promise<TenantRecord> {
    const tenant: TenantRecord = { id: randomUUID(), name, slug, created: now() };
    try {
      await tx.run('INSERT INTO tenant (id, name, slug, created) VALUES (?, ?, ?, ?)', [tenant.id, name, slug, tenant.created]);
    } catch (error) {
      if (isUniqueViolation(this.dialect, error)) throw conflict('slug', `The slug "${slug}" is already taken.`);
      throw error;
    }
    // Old URLs with this slug now lead to the tenant that has it.
    await tx.run('DELETE FROM tenant_slug_history WHERE slug = ?', [slug]);
    return tenant;
  }

  private async insertUser(
    db: Queryable,
    input: { email: string | null; username: string; passwordHash: string | null; accountType: AccountType },
    emailTaken = 'An account with this email already exists.',
  ): Promise<UserRecord> {
    const user: UserRecord = {
      id: randomUUID(),
      username: input.username,
      email: input.email,
      first_name: null,
      last_name: null,
      account_type: input.accountType,
      default_membership_id: null,
      created: now(),
    };
    try {
      await db.run('INSERT INTO "user" (id, username, email, account_type, password_hash, created) VALUES (?, ?, ?, ?, ?, ?)', [
        user.id,
        user.username,
        user.email,
        user.account_type,
        input.passwordHash,
        user.created,
      ]);
    } catch (error) {
      if (isUniqueViolation(this.dialect, error)) throw conflict('email', emailTaken);
      throw error;
    }
    return user;
  }

  // ------------------------------------------------------------ users, tenants, memberships

  async countHumanUsers(): Promise<number> {
    return (await this.driver.get<{ n: number }>(`SELECT count(*) AS n FROM "user" WHERE account_type = 'NORMAL'`))!.n;
  }

  async bootstrap(input: { email: string; username: string; passwordHash: string; tenantName: string; tenantSlug: string }, audit: AuditContext) {
    return this.change(async (tx) => {
      // Two set-ups at once must not both find no account (PostgreSQL: READ COMMITTED, and no row to lock).
      const turn = takeTurns(this.dialect);
      if (turn) await tx.get(turn, ['keyplane.bootstrap']);
      if ((await tx.get<{ n: number }>(`SELECT count(*) AS n FROM "user" WHERE account_type = 'NORMAL'`))!.n > 0) {
        throw badInput('email', 'Keyplane is already set up; sign in instead.');
      }
      const user = await this.insertUser(tx, { email: input.email, username: input.username, passwordHash: input.passwordHash, accountType: 'NORMAL' });
      const tenant = await this.insertTenant(tx, input.tenantName, input.tenantSlug);
      const membership = await this.insertMembership(tx, tenant.id, user.id, 'TENANT_ADMIN');
      user.default_membership_id = membership.id;
      await this.audit(tx, 'tenant.create', { ...audit, actorId: user.id }, tenant.id, 'tenant', tenant.id, tenant.name);
      return { user, tenant };
    });
  }

  getUser(id: string): Promise<UserRecord | null> {
    return this.driver.get<UserRecord>(`SELECT ${USER_COLUMNS} FROM "user" u WHERE u.id = ?`, [id]);
  }

  async getUsers(ids: readonly string[]): Promise<UserRecord[]> {
    if (ids.length === 0) return [];
    return this.driver.all<UserRecord>(`SELECT ${USER_COLUMNS} FROM "user" u WHERE u.id IN (${placeholders(ids.length)})`, ids);
  }

  async findLogin(email: string) {
    const row = await this.driver.get<UserRecord & { password_hash: string | null }>(
      `SELECT ${USER_COLUMNS}, u.password_hash FROM "user" u WHERE u.email = ? AND u.account_type = 'NORMAL'`,
      [email],
    );
    if (!row || !row.password_hash) return null;
    const { password_hash, ...user } = row;
    return { user, passwordHash: password_hash };
  }

  findUserByEmail(email: string): Promise<UserRecord | null> {
    return this.driver.get<UserRecord>(`SELECT ${USER_COLUMNS} FROM "user" u WHERE u.email = ?`, [email]);
  }

  async createUser(input: { email: string; username: string; passwordHash: string }): Promise<UserRecord> {
    const user = await this.insertUser(this.driver, { ...input, accountType: 'NORMAL' });
    await this.changes.changed();
    return user;
  }

  getTenant(id: string): Promise<TenantRecord | null> {
    return this.driver.get<TenantRecord>('SELECT id, name, slug, created FROM tenant WHERE id = ?', [id]);
  }

  async getTenants(ids: readonly string[]): Promise<TenantRecord[]> {
    if (ids.length === 0) return [];
    return this.driver.all<TenantRecord>(`SELECT id, name, slug, created FROM tenant WHERE id IN (${placeholders(ids.length)})`, ids);
  }

  findTenantByIdOrSlug(idOrSlug: string): Promise<TenantRecord | null> {
    return this.driver.get<TenantRecord>('SELECT id, name, slug, created FROM tenant WHERE id = ? OR slug = ?', [idOrSlug, idOrSlug]);
  }

  findTenantOfUserByPreviousSlug(userId: string, slug: string): Promise<TenantRecord | null> {
    return this.driver.get<TenantRecord>(
      `SELECT t.id, t.name, t.slug, t.created FROM tenant_slug_history h JOIN tenant t ON t.id = h.tenant_id
        JOIN membership m ON m.tenant_id = t.id WHERE h.slug = ? AND m.user_id = ?`,
      [slug, userId],
    );
  }

  async countLiveKeysOfTenant(tenantId: string): Promise<number> {
    return (await this.driver.get<{ n: number }>(
      'SELECT count(*) AS n FROM api_key WHERE tenant_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)',
      [tenantId, now()],
    ))!.n;
  }

  listTenantsOfUser(userId: string, page: Page): Promise<TenantRecord[]> {
    const params: SqlValue[] = [userId];
    const where = compileWhere(this.dialect, TENANT_SPEC, page.where, params);
    const order = orderByClause(compileOrderBy(TENANT_SPEC, page.orderBy ?? [{ name: 'asc' }]), 't.id');
    return this.driver.all<TenantRecord>(
      `SELECT t.id, t.name, t.slug, t.created FROM tenant t JOIN membership m ON m.tenant_id = t.id WHERE m.user_id = ? AND (${where}) ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...params, page.limit, page.offset],
    );
  }

  async countTenantsOfUser(userId: string, where?: BoolExp | null): Promise<number> {
    const params: SqlValue[] = [userId];
    const clause = compileWhere(this.dialect, TENANT_SPEC, where, params);
    return (await this.driver.get<{ n: number }>(
      `SELECT count(*) AS n FROM tenant t JOIN membership m ON m.tenant_id = t.id WHERE m.user_id = ? AND (${clause})`,
      params,
    ))!.n;
  }

  createTenant(input: { name: string; slug: string; adminUserId: string }, audit: AuditContext): Promise<TenantRecord> {
    return this.change(async (tx) => {
      const tenant = await this.insertTenant(tx, input.name, input.slug);
      await this.insertMembership(tx, tenant.id, input.adminUserId, 'TENANT_ADMIN');
      await this.audit(tx, 'tenant.create', audit, tenant.id, 'tenant', tenant.id, tenant.name);
      return tenant;
    });
  }

  getMembership(id: string): Promise<MembershipRecord | null> {
    return this.driver.get<MembershipRecord>(`SELECT ${MEMBERSHIP_COLUMNS} FROM membership WHERE id = ?`, [id]);
  }

  findMembership(userId: string, tenantId: string): Promise<MembershipRecord | null> {
    return this.driver.get<MembershipRecord>(`SELECT ${MEMBERSHIP_COLUMNS} FROM membership WHERE user_id = ? AND tenant_id = ?`, [userId, tenantId]);
  }

  listMembershipsOfUser(userId: string): Promise<MembershipRecord[]> {
    return this.driver.all<MembershipRecord>(`SELECT ${MEMBERSHIP_COLUMNS} FROM membership WHERE user_id = ? ORDER BY created`, [userId]);
  }

  /**
   * The membership, read in the changing transaction after the tenant's row is locked
   * (PostgreSQL; SQLite has one writer already): two concurrent changes to one tenant's
   * memberships take turns, so two demotions cannot both see another administrator.
   */
  private async membershipForChange(tx: Queryable, membershipId: string): Promise<MembershipRecord> {
    if (this.lock) {
      const found = await tx.get<{ tenant_id: string }>('SELECT tenant_id FROM membership WHERE id = ?', [membershipId]);
      if (!found) throw notFound('Membership');
      await tx.get(`SELECT id FROM tenant WHERE id = ?${this.lock}`, [found.tenant_id]);
    }
    const membership = await tx.get<MembershipRecord>(`SELECT ${MEMBERSHIP_COLUMNS} FROM membership WHERE id = ?`, [membershipId]);
    if (!membership) throw notFound('Membership');
    return membership;
  }

  /** Checked inside the changing transaction (see membershipForChange). */
  private async isLastHumanAdmin(tx: Queryable, membership: MembershipRecord): Promise<boolean> {
    if (membership.role !== 'TENANT_ADMIN') return false;
    const user = await tx.get<{ account_type: string }>('SELECT account_type FROM "user" WHERE id = ?', [membership.user_id]);
    if (user?.account_type !== 'NORMAL') return false;
    const admins = await tx.get<{ n: number }>(
      `SELECT count(*) AS n FROM membership m JOIN "user" u ON u.id = m.user_id WHERE m.tenant_id = ? AND m.role = 'TENANT_ADMIN' AND u.account_type = 'NORMAL'`,
      [membership.tenant_id],
    );
    return admins!.n <= 1;
  }

  setMembershipRole(membershipId: string, role: Role, audit: AuditContext): Promise<MembershipRecord> {
    return this.change(async (tx) => {
      const membership = await this.membershipForChange(tx, membershipId);
      if (role !== 'TENANT_ADMIN' && (await this.isLastHumanAdmin(tx, membership))) throw badInput('role', LAST_ADMIN);
      await tx.run('UPDATE membership SET role = ? WHERE id = ?', [role, membershipId]);
      await this.audit(tx, 'membership.role_change', audit, membership.tenant_id, 'membership', membership.id, `${membership.role} → ${role}`);
      if (membership.role === 'TENANT_ADMIN' && role !== 'TENANT_ADMIN') {
        await this.revokeInvitationsBy(tx, membership.user_id, membership.tenant_id, 'inviter_demoted', audit);
      }
      return { ...membership, role };
    });
  }

  async deleteMembership(membershipId: string, audit: AuditContext): Promise<void> {
    await this.change(async (tx) => {
      const membership = await this.membershipForChange(tx, membershipId);
      if (await this.isLastHumanAdmin(tx, membership)) throw badInput('membership_id', LAST_ADMIN);
      await tx.run('DELETE FROM membership WHERE id = ?', [membershipId]);
      const next = await tx.get<{ id: string }>('SELECT id FROM membership WHERE user_id = ? ORDER BY created LIMIT 1', [membership.user_id]);
      await tx.run('UPDATE "user" SET default_membership_id = ? WHERE id = ? AND default_membership_id = ?', [
        next?.id ?? null,
        membership.user_id,
        membershipId,
      ]);
      const user = await tx.get<{ username: string }>('SELECT username FROM "user" WHERE id = ?', [membership.user_id]);
      await this.audit(tx, 'membership.delete', audit, membership.tenant_id, 'membership', membership.id, user?.username ?? null);
      const left = audit.actorId === membership.user_id;
      await this.revokeKeysOf(tx, membership.user_id, membership.tenant_id, left ? 'member_left' : 'member_removed', audit);
      await this.revokeInvitationsBy(tx, membership.user_id, membership.tenant_id, left ? 'inviter_left' : 'inviter_removed', audit);
    });
  }

  async listMembers(tenantId: string, page: Page): Promise<MemberRow[]> {
    const params: SqlValue[] = [tenantId];
    const where = compileWhere(this.dialect, MEMBER_SPEC, page.where, params);
    const order = orderByClause(compileOrderBy(MEMBER_SPEC, page.orderBy ?? [{ username: 'asc' }]), 'u.id');
    // The page first, then its members' keys counted in one grouped pass. A count in the
    // page's own SELECT is made for every member before the sort keeps the page, and each
    // count, correlated, is planned for the commonest owner: with one owner holding most
    // keys, PostgreSQL scanned api_key once per member. The order names u's columns only,
    // which the page keeps under the same names.
    const rows = await this.driver.all<UserRecord & { m_id: string; m_role: Role; m_created: string; api_key_count: number }>(
      `WITH page AS (
           SELECT ${USER_COLUMNS}, m.id AS m_id, m.role AS m_role, m.created AS m_created
             FROM membership m JOIN "user" u ON u.id = m.user_id
             WHERE m.tenant_id = ? AND (${where}) ORDER BY ${order} LIMIT ? OFFSET ?),
         keys AS (
           SELECT k.user_id, count(*) AS n FROM api_key k
             WHERE k.tenant_id = ? AND k.user_id IN (SELECT id FROM page) AND k.revoked_at IS NULL
               AND (k.expires_at IS NULL OR k.expires_at > ?)
             GROUP BY k.user_id)
       SELECT u.*, coalesce(keys.n, 0) AS api_key_count FROM page u LEFT JOIN keys ON keys.user_id = u.id ORDER BY ${order}`,
      [...params, page.limit, page.offset, tenantId, now()],
    );
    return rows.map(({ m_id, m_role, m_created, api_key_count, ...user }) => ({
      ...user,
      api_key_count,
      membership: { id: m_id, tenant_id: tenantId, user_id: user.id, role: m_role, created: m_created },
    }));
  }

  async countMembers(tenantId: string, where?: BoolExp | null): Promise<number> {
    const params: SqlValue[] = [tenantId];
    const clause = compileWhere(this.dialect, MEMBER_SPEC, where, params);
    return (await this.driver.get<{ n: number }>(
      `SELECT count(*) AS n FROM membership m JOIN "user" u ON u.id = m.user_id WHERE m.tenant_id = ? AND (${clause})`,
      params,
    ))!.n;
  }

  listMemberships(visibility: MembershipVisibility, page: Page): Promise<MembershipRecord[]> {
    const scope: string[] = [];
    const params: SqlValue[] = [];
    if (visibility.tenantId) {
      scope.push('m.tenant_id = ?');
      params.push(visibility.tenantId);
    }
    if (visibility.userId) {
      scope.push('m.user_id = ?');
      params.push(visibility.userId);
    }
    const where = compileWhere(this.dialect, MEMBERSHIP_SPEC, page.where, params);
    const order = orderByClause(compileOrderBy(MEMBERSHIP_SPEC, page.orderBy ?? [{ created: 'asc' }]), 'm.id');
    return this.driver.all<MembershipRecord>(
      `SELECT m.id, m.tenant_id, m.user_id, m.role, m.created FROM membership m
        WHERE (${scope.join(' OR ') || NEVER}) AND (${where}) ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...params, page.limit, page.offset],
    );
  }

  renameTenant(tenantId: string, name: string, audit: AuditContext): Promise<TenantRecord> {
    return this.change(async (tx) => {
      const tenant = await tx.get<TenantRecord>(`SELECT id, name, slug, created FROM tenant WHERE id = ?${this.lock}`, [tenantId]);
      if (!tenant) throw notFound('Tenant');
      await tx.run('UPDATE tenant SET name = ? WHERE id = ?', [name, tenantId]);
      await this.audit(tx, 'tenant.rename', audit, tenantId, 'tenant', tenantId, `${tenant.name} → ${name}`);
      return { ...tenant, name };
    });
  }

  setTenantSlug(tenantId: string, slug: string, audit: AuditContext): Promise<TenantRecord> {
    return this.change(async (tx) => {
      const tenant = await tx.get<TenantRecord>(`SELECT id, name, slug, created FROM tenant WHERE id = ?${this.lock}`, [tenantId]);
      if (!tenant) throw notFound('Tenant');
      if (tenant.slug === slug) return tenant;
      // A slug that is another tenant's id would make X-Tenant-Id ambiguous (findTenantByIdOrSlug).
      if (await tx.get('SELECT id FROM tenant WHERE slug = ? OR id = ?', [slug, slug])) throw conflict('slug', `The slug "${slug}" is already taken.`);
      try {
        await tx.run('UPDATE tenant SET slug = ? WHERE id = ?', [slug, tenantId]);
      } catch (error) {
        // Another instance took the slug since the check (PostgreSQL: READ COMMITTED).
        if (isUniqueViolation(this.dialect, error)) throw conflict('slug', `The slug "${slug}" is already taken.`);
        throw error;
      }
      // The old slug keeps leading here until a tenant takes it; the new one is no one's old slug any more.
      await tx.run('DELETE FROM tenant_slug_history WHERE slug = ? OR slug = ?', [slug, tenant.slug]);
      await tx.run('INSERT INTO tenant_slug_history (slug, tenant_id, changed) VALUES (?, ?, ?)', [tenant.slug, tenantId, now()]);
      await this.audit(tx, 'tenant.slug_change', audit, tenantId, 'tenant', tenantId, `${tenant.slug} → ${slug}`);
      return { ...tenant, slug };
    });
  }

  deleteTenant(tenantId: string, audit: AuditContext): Promise<number> {
    return this.change(async (tx) => {
      const tenant = await tx.get<TenantRecord>(`SELECT id, name, slug, created FROM tenant WHERE id = ?${this.lock}`, [tenantId]);
      if (!tenant) throw notFound('Tenant');
      await this.audit(tx, 'tenant.delete', audit, tenantId, 'tenant', tenantId, tenant.name);
      const at = now();
      const keys = await tx.all<{ id: string; name: string }>('SELECT id, name FROM api_key WHERE tenant_id = ? AND revoked_at IS NULL', [tenantId]);
      for (const key of keys) {
        await tx.run('UPDATE api_key SET revoked_at = ?, updated = ? WHERE id = ?', [at, at, key.id]);
        await this.audit(tx, 'api_key.revoke', audit, tenantId, 'api_key', key.id, key.name, 'tenant_deleted');
      }
      const invitations = await tx.all<{ id: string; email: string }>(
        'SELECT id, email FROM invitation WHERE tenant_id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?',
        [tenantId, at],
      );
      for (const invitation of invitations) {
        await this.audit(tx, 'invitation.revoke', audit, tenantId, 'invitation', invitation.id, invitation.email, 'tenant_deleted');
      }
      const members = await tx.all<{ id: string; user_id: string; username: string; account_type: AccountType }>(
        'SELECT m.id, m.user_id, u.username, u.account_type FROM membership m JOIN "user" u ON u.id = m.user_id WHERE m.tenant_id = ?',
        [tenantId],
      );
      for (const member of members) {
        if (member.account_type === 'SERVICE')
          await this.audit(tx, 'service_account.delete', audit, tenantId, 'service_account', member.user_id, member.username, 'tenant_deleted');
        else await this.audit(tx, 'membership.delete', audit, tenantId, 'membership', member.id, member.username, 'tenant_deleted');
      }
      // The rows go (the audit events stay): nothing may refer to the tenant any more.
      await tx.run('DELETE FROM agent WHERE tenant_id = ?', [tenantId]);
      await tx.run('DELETE FROM canary_key WHERE tenant_id = ?', [tenantId]);
      await webhooks.deleteWebhookRows(tx, 'tenant_id', tenantId);
      await tx.run('DELETE FROM tenant_policy WHERE tenant_id = ?', [tenantId]);
      await tx.run('DELETE FROM invitation WHERE tenant_id = ?', [tenantId]);
      await tx.run('DELETE FROM key_warning WHERE api_key_id IN (SELECT id FROM api_key WHERE tenant_id = ?)', [tenantId]);
      await tx.run('DELETE FROM api_key WHERE tenant_id = ?', [tenantId]);
      await tx.run('DELETE FROM api_key_count WHERE tenant_id = ?', [tenantId]);
      await tx.run('DELETE FROM membership WHERE tenant_id = ?', [tenantId]);
      await tx.run('DELETE FROM tenant_slug_history WHERE tenant_id = ?', [tenantId]);
      // People whose default was this tenant fall back to their oldest other membership.
      await tx.run(
        `UPDATE "user" SET default_membership_id = (SELECT id FROM membership WHERE user_id = "user".id ORDER BY created LIMIT 1)
         WHERE default_membership_id IS NOT NULL AND default_membership_id NOT IN (SELECT id FROM membership)`,
      );
      await tx.run('DELETE FROM tenant WHERE id = ?', [tenantId]);
      return keys.length;
    });
  }

  // ------------------------------------------------------------ tenant key policies

  async getTenantPolicy(tenantId: string): Promise<TenantPolicy> {
    return policyOf(tenantId, await this.driver.get<PolicyRow>(`SELECT ${POLICY_COLUMNS} FROM tenant_policy WHERE tenant_id = ?`, [tenantId]));
  }

  setTenantPolicy(tenantId: string, policy: TenantPolicyInput, audit: AuditContext): Promise<TenantPolicy> {
    return this.change(async (tx) => {
      const tenant = await tx.get<TenantRecord>(`SELECT id, name, slug, created FROM tenant WHERE id = ?${this.lock}`, [tenantId]);
      if (!tenant) throw notFound('Tenant');
      const before = policyOf(tenantId, await tx.get<PolicyRow>(`SELECT ${POLICY_COLUMNS} FROM tenant_policy WHERE tenant_id = ?`, [tenantId]));
      const changed = POLICY_FIELDS.filter((field) => before[field] !== policy[field]);
      if (changed.length === 0) return before;
      const at = now();
      const values = [policy.user_key_max_days, policy.service_key_max_days, policy.require_expiry ? 1 : 0, policy.idle_days, at, audit.actorId];
      if (before.updated === null)
        await tx.run(
          'INSERT INTO tenant_policy (tenant_id, user_key_max_days, service_key_max_days, require_expiry, idle_days, updated, updated_by_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [tenantId, ...values],
        );
      else
        await tx.run(
          'UPDATE tenant_policy SET user_key_max_days = ?, service_key_max_days = ?, require_expiry = ?, idle_days = ?, updated = ?, updated_by_id = ? WHERE tenant_id = ?',
          [...values, tenantId],
        );
      await this.insertAudit(tx, {
        action: 'tenant.policy_change',
        actor_id: audit.actorId,
        tenant_id: tenantId,
        target_type: 'tenant',
        target_id: tenantId,
        target_name: tenant.name,
        source_address: audit.sourceAddress,
        // The fields, with their new values: a policy is no secret, and the log should say what it became.
        detail: changed.map((field) => `${field}=${String(policy[field])}`).join(', '),
      });
      return { tenant_id: tenantId, ...policy, updated: at, updated_by_id: audit.actorId };
    });
  }

  async countKeysOutsidePolicy(tenantId: string, at: Date): Promise<KeysOutsidePolicy> {
    const policy = await this.getTenantPolicy(tenantId);
    const count = async (kind: PolicyKeyKind): Promise<number> => {
      const bound = outsideBound(policy, kind, at);
      if (bound === null) return 0;
      const row = await this.driver.get<{ n: number }>(
        'SELECT count(*) AS n FROM api_key WHERE tenant_id = ? AND owner_kind = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)',
        [tenantId, OWNER_KIND_OF[kind], bound],
      );
      return Number(row!.n);
    };
    return { user_keys: await count('user'), service_account_keys: await count('service') };
  }

  shortenKeysToPolicy(tenantId: string, at: Date, audit: AuditContext): Promise<number> {
    return this.change(async (tx) => {
      const policy = policyOf(tenantId, await tx.get<PolicyRow>(`SELECT ${POLICY_COLUMNS} FROM tenant_policy WHERE tenant_id = ?${this.lock}`, [tenantId]));
      let shortened = 0;
      for (const kind of ['user', 'service'] as const) {
        const bound = outsideBound(policy, kind, at);
        if (bound === null) continue;
        const expiresAt = policyShortenedExpiry(policy, kind, at)!.toISOString();
        const keys = await tx.all<{ id: string; name: string; expires_at: string | null }>(
          `SELECT id, name, expires_at FROM api_key WHERE tenant_id = ? AND owner_kind = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)${this.lock}`,
          [tenantId, OWNER_KIND_OF[kind], bound],
        );
        for (const key of keys) {
          await tx.run('UPDATE api_key SET expires_at = ?, updated = ? WHERE id = ?', [expiresAt, at.toISOString(), key.id]);
          await this.insertAudit(tx, {
            action: 'api_key.policy_shortened',
            actor_id: audit.actorId,
            tenant_id: tenantId,
            target_type: 'api_key',
            target_id: key.id,
            target_name: key.name,
            source_address: audit.sourceAddress,
            detail: `expires_at=${expiresAt} (was ${key.expires_at ?? 'never'})`,
          });
        }
        shortened += keys.length;
      }
      return shortened;
    });
  }

  // ------------------------------------------------------------ service accounts

  createServiceAccount(input: { tenantId: string; name: string; role: Role }, audit: AuditContext): Promise<UserRecord> {
    return this.change(async (tx) => {
      const user = await this.insertUser(tx, { email: null, username: input.name, passwordHash: null, accountType: 'SERVICE' });
      const membership = await this.insertMembership(tx, input.tenantId, user.id, input.role);
      user.default_membership_id = membership.id;
      await this.audit(tx, 'service_account.create', audit, input.tenantId, 'service_account', user.id, user.username);
      return user;
    });
  }

  deleteServiceAccount(userId: string, audit: AuditContext): Promise<number> {
    return this.change(async (tx) => {
      const account = await tx.get<{ username: string; tenant_id: string }>(
        `SELECT u.username, m.tenant_id FROM "user" u JOIN membership m ON m.user_id = u.id WHERE u.id = ? AND u.account_type = 'SERVICE'`,
        [userId],
      );
      if (!account) throw notFound('Service account');
      await tx.run('UPDATE "user" SET default_membership_id = NULL WHERE id = ?', [userId]);
      await tx.run('DELETE FROM membership WHERE user_id = ?', [userId]);
      await this.audit(tx, 'service_account.delete', audit, account.tenant_id, 'service_account', userId, account.username);
      // A service account's keys all act in its one tenant.
      const revoked = await this.revokeKeysOf(tx, userId, account.tenant_id, 'service_account_removed', audit);
      await this.revokeInvitationsBy(tx, userId, account.tenant_id, 'inviter_removed', audit);
      return revoked;
    });
  }

  // ------------------------------------------------------------ API keys

  async createApiKey(key: NewApiKey, audit: AuditContext, limits?: { maxActivePerOwner: number }): Promise<ApiKeyRecord> {
    const at = now();
    const record: ApiKeyRecord = {
      id: key.id,
      name: key.name,
      key_hint: key.keyHint,
      user_id: key.userId,
      tenant_id: key.tenantId,
      created_by_id: key.createdById,
      created: at,
      updated: at,
      expires_at: key.expiresAt,
      last_used_at: null,
      role: key.role ?? null,
      description: null,
      replaces_id: null,
      replaced_by_id: null,
      rotation_ends_at: null,
      replaces_key_hint: null,
    };
    const create = async (tx: Queryable) => {
      if (limits) {
        // The owner's row is locked first (PostgreSQL), so that two creations cannot both pass the count.
        if (this.lock) await tx.get(`SELECT id FROM "user" WHERE id = ?${this.lock}`, [key.userId]);
        if (await this.mayReach(tx, key.userId, limits.maxActivePerOwner)) {
          const active = Number(
            (await tx.get<{ n: number }>(
              'SELECT count(*) AS n FROM api_key WHERE user_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)',
              [key.userId, at],
            ))!.n,
          );
          if (active >= limits.maxActivePerOwner) {
            throw badInput('user_id', `This account already has ${active} active API keys, the most allowed: revoke keys it no longer uses first.`, {
              limit: 'keys_per_owner',
              max: limits.maxActivePerOwner,
            });
          }
        }
      }
      await tx.run(
        `INSERT INTO api_key (id, name, key_hash, key_hint, user_id, tenant_id, owner_kind, created_by_id, created, updated, expires_at, role)
         VALUES (?, ?, ?, ?, ?, ?, (SELECT account_type FROM "user" WHERE id = ?), ?, ?, ?, ?, ?)`,
        [key.id, key.name, key.keyHash, key.keyHint, key.userId, key.tenantId, key.userId, key.createdById, at, at, key.expiresAt, key.role ?? null],
      );
      await this.audit(tx, 'api_key.create', audit, key.tenantId, 'api_key', key.id, key.name);
    };
    await (this.creations ? this.creations.run(create) : this.change(create));
    return record;
  }

  /**
   * Whether an owner may hold `max` keys that are neither revoked nor expired: their unrevoked
   * keys, which the triggers count per tenant (api_key_count), are at least as many. Below
   * that, the exact count (which reads every live key of the owner: at 1,000 keys about
   * 80 µs) is not needed.
   */
  private async mayReach(tx: Queryable, userId: string, max: number): Promise<boolean> {
    const live = await tx.get<{ n: number }>('SELECT coalesce(sum(active), 0) AS n FROM api_key_count WHERE user_id = ?', [userId]);
    return Number(live!.n) >= max;
  }

  getApiKey(id: string): Promise<ApiKeyRecord | null> {
    return this.driver.get<ApiKeyRecord>(`SELECT ${KEY_COLUMNS} FROM api_key k WHERE k.id = ? AND k.revoked_at IS NULL`, [id]);
  }

  async revokeApiKey(id: string, audit: AuditContext): Promise<boolean> {
    const revoked = await this.driver.transaction(async (tx) => (await this.revokeLiveKey(tx, id, audit)) !== null);
    if (revoked) await this.changes.changed();
    return revoked;
  }

  /**
   * Revokes one live key (with `rotating`, only one being replaced), its row locked so that
   * two callers cannot both revoke and audit it, with its api_key.revoke event. The key's
   * name and tenant, or null when there was no such key to revoke.
   */
  private async revokeLiveKey(
    tx: Queryable,
    id: string,
    audit: AuditContext,
    cause: AuditCause | null = null,
    rotating = false,
  ): Promise<{ name: string; tenant_id: string } | null> {
    const key = await tx.get<{ name: string; tenant_id: string }>(
      `SELECT name, tenant_id FROM api_key WHERE id = ? AND revoked_at IS NULL${rotating ? ' AND replaced_by_id IS NOT NULL' : ''}${this.lock}`,
      [id],
    );
    if (!key) return null;
    const at = now();
    await tx.run('UPDATE api_key SET revoked_at = ?, updated = ? WHERE id = ?', [at, at, id]);
    await this.audit(tx, 'api_key.revoke', audit, key.tenant_id, 'api_key', id, key.name, cause);
    return key;
  }

  async updateApiKey(id: string, changes: ApiKeyChanges, audit: AuditContext): Promise<ApiKeyRecord> {
    let changed = false;
    const record = await this.driver.transaction(async (tx) => {
      const key = await tx.get<ApiKeyRecord>(`SELECT ${KEY_COLUMNS} FROM api_key k WHERE k.id = ? AND k.revoked_at IS NULL${this.lock}`, [id]);
      if (!key) throw notFound('API key');
      const next = { ...key };
      const fields: string[] = [];
      if (changes.name !== undefined && changes.name !== key.name) {
        next.name = changes.name;
        fields.push('name');
      }
      // Checked here, under the row's lock, so that two edits cannot together lengthen it.
      if (changes.expiresAt !== undefined && key.expires_at !== null && Date.parse(changes.expiresAt) > Date.parse(key.expires_at)) {
        throw badInput('expires_at', "A key's expiry can be brought forward, not pushed back.");
      }
      if (changes.expiresAt !== undefined && changes.expiresAt !== key.expires_at) {
        next.expires_at = changes.expiresAt;
        fields.push('expires_at');
      }
      if (changes.description !== undefined && changes.description !== key.description) {
        next.description = changes.description;
        fields.push('description');
      }
      if (fields.length === 0) return key;
      next.updated = now();
      await tx.run('UPDATE api_key SET name = ?, expires_at = ?, description = ?, updated = ? WHERE id = ?', [
        next.name,
        next.expires_at,
        next.description,
        next.updated,
        id,
      ]);
      // The cause names the fields, never their values: a description may hold anything its owner typed.
      await this.audit(tx, 'api_key.update', audit, key.tenant_id, 'api_key', id, next.name, fields.join(',') as KeyChangeList);
      changed = true;
      return next;
    });
    if (changed) await this.changes.changed();
    return record;
  }

  async rotateApiKey(oldKeyId: string, successor: NewApiKey, rotationEndsAt: string | null, audit: AuditContext): Promise<ApiKeyRecord> {
    const at = now();
    return this.change(async (tx) => {
      const old = await tx.get<{ name: string; key_hint: string; tenant_id: string; replaced_by_id: string | null; description: string | null }>(
        `SELECT name, key_hint, tenant_id, replaced_by_id, description FROM api_key WHERE id = ? AND revoked_at IS NULL${this.lock}`,
        [oldKeyId],
      );
      if (!old) throw notFound('API key');
      if (old.replaced_by_id) {
        throw badInput('key_id', 'This key is already being rotated: use its successor, or revoke this key to end the rotation now.');
      }
      await tx.run(
        `INSERT INTO api_key (id, name, key_hash, key_hint, user_id, tenant_id, owner_kind, created_by_id, created, updated, expires_at, replaces_id, role, description)
         VALUES (?, ?, ?, ?, ?, ?, (SELECT account_type FROM "user" WHERE id = ?), ?, ?, ?, ?, ?, ?, ?)`,
        [
          successor.id,
          successor.name,
          successor.keyHash,
          successor.keyHint,
          successor.userId,
          successor.tenantId,
          successor.userId,
          successor.createdById,
          at,
          at,
          successor.expiresAt,
          oldKeyId,
          successor.role ?? null,
          old.description,
        ],
      );
      await this.audit(tx, 'api_key.rotate', audit, old.tenant_id, 'api_key', oldKeyId, old.name);
      if (rotationEndsAt === null) {
        await tx.run('UPDATE api_key SET replaced_by_id = ?, revoked_at = ?, updated = ? WHERE id = ?', [successor.id, at, at, oldKeyId]);
        await this.audit(tx, 'api_key.revoke', audit, old.tenant_id, 'api_key', oldKeyId, old.name, 'rotation_overlap_ended');
      } else {
        await tx.run('UPDATE api_key SET replaced_by_id = ?, rotation_ends_at = ?, updated = ? WHERE id = ?', [successor.id, rotationEndsAt, at, oldKeyId]);
      }
      return {
        id: successor.id,
        name: successor.name,
        key_hint: successor.keyHint,
        user_id: successor.userId,
        tenant_id: successor.tenantId,
        created_by_id: successor.createdById,
        created: at,
        updated: at,
        expires_at: successor.expiresAt,
        last_used_at: null,
        role: successor.role ?? null,
        description: old.description,
        replaces_id: oldKeyId,
        replaced_by_id: null,
        rotation_ends_at: null,
        replaces_key_hint: rotationEndsAt === null ? null : old.key_hint,
      };
    });
  }

  async endRotation(oldKeyId: string, cause: 'rotation_first_use' | 'rotation_overlap_ended', audit: AuditContext): Promise<boolean> {
    const ended = await this.driver.transaction(async (tx) => this.endRotationIn(tx, oldKeyId, cause, audit));
    if (ended) await this.changes.changed();
    return ended;
  }

  /** Revokes a key being replaced, once: the row is locked, so two instances cannot both audit it. */
  private async endRotationIn(tx: Queryable, oldKeyId: string, cause: AuditCause, audit: AuditContext): Promise<boolean> {
    return (await this.revokeLiveKey(tx, oldKeyId, audit, cause, true)) !== null;
  }

  async endOverlappedRotations(at: string, audit: AuditContext): Promise<number> {
    const due = await this.driver.all<{ id: string }>(
      'SELECT id FROM api_key WHERE rotation_ends_at IS NOT NULL AND revoked_at IS NULL AND rotation_ends_at <= ? ORDER BY id',
      [at],
    );
    if (due.length === 0) return 0;
    let ended = 0;
    await this.driver.transaction(async (tx) => {
      for (const { id } of due) if (await this.endRotationIn(tx, id, 'rotation_overlap_ended', audit)) ended++;
    });
    if (ended > 0) await this.changes.changed();
    return ended;
  }

  /** One indexed lookup; cache/credential-cache.ts remembers the answers between changes. */
  async findKeyCredential(keyHash: string): Promise<KeyCredential | null> {
    return credentialOf(await this.driver.get<CredentialRow>(CREDENTIAL_SQL, [keyHash]));
  }

  findKeyCredentialNow(keyHash: string): KeyCredential | null | undefined {
    const row = this.driver.getNow?.<CredentialRow>(CREDENTIAL_SQL, [keyHash]);
    return row === undefined ? undefined : credentialOf(row);
  }

  /**
   * A stored last_used_at only moves forward: several instances flush their uses, and
   * one that noted an older use may write after one that noted a newer. Keys in id
   * order, so that two batches lock their rows in the same order (PostgreSQL).
   */
  async touchApiKeys(uses: ReadonlyMap<string, string>, addresses?: ReadonlyMap<string, string>): Promise<void> {
    if (uses.size === 0) return;
    const ids = [...uses.keys()].sort();
    await this.driver.transaction(async (tx) => {
      for (const id of ids) {
        const at = uses.get(id)!;
        const address = addresses?.get(id);
        if (address === undefined) {
          await tx.run('UPDATE api_key SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)', [at, id, at]);
        } else {
          await tx.run('UPDATE api_key SET last_used_at = ?, last_used_address = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)', [
            at,
            address,
            id,
            at,
          ]);
        }
      }
    });
  }

  /**
   * One indexed query whatever the answer: a key of another tenant and a key that does
   * not exist cost the same, so that the time of an answer says nothing either.
   */
  async lookUpApiKeys(tenantId: string, lookup: KeyLookup, limit: number): Promise<ApiKeyLookupRow[]> {
    const [column, value] = 'keyHash' in lookup ? ['k.key_hash', lookup.keyHash] : ['k.key_hint', lookup.keyHint];
    const rows = await this.driver.rows(
      `SELECT ${KEY_ROW_COLUMNS}, k.last_used_address FROM api_key k
       WHERE k.tenant_id = ? AND ${column} = ? AND k.revoked_at IS NULL ORDER BY k.created DESC, k.id DESC LIMIT ?`,
      [tenantId, value, limit],
    );
    const keys = await this.withKeyRelations(rows);
    return keys.map((key, i) => ({ ...key, last_used_address: (rows[i][KEY_ROW_COLUMN_COUNT] as string | null) ?? null }));
  }

  findApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | null> {
    return this.driver.get<ApiKeyRecord>(`SELECT ${KEY_COLUMNS} FROM api_key k WHERE k.key_hash = ? AND k.revoked_at IS NULL`, [keyHash]);
  }

  async revokeApiKeyAsLeaked(id: string, foundAt: string | null, audit: AuditContext): Promise<boolean> {
    const revoked = await this.driver.transaction(async (tx) => {
      const key = await this.revokeLiveKey(tx, id, audit, 'reported_leaked');
      if (!key) return false;
      await this.insertAudit(tx, {
        action: 'api_key.leaked_reported',
        actor_id: audit.actorId,
        tenant_id: key.tenant_id,
        target_type: 'api_key',
        target_id: id,
        target_name: key.name,
        source_address: audit.sourceAddress,
        detail: foundAt,
      });
      return true;
    });
    if (revoked) await this.changes.changed();
    return revoked;
  }

  /**
   * One branch per visibility scope (own keys; a tenant's service-account keys), each
   * ordered and limited on its own index, then merged: the first page costs the same
   * with 100 keys or 100,000. The branches choose the page by id and sort values alone
   * (for the default order, from each scope's index without reading the table: the
   * indexes of migration 16 hold `created` and the tie-breaker `id`); only the page's
   * own rows are then read whole. Owners, creators and tenants are read afterwards for
   * the page alone, and rows come back as arrays (Driver.rows).
   */
  async listApiKeys(visibility: KeyVisibility, page: Page): Promise<ApiKeyRow[]> {
    const terms = compileOrderBy(API_KEY_SPEC, page.orderBy ?? [{ created: 'desc' }]);
    const sortColumns = terms.map((t, i) => `, ${t.expression} AS s${i}`).join('');
    const innerOrder = orderByClause(terms, 'k.id');
    const sortedBy = (table: string) =>
      orderByClause(
        terms.map((t, i) => ({ expression: `${table}s${i}`, direction: t.direction })),
        `${table}id`,
      );
    const params: SqlValue[] = [];
    const branches = this.keyScopes(visibility).map((scope, i) => {
      params.push(...scope.params);
      const where = compileWhere(this.dialect, API_KEY_SPEC, page.where, params);
      params.push(page.limit + page.offset);
      const joins = keyJoins(`${where} ${innerOrder}`);
      return `SELECT * FROM (SELECT k.id AS id${sortColumns} FROM api_key k${joins}
        WHERE k.revoked_at IS NULL AND ${scope.sql} AND (${where}) ORDER BY ${innerOrder} LIMIT ?) AS b${i}`;
    });
    const sql = `WITH page AS (${branches.join(' UNION ALL ')} ORDER BY ${sortedBy('')} LIMIT ? OFFSET ?)
      SELECT ${KEY_ROW_COLUMNS} FROM page JOIN api_key k ON k.id = page.id ORDER BY ${sortedBy('page.')}`;
    return this.withKeyRelations(await this.driver.rows(sql, [...params, page.limit, page.offset]));
  }

  /**
   * Adds owner, creator, tenant and the replaced key's hint to a page of keys (rows in
   * KEY_ROW_COLUMNS order): a lookup by id for each, for the whole page, instead of
   * joined lookups per row. Only keys under rotation have a replaced key, so that lookup
   * is usually skipped.
   */
  private async withKeyRelations(rows: unknown[][]): Promise<ApiKeyRow[]> {
    if (rows.length === 0) return [];
    const userIds = new Set<string>();
    const tenantIds = new Set<string>();
    const replacedIds = new Set<string>();
    for (const row of rows) {
      userIds.add(row[3] as string);
      if (row[5]) userIds.add(row[5] as string);
      tenantIds.add(row[4] as string);
      if (row[12]) replacedIds.add(row[12] as string);
    }
    const [userRows, tenantRows, replacedRows] = await Promise.all([
      this.driver.rows(`SELECT id, username, account_type FROM "user" WHERE id IN (${placeholders(userIds.size)})`, [...userIds]),
      this.driver.rows(`SELECT id, name, slug, created FROM tenant WHERE id IN (${placeholders(tenantIds.size)})`, [...tenantIds]),
      replacedIds.size === 0
        ? []
        : this.driver.rows(`SELECT id, key_hint FROM api_key WHERE id IN (${placeholders(replacedIds.size)}) AND revoked_at IS NULL`, [...replacedIds]),
    ]);
    const users = new Map<string, UserRef>();
    for (const [id, username, account_type] of userRows as [string, string, AccountType][]) users.set(id, { id, username, account_type });
    const tenants = new Map<string, TenantRecord>();
    for (const [id, name, slug, created] of tenantRows as string[][]) tenants.set(id, { id, name, slug, created });
    // The replaced key's hint while it still works (a rotation under way).
    const replacedHints = new Map(replacedRows as [string, string][]);
    return rows.map((row) => ({
      id: row[0] as string,
      name: row[1] as string,
      key_hint: row[2] as string,
      user_id: row[3] as string,
      tenant_id: row[4] as string,
      created_by_id: row[5] as string | null,
      created: row[6] as string,
      updated: row[7] as string,
      expires_at: row[8] as string | null,
      last_used_at: row[9] as string | null,
      role: row[10] as Role | null,
      description: row[11] as string | null,
      replaces_id: row[12] as string | null,
      replaced_by_id: row[13] as string | null,
      rotation_ends_at: row[14] as string | null,
      replaces_key_hint: row[12] ? (replacedHints.get(row[12] as string) ?? null) : null,
      user: users.get(row[3] as string)!,
      created_by: row[5] ? (users.get(row[5] as string) ?? null) : null,
      tenant: tenants.get(row[4] as string)!,
    }));
  }

  async countApiKeys(visibility: KeyVisibility, where?: BoolExp | null): Promise<number> {
    const counts = this.keyScopes(visibility).map(async (scope) => {
      const params: SqlValue[] = [...scope.params];
      const clause = compileWhere(this.dialect, API_KEY_SPEC, where, params);
      if (clause === ALWAYS) {
        // No filter: the counts the triggers keep per owner and tenant (migration 3).
        const sql = `SELECT coalesce(sum(k.active), 0) FROM api_key_count k WHERE ${scope.sql}`;
        return (await this.driver.rows(sql, scope.params))[0][0] as number;
      }
      // Without a filter on user.* or tenant.*, the count is read from the scope's index alone.
      const joins = keyJoins(clause);
      const sql = `SELECT count(*) AS n FROM api_key k${joins}
        WHERE k.revoked_at IS NULL AND ${scope.sql} AND (${clause})`;
      return (await this.driver.get<{ n: number }>(sql, params))!.n;
    });
    let total = 0;
    for (const count of await Promise.all(counts)) total += count;
    return total;
  }

  private keyScopes(visibility: KeyVisibility): { sql: string; params: SqlValue[] }[] {
    const scopes = [
      visibility.ownKeysTenantId
        ? { sql: 'k.user_id = ? AND k.tenant_id = ?', params: [visibility.ownerId, visibility.ownKeysTenantId] as SqlValue[] }
        : { sql: 'k.user_id = ?', params: [visibility.ownerId] as SqlValue[] },
    ];
    if (visibility.serviceAccountTenantId) {
      scopes.push({
        sql: "k.tenant_id = ? AND k.owner_kind = 'SERVICE' AND k.user_id <> ?",
        params: [visibility.serviceAccountTenantId, visibility.ownerId],
      });
    }
    return scopes;
  }

  // ------------------------------------------------------------ sessions

  async createSession(input: { idHash: string; userId: string; expiresAt: string }): Promise<void> {
    const at = now();
    await this.driver.run('INSERT INTO session (id_hash, user_id, created, last_seen, expires_at) VALUES (?, ?, ?, ?, ?)', [
      input.idHash,
      input.userId,
      at,
      at,
      input.expiresAt,
    ]);
  }

  findSession(idHash: string): Promise<SessionRecord | null> {
    return this.driver.get<SessionRecord>('SELECT id_hash AS id, user_id, created, last_seen, expires_at FROM session WHERE id_hash = ?', [idHash]);
  }

  /** Only forward, as touchApiKeys: requests of one session may reach several instances. */
  async touchSession(idHash: string, at: string): Promise<void> {
    await this.driver.run('UPDATE session SET last_seen = ? WHERE id_hash = ? AND last_seen < ?', [at, idHash, at]);
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.driver.run('DELETE FROM session WHERE id_hash = ?', [idHash]);
  }

  listSessionsOfUser(userId: string): Promise<SessionRecord[]> {
    return this.driver.all<SessionRecord>(
      'SELECT id_hash AS id, user_id, created, last_seen, expires_at FROM session WHERE user_id = ? ORDER BY created DESC, id_hash',
      [userId],
    );
  }

  async deleteOtherSessions(userId: string, keepIdHash: string | null): Promise<number> {
    return (await this.driver.run('DELETE FROM session WHERE user_id = ? AND id_hash <> ?', [userId, keepIdHash ?? ''])).changes;
  }

  async changePassword(userId: string, passwordHash: string, keepIdHash: string | null, audit: AuditContext): Promise<number> {
    return this.change(async (tx) => {
      const user = await tx.get<{ email: string | null }>(`SELECT email FROM "user" WHERE id = ? AND account_type = 'NORMAL'${this.lock}`, [userId]);
      if (!user) throw notFound('user');
      await tx.run('UPDATE "user" SET password_hash = ? WHERE id = ?', [passwordHash, userId]);
      const ended = (await tx.run('DELETE FROM session WHERE user_id = ? AND id_hash <> ?', [userId, keepIdHash ?? ''])).changes;
      const tenants = await tx.all<{ tenant_id: string }>('SELECT tenant_id FROM membership WHERE user_id = ?', [userId]);
      // An account in no tenant still leaves a record, for operators (tenant_id null), as a reset does.
      for (const tenantId of tenants.length > 0 ? tenants.map((t) => t.tenant_id) : [null]) {
        await this.audit(tx, 'auth.password_change', audit, tenantId, 'user', userId, user.email);
      }
      return ended;
    });
  }

  async updateUserName(userId: string, firstName: string | null, lastName: string | null): Promise<UserRecord> {
    return this.change(async (tx) => {
      await tx.run(`UPDATE "user" SET first_name = ?, last_name = ? WHERE id = ? AND account_type = 'NORMAL'`, [firstName, lastName, userId]);
      const user = await tx.get<UserRecord>(`SELECT ${USER_COLUMNS} FROM "user" u WHERE u.id = ? AND u.account_type = 'NORMAL'`, [userId]);
      if (!user) throw notFound('user');
      return user;
    });
  }

  // ------------------------------------------------------------ device cookies

  findDeviceCookie(tokenHash: string, userId: string): Promise<DeviceCookieRecord | null> {
    return this.driver.get<DeviceCookieRecord>(
      'SELECT id, user_id, created, expires_at FROM device_cookie WHERE token_hash = ? AND user_id = ? AND expires_at > ?',
      [tokenHash, userId, now()],
    );
  }

  async renewDeviceCookie(input: {
    previousTokenHash: string | null;
    tokenHash: string;
    userId: string;
    expiresAt: string;
    keepPerUser: number;
  }): Promise<void> {
    const at = now();
    await this.driver.transaction(async (tx) => {
      if (input.previousTokenHash) await tx.run('UPDATE device_cookie SET token_hash = ? WHERE token_hash = ?', [input.tokenHash, input.previousTokenHash]);
      await tx.run(
        `INSERT INTO device_cookie (id, token_hash, user_id, created, expires_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (token_hash, user_id) DO UPDATE SET expires_at = excluded.expires_at`,
        [randomUUID(), input.tokenHash, input.userId, at, input.expiresAt],
      );
      // Every renewal sets a row's expiry a fixed time ahead, so the latest expiries are the rows used last.
      await tx.run(
        `DELETE FROM device_cookie WHERE user_id = ? AND (expires_at <= ? OR id NOT IN
           (SELECT id FROM device_cookie WHERE user_id = ? ORDER BY expires_at DESC LIMIT ?))`,
        [input.userId, at, input.userId, input.keepPerUser],
      );
    });
  }

  async deleteDeviceCookie(id: string): Promise<void> {
    await this.driver.run('DELETE FROM device_cookie WHERE id = ?', [id]);
  }

  // ------------------------------------------------------------ invitations

  async createInvitation(
    input: { tenantId: string; email: string; role: Role; tokenHash: string; invitedById: string; expiresAt: string },
    audit: AuditContext,
  ): Promise<InvitationRecord> {
    const invitation: InvitationRecord = {
      id: randomUUID(),
      tenant_id: input.tenantId,
      email: input.email,
      role: input.role,
      invited_by_id: input.invitedById,
      created: now(),
      expires_at: input.expiresAt,
      accepted_at: null,
      revoked_at: null,
    };
    await this.change(async (tx) => {
      await tx.run('INSERT INTO invitation (id, tenant_id, email, role, token_hash, invited_by_id, created, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        invitation.id,
        input.tenantId,
        input.email,
        input.role,
        input.tokenHash,
        input.invitedById,
        invitation.created,
        input.expiresAt,
      ]);
      await this.audit(tx, 'invitation.create', audit, input.tenantId, 'invitation', invitation.id, input.email);
    });
    return invitation;
  }

  findInvitationByToken(tokenHash: string): Promise<InvitationRecord | null> {
    return this.driver.get<InvitationRecord>(`SELECT ${INVITATION_COLUMNS} FROM invitation WHERE token_hash = ?`, [tokenHash]);
  }

  getInvitation(id: string): Promise<InvitationRecord | null> {
    return this.driver.get<InvitationRecord>(`SELECT ${INVITATION_COLUMNS} FROM invitation WHERE id = ?`, [id]);
  }

  listPendingInvitations(tenantId: string, limit: number, offset: number): Promise<InvitationRecord[]> {
    return this.driver.all<InvitationRecord>(
      `SELECT ${INVITATION_COLUMNS} FROM invitation
       WHERE tenant_id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?
       ORDER BY created DESC, id DESC LIMIT ? OFFSET ?`,
      [tenantId, now(), limit, offset],
    );
  }

  listInvitations(visibility: InvitationVisibility, page: Page): Promise<InvitationRecord[]> {
    const scope: string[] = [];
    const params: SqlValue[] = [now()];
    if (visibility.tenantId) {
      scope.push('i.tenant_id = ?');
      params.push(visibility.tenantId);
    }
    if (visibility.email) {
      // The column's collation (NOCASE in SQLite) makes this match the email whatever its case.
      scope.push('i.email = ?');
      params.push(visibility.email);
    }
    const where = compileWhere(this.dialect, INVITATION_SPEC, page.where, params);
    const order = orderByClause(compileOrderBy(INVITATION_SPEC, page.orderBy ?? [{ created: 'desc' }]), 'i.id');
    return this.driver.all<InvitationRecord>(
      `SELECT i.id, i.tenant_id, i.email, i.role, i.invited_by_id, i.created, i.expires_at, i.accepted_at, i.revoked_at FROM invitation i
         WHERE i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ? AND (${scope.join(' OR ') || NEVER}) AND (${where})
         ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...params, page.limit, page.offset],
    );
  }

  async revokeInvitation(id: string, audit: AuditContext): Promise<void> {
    await this.change(async (tx) => {
      const invitation = await tx.get<InvitationRecord>(`SELECT ${INVITATION_COLUMNS} FROM invitation WHERE id = ?${this.lock}`, [id]);
      if (!invitation) throw notFound('Invitation');
      await tx.run('UPDATE invitation SET revoked_at = ? WHERE id = ?', [now(), id]);
      await this.audit(tx, 'invitation.revoke', audit, invitation.tenant_id, 'invitation', id, invitation.email);
    });
  }

  acceptInvitation(invitationId: string, userId: string, audit: AuditContext): Promise<MembershipRecord> {
    return this.change(async (tx) => this.accept(tx, await this.usableInvitation(tx, invitationId), userId, audit));
  }

  createUserAndAcceptInvitation(
    input: { invitationId: string; username: string; passwordHash: string },
    audit: AuditContext,
  ): Promise<{ user: UserRecord; membership: MembershipRecord }> {
    return this.change(async (tx) => {
      // The invitation first: a refused accept must not leave an account behind.
      const invitation = await this.usableInvitation(tx, input.invitationId);
      const emailTaken = 'An account with this email already exists: sign in to accept the invitation.';
      if (await tx.get('SELECT id FROM "user" WHERE email = ?', [invitation.email])) throw conflict('email', emailTaken);
      // An accept of another invitation for this email may create the account after the check (PostgreSQL: READ COMMITTED).
      const user = await this.insertUser(
        tx,
        { email: invitation.email, username: input.username, passwordHash: input.passwordHash, accountType: 'NORMAL' },
        emailTaken,
      );
      const membership = await this.accept(tx, invitation, user.id, audit);
      user.default_membership_id = membership.id;
      return { user, membership };
    });
  }

  /** Read (and on PostgreSQL locked) inside the accepting transaction, so two accepts of one token cannot both pass. */
  private async usableInvitation(tx: Queryable, invitationId: string): Promise<InvitationRecord> {
    const invitation = await tx.get<InvitationRecord>(`SELECT ${INVITATION_COLUMNS} FROM invitation WHERE id = ?${this.lock}`, [invitationId]);
    if (!invitation || invitation.accepted_at || invitation.revoked_at) throw badInput('token', 'This invitation has already been used or revoked.');
    if (Date.parse(invitation.expires_at) <= Date.now()) throw badInput('token', 'This invitation has expired; ask an administrator for a new one.');
    return invitation;
  }

  private async accept(tx: Queryable, invitation: InvitationRecord, userId: string, audit: AuditContext): Promise<MembershipRecord> {
    const alreadyMember = () => badInput('token', 'You are already a member of this tenant.');
    if (await tx.get('SELECT id FROM membership WHERE user_id = ? AND tenant_id = ?', [userId, invitation.tenant_id])) throw alreadyMember();
    await tx.run('UPDATE invitation SET accepted_at = ? WHERE id = ?', [now(), invitation.id]);
    let membership: MembershipRecord;
    try {
      membership = await this.insertMembership(tx, invitation.tenant_id, userId, invitation.role);
    } catch (error) {
      // Another invitation to this tenant was accepted for them since the check (PostgreSQL: READ COMMITTED).
      if (isUniqueViolation(this.dialect, error)) throw alreadyMember();
      throw error;
    }
    await this.audit(tx, 'membership.create', { ...audit, actorId: userId }, invitation.tenant_id, 'membership', membership.id, invitation.email);
    return membership;
  }

  // ------------------------------------------------------------ agents

  async registerAgent(agent: NewAgent, audit: AuditContext): Promise<AgentRecord> {
    const { id } = await this.driver.transaction((tx) =>
      this.upsertAgent(tx, { ...agent, sourceAddress: audit.sourceAddress, checksIn: false, at: now() }, audit),
    );
    // A new agent adds an audit event; one registering again (when it starts: seldom) moves
    // what auth_api_key.agents shows.
    await this.changes.changed();
    return (await this.agentRows('a.id = ?', [id], 1, 0))[0];
  }

  async recordAgentCheckIns(checkIns: readonly AgentCheckIn[]): Promise<boolean> {
    if (checkIns.length === 0) return false;
    const added = await this.driver.transaction(async (tx) => {
      let any = false;
      for (const checkIn of checkIns) {
        const agent = { ...checkIn, type: KEYPLANE_AGENT_TYPE, agentConfigId: null, coreVersion: null, checksIn: true };
        const { created } = await this.upsertAgent(tx, agent, { actorId: checkIn.userId, sourceAddress: checkIn.sourceAddress });
        any ||= created;
      }
      return any;
    });
    if (added) await this.changes.changed();
    return added;
  }

  /**
   * One row per key and agent: seen again, its row moves forward (only forward: check-ins
   * of one agent may reach several instances). A new row pushes out the key's least
   * recently seen past MAX_AGENTS_PER_KEY, and up to a bounded number of the tenant's
   * agents unseen for AGENT_RETENTION_MS: rows stay bounded without a timer.
   */
  private async upsertAgent(
    tx: Queryable,
    agent: NewAgent & { sourceAddress: string | null; checksIn: boolean; at: string },
    audit: AuditContext,
  ): Promise<{ id: string; created: boolean }> {
    const labels = JSON.stringify(agent.labels);
    const checksIn = agent.checksIn ? 1 : 0;
    const existing = await tx.get<{ id: string }>(
      "SELECT id FROM agent WHERE api_key_id = ? AND type = ? AND name = ? AND labels = ? AND coalesce(agent_config_id, '') = coalesce(?, '')",
      [agent.apiKeyId, agent.type, agent.name, labels, agent.agentConfigId],
    );
    if (existing) {
      await tx.run(
        `UPDATE agent SET registered_at = ?, source_address = ?, checks_in = ?, core_version = coalesce(?, core_version)
         WHERE id = ? AND registered_at <= ?`,
        [agent.at, agent.sourceAddress, checksIn, agent.coreVersion, existing.id, agent.at],
      );
      return { id: existing.id, created: false };
    }
    const newId = randomUUID();
    await tx.run(
      `INSERT INTO agent (id, tenant_id, api_key_id, user_id, type, name, labels, agent_config_id, core_version, created, registered_at, source_address, checks_in)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        newId,
        agent.tenantId,
        agent.apiKeyId,
        agent.userId,
        agent.type,
        agent.name,
        labels,
        agent.agentConfigId,
        agent.coreVersion,
        agent.at,
        agent.at,
        agent.sourceAddress,
        checksIn,
      ],
    );
    await tx.run(
      `DELETE FROM agent WHERE api_key_id = ? AND id NOT IN
         (SELECT id FROM agent WHERE api_key_id = ? ORDER BY registered_at DESC, created DESC LIMIT ?)`,
      [agent.apiKeyId, agent.apiKeyId, SqlStore.MAX_AGENTS_PER_KEY],
    );
    await tx.run(
      `DELETE FROM agent WHERE id IN
         (SELECT a.id FROM agent a JOIN api_key k ON k.id = a.api_key_id
          WHERE a.tenant_id = ? AND ${this.agentLastSeen()} < ? LIMIT ?)`,
      [agent.tenantId, this.agentCutoff(), SqlStore.EXPIRED_AGENTS_PER_WRITE],
    );
    // The first sighting only: an agent registers each time it starts, and checks in often.
    await this.audit(tx, 'agent.register', audit, agent.tenantId, 'agent', newId, agent.name);
    return { id: newId, created: true };
  }

  /** When an agent was last seen, over `agent a JOIN api_key k` (AgentRecord.last_queried). */
  private agentLastSeen(): string {
    return `CASE WHEN a.checks_in = 1 THEN a.registered_at ELSE ${greatest(this.dialect, 'a.registered_at', 'coalesce(k.last_used_at, a.registered_at)')} END`;
  }

  private agentCutoff(): string {
    return new Date(Date.now() - SqlStore.AGENT_RETENTION_MS).toISOString();
  }

  listAgents(tenantId: string, page: Page): Promise<AgentRecord[]> {
    return this.agentRows('a.tenant_id = ?', [tenantId], page.limit, page.offset);
  }

  async listAgentsOfKeys(apiKeyIds: readonly string[], limit: number): Promise<Map<string, AgentRecord[]>> {
    const byKey = new Map<string, AgentRecord[]>(apiKeyIds.map((id) => [id, []]));
    if (apiKeyIds.length === 0 || limit <= 0) return byKey;
    // A key keeps at most MAX_AGENTS_PER_KEY rows, so reading them all and cutting per key is bounded.
    const rows = await this.agentRows(
      `a.api_key_id IN (${placeholders(apiKeyIds.length)})`,
      [...apiKeyIds],
      apiKeyIds.length * SqlStore.MAX_AGENTS_PER_KEY,
      0,
      'last_queried DESC, a.id DESC',
    );
    for (const row of rows) {
      const list = byKey.get(row.api_key_id)!;
      if (list.length < limit) list.push(row);
    }
    return byKey;
  }

  private async agentRows(condition: string, params: SqlValue[], limit: number, offset: number, orderBy = 'a.created DESC, a.id DESC'): Promise<AgentRecord[]> {
    type AgentRow = Omit<AgentRecord, 'labels' | 'user'> & { labels: string; user_id: string; username: string; account_type: AccountType };
    const rows = await this.driver.all<AgentRow>(
      `SELECT a.id, a.tenant_id, a.name, a.type, a.labels, a.agent_config_id, a.core_version, a.created, a.api_key_id,
         ${this.agentLastSeen()} AS last_queried, a.source_address,
         u.id AS user_id, u.username, u.account_type
       FROM agent a JOIN api_key k ON k.id = a.api_key_id JOIN "user" u ON u.id = a.user_id
       WHERE ${condition} AND ${this.agentLastSeen()} >= ? ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
      [...params, this.agentCutoff(), limit, offset],
    );
    return rows.map((row) => ({
      id: row.id,
      tenant_id: row.tenant_id,
      name: row.name,
      type: row.type,
      labels: JSON.parse(row.labels) as string[],
      agent_config_id: row.agent_config_id,
      core_version: row.core_version,
      created: row.created,
      last_queried: row.last_queried,
      source_address: row.source_address,
      api_key_id: row.api_key_id,
      user: { id: row.user_id, username: row.username, account_type: row.account_type },
    }));
  }

  // ------------------------------------------------------------ canary keys

  async createCanaryKey(canary: NewCanaryKey, audit: AuditContext): Promise<CanaryKeyRecord> {
    await this.change(async (tx) => {
      await tx.run(
        `INSERT INTO canary_key (id, tenant_id, name, description, key_hash, key_hint, created_by_id, created)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [canary.id, canary.tenantId, canary.name, canary.description, canary.keyHash, canary.keyHint, canary.createdById, now()],
      );
      await this.audit(tx, 'api_key.canary_create', audit, canary.tenantId, 'canary_key', canary.id, canary.name);
    });
    return (await this.canaryRows('c.id = ?', [canary.id], 1, 0))[0];
  }

  listCanaryKeys(tenantId: string, page: Page): Promise<CanaryKeyRecord[]> {
    return this.canaryRows('c.tenant_id = ?', [tenantId], page.limit, page.offset);
  }

  async countCanaryKeys(tenantId: string): Promise<number> {
    return (await this.driver.get<{ n: number }>('SELECT count(*) AS n FROM canary_key WHERE tenant_id = ?', [tenantId]))!.n;
  }

  async getCanaryKey(id: string): Promise<CanaryKeyRecord | null> {
    return (await this.canaryRows('c.id = ?', [id], 1, 0))[0] ?? null;
  }

  async deleteCanaryKey(id: string, audit: AuditContext): Promise<boolean> {
    const deleted = await this.driver.transaction(async (tx) => {
      const canary = await tx.get<{ name: string; tenant_id: string }>(`SELECT name, tenant_id FROM canary_key WHERE id = ?${this.lock}`, [id]);
      if (!canary) return false;
      await tx.run('DELETE FROM canary_key WHERE id = ?', [id]);
      await this.audit(tx, 'api_key.canary_delete', audit, canary.tenant_id, 'canary_key', id, canary.name);
      return true;
    });
    if (deleted) await this.changes.changed();
    return deleted;
  }

  async recordCanaryUse(keyHash: string, use: CanaryUse): Promise<CanaryTrip | null> {
    // Most refused keys are no canary: a read first, so that they cost no write.
    const found = await this.driver.get<{ id: string }>('SELECT id FROM canary_key WHERE key_hash = ?', [keyHash]);
    if (!found) return null;
    const alerted = await this.driver.transaction(async (tx) => {
      const canary = await tx.get<{ tenant_id: string; name: string; last_alerted_at: string | null }>(
        `SELECT tenant_id, name, last_alerted_at FROM canary_key WHERE id = ?${this.lock}`,
        [found.id],
      );
      if (!canary) return null;
      const alert = canary.last_alerted_at === null || Date.parse(use.at) - Date.parse(canary.last_alerted_at) >= SqlStore.CANARY_ALERT_INTERVAL_MS;
      await tx.run(
        `UPDATE canary_key SET first_used_at = coalesce(first_used_at, ?), last_used_at = ?, use_count = use_count + 1,
           last_source_address = ?, last_user_agent = ?, last_alerted_at = ? WHERE id = ?`,
        [use.at, use.at, use.sourceAddress, use.userAgent, alert ? use.at : canary.last_alerted_at, found.id],
      );
      if (alert) {
        await this.insertAudit(tx, {
          action: 'api_key.canary_used',
          actor_id: null,
          tenant_id: canary.tenant_id,
          target_type: 'canary_key',
          target_id: found.id,
          target_name: canary.name,
          source_address: use.sourceAddress,
          user_agent: use.userAgent,
        });
      }
      return alert;
    });
    if (alerted === null) return null;
    // The canary list shows its uses, and an alert adds an audit event: saved answers go.
    await this.changes.changed();
    const canary = await this.getCanaryKey(found.id);
    return canary ? { canary, alerted } : null;
  }

  private async canaryRows(condition: string, params: SqlValue[], limit: number, offset: number): Promise<CanaryKeyRecord[]> {
    type CanaryRow = Omit<CanaryKeyRecord, 'created_by'> & {
      created_by_id: string | null;
      creator_username: string | null;
      creator_account_type: AccountType | null;
    };
    const rows = await this.driver.all<CanaryRow>(
      `SELECT c.id, c.tenant_id, c.name, c.description, c.key_hint, c.created, c.first_used_at, c.last_used_at, c.use_count,
         c.last_source_address, c.last_user_agent, c.created_by_id, u.username AS creator_username, u.account_type AS creator_account_type
       FROM canary_key c LEFT JOIN "user" u ON u.id = c.created_by_id
       WHERE ${condition} ORDER BY c.created DESC, c.id DESC LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return rows.map(({ created_by_id, creator_username, creator_account_type, ...row }) => ({
      ...row,
      use_count: Number(row.use_count),
      created_by:
        created_by_id && creator_username && creator_account_type
          ? { id: created_by_id, username: creator_username, account_type: creator_account_type }
          : null,
    }));
  }

  // ------------------------------------------------------------ audit

  // ------------------------------------------------------------ scheduler

  async takeJobLease(job: string, holder: string, at: string, until: string): Promise<boolean> {
    // Each statement alone is atomic on both databases: of two instances at once, one
    // updates (or inserts) the row and the other finds the condition false (or the row there).
    const renewed = await this.driver.run('UPDATE job_lease SET holder = ?, leased_until = ? WHERE job = ? AND leased_until <= ?', [holder, until, job, at]);
    if (renewed.changes === 1) return true;
    const inserted = await this.driver.run('INSERT INTO job_lease (job, holder, leased_until) VALUES (?, ?, ?) ON CONFLICT (job) DO NOTHING', [
      job,
      holder,
      until,
    ]);
    return inserted.changes === 1;
  }

  async listKeysToWarn(kind: 'expiry_7d' | 'expiry_1d', at: string, by: string, limit: number): Promise<ScheduledKey[]> {
    const rows = await this.driver.all<ScheduledKeyRow>(
      `${SCHEDULED_KEY_SELECT}
       WHERE ${LIVE_UNREPLACED} AND k.expires_at IS NOT NULL AND k.expires_at > ? AND k.expires_at <= ?
         AND NOT EXISTS (SELECT 1 FROM key_warning w WHERE w.api_key_id = k.id AND w.kind = ?)
       ORDER BY k.expires_at, k.id LIMIT ?`,
      [at, by, kind, limit],
    );
    return rows.map(scheduledKeyOf);
  }

  async listNewlyExpiredKeys(since: string, at: string, limit: number): Promise<ScheduledKey[]> {
    const rows = await this.driver.all<ScheduledKeyRow>(
      `${SCHEDULED_KEY_SELECT}
       WHERE k.revoked_at IS NULL AND k.expires_at IS NOT NULL AND k.expires_at > ? AND k.expires_at <= ?
         AND NOT EXISTS (SELECT 1 FROM key_warning w WHERE w.api_key_id = k.id AND w.kind = 'expired')
       ORDER BY k.expires_at, k.id LIMIT ?`,
      [since, at, limit],
    );
    return rows.map(scheduledKeyOf);
  }

  listIdlePolicies(): Promise<{ tenant_id: string; idle_days: number }[]> {
    return this.driver.all('SELECT tenant_id, idle_days FROM tenant_policy WHERE idle_days IS NOT NULL ORDER BY tenant_id');
  }

  async listIdleKeysToWarn(tenantId: string, at: string, activeBy: string, limit: number): Promise<ScheduledKey[]> {
    const rows = await this.driver.all<ScheduledKeyRow>(
      `${SCHEDULED_KEY_SELECT}
       LEFT JOIN key_warning w ON w.api_key_id = k.id AND w.kind = 'idle'
       WHERE k.tenant_id = ? AND ${LIVE_UNREPLACED} AND (k.expires_at IS NULL OR k.expires_at > ?) AND ${KEY_ACTIVITY} <= ?
         AND (w.created IS NULL OR w.created < ${KEY_ACTIVITY})
       ORDER BY ${KEY_ACTIVITY}, k.id LIMIT ?`,
      [tenantId, at, activeBy, limit],
    );
    return rows.map(scheduledKeyOf);
  }

  async listIdleKeysToRevoke(tenantId: string, at: string, activeBy: string, warnedBy: string, limit: number): Promise<ScheduledKey[]> {
    const rows = await this.driver.all<ScheduledKeyRow>(
      `${SCHEDULED_KEY_SELECT}
       JOIN key_warning w ON w.api_key_id = k.id AND w.kind = 'idle'
       WHERE k.tenant_id = ? AND ${LIVE_UNREPLACED} AND (k.expires_at IS NULL OR k.expires_at > ?) AND ${KEY_ACTIVITY} <= ?
         AND w.created >= ${KEY_ACTIVITY} AND w.created <= ?
       ORDER BY ${KEY_ACTIVITY}, k.id LIMIT ?`,
      [tenantId, at, activeBy, warnedBy, limit],
    );
    return rows.map(scheduledKeyOf);
  }

  async recordKeyWarning(warning: KeyWarning): Promise<boolean> {
    const recorded = await this.driver.transaction(async (tx) => {
      const key = await tx.get<{ name: string; tenant_id: string }>(`SELECT name, tenant_id FROM api_key WHERE id = ? AND revoked_at IS NULL${this.lock}`, [
        warning.apiKeyId,
      ]);
      if (!key) return false;
      const written =
        warning.renewBefore === undefined
          ? await tx.run('INSERT INTO key_warning (api_key_id, kind, created) VALUES (?, ?, ?) ON CONFLICT (api_key_id, kind) DO NOTHING', [
              warning.apiKeyId,
              warning.kind,
              warning.at,
            ])
          : await tx.run(
              `INSERT INTO key_warning (api_key_id, kind, created) VALUES (?, ?, ?)
               ON CONFLICT (api_key_id, kind) DO UPDATE SET created = excluded.created WHERE key_warning.created < ?`,
              [warning.apiKeyId, warning.kind, warning.at, warning.renewBefore],
            );
      if (written.changes === 0) return false;
      await this.insertAudit(tx, {
        action: warning.kind === 'expired' ? 'api_key.expired' : 'api_key.expiring',
        actor_id: null,
        tenant_id: key.tenant_id,
        target_type: 'api_key',
        target_id: warning.apiKeyId,
        target_name: key.name,
        source_address: null,
        detail: warning.detail,
      });
      return true;
    });
    if (recorded) await this.changes.changed();
    return recorded;
  }

  async revokeIdleKey(id: string, activeBy: string): Promise<boolean> {
    const revoked = await this.driver.transaction(async (tx) => {
      const idle = await tx.get(
        `SELECT k.id FROM api_key k WHERE k.id = ? AND ${KEY_ACTIVITY} <= ?
           AND EXISTS (SELECT 1 FROM key_warning w WHERE w.api_key_id = k.id AND w.kind = 'idle' AND w.created >= ${KEY_ACTIVITY})${this.lock}`,
        [id, activeBy],
      );
      return idle !== null && (await this.revokeLiveKey(tx, id, NOBODY, 'idle_expiry')) !== null;
    });
    if (revoked) await this.changes.changed();
    return revoked;
  }

  async pruneKeyWarnings(before: string, limit: number): Promise<number> {
    const pruned = await this.driver.run(
      `DELETE FROM key_warning WHERE api_key_id IN (
         SELECT DISTINCT w.api_key_id FROM key_warning w JOIN api_key k ON k.id = w.api_key_id
         WHERE (k.revoked_at IS NOT NULL AND k.revoked_at < ?) OR (k.expires_at IS NOT NULL AND k.expires_at < ?) LIMIT ?)`,
      [before, before, limit],
    );
    return pruned.changes;
  }

  async listAdminEmails(tenantId: string): Promise<string[]> {
    const rows = await this.driver.all<{ email: string }>(
      `SELECT u.email FROM membership m JOIN "user" u ON u.id = m.user_id
       WHERE m.tenant_id = ? AND m.role = 'TENANT_ADMIN' AND u.account_type = 'NORMAL' AND u.email IS NOT NULL ORDER BY u.email`,
      [tenantId],
    );
    return rows.map((row) => row.email);
  }

  async countKeyNotices(input: {
    tenantId: string;
    ownerId: string;
    serviceAccounts: boolean;
    at: string;
    expiringBy: string;
    idleBy: string | null;
  }): Promise<KeyNoticeCounts> {
    const expiring = 'k.expires_at IS NOT NULL AND k.expires_at <= ?';
    const idle = input.idleBy === null ? NEVER : `${KEY_ACTIVITY} <= ?`;
    const idleParam = input.idleBy === null ? [] : [input.idleBy];
    const row = await this.driver.get<KeyNoticeCounts>(
      `SELECT count(CASE WHEN k.user_id = ? AND ${expiring} THEN 1 END) AS own_expiring_count,
              count(CASE WHEN k.user_id = ? AND ${idle} THEN 1 END) AS own_idle_count,
              count(CASE WHEN k.user_id <> ? AND ${expiring} THEN 1 END) AS service_expiring_count,
              count(CASE WHEN k.user_id <> ? AND ${idle} THEN 1 END) AS service_idle_count
       FROM api_key k
       WHERE k.tenant_id = ? AND ${LIVE_UNREPLACED} AND (k.expires_at IS NULL OR k.expires_at > ?)
         AND (k.user_id = ? OR (k.owner_kind = 'SERVICE' AND ${input.serviceAccounts ? ALWAYS : NEVER}))`,
      [
        input.ownerId,
        input.expiringBy,
        input.ownerId,
        ...idleParam,
        input.ownerId,
        input.expiringBy,
        input.ownerId,
        ...idleParam,
        input.tenantId,
        input.at,
        input.ownerId,
      ],
    );
    return row!;
  }

  async recordAudit(event: AuditInput): Promise<void> {
    // A transaction: the event and the deliveries it queues are written together or not at all.
    await this.driver.transaction((tx) => this.insertAudit(tx, event));
    await this.changes.changed();
  }

  // ------------------------------------------------------------ webhooks (sql/webhooks.ts)

  async createWebhook(webhook: NewWebhook, audit: AuditContext): Promise<WebhookRecord> {
    await this.change(async (tx) => {
      await webhooks.insertWebhook(tx, webhook, now());
      await this.audit(tx, 'webhook.create', audit, webhook.tenantId, 'webhook', webhook.id, webhook.url);
    });
    return (await this.getWebhook(webhook.id))!;
  }

  listWebhooks(tenantId: string): Promise<WebhookRecord[]> {
    return webhooks.selectWebhooks(this.driver, tenantId);
  }

  getWebhook(id: string): Promise<WebhookRecord | null> {
    return webhooks.selectWebhook(this.driver, id);
  }

  async updateWebhook(id: string, changes: WebhookChanges, audit: AuditContext): Promise<WebhookRecord> {
    await this.change(async (tx) => {
      if (this.lock) await tx.get(`SELECT id FROM webhook WHERE id = ?${this.lock}`, [id]);
      const before = await webhooks.selectWebhook(tx, id);
      if (!before) throw notFound('Webhook');
      const changed = await webhooks.changeWebhook(tx, before, changes, now());
      if (changed.length > 0) {
        await this.audit(tx, 'webhook.update', audit, before.tenant_id, 'webhook', id, changes.url ?? before.url, changed.join(',') as AuditCause);
      }
    });
    return (await this.getWebhook(id))!;
  }

  async deleteWebhook(id: string, audit: AuditContext): Promise<boolean> {
    return this.change(async (tx) => {
      const webhook = await tx.get<{ tenant_id: string; url: string }>(`SELECT tenant_id, url FROM webhook WHERE id = ?${this.lock}`, [id]);
      if (!webhook) return false;
      await webhooks.deleteWebhookRows(tx, 'id', id);
      await this.audit(tx, 'webhook.delete', audit, webhook.tenant_id, 'webhook', id, webhook.url);
      return true;
    });
  }

  listWebhookDeliveries(webhookId: string, page: { limit: number; offset: number }): Promise<WebhookDeliveryRecord[]> {
    return webhooks.selectDeliveries(this.driver, webhookId, page.limit, page.offset);
  }

  countWebhookDeliveries(webhookId: string): Promise<number> {
    return webhooks.countDeliveries(this.driver, webhookId);
  }

  getWebhookDelivery(id: string): Promise<WebhookDeliveryRecord | null> {
    return webhooks.selectDelivery(this.driver, id);
  }

  redeliverWebhookDelivery(id: string): Promise<WebhookDeliveryRecord> {
    return this.change(async (tx) => {
      const delivery = await webhooks.selectDelivery(tx, id);
      if (!delivery) throw notFound('Webhook delivery');
      return webhooks.requeueDelivery(tx, delivery, now());
    });
  }

  queueTestWebhook(webhookId: string, actorId: string | null): Promise<WebhookDeliveryRecord> {
    return this.change(async (tx) => {
      const webhook = await webhooks.selectWebhook(tx, webhookId);
      if (!webhook) throw notFound('Webhook');
      return webhooks.queueTest(tx, webhook, actorId, now());
    });
  }

  async claimWebhookDeliveries(at: string, claimUntil: string, limit: number): Promise<ClaimedDelivery[]> {
    // Each instance asks every second: a read first, so that an idle outbox costs no write transaction.
    if (!(await webhooks.anyDue(this.driver, at))) return [];
    return this.driver.transaction((tx) => webhooks.claimDeliveries(tx, this.dialect, at, claimUntil, limit));
  }

  async recordWebhookAttempt(deliveryId: string, attempt: WebhookAttempt, keep: number): Promise<void> {
    await this.driver.transaction((tx) => webhooks.recordAttempt(tx, deliveryId, attempt, keep));
    // The deliveries view may be a saved answer (cache/response-cache.ts).
    await this.changes.changed();
  }

  async listAuditEvents(tenantId: string, page: Page): Promise<AuditEventRecord[]> {
    const params: SqlValue[] = [tenantId];
    const where = compileWhere(this.dialect, AUDIT_SPEC, page.where, params);
    const order = orderByClause(compileOrderBy(AUDIT_SPEC, page.orderBy ?? [{ created: 'desc' }]), 'a.id');
    const rows = await this.driver.all<AuditEventRecord & { actor_username: string | null; actor_account_type: AccountType }>(
      `SELECT a.*, u.username AS actor_username, u.account_type AS actor_account_type
         FROM audit_event a LEFT JOIN "user" u ON u.id = a.actor_id
         WHERE a.tenant_id = ? AND (${where}) ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...params, page.limit, page.offset],
    );
    return rows.map(({ actor_username, actor_account_type, ...event }) => ({
      ...event,
      actor: event.actor_id && actor_username ? { id: event.actor_id, username: actor_username, account_type: actor_account_type } : null,
    }));
  }

  async listAuditActors(tenantId: string, page: Page): Promise<AuditActorRecord[]> {
    const order = orderByClause(compileOrderBy(AUDIT_ACTOR_SPEC, page.orderBy ?? [{ username: 'asc' }]), 'x.id');
    // Users are never deleted (a removed member or service account keeps its row), but an
    // actor_id without one is still listed, by id, so that its events can be filtered.
    const rows = await this.driver.all<{ id: string; username: string | null; account_type: AccountType | null; is_member: number }>(
      `WITH x AS (SELECT DISTINCT actor_id AS id FROM audit_event WHERE tenant_id = ? AND actor_id IS NOT NULL)
       SELECT x.id, u.username, u.account_type, CASE WHEN m.id IS NULL THEN 0 ELSE 1 END AS is_member
         FROM x LEFT JOIN "user" u ON u.id = x.id LEFT JOIN membership m ON m.user_id = x.id AND m.tenant_id = ?
         ORDER BY ${order} LIMIT ? OFFSET ?`,
      [tenantId, tenantId, page.limit, page.offset],
    );
    return rows.map((row) => ({ ...row, is_member: Number(row.is_member) === 1 }));
  }

  async countAuditActors(tenantId: string): Promise<number> {
    return (await this.driver.get<{ n: number }>('SELECT count(DISTINCT actor_id) AS n FROM audit_event WHERE tenant_id = ?', [tenantId]))!.n;
  }

  async countAuditEvents(tenantId: string, where?: BoolExp | null): Promise<number> {
    const params: SqlValue[] = [tenantId];
    const clause = compileWhere(this.dialect, AUDIT_SPEC, where, params);
    const joins = NAMES_A_RELATION.test(clause) ? ' LEFT JOIN "user" u ON u.id = a.actor_id' : '';
    return (await this.driver.get<{ n: number }>(`SELECT count(*) AS n FROM audit_event a${joins} WHERE a.tenant_id = ? AND (${clause})`, params))!.n;
  }
}
