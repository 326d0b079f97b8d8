import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError, badInput, notFound } from '../../errors.js';
import { compileOrderBy, compileWhere, orderByClause, type EntitySpec } from '../hasura-sql.js';
import type {
  AccountType,
  AgentRecord,
  AuditCause,
  ApiKeyRecord,
  ApiKeyRow,
  AuditContext,
  AuditEventRecord,
  AuditInput,
  BoolExp,
  DeviceCookieRecord,
  InvitationRecord,
  InvitationVisibility,
  KeyCredential,
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
  TenantRecord,
  UserRecord,
  UserRef,
} from '../types.js';
import { migrate } from './migrations.js';

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

const MEMBERSHIP_SPEC: EntitySpec = {
  fields: { id: 'm.id', tenant_id: 'm.tenant_id', user_id: 'm.user_id', role: 'm.role', role_id: 'm.role', created: 'm.created' },
};
const INVITATION_SPEC: EntitySpec = {
  fields: { id: 'i.id', tenant_id: 'i.tenant_id', email: 'i.email', role: 'i.role', role_id: 'i.role', created: 'i.created', expires_at: 'i.expires_at' },
};

const USER_COLUMNS = 'u.id, u.username, u.email, u.first_name, u.last_name, u.account_type, u.default_membership_id, u.created';
const KEY_COLUMNS = 'k.id, k.name, k.key_hint, k.user_id, k.tenant_id, k.created_by_id, k.created, k.updated, k.expires_at, k.last_used_at';
/** Filters and sorts that name the owner (user.*) or tenant (tenant.*) need those joins while paging. */
const NAMES_A_RELATION = /\b[ut]\./;
const NAMES_THE_CREATOR = /\bc\./;

/** The joins a key filter or sort needs, none when it names only the key's own columns. */
const keyJoins = (sql: string) =>
  (NAMES_A_RELATION.test(sql) ? ' JOIN user u ON u.id = k.user_id JOIN tenant t ON t.id = k.tenant_id' : '') +
  (NAMES_THE_CREATOR.test(sql) ? ' LEFT JOIN user c ON c.id = k.created_by_id' : '');

/** How long a commit by another connection may go unnoticed (see changeStamp). */
export const OTHER_WRITERS_CHECK_MS = 20;
/** Distinct keys remembered between writes; past this the memo starts over. */
const CREDENTIAL_CACHE_SIZE = 10_000;

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(',');

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly rawStatements = new Map<string, Database.Statement>();
  private readonly dataVersion: Database.Statement;
  private lastDataVersion = 0;
  private dataVersionReadAt = -Infinity;
  private stamp = 0;
  /** Credentials by key hash, valid for one change stamp: see findKeyCredential. */
  private credentials = new Map<string, KeyCredential | null>();
  private credentialsStamp = -1;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // WAL with synchronous=NORMAL is durable across process crashes (not power loss).
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.dataVersion = this.db.prepare('PRAGMA data_version').pluck();
  }

  /**
   * Every write through this connection moves the stamp at once (run() below). A
   * commit by another connection (another process, the sqlite3 shell) moves SQLite's
   * data_version; reading it starts a read transaction, which costs as much as a small
   * query, so it is read at most every OTHER_WRITERS_CHECK_MS.
   */
  changeStamp(): number {
    const at = performance.now();
    if (at - this.dataVersionReadAt >= OTHER_WRITERS_CHECK_MS) {
      this.dataVersionReadAt = at;
      const dataVersion = this.dataVersion.get() as number;
      if (dataVersion !== this.lastDataVersion) {
        this.lastDataVersion = dataVersion;
        this.stamp++;
      }
    }
    return this.stamp;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Statements are prepared once and reused: the hot path never re-parses SQL. */
  private stmt(sql: string): Database.Statement {
    return this.prepared(this.statements, sql, false);
  }

  /**
   * Like stmt, but rows come back as arrays. For a page of 50 keys, better-sqlite3
   * spends about as long building row objects as SQLite spends finding the rows;
   * arrays take half that.
   */
  private rawStmt(sql: string): Database.Statement {
    return this.prepared(this.rawStatements, sql, true);
  }

  private prepared(cache: Map<string, Database.Statement>, sql: string, raw: boolean): Database.Statement {
    let statement = cache.get(sql);
    if (!statement) {
      // List queries vary with their filters; keep the cache bounded.
      if (cache.size >= 500) cache.clear();
      statement = this.db.prepare(sql);
      if (raw) statement.raw(true);
      cache.set(sql, statement);
    }
    return statement;
  }

  private get<T>(sql: string, ...params: unknown[]): T | null {
    return (this.stmt(sql).get(...params) as T | undefined) ?? null;
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    return this.stmt(sql).all(...params) as T[];
  }

  private run(sql: string, ...params: unknown[]): Database.RunResult {
    // Before and after: a reader that took the stamp while this write was under way must not keep what it read.
    this.stamp++;
    try {
      return this.stmt(sql).run(...params);
    } finally {
      this.stamp++;
    }
  }

  private audit(
    action: string,
    context: AuditContext,
    tenantId: string | null,
    targetType: string,
    targetId: string,
    targetName: string | null,
    cause: AuditCause | null = null,
  ) {
    this.recordAudit({
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

  /** Revokes each live key of an owner in a tenant, each with its own audit event. */
  private revokeKeysOf(userId: string, tenantId: string, cause: AuditCause, audit: AuditContext): number {
    const keys = this.all<{ id: string; name: string }>(
      'SELECT id, name FROM api_key WHERE user_id = ? AND tenant_id = ? AND revoked_at IS NULL',
      userId,
      tenantId,
    );
    const at = now();
    for (const key of keys) {
      this.run('UPDATE api_key SET revoked_at = ?, updated = ? WHERE id = ?', at, at, key.id);
      this.audit('api_key.revoke', audit, tenantId, 'api_key', key.id, key.name, cause);
    }
    return keys.length;
  }

  /** Revokes the pending invitations a member made in a tenant: they carry that member's authority. */
  private revokeInvitationsBy(userId: string, tenantId: string, cause: AuditCause, audit: AuditContext): void {
    const at = now();
    const invitations = this.all<{ id: string; email: string }>(
      'SELECT id, email FROM invitation WHERE invited_by_id = ? AND tenant_id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?',
      userId,
      tenantId,
      at,
    );
    for (const invitation of invitations) {
      this.run('UPDATE invitation SET revoked_at = ? WHERE id = ?', at, invitation.id);
      this.audit('invitation.revoke', audit, tenantId, 'invitation', invitation.id, invitation.email, cause);
    }
  }

  private insertMembership(tenantId: string, userId: string, role: Role): MembershipRecord {
    const membership: MembershipRecord = { id: randomUUID(), tenant_id: tenantId, user_id: userId, role, created: now() };
    this.run(
      'INSERT INTO membership (id, tenant_id, user_id, role, created) VALUES (?, ?, ?, ?, ?)',
      membership.id,
      tenantId,
      userId,
      role,
      membership.created,
    );
    this.run('UPDATE user SET default_membership_id = ? WHERE id = ? AND default_membership_id IS NULL', membership.id, userId);
    return membership;
  }

  private insertTenant(name: string, slug: string): TenantRecord {
    const tenant: TenantRecord = { id: randomUUID(), name, slug, created: now() };
    try {
      this.run('INSERT INTO tenant (id, name, slug, created) VALUES (?, ?, ?, ?)', tenant.id, name, slug, tenant.created);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw badInput('slug', `The slug "${slug}" is already taken.`);
      throw error;
    }
    return tenant;
  }

  private insertUser(input: { email: string | null; username: string; passwordHash: string | null; accountType: 'NORMAL' | 'SERVICE' }): UserRecord {
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
      this.run(
        'INSERT INTO user (id, username, email, account_type, password_hash, created) VALUES (?, ?, ?, ?, ?, ?)',
        user.id,
        user.username,
        user.email,
        user.account_type,
        input.passwordHash,
        user.created,
      );
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw badInput('email', 'An account with this email already exists.');
      throw error;
    }
    return user;
  }

  // ------------------------------------------------------------ users, tenants, memberships

  async countHumanUsers(): Promise<number> {
    return this.get<{ n: number }>("SELECT count(*) AS n FROM user WHERE account_type = 'NORMAL'")!.n;
  }

  async bootstrap(input: { email: string; username: string; passwordHash: string; tenantName: string; tenantSlug: string }, audit: AuditContext) {
    return this.db.transaction(() => {
      if (this.get<{ n: number }>("SELECT count(*) AS n FROM user WHERE account_type = 'NORMAL'")!.n > 0) {
        throw badInput('email', 'Keyplane is already set up; sign in instead.');
      }
      const user = this.insertUser({ email: input.email, username: input.username, passwordHash: input.passwordHash, accountType: 'NORMAL' });
      const tenant = this.insertTenant(input.tenantName, input.tenantSlug);
      const membership = this.insertMembership(tenant.id, user.id, 'TENANT_ADMIN');
      user.default_membership_id = membership.id;
      this.audit('tenant.create', { ...audit, actorId: user.id }, tenant.id, 'tenant', tenant.id, tenant.name);
      return { user, tenant };
    })();
  }

  async getUser(id: string): Promise<UserRecord | null> {
    return this.get<UserRecord>(`SELECT ${USER_COLUMNS} FROM user u WHERE u.id = ?`, id);
  }

  async getUsers(ids: readonly string[]): Promise<UserRecord[]> {
    if (ids.length === 0) return [];
    return this.stmt(`SELECT ${USER_COLUMNS} FROM user u WHERE u.id IN (${placeholders(ids.length)})`).all(...ids) as UserRecord[];
  }

  async findLogin(email: string) {
    const row = this.get<UserRecord & { password_hash: string | null }>(
      `SELECT ${USER_COLUMNS}, u.password_hash FROM user u WHERE u.email = ? AND u.account_type = 'NORMAL'`,
      email,
    );
    if (!row || !row.password_hash) return null;
    const { password_hash, ...user } = row;
    return { user, passwordHash: password_hash };
  }

  async findUserByEmail(email: string): Promise<UserRecord | null> {
    return this.get<UserRecord>(`SELECT ${USER_COLUMNS} FROM user u WHERE u.email = ?`, email);
  }

  async createUser(input: { email: string; username: string; passwordHash: string }): Promise<UserRecord> {
    return this.insertUser({ ...input, accountType: 'NORMAL' });
  }

  async getTenant(id: string): Promise<TenantRecord | null> {
    return this.get<TenantRecord>('SELECT id, name, slug, created FROM tenant WHERE id = ?', id);
  }

  async getTenants(ids: readonly string[]): Promise<TenantRecord[]> {
    if (ids.length === 0) return [];
    return this.stmt(`SELECT id, name, slug, created FROM tenant WHERE id IN (${placeholders(ids.length)})`).all(...ids) as TenantRecord[];
  }

  async findTenantByIdOrSlug(idOrSlug: string): Promise<TenantRecord | null> {
    return this.get<TenantRecord>('SELECT id, name, slug, created FROM tenant WHERE id = ? OR slug = ?', idOrSlug, idOrSlug);
  }

  async listTenantsOfUser(userId: string, page: Page): Promise<TenantRecord[]> {
    const params: unknown[] = [userId];
    const where = compileWhere(TENANT_SPEC, page.where, params);
    const order = orderByClause(compileOrderBy(TENANT_SPEC, page.orderBy ?? [{ name: 'asc' }]), 't.id');
    return this.stmt(
      `SELECT t.id, t.name, t.slug, t.created FROM tenant t JOIN membership m ON m.tenant_id = t.id WHERE m.user_id = ? AND (${where}) ORDER BY ${order} LIMIT ? OFFSET ?`,
    ).all(...params, page.limit, page.offset) as TenantRecord[];
  }

  async countTenantsOfUser(userId: string, where?: BoolExp | null): Promise<number> {
    const params: unknown[] = [userId];
    const clause = compileWhere(TENANT_SPEC, where, params);
    return (
      this.stmt(`SELECT count(*) AS n FROM tenant t JOIN membership m ON m.tenant_id = t.id WHERE m.user_id = ? AND (${clause})`).get(...params) as {
        n: number;
      }
    ).n;
  }

  async createTenant(input: { name: string; slug: string; adminUserId: string }, audit: AuditContext): Promise<TenantRecord> {
    return this.db.transaction(() => {
      const tenant = this.insertTenant(input.name, input.slug);
      this.insertMembership(tenant.id, input.adminUserId, 'TENANT_ADMIN');
      this.audit('tenant.create', audit, tenant.id, 'tenant', tenant.id, tenant.name);
      return tenant;
    })();
  }

  async getMembership(id: string): Promise<MembershipRecord | null> {
    return this.get<MembershipRecord>('SELECT id, tenant_id, user_id, role, created FROM membership WHERE id = ?', id);
  }

  async findMembership(userId: string, tenantId: string): Promise<MembershipRecord | null> {
    return this.get<MembershipRecord>('SELECT id, tenant_id, user_id, role, created FROM membership WHERE user_id = ? AND tenant_id = ?', userId, tenantId);
  }

  async listMembershipsOfUser(userId: string): Promise<MembershipRecord[]> {
    return this.all<MembershipRecord>('SELECT id, tenant_id, user_id, role, created FROM membership WHERE user_id = ? ORDER BY created', userId);
  }

  private countHumanAdmins(tenantId: string): number {
    return this.get<{ n: number }>(
      "SELECT count(*) AS n FROM membership m JOIN user u ON u.id = m.user_id WHERE m.tenant_id = ? AND m.role = 'TENANT_ADMIN' AND u.account_type = 'NORMAL'",
      tenantId,
    )!.n;
  }

  /** Checked inside the changing transaction, so two concurrent demotions cannot both pass. */
  private isLastHumanAdmin(membership: MembershipRecord): boolean {
    if (membership.role !== 'TENANT_ADMIN') return false;
    const user = this.get<{ account_type: string }>('SELECT account_type FROM user WHERE id = ?', membership.user_id);
    return user?.account_type === 'NORMAL' && this.countHumanAdmins(membership.tenant_id) <= 1;
  }

  async setMembershipRole(membershipId: string, role: Role, audit: AuditContext): Promise<MembershipRecord> {
    return this.db.transaction(() => {
      const membership = this.get<MembershipRecord>('SELECT id, tenant_id, user_id, role, created FROM membership WHERE id = ?', membershipId);
      if (!membership) throw notFound('Membership');
      if (role !== 'TENANT_ADMIN' && this.isLastHumanAdmin(membership)) {
        throw badInput('role', 'This is the last administrator of the tenant: make someone else an administrator first.');
      }
      this.run('UPDATE membership SET role = ? WHERE id = ?', role, membershipId);
      this.audit('membership.role_change', audit, membership.tenant_id, 'membership', membership.id, `${membership.role} → ${role}`);
      if (membership.role === 'TENANT_ADMIN' && role !== 'TENANT_ADMIN') {
        this.revokeInvitationsBy(membership.user_id, membership.tenant_id, 'inviter_demoted', audit);
      }
      return { ...membership, role };
    })();
  }

  async deleteMembership(membershipId: string, audit: AuditContext): Promise<void> {
    this.db.transaction(() => {
      const membership = this.get<MembershipRecord>('SELECT id, tenant_id, user_id, role, created FROM membership WHERE id = ?', membershipId);
      if (!membership) throw notFound('Membership');
      if (this.isLastHumanAdmin(membership)) {
        throw badInput('membership_id', 'This is the last administrator of the tenant: make someone else an administrator first.');
      }
      this.run('DELETE FROM membership WHERE id = ?', membershipId);
      const next = this.get<{ id: string }>('SELECT id FROM membership WHERE user_id = ? ORDER BY created LIMIT 1', membership.user_id);
      this.run('UPDATE user SET default_membership_id = ? WHERE id = ? AND default_membership_id = ?', next?.id ?? null, membership.user_id, membershipId);
      const user = this.get<{ username: string }>('SELECT username FROM user WHERE id = ?', membership.user_id);
      this.audit('membership.delete', audit, membership.tenant_id, 'membership', membership.id, user?.username ?? null);
      const left = audit.actorId === membership.user_id;
      this.revokeKeysOf(membership.user_id, membership.tenant_id, left ? 'member_left' : 'member_removed', audit);
      this.revokeInvitationsBy(membership.user_id, membership.tenant_id, left ? 'inviter_left' : 'inviter_removed', audit);
    })();
  }

  async listMembers(tenantId: string, page: Page): Promise<MemberRow[]> {
    const params: unknown[] = [now(), tenantId];
    const where = compileWhere(MEMBER_SPEC, page.where, params);
    const order = orderByClause(compileOrderBy(MEMBER_SPEC, page.orderBy ?? [{ username: 'asc' }]), 'u.id');
    const rows = this.stmt(
      `SELECT ${USER_COLUMNS}, m.id AS m_id, m.role AS m_role, m.created AS m_created,
           (SELECT count(*) FROM api_key k WHERE k.user_id = u.id AND k.tenant_id = m.tenant_id AND k.revoked_at IS NULL
              AND (k.expires_at IS NULL OR k.expires_at > ?)) AS api_key_count
         FROM membership m JOIN user u ON u.id = m.user_id
         WHERE m.tenant_id = ? AND (${where}) ORDER BY ${order} LIMIT ? OFFSET ?`,
    ).all(...params, page.limit, page.offset) as (UserRecord & { m_id: string; m_role: Role; m_created: string; api_key_count: number })[];
    return rows.map(({ m_id, m_role, m_created, api_key_count, ...user }) => ({
      ...user,
      api_key_count,
      membership: { id: m_id, tenant_id: tenantId, user_id: user.id, role: m_role, created: m_created },
    }));
  }

  async countMembers(tenantId: string, where?: BoolExp | null): Promise<number> {
    const params: unknown[] = [tenantId];
    const clause = compileWhere(MEMBER_SPEC, where, params);
    return (
      this.stmt(`SELECT count(*) AS n FROM membership m JOIN user u ON u.id = m.user_id WHERE m.tenant_id = ? AND (${clause})`).get(...params) as { n: number }
    ).n;
  }

  async listMemberships(visibility: MembershipVisibility, page: Page): Promise<MembershipRecord[]> {
    const scope: string[] = [];
    const params: unknown[] = [];
    if (visibility.tenantId) {
      scope.push('m.tenant_id = ?');
      params.push(visibility.tenantId);
    }
    if (visibility.userId) {
      scope.push('m.user_id = ?');
      params.push(visibility.userId);
    }
    const where = compileWhere(MEMBERSHIP_SPEC, page.where, params);
    const order = orderByClause(compileOrderBy(MEMBERSHIP_SPEC, page.orderBy ?? [{ created: 'asc' }]), 'm.id');
    return this.stmt(
      `SELECT m.id, m.tenant_id, m.user_id, m.role, m.created FROM membership m
        WHERE (${scope.join(' OR ') || '0'}) AND (${where}) ORDER BY ${order} LIMIT ? OFFSET ?`,
    ).all(...params, page.limit, page.offset) as MembershipRecord[];
  }

  async renameTenant(tenantId: string, name: string, audit: AuditContext): Promise<TenantRecord> {
    return this.db.transaction(() => {
      const tenant = this.get<TenantRecord>('SELECT id, name, slug, created FROM tenant WHERE id = ?', tenantId);
      if (!tenant) throw notFound('Tenant');
      this.run('UPDATE tenant SET name = ? WHERE id = ?', name, tenantId);
      this.audit('tenant.rename', audit, tenantId, 'tenant', tenantId, `${tenant.name} → ${name}`);
      return { ...tenant, name };
    })();
  }

  async setTenantSlug(tenantId: string, slug: string, audit: AuditContext): Promise<TenantRecord> {
    return this.db.transaction(() => {
      const tenant = this.get<TenantRecord>('SELECT id, name, slug, created FROM tenant WHERE id = ?', tenantId);
      if (!tenant) throw notFound('Tenant');
      if (tenant.slug === slug) return tenant;
      // A slug that is another tenant's id would make X-Tenant-Id ambiguous (findTenantByIdOrSlug).
      if (this.get('SELECT id FROM tenant WHERE slug = ? OR id = ?', slug, slug)) throw badInput('slug', `The slug "${slug}" is already taken.`);
      this.run('UPDATE tenant SET slug = ? WHERE id = ?', slug, tenantId);
      this.audit('tenant.slug_change', audit, tenantId, 'tenant', tenantId, `${tenant.slug} → ${slug}`);
      return { ...tenant, slug };
    })();
  }

  async deleteTenant(tenantId: string, audit: AuditContext): Promise<number> {
    return this.db.transaction(() => {
      const tenant = this.get<TenantRecord>('SELECT id, name, slug, created FROM tenant WHERE id = ?', tenantId);
      if (!tenant) throw notFound('Tenant');
      this.audit('tenant.delete', audit, tenantId, 'tenant', tenantId, tenant.name);
      const at = now();
      const keys = this.all<{ id: string; name: string }>('SELECT id, name FROM api_key WHERE tenant_id = ? AND revoked_at IS NULL', tenantId);
      for (const key of keys) {
        this.run('UPDATE api_key SET revoked_at = ?, updated = ? WHERE id = ?', at, at, key.id);
        this.audit('api_key.revoke', audit, tenantId, 'api_key', key.id, key.name, 'tenant_deleted');
      }
      const invitations = this.all<{ id: string; email: string }>(
        'SELECT id, email FROM invitation WHERE tenant_id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?',
        tenantId,
        at,
      );
      for (const invitation of invitations) this.audit('invitation.revoke', audit, tenantId, 'invitation', invitation.id, invitation.email, 'tenant_deleted');
      const members = this.all<{ id: string; user_id: string; username: string; account_type: AccountType }>(
        'SELECT m.id, m.user_id, u.username, u.account_type FROM membership m JOIN user u ON u.id = m.user_id WHERE m.tenant_id = ?',
        tenantId,
      );
      for (const member of members) {
        if (member.account_type === 'SERVICE')
          this.audit('service_account.delete', audit, tenantId, 'service_account', member.user_id, member.username, 'tenant_deleted');
        else this.audit('membership.delete', audit, tenantId, 'membership', member.id, member.username, 'tenant_deleted');
      }
      // The rows go (the audit events stay): nothing may refer to the tenant any more.
      this.run('DELETE FROM agent WHERE tenant_id = ?', tenantId);
      this.run('DELETE FROM invitation WHERE tenant_id = ?', tenantId);
      this.run('DELETE FROM api_key WHERE tenant_id = ?', tenantId);
      this.run('DELETE FROM api_key_count WHERE tenant_id = ?', tenantId);
      this.run('DELETE FROM membership WHERE tenant_id = ?', tenantId);
      // People whose default was this tenant fall back to their oldest other membership.
      this.run(
        `UPDATE user SET default_membership_id = (SELECT id FROM membership WHERE user_id = user.id ORDER BY created LIMIT 1)
         WHERE default_membership_id IS NOT NULL AND default_membership_id NOT IN (SELECT id FROM membership)`,
      );
      this.run('DELETE FROM tenant WHERE id = ?', tenantId);
      return keys.length;
    })();
  }

  // ------------------------------------------------------------ service accounts

  async createServiceAccount(input: { tenantId: string; name: string; role: Role }, audit: AuditContext): Promise<UserRecord> {
    return this.db.transaction(() => {
      const user = this.insertUser({ email: null, username: input.name, passwordHash: null, accountType: 'SERVICE' });
      const membership = this.insertMembership(input.tenantId, user.id, input.role);
      user.default_membership_id = membership.id;
      this.audit('service_account.create', audit, input.tenantId, 'service_account', user.id, user.username);
      return user;
    })();
  }

  async deleteServiceAccount(userId: string, audit: AuditContext): Promise<number> {
    return this.db.transaction(() => {
      const account = this.get<{ username: string; tenant_id: string }>(
        "SELECT u.username, m.tenant_id FROM user u JOIN membership m ON m.user_id = u.id WHERE u.id = ? AND u.account_type = 'SERVICE'",
        userId,
      );
      if (!account) throw notFound('Service account');
      this.run('UPDATE user SET default_membership_id = NULL WHERE id = ?', userId);
      this.run('DELETE FROM membership WHERE user_id = ?', userId);
      this.audit('service_account.delete', audit, account.tenant_id, 'service_account', userId, account.username);
      // A service account's keys all act in its one tenant.
      const revoked = this.revokeKeysOf(userId, account.tenant_id, 'service_account_removed', audit);
      this.revokeInvitationsBy(userId, account.tenant_id, 'inviter_removed', audit);
      return revoked;
    })();
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
    };
    this.db.transaction(() => {
      if (limits) {
        const active = this.get<{ n: number }>(
          'SELECT count(*) AS n FROM api_key WHERE user_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)',
          key.userId,
          at,
        )!.n;
        if (active >= limits.maxActivePerOwner) {
          throw new ApiError('BAD_USER_INPUT', `This account already has ${active} active API keys, the most allowed: revoke keys it no longer uses first.`, {
            field: 'user_id',
            limit: 'keys_per_owner',
            max: limits.maxActivePerOwner,
          });
        }
      }
      this.run(
        `INSERT INTO api_key (id, name, key_hash, key_hint, user_id, tenant_id, owner_kind, created_by_id, created, updated, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, (SELECT account_type FROM user WHERE id = ?), ?, ?, ?, ?)`,
        key.id,
        key.name,
        key.keyHash,
        key.keyHint,
        key.userId,
        key.tenantId,
        key.userId,
        key.createdById,
        at,
        at,
        key.expiresAt,
      );
      this.audit('api_key.create', audit, key.tenantId, 'api_key', key.id, key.name);
    })();
    return record;
  }

  async getApiKey(id: string): Promise<ApiKeyRecord | null> {
    return this.get<ApiKeyRecord>(`SELECT ${KEY_COLUMNS} FROM api_key k WHERE k.id = ? AND k.revoked_at IS NULL`, id);
  }

  async revokeApiKey(id: string, audit: AuditContext): Promise<boolean> {
    return this.db.transaction(() => {
      const key = this.get<{ name: string; tenant_id: string }>('SELECT name, tenant_id FROM api_key WHERE id = ? AND revoked_at IS NULL', id);
      if (!key) return false;
      const at = now();
      this.run('UPDATE api_key SET revoked_at = ?, updated = ? WHERE id = ?', at, at, id);
      this.audit('api_key.revoke', audit, key.tenant_id, 'api_key', id, key.name);
      return true;
    })();
  }

  /**
   * Every API request asks this, so answers are kept until anything changes (a
   * revocation, a role change, a key created: any write, here or by another process),
   * and a revoked key still fails on the very next request. A hit costs a map lookup
   * (and, at most every OTHER_WRITERS_CHECK_MS, the data_version pragma) instead of a
   * three-table lookup.
   */
  async findKeyCredential(keyHash: string): Promise<KeyCredential | null> {
    const remembered = this.rememberedKeyCredential(keyHash);
    if (remembered !== undefined) return remembered;
    const credential = this.readKeyCredential(keyHash);
    if (this.credentials.size >= CREDENTIAL_CACHE_SIZE) this.credentials.clear();
    this.credentials.set(keyHash, credential);
    return credential;
  }

  rememberedKeyCredential(keyHash: string): KeyCredential | null | undefined {
    const stamp = this.changeStamp();
    if (stamp !== this.credentialsStamp) {
      this.credentials = new Map();
      this.credentialsStamp = stamp;
    }
    return this.credentials.get(keyHash);
  }

  private readKeyCredential(keyHash: string): KeyCredential | null {
    const row = this.get<Omit<KeyCredential, 'revoked'> & { revoked_at: string | null }>(
      `SELECT k.id, k.user_id, k.tenant_id, k.expires_at, k.last_used_at, k.revoked_at, u.account_type, u.username, m.role
       FROM api_key k JOIN user u ON u.id = k.user_id
       LEFT JOIN membership m ON m.user_id = k.user_id AND m.tenant_id = k.tenant_id
       WHERE k.key_hash = ?`,
      keyHash,
    );
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
    };
  }

  touchApiKeys(uses: ReadonlyMap<string, string>): void {
    this.db.transaction(() => {
      for (const [id, at] of uses) this.run('UPDATE api_key SET last_used_at = ? WHERE id = ?', at, id);
    })();
  }

  /**
   * One branch per visibility scope (own keys; a tenant's service-account keys), each
   * ordered and limited on its own index, then merged: the first page costs the same
   * with 100 keys or 100,000. Owners, creators and tenants are read afterwards for
   * the page alone, and rows come back as arrays (see rawStmt).
   */
  async listApiKeys(visibility: KeyVisibility, page: Page): Promise<ApiKeyRow[]> {
    const terms = compileOrderBy(API_KEY_SPEC, page.orderBy ?? [{ created: 'desc' }]);
    const sortColumns = terms.map((t, i) => `, ${t.expression} AS s${i}`).join('');
    const innerOrder = orderByClause(terms, 'k.id');
    const outerOrder = orderByClause(
      terms.map((t, i) => ({ expression: `s${i}`, direction: t.direction })),
      'id',
    );
    const params: unknown[] = [];
    const branches = this.keyScopes(visibility).map((scope) => {
      params.push(...scope.params);
      const where = compileWhere(API_KEY_SPEC, page.where, params);
      params.push(page.limit + page.offset);
      const joins = keyJoins(`${where} ${innerOrder}`);
      return `SELECT * FROM (SELECT ${KEY_COLUMNS}${sortColumns} FROM api_key k${joins}
        WHERE k.revoked_at IS NULL AND ${scope.sql} AND (${where}) ORDER BY ${innerOrder} LIMIT ?)`;
    });
    const sql = `${branches.join(' UNION ALL ')} ORDER BY ${outerOrder} LIMIT ? OFFSET ?`;
    return this.withKeyRelations(this.rawStmt(sql).all(...params, page.limit, page.offset) as unknown[][]);
  }

  /**
   * Adds owner, creator and tenant to a page of keys (rows in KEY_COLUMNS order):
   * two lookups by id for the whole page, instead of three joined lookups per row.
   */
  private withKeyRelations(rows: unknown[][]): ApiKeyRow[] {
    if (rows.length === 0) return [];
    const userIds = new Set<string>();
    const tenantIds = new Set<string>();
    for (const row of rows) {
      userIds.add(row[3] as string);
      if (row[5]) userIds.add(row[5] as string);
      tenantIds.add(row[4] as string);
    }
    const users = new Map<string, UserRef>();
    const userRows = this.rawStmt(`SELECT id, username, account_type FROM user WHERE id IN (${placeholders(userIds.size)})`).all(...userIds) as [
      string,
      string,
      AccountType,
    ][];
    for (const [id, username, account_type] of userRows) users.set(id, { id, username, account_type });
    const tenants = new Map<string, TenantRecord>();
    const tenantRows = this.rawStmt(`SELECT id, name, slug, created FROM tenant WHERE id IN (${placeholders(tenantIds.size)})`).all(...tenantIds) as string[][];
    for (const [id, name, slug, created] of tenantRows) tenants.set(id, { id, name, slug, created });
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
      user: users.get(row[3] as string)!,
      created_by: row[5] ? (users.get(row[5] as string) ?? null) : null,
      tenant: tenants.get(row[4] as string)!,
    }));
  }

  async countApiKeys(visibility: KeyVisibility, where?: BoolExp | null): Promise<number> {
    let total = 0;
    for (const scope of this.keyScopes(visibility)) {
      const params: unknown[] = [...scope.params];
      const clause = compileWhere(API_KEY_SPEC, where, params);
      if (clause === '1') {
        // No filter: the counts the triggers keep per owner and tenant (migration 3).
        const sql = `SELECT coalesce(sum(k.active), 0) FROM api_key_count k WHERE ${scope.sql}`;
        total += (this.rawStmt(sql).get(...scope.params) as [number])[0];
        continue;
      }
      // Without a filter on user.* or tenant.*, the count is read from the scope's index alone.
      const joins = keyJoins(clause);
      const sql = `SELECT count(*) AS n FROM api_key k${joins}
        WHERE k.revoked_at IS NULL AND ${scope.sql} AND (${clause})`;
      total += (this.stmt(sql).get(...params) as { n: number }).n;
    }
    return total;
  }

  private keyScopes(visibility: KeyVisibility): { sql: string; params: unknown[] }[] {
    const scopes = [
      visibility.ownKeysTenantId
        ? { sql: 'k.user_id = ? AND k.tenant_id = ?', params: [visibility.ownerId, visibility.ownKeysTenantId] as unknown[] }
        : { sql: 'k.user_id = ?', params: [visibility.ownerId] as unknown[] },
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
    this.run(
      'INSERT INTO session (id_hash, user_id, created, last_seen, expires_at) VALUES (?, ?, ?, ?, ?)',
      input.idHash,
      input.userId,
      at,
      at,
      input.expiresAt,
    );
  }

  async findSession(idHash: string): Promise<SessionRecord | null> {
    return this.get<SessionRecord>('SELECT id_hash AS id, user_id, created, last_seen, expires_at FROM session WHERE id_hash = ?', idHash);
  }

  touchSession(idHash: string, at: string): void {
    this.run('UPDATE session SET last_seen = ? WHERE id_hash = ?', at, idHash);
  }

  async deleteSession(idHash: string): Promise<void> {
    this.run('DELETE FROM session WHERE id_hash = ?', idHash);
  }

  // ------------------------------------------------------------ device cookies

  async findDeviceCookie(tokenHash: string, userId: string): Promise<DeviceCookieRecord | null> {
    return this.get<DeviceCookieRecord>(
      'SELECT id, user_id, created, expires_at FROM device_cookie WHERE token_hash = ? AND user_id = ? AND expires_at > ?',
      tokenHash,
      userId,
      now(),
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
    this.db.transaction(() => {
      if (input.previousTokenHash) this.run('UPDATE device_cookie SET token_hash = ? WHERE token_hash = ?', input.tokenHash, input.previousTokenHash);
      this.run(
        `INSERT INTO device_cookie (id, token_hash, user_id, created, expires_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (token_hash, user_id) DO UPDATE SET expires_at = excluded.expires_at`,
        randomUUID(),
        input.tokenHash,
        input.userId,
        at,
        input.expiresAt,
      );
      // Every renewal sets a row's expiry a fixed time ahead, so the latest expiries are the rows used last.
      this.run(
        `DELETE FROM device_cookie WHERE user_id = ? AND (expires_at <= ? OR id NOT IN
           (SELECT id FROM device_cookie WHERE user_id = ? ORDER BY expires_at DESC LIMIT ?))`,
        input.userId,
        at,
        input.userId,
        input.keepPerUser,
      );
    })();
  }

  async deleteDeviceCookie(id: string): Promise<void> {
    this.run('DELETE FROM device_cookie WHERE id = ?', id);
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
    this.db.transaction(() => {
      this.run(
        'INSERT INTO invitation (id, tenant_id, email, role, token_hash, invited_by_id, created, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        invitation.id,
        input.tenantId,
        input.email,
        input.role,
        input.tokenHash,
        input.invitedById,
        invitation.created,
        input.expiresAt,
      );
      this.audit('invitation.create', audit, input.tenantId, 'invitation', invitation.id, input.email);
    })();
    return invitation;
  }

  private static readonly INVITATION_COLUMNS = 'id, tenant_id, email, role, invited_by_id, created, expires_at, accepted_at, revoked_at';

  async findInvitationByToken(tokenHash: string): Promise<InvitationRecord | null> {
    return this.get<InvitationRecord>(`SELECT ${SqliteStore.INVITATION_COLUMNS} FROM invitation WHERE token_hash = ?`, tokenHash);
  }

  async getInvitation(id: string): Promise<InvitationRecord | null> {
    return this.get<InvitationRecord>(`SELECT ${SqliteStore.INVITATION_COLUMNS} FROM invitation WHERE id = ?`, id);
  }

  async listPendingInvitations(tenantId: string, limit: number, offset: number): Promise<InvitationRecord[]> {
    return this.all<InvitationRecord>(
      `SELECT ${SqliteStore.INVITATION_COLUMNS} FROM invitation
       WHERE tenant_id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?
       ORDER BY created DESC LIMIT ? OFFSET ?`,
      tenantId,
      now(),
      limit,
      offset,
    );
  }

  async listInvitations(visibility: InvitationVisibility, page: Page): Promise<InvitationRecord[]> {
    const scope: string[] = [];
    const params: unknown[] = [now()];
    if (visibility.tenantId) {
      scope.push('i.tenant_id = ?');
      params.push(visibility.tenantId);
    }
    if (visibility.email) {
      // The column's NOCASE collation makes this match the email whatever its case.
      scope.push('i.email = ?');
      params.push(visibility.email);
    }
    const where = compileWhere(INVITATION_SPEC, page.where, params);
    const order = orderByClause(compileOrderBy(INVITATION_SPEC, page.orderBy ?? [{ created: 'desc' }]), 'i.id');
    return this.stmt(
      `SELECT i.id, i.tenant_id, i.email, i.role, i.invited_by_id, i.created, i.expires_at, i.accepted_at, i.revoked_at FROM invitation i
         WHERE i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ? AND (${scope.join(' OR ') || '0'}) AND (${where})
         ORDER BY ${order} LIMIT ? OFFSET ?`,
    ).all(...params, page.limit, page.offset) as InvitationRecord[];
  }

  async revokeInvitation(id: string, audit: AuditContext): Promise<void> {
    this.db.transaction(() => {
      const invitation = this.get<InvitationRecord>(`SELECT ${SqliteStore.INVITATION_COLUMNS} FROM invitation WHERE id = ?`, id);
      if (!invitation) throw notFound('Invitation');
      this.run('UPDATE invitation SET revoked_at = ? WHERE id = ?', now(), id);
      this.audit('invitation.revoke', audit, invitation.tenant_id, 'invitation', id, invitation.email);
    })();
  }

  async acceptInvitation(invitationId: string, userId: string, audit: AuditContext): Promise<MembershipRecord> {
    return this.db.transaction(() => this.accept(this.usableInvitation(invitationId), userId, audit))();
  }

  async createUserAndAcceptInvitation(
    input: { invitationId: string; username: string; passwordHash: string },
    audit: AuditContext,
  ): Promise<{ user: UserRecord; membership: MembershipRecord }> {
    return this.db.transaction(() => {
      // The invitation first: a refused accept must not leave an account behind.
      const invitation = this.usableInvitation(input.invitationId);
      if (this.get('SELECT id FROM user WHERE email = ?', invitation.email)) {
        throw badInput('email', 'An account with this email already exists: sign in to accept the invitation.');
      }
      const user = this.insertUser({ email: invitation.email, username: input.username, passwordHash: input.passwordHash, accountType: 'NORMAL' });
      const membership = this.accept(invitation, user.id, audit);
      user.default_membership_id = membership.id;
      return { user, membership };
    })();
  }

  /** Read inside the accepting transaction, so two accepts of one token cannot both pass. */
  private usableInvitation(invitationId: string): InvitationRecord {
    const invitation = this.get<InvitationRecord>(`SELECT ${SqliteStore.INVITATION_COLUMNS} FROM invitation WHERE id = ?`, invitationId);
    if (!invitation || invitation.accepted_at || invitation.revoked_at) throw badInput('token', 'This invitation has already been used or revoked.');
    if (Date.parse(invitation.expires_at) <= Date.now()) throw badInput('token', 'This invitation has expired; ask an administrator for a new one.');
    return invitation;
  }

  private accept(invitation: InvitationRecord, userId: string, audit: AuditContext): MembershipRecord {
    if (this.get('SELECT id FROM membership WHERE user_id = ? AND tenant_id = ?', userId, invitation.tenant_id)) {
      throw badInput('token', 'You are already a member of this tenant.');
    }
    this.run('UPDATE invitation SET accepted_at = ? WHERE id = ?', now(), invitation.id);
    const membership = this.insertMembership(invitation.tenant_id, userId, invitation.role);
    this.audit('membership.create', { ...audit, actorId: userId }, invitation.tenant_id, 'membership', membership.id, invitation.email);
    return membership;
  }

  // ------------------------------------------------------------ agents

  /** Registrations a key keeps: past this, registering a new agent forgets its least recent one. */
  static readonly MAX_AGENTS_PER_KEY = 100;

  async registerAgent(agent: NewAgent, audit: AuditContext): Promise<AgentRecord> {
    const labels = JSON.stringify(agent.labels);
    const id = this.db.transaction(() => {
      const at = now();
      const existing = this.get<{ id: string }>(
        "SELECT id FROM agent WHERE api_key_id = ? AND type = ? AND name = ? AND labels = ? AND coalesce(agent_config_id, '') = coalesce(?, '')",
        agent.apiKeyId,
        agent.type,
        agent.name,
        labels,
        agent.agentConfigId,
      );
      if (existing) {
        this.run('UPDATE agent SET registered_at = ?, core_version = ? WHERE id = ?', at, agent.coreVersion, existing.id);
        return existing.id;
      }
      const newId = randomUUID();
      this.run(
        `INSERT INTO agent (id, tenant_id, api_key_id, user_id, type, name, labels, agent_config_id, core_version, created, registered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        newId,
        agent.tenantId,
        agent.apiKeyId,
        agent.userId,
        agent.type,
        agent.name,
        labels,
        agent.agentConfigId,
        agent.coreVersion,
        at,
        at,
      );
      this.run(
        `DELETE FROM agent WHERE api_key_id = ? AND id NOT IN
           (SELECT id FROM agent WHERE api_key_id = ? ORDER BY registered_at DESC, created DESC LIMIT ?)`,
        agent.apiKeyId,
        agent.apiKeyId,
        SqliteStore.MAX_AGENTS_PER_KEY,
      );
      // The first registration only: an agent registers each time it starts.
      this.audit('agent.register', audit, agent.tenantId, 'agent', newId, agent.name);
      return newId;
    })();
    return this.agentRows('a.id = ?', [id], 1, 0)[0];
  }

  async listAgents(tenantId: string, page: Page): Promise<AgentRecord[]> {
    return this.agentRows('a.tenant_id = ?', [tenantId], page.limit, page.offset);
  }

  private agentRows(condition: string, params: unknown[], limit: number, offset: number): AgentRecord[] {
    type AgentRow = Omit<AgentRecord, 'labels' | 'user'> & { labels: string; user_id: string; username: string; account_type: AccountType };
    const rows = this.all<AgentRow>(
      `SELECT a.id, a.tenant_id, a.name, a.type, a.labels, a.agent_config_id, a.core_version, a.created, a.api_key_id,
         max(a.registered_at, coalesce(k.last_used_at, a.registered_at)) AS last_queried,
         u.id AS user_id, u.username, u.account_type
       FROM agent a JOIN api_key k ON k.id = a.api_key_id JOIN user u ON u.id = a.user_id
       WHERE ${condition} ORDER BY a.created DESC, a.id DESC LIMIT ? OFFSET ?`,
      ...params,
      limit,
      offset,
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
      api_key_id: row.api_key_id,
      user: { id: row.user_id, username: row.username, account_type: row.account_type },
    }));
  }

  // ------------------------------------------------------------ audit

  recordAudit(event: AuditInput): void {
    this.run(
      `INSERT INTO audit_event (id, action, actor_id, tenant_id, target_type, target_id, target_name, source_address, cause, created)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      randomUUID(),
      event.action,
      event.actor_id,
      event.tenant_id,
      event.target_type,
      event.target_id,
      event.target_name,
      event.source_address,
      event.cause ?? null,
      now(),
    );
  }

  async listAuditEvents(tenantId: string, page: Page): Promise<AuditEventRecord[]> {
    const params: unknown[] = [tenantId];
    const where = compileWhere(AUDIT_SPEC, page.where, params);
    const order = orderByClause(compileOrderBy(AUDIT_SPEC, page.orderBy ?? [{ created: 'desc' }]), 'a.id');
    const rows = this.stmt(
      `SELECT a.*, u.username AS actor_username, u.account_type AS actor_account_type
         FROM audit_event a LEFT JOIN user u ON u.id = a.actor_id
         WHERE a.tenant_id = ? AND (${where}) ORDER BY ${order} LIMIT ? OFFSET ?`,
    ).all(...params, page.limit, page.offset) as (AuditEventRecord & { actor_username: string | null; actor_account_type: AccountType })[];
    return rows.map(({ actor_username, actor_account_type, ...event }) => ({
      ...event,
      actor: event.actor_id && actor_username ? { id: event.actor_id, username: actor_username, account_type: actor_account_type } : null,
    }));
  }

  async countAuditEvents(tenantId: string, where?: BoolExp | null): Promise<number> {
    const params: unknown[] = [tenantId];
    const clause = compileWhere(AUDIT_SPEC, where, params);
    const joins = NAMES_A_RELATION.test(clause) ? ' LEFT JOIN user u ON u.id = a.actor_id' : '';
    return (this.stmt(`SELECT count(*) AS n FROM audit_event a${joins} WHERE a.tenant_id = ? AND (${clause})`).get(...params) as { n: number }).n;
  }
}
