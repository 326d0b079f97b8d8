import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { StoreError, type StoreErrorKind } from '../../src/server/store/errors.js';
import type { Driver } from '../../src/server/store/sql/driver.js';
import type {
  ApiKeyRecord,
  ApiKeyRow,
  AuditContext,
  AuditEventRecord,
  InvitationRecord,
  KeyVisibility,
  MembershipRecord,
  Role,
  Store,
  TenantRecord,
  UserRecord,
} from '../../src/server/store/types.js';
import { snapshotTables } from '../support/store-rows.js';

// The Store contract, run against every store (store-contract.test.ts): what each method
// answers, the rules its transactions keep (also under concurrent calls), and that a
// refused call changes no row. Only the Store interface is used; the driver is read for
// snapshots alone.

export interface StoreUnderTest {
  store: Store;
  /** The store's driver, for snapshots of every table. */
  driver: Driver;
  close(): Promise<void>;
}

/** Opens a fresh, migrated, empty store. */
export type StoreFactory = () => Promise<StoreUnderTest>;

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const HOUR = 3_600_000;
const later = (ms: number) => new Date(Date.now() + ms).toISOString();

/** Runs fn with the clock (Date alone) stopped ms from now: what the store writes and compares with then. */
async function atOffset<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(Date.now() + ms);
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

interface Refusal {
  kind: StoreErrorKind;
  field?: string | null;
  extra?: Record<string, string | number>;
}

/** Descending by created, then by id (the stores' tie-breaker). */
const newestFirst = <T extends { created: string; id: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => (a.created === b.created ? b.id.localeCompare(a.id) : b.created.localeCompare(a.created)));
const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * The outcomes of calls made at once: how many succeeded, and the errors of the rest.
 * As many reads at once first, so that a pooled store has a connection open for each
 * call and they do run together, not one after another as connections open.
 */
async function race<T>(store: Store, calls: (() => Promise<T>)[]): Promise<{ fulfilled: T[]; rejected: unknown[] }> {
  await Promise.all(calls.map(() => store.countHumanUsers()));
  const settled = await Promise.allSettled(calls.map((call) => call()));
  return {
    fulfilled: settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])),
    rejected: settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : [])),
  };
}

function expectStoreError(error: unknown, expected: Refusal): void {
  expect(error, String(error)).toBeInstanceOf(StoreError);
  const storeError = error as StoreError;
  expect(storeError.kind).toBe(expected.kind);
  if (expected.field !== undefined) expect(storeError.field).toBe(expected.field);
  expect(storeError.extra).toEqual(expected.extra ?? {});
  expect(storeError.message.length).toBeGreaterThan(0);
}

export function describeStore(name: string, factory: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    let opened: StoreUnderTest;
    let store: Store;
    let seq = 0;
    const next = () => ++seq;
    const audit: AuditContext = { actorId: null, sourceAddress: '203.0.113.7' };

    beforeAll(async () => {
      opened = await factory();
      store = opened.store;
    });
    afterAll(() => opened?.close());

    const snapshot = () => snapshotTables(opened.driver);

    /** The call is refused with this StoreError, and no row of any table changed. */
    async function refuses(call: () => Promise<unknown>, expected: Refusal): Promise<void> {
      const before = await snapshot();
      const error = await call().then(
        () => null,
        (reason: unknown) => reason,
      );
      expectStoreError(error, expected);
      expect(await snapshot()).toEqual(before);
    }

    async function person(label = 'person'): Promise<UserRecord> {
      const i = next();
      return store.createUser({ email: `${label}${i}@contract.test`, username: `${label} ${String(i).padStart(4, '0')}`, passwordHash: `hash-${i}` });
    }

    async function tenantOf(admin: UserRecord): Promise<TenantRecord> {
      const i = next();
      return store.createTenant({ name: `Tenant ${i}`, slug: `tenant-${i}`, adminUserId: admin.id }, { ...audit, actorId: admin.id });
    }

    async function invite(tenantId: string, email: string, role: Role, invitedById: string, expiresAt = later(HOUR)) {
      return store.createInvitation({ tenantId, email, role, tokenHash: `token-${randomUUID()}`, invitedById, expiresAt }, audit);
    }

    async function join(tenantId: string, role: Role, invitedById: string, label = 'member'): Promise<{ user: UserRecord; membership: MembershipRecord }> {
      const user = await person(label);
      const invitation = await invite(tenantId, user.email!, role, invitedById);
      return { user, membership: await store.acceptInvitation(invitation.id, user.id, audit) };
    }

    /** A tenant with an administrator. */
    async function world() {
      const admin = await person('admin');
      const tenant = await tenantOf(admin);
      const adminMembership = (await store.findMembership(admin.id, tenant.id))!;
      return { admin, tenant, adminMembership };
    }

    async function key(
      userId: string,
      tenantId: string,
      options: { createdById?: string; expiresAt?: string | null; cap?: number; name?: string; role?: Role | null } = {},
    ) {
      const hash = `hash-${randomBytes(12).toString('hex')}`;
      const record = await store.createApiKey(
        {
          id: randomUUID(),
          name: options.name ?? `key ${next()}`,
          keyHash: hash,
          keyHint: 'kpu_abcd',
          userId,
          tenantId,
          createdById: options.createdById ?? userId,
          expiresAt: options.expiresAt ?? null,
          role: options.role,
        },
        audit,
        options.cap === undefined ? undefined : { maxActivePerOwner: options.cap },
      );
      return { record, hash };
    }

    const own = (ownerId: string, tenantId: string | null = null): KeyVisibility => ({ ownerId, ownKeysTenantId: tenantId, serviceAccountTenantId: null });
    const asAdmin = (ownerId: string, tenantId: string): KeyVisibility => ({ ownerId, ownKeysTenantId: null, serviceAccountTenantId: tenantId });
    const everyPage = { limit: 1000, offset: 0 };

    /** The keys a visibility lists, and that its count says as many. */
    async function listedKeys(visibility: KeyVisibility): Promise<ApiKeyRow[]> {
      const rows = await store.listApiKeys(visibility, everyPage);
      expect(await store.countApiKeys(visibility)).toBe(rows.length);
      return rows;
    }

    async function memberKeyCount(tenantId: string, userId: string): Promise<number | undefined> {
      const members = await store.listMembers(tenantId, everyPage);
      return members.find((member) => member.id === userId)?.api_key_count;
    }

    async function events(tenantId: string): Promise<AuditEventRecord[]> {
      return store.listAuditEvents(tenantId, everyPage);
    }

    // ---------------------------------------------------------------- bootstrap

    describe('bootstrap', () => {
      let fresh: StoreUnderTest;
      beforeAll(async () => {
        fresh = await factory();
      });
      afterAll(() => fresh?.close());

      it('sets up once, even when several calls arrive at once, and is refused afterwards with nothing changed', async () => {
        expect(await fresh.store.countHumanUsers()).toBe(0);
        const { fulfilled, rejected } = await race(
          fresh.store,
          Array.from(
            { length: 5 },
            (_, i) => () =>
              fresh.store.bootstrap(
                { email: `first${i}@contract.test`, username: `First ${i}`, passwordHash: 'h', tenantName: `First ${i}`, tenantSlug: `first-${i}` },
                audit,
              ),
          ),
        );
        expect(fulfilled).toHaveLength(1);
        for (const error of rejected) expectStoreError(error, { kind: 'bad_input', field: 'email' });
        expect(await fresh.store.countHumanUsers()).toBe(1);

        const { user, tenant } = fulfilled[0];
        expect(user).toEqual({
          id: expect.any(String),
          username: expect.stringMatching(/^First \d$/),
          email: expect.stringMatching(/^first\d@contract\.test$/),
          first_name: null,
          last_name: null,
          account_type: 'NORMAL',
          default_membership_id: expect.any(String),
          created: expect.stringMatching(ISO),
        });
        expect(await fresh.store.getUser(user.id)).toEqual(user);
        expect(await fresh.store.getTenant(tenant.id)).toEqual(tenant);
        expect(await fresh.store.listMembershipsOfUser(user.id)).toEqual([
          { id: user.default_membership_id, tenant_id: tenant.id, user_id: user.id, role: 'TENANT_ADMIN', created: expect.stringMatching(ISO) },
        ]);
        const [created] = await fresh.store.listAuditEvents(tenant.id, everyPage);
        expect(created).toMatchObject({
          action: 'tenant.create',
          actor_id: user.id,
          target_id: tenant.id,
          target_name: tenant.name,
          source_address: '203.0.113.7',
        });

        const before = await snapshotTables(fresh.driver);
        const again = await fresh.store
          .bootstrap({ email: 'late@contract.test', username: 'Late', passwordHash: 'h', tenantName: 'Late', tenantSlug: 'late' }, audit)
          .catch((error: unknown) => error);
        expectStoreError(again, { kind: 'bad_input', field: 'email' });
        expect(await snapshotTables(fresh.driver)).toEqual(before);
      });
    });

    // ---------------------------------------------------------------- users

    describe('users', () => {
      it('creates, reads by id, ids and email (whatever its case), and gives the sign-in hash', async () => {
        const before = await store.countHumanUsers();
        const user = await store.createUser({ email: 'Reader.One@Contract.test', username: 'Reader One', passwordHash: 'the-hash' });
        expect(user).toEqual({
          id: expect.any(String),
          username: 'Reader One',
          email: 'Reader.One@Contract.test',
          first_name: null,
          last_name: null,
          account_type: 'NORMAL',
          default_membership_id: null,
          created: expect.stringMatching(ISO),
        });
        expect(await store.countHumanUsers()).toBe(before + 1);
        expect(await store.getUser(user.id)).toEqual(user);
        expect(await store.getUser(randomUUID())).toBeNull();
        const other = await person();
        expect(byId(await store.getUsers([user.id, other.id, randomUUID()]))).toEqual(byId([user, other]));
        expect(await store.getUsers([])).toEqual([]);
        expect(await store.findUserByEmail('reader.one@contract.TEST')).toEqual(user);
        expect(await store.findUserByEmail('nobody@contract.test')).toBeNull();
        expect(await store.findLogin('READER.ONE@contract.test')).toEqual({ user, passwordHash: 'the-hash' });
        expect(await store.findLogin('nobody@contract.test')).toBeNull();
      });

      it('refuses an email another account has, whatever its case (conflict on email), changing nothing', async () => {
        const user = await person();
        await refuses(() => store.createUser({ email: user.email!.toUpperCase(), username: 'Copy', passwordHash: 'h' }), { kind: 'conflict', field: 'email' });
      });
    });

    // ---------------------------------------------------------------- tenants

    describe('tenants', () => {
      it('creates with its administrator, finds by id or slug, lists and counts a user’s tenants with where, order, limit and offset', async () => {
        const admin = await person('admin');
        const tenants: TenantRecord[] = [];
        for (const label of ['Delta', 'alpha', 'Charlie', 'Bravo']) {
          const i = next();
          tenants.push(await store.createTenant({ name: `${label} ${i}`, slug: `${label.toLowerCase()}-${i}`, adminUserId: admin.id }, audit));
        }
        expect(tenants[0]).toEqual({
          id: expect.any(String),
          name: expect.stringMatching(/^Delta/),
          slug: expect.stringMatching(/^delta-/),
          created: expect.stringMatching(ISO),
        });
        expect(await store.getTenant(tenants[0].id)).toEqual(tenants[0]);
        expect(await store.getTenant(randomUUID())).toBeNull();
        expect(byId(await store.getTenants([tenants[1].id, tenants[2].id, randomUUID()]))).toEqual(byId([tenants[1], tenants[2]]));
        expect(await store.getTenants([])).toEqual([]);
        expect(await store.findTenantByIdOrSlug(tenants[1].id)).toEqual(tenants[1]);
        expect(await store.findTenantByIdOrSlug(tenants[1].slug)).toEqual(tenants[1]);
        expect(await store.findTenantByIdOrSlug('no-such-slug')).toBeNull();

        // By name, byte order (upper case first) as both stores compare text.
        const byName = [...tenants].sort((a, b) => (a.name < b.name ? -1 : 1));
        const all = await store.listTenantsOfUser(admin.id, everyPage);
        expect(all).toEqual(byName);
        expect(await store.countTenantsOfUser(admin.id)).toBe(4);
        expect(await store.listTenantsOfUser(admin.id, { limit: 2, offset: 1 })).toEqual(byName.slice(1, 3));
        expect(await store.listTenantsOfUser(admin.id, { limit: 10, offset: 4 })).toEqual([]);
        expect(await store.listTenantsOfUser(admin.id, { ...everyPage, orderBy: [{ slug: 'desc' }] })).toEqual(
          [...tenants].sort((a, b) => (a.slug < b.slug ? 1 : -1)),
        );
        const where = { slug: { _in: [tenants[0].slug, tenants[3].slug] } };
        const filtered = await store.listTenantsOfUser(admin.id, { ...everyPage, where });
        expect(ids(filtered).sort()).toEqual([tenants[0].id, tenants[3].id].sort());
        expect(await store.countTenantsOfUser(admin.id, where)).toBe(filtered.length);
        expect(await store.listTenantsOfUser((await person()).id, everyPage)).toEqual([]);
        expect(await store.countTenantsOfUser(randomUUID())).toBe(0);

        for (const tenant of tenants) {
          const [membership] = (await store.listMembershipsOfUser(admin.id)).filter((m) => m.tenant_id === tenant.id);
          expect(membership.role).toBe('TENANT_ADMIN');
        }
        // The first tenant became the default.
        expect((await store.getUser(admin.id))!.default_membership_id).toBe((await store.findMembership(admin.id, tenants[0].id))!.id);
        const [event] = await events(tenants[0].id);
        expect(event).toMatchObject({ action: 'tenant.create', tenant_id: tenants[0].id, target_type: 'tenant', target_id: tenants[0].id, cause: null });
      });

      it('refuses a slug another tenant has (conflict on slug), changing nothing', async () => {
        const { admin, tenant } = await world();
        await refuses(() => store.createTenant({ name: 'Copy', slug: tenant.slug, adminUserId: admin.id }, audit), { kind: 'conflict', field: 'slug' });
        const other = await tenantOf(admin);
        await refuses(() => store.setTenantSlug(other.id, tenant.slug, audit), { kind: 'conflict', field: 'slug' });
        // Nor another tenant's id: X-Tenant-Id takes either.
        await refuses(() => store.setTenantSlug(other.id, tenant.id, audit), { kind: 'conflict', field: 'slug' });
      });

      it('renames and changes the slug, each with its audit event; the same slug again changes nothing', async () => {
        const { tenant } = await world();
        const renamed = await store.renameTenant(tenant.id, 'Renamed', audit);
        expect(renamed).toEqual({ ...tenant, name: 'Renamed' });
        const slug = `moved-${next()}`;
        const moved = await store.setTenantSlug(tenant.id, slug, audit);
        expect(moved).toEqual({ ...tenant, name: 'Renamed', slug });
        expect(await store.getTenant(tenant.id)).toEqual(moved);
        expect(await store.findTenantByIdOrSlug(tenant.slug)).toBeNull();
        const before = await snapshot();
        expect(await store.setTenantSlug(tenant.id, slug, audit)).toEqual(moved);
        expect(await snapshot()).toEqual(before);
        const recent = await events(tenant.id);
        const renameEvent = recent.find((e) => e.action === 'tenant.rename');
        const slugEvent = recent.find((e) => e.action === 'tenant.slug_change');
        expect(renameEvent).toMatchObject({ action: 'tenant.rename', target_name: `${tenant.name} → Renamed`, source_address: '203.0.113.7' });
        expect(slugEvent).toMatchObject({ action: 'tenant.slug_change', target_name: `${tenant.slug} → ${slug}` });
      });

      it('answers not_found for an unknown tenant, changing nothing', async () => {
        const unknown = randomUUID();
        await refuses(() => store.renameTenant(unknown, 'x', audit), { kind: 'not_found', field: null });
        await refuses(() => store.setTenantSlug(unknown, `x-${next()}`, audit), { kind: 'not_found', field: null });
        await refuses(() => store.deleteTenant(unknown, audit), { kind: 'not_found', field: null });
      });
    });

    // ---------------------------------------------------------------- memberships and members

    describe('memberships', () => {
      it('reads memberships by id, by user and tenant, by user, and lists them by visibility with paging', async () => {
        const { admin, tenant, adminMembership } = await world();
        const { user, membership } = await join(tenant.id, 'USER', admin.id);
        expect(membership).toEqual({ id: expect.any(String), tenant_id: tenant.id, user_id: user.id, role: 'USER', created: expect.stringMatching(ISO) });
        expect(await store.getMembership(membership.id)).toEqual(membership);
        expect(await store.getMembership(randomUUID())).toBeNull();
        expect(await store.findMembership(user.id, tenant.id)).toEqual(membership);
        expect(await store.findMembership(user.id, randomUUID())).toBeNull();
        const second = await tenantOf(user);
        const userMemberships = await store.listMembershipsOfUser(user.id);
        expect(userMemberships).toEqual([membership, await store.findMembership(user.id, second.id)]);
        expect((await store.getUser(user.id))!.default_membership_id).toBe(membership.id);

        const ofTenant = await store.listMemberships({ tenantId: tenant.id, userId: null }, everyPage);
        const oldestFirst = [...ofTenant].sort((a, b) => (a.created === b.created ? b.id.localeCompare(a.id) : a.created.localeCompare(b.created)));
        expect(ofTenant).toEqual(oldestFirst);
        expect(ids(ofTenant).sort()).toEqual([adminMembership.id, membership.id].sort());
        expect(await store.listMemberships({ tenantId: tenant.id, userId: null }, { limit: 1, offset: 1 })).toEqual(ofTenant.slice(1));
        const either = await store.listMemberships({ tenantId: tenant.id, userId: user.id }, everyPage);
        expect(either).toHaveLength(3);
        expect(await store.listMemberships({ tenantId: tenant.id, userId: null }, { ...everyPage, where: { role: { _eq: 'USER' } } })).toEqual([membership]);
        expect(await store.listMemberships({ tenantId: null, userId: null }, everyPage)).toEqual([]);
      });

      it('lists members with their membership and key count, ordered, filtered and paged, counted alike', async () => {
        const { admin, tenant, adminMembership } = await world();
        const bob = await join(tenant.id, 'USER', admin.id, 'bob');
        const carol = await join(tenant.id, 'READ_ONLY_USER', admin.id, 'carol');
        const robot = await store.createServiceAccount({ tenantId: tenant.id, name: `robot ${next()}`, role: 'USER' }, audit);
        await key(bob.user.id, tenant.id);
        await key(bob.user.id, tenant.id);
        const members = await store.listMembers(tenant.id, everyPage);
        expect(members.map((m) => m.username)).toEqual([admin.username, bob.user.username, carol.user.username, robot.username].sort());
        expect(await store.countMembers(tenant.id)).toBe(4);
        const bobRow = members.find((m) => m.id === bob.user.id)!;
        expect(bobRow).toEqual({ ...bob.user, default_membership_id: bob.membership.id, membership: bob.membership, api_key_count: 2 });
        expect(members.find((m) => m.id === admin.id)).toMatchObject({ membership: adminMembership, api_key_count: 0 });
        expect(members.find((m) => m.id === robot.id)).toMatchObject({ account_type: 'SERVICE', email: null, membership: { role: 'USER' } });

        expect(await store.listMembers(tenant.id, { limit: 2, offset: 1 })).toEqual(members.slice(1, 3));
        expect(await store.listMembers(tenant.id, { ...everyPage, orderBy: [{ username: 'desc' }] })).toEqual([...members].reverse());
        const where = { username: { _ilike: 'BOB%' } };
        expect((await store.listMembers(tenant.id, { ...everyPage, where })).map((m) => m.id)).toEqual([bob.user.id]);
        expect(await store.countMembers(tenant.id, where)).toBe(1);
        expect(await store.countMembers(tenant.id, { account_type: { _eq: 'SERVICE' } })).toBe(1);
        expect(await store.listMembers(randomUUID(), everyPage)).toEqual([]);
      });

      it('changes a role with its audit event; an administrator made a user loses their pending invitations', async () => {
        const { admin, tenant } = await world();
        const other = await join(tenant.id, 'TENANT_ADMIN', admin.id);
        const invitation = await invite(tenant.id, `guest${next()}@contract.test`, 'USER', other.user.id);
        const changed = await store.setMembershipRole(other.membership.id, 'READ_ONLY_USER', audit);
        expect(changed).toEqual({ ...other.membership, role: 'READ_ONLY_USER' });
        expect(await store.getMembership(other.membership.id)).toEqual(changed);
        expect((await store.getInvitation(invitation.id))!.revoked_at).toMatch(ISO);
        const recent = await events(tenant.id);
        expect(recent.find((e) => e.action === 'membership.role_change')).toMatchObject({
          target_id: other.membership.id,
          target_name: 'TENANT_ADMIN → READ_ONLY_USER',
        });
        expect(recent.find((e) => e.action === 'invitation.revoke')).toMatchObject({ target_id: invitation.id, cause: 'inviter_demoted' });
        await refuses(() => store.setMembershipRole(randomUUID(), 'USER', audit), { kind: 'not_found', field: null });
        await refuses(() => store.deleteMembership(randomUUID(), audit), { kind: 'not_found', field: null });
      });

      it('removes a member with their keys and invitations there, each with its cause; the default moves to another membership', async () => {
        const { admin, tenant } = await world();
        const member = await join(tenant.id, 'TENANT_ADMIN', admin.id);
        const elsewhere = await tenantOf(member.user);
        const kept = await key(member.user.id, elsewhere.id);
        const revoked = await key(member.user.id, tenant.id);
        const invitation = await invite(tenant.id, `guest${next()}@contract.test`, 'USER', member.user.id);
        await store.deleteMembership(member.membership.id, { ...audit, actorId: admin.id });
        expect(await store.getMembership(member.membership.id)).toBeNull();
        expect(await store.findMembership(member.user.id, tenant.id)).toBeNull();
        expect((await store.getUser(member.user.id))!.default_membership_id).toBe((await store.findMembership(member.user.id, elsewhere.id))!.id);
        expect(await store.getApiKey(revoked.record.id)).toBeNull();
        expect(await store.getApiKey(kept.record.id)).toEqual(kept.record);
        expect((await store.getInvitation(invitation.id))!.revoked_at).toMatch(ISO);
        const recent = await events(tenant.id);
        expect(recent.find((e) => e.action === 'membership.delete')).toMatchObject({
          target_id: member.membership.id,
          target_name: member.user.username,
          cause: null,
        });
        expect(recent.find((e) => e.action === 'api_key.revoke')).toMatchObject({ target_id: revoked.record.id, cause: 'member_removed', actor_id: admin.id });
        expect(recent.find((e) => e.action === 'invitation.revoke')).toMatchObject({ target_id: invitation.id, cause: 'inviter_removed' });

        // Leaving (the member removes themself) names another cause.
        const leaver = await join(tenant.id, 'USER', admin.id);
        const leaverKey = await key(leaver.user.id, tenant.id);
        await store.deleteMembership(leaver.membership.id, { ...audit, actorId: leaver.user.id });
        expect((await events(tenant.id)).find((e) => e.target_id === leaverKey.record.id && e.action === 'api_key.revoke')).toMatchObject({
          cause: 'member_left',
        });
        expect((await store.getUser(leaver.user.id))!.default_membership_id).toBeNull();
      });
    });

    // ---------------------------------------------------------------- the last administrator

    describe('the last administrator', () => {
      it('cannot be demoted or removed (bad_input), changing nothing; service accounts are not administrators who count', async () => {
        const { tenant, adminMembership } = await world();
        await store.createServiceAccount({ tenantId: tenant.id, name: `robot ${next()}`, role: 'TENANT_ADMIN' }, audit);
        await refuses(() => store.setMembershipRole(adminMembership.id, 'USER', audit), { kind: 'bad_input', field: 'role' });
        await refuses(() => store.setMembershipRole(adminMembership.id, 'READ_ONLY_USER', audit), { kind: 'bad_input', field: 'role' });
        await refuses(() => store.deleteMembership(adminMembership.id, audit), { kind: 'bad_input', field: 'membership_id' });
        // Making an administrator an administrator again is no demotion.
        expect(await store.setMembershipRole(adminMembership.id, 'TENANT_ADMIN', audit)).toEqual(adminMembership);
      });

      it('stays when two administrators are demoted at once: exactly one demotion succeeds, every time', async () => {
        for (let round = 0; round < 20; round++) {
          const { admin, tenant, adminMembership } = await world();
          const other = await join(tenant.id, 'TENANT_ADMIN', admin.id);
          const { fulfilled, rejected } = await race(store, [
            () => store.setMembershipRole(adminMembership.id, 'USER', audit),
            () => store.setMembershipRole(other.membership.id, 'READ_ONLY_USER', audit),
          ]);
          expect(fulfilled, `round ${round}`).toHaveLength(1);
          expectStoreError(rejected[0], { kind: 'bad_input', field: 'role' });
          const admins = (await store.listMembers(tenant.id, everyPage)).filter((m) => m.membership.role === 'TENANT_ADMIN');
          expect(admins, `round ${round}`).toHaveLength(1);
        }
      });

      it('stays when one administrator is demoted while the other is removed, every time', async () => {
        for (let round = 0; round < 10; round++) {
          const { admin, tenant, adminMembership } = await world();
          const other = await join(tenant.id, 'TENANT_ADMIN', admin.id);
          const { fulfilled, rejected } = await race<unknown>(store, [
            () => store.deleteMembership(adminMembership.id, audit),
            () => store.setMembershipRole(other.membership.id, 'USER', audit),
          ]);
          expect(fulfilled, `round ${round}`).toHaveLength(1);
          expectStoreError(rejected[0], { kind: 'bad_input' });
          const admins = (await store.listMembers(tenant.id, everyPage)).filter((m) => m.membership.role === 'TENANT_ADMIN');
          expect(admins, `round ${round}`).toHaveLength(1);
        }
      });

      it('stays when two administrators remove each other at once, every time', async () => {
        for (let round = 0; round < 10; round++) {
          const { admin, tenant, adminMembership } = await world();
          const other = await join(tenant.id, 'TENANT_ADMIN', admin.id);
          const { fulfilled, rejected } = await race(store, [
            () => store.deleteMembership(adminMembership.id, { ...audit, actorId: other.user.id }),
            () => store.deleteMembership(other.membership.id, { ...audit, actorId: admin.id }),
          ]);
          expect(fulfilled, `round ${round}`).toHaveLength(1);
          expectStoreError(rejected[0], { kind: 'bad_input', field: 'membership_id' });
          expect(await store.countMembers(tenant.id)).toBe(1);
        }
      });
    });

    // ---------------------------------------------------------------- service accounts

    describe('service accounts', () => {
      it('creates an account with its membership, and removes it with its keys and invitations, each with its cause', async () => {
        const { admin, tenant } = await world();
        const account = await store.createServiceAccount({ tenantId: tenant.id, name: 'deployer', role: 'TENANT_ADMIN' }, audit);
        expect(account).toEqual({
          id: expect.any(String),
          username: 'deployer',
          email: null,
          first_name: null,
          last_name: null,
          account_type: 'SERVICE',
          default_membership_id: expect.any(String),
          created: expect.stringMatching(ISO),
        });
        expect(await store.getUser(account.id)).toEqual(account);
        expect(await store.findMembership(account.id, tenant.id)).toMatchObject({ id: account.default_membership_id, role: 'TENANT_ADMIN' });
        const keys = [await key(account.id, tenant.id, { createdById: admin.id }), await key(account.id, tenant.id, { createdById: admin.id })];
        await store.revokeApiKey(keys[1].record.id, audit);
        const third = await key(account.id, tenant.id, { createdById: admin.id });
        const invitation = await invite(tenant.id, `guest${next()}@contract.test`, 'USER', account.id);
        expect(await store.deleteServiceAccount(account.id, audit)).toBe(2);
        expect(await store.findMembership(account.id, tenant.id)).toBeNull();
        expect(await store.getApiKey(third.record.id)).toBeNull();
        expect((await store.getInvitation(invitation.id))!.revoked_at).toMatch(ISO);
        const recent = await events(tenant.id);
        expect(recent.find((e) => e.action === 'service_account.delete')).toMatchObject({ target_id: account.id, target_name: 'deployer', cause: null });
        const revocations = recent.filter((e) => e.action === 'api_key.revoke' && e.cause === 'service_account_removed');
        expect(revocations.map((e) => e.target_id).sort()).toEqual([keys[0].record.id, third.record.id].sort());
        expect(recent.find((e) => e.action === 'invitation.revoke')).toMatchObject({ target_id: invitation.id, cause: 'inviter_removed' });
      });

      it('answers not_found for an unknown or removed service account, and for a person, changing nothing', async () => {
        const { admin, tenant } = await world();
        const account = await store.createServiceAccount({ tenantId: tenant.id, name: `robot ${next()}`, role: 'USER' }, audit);
        await store.deleteServiceAccount(account.id, audit);
        await refuses(() => store.deleteServiceAccount(account.id, audit), { kind: 'not_found', field: null });
        await refuses(() => store.deleteServiceAccount(randomUUID(), audit), { kind: 'not_found', field: null });
        await refuses(() => store.deleteServiceAccount(admin.id, audit), { kind: 'not_found', field: null });
      });
    });

    // ---------------------------------------------------------------- API keys

    describe('API keys', () => {
      it('creates a key, reads it back, and revokes it once', async () => {
        const { admin, tenant } = await world();
        const expiresAt = later(24 * HOUR);
        const { record } = await key(admin.id, tenant.id, { expiresAt, name: 'deploy' });
        expect(record).toEqual({
          id: expect.any(String),
          name: 'deploy',
          key_hint: 'kpu_abcd',
          user_id: admin.id,
          tenant_id: tenant.id,
          created_by_id: admin.id,
          created: expect.stringMatching(ISO),
          updated: record.created,
          expires_at: expiresAt,
          last_used_at: null,
          role: null,
          description: null,
          replaces_id: null,
          replaced_by_id: null,
          rotation_ends_at: null,
          replaces_key_hint: null,
        } satisfies ApiKeyRecord);
        expect(await store.getApiKey(record.id)).toEqual(record);
        expect(await store.getApiKey(randomUUID())).toBeNull();
        expect((await events(tenant.id)).find((e) => e.action === 'api_key.create')).toMatchObject({ target_id: record.id, target_name: 'deploy' });
        expect(await store.revokeApiKey(record.id, audit)).toBe(true);
        expect(await store.getApiKey(record.id)).toBeNull();
        const before = await snapshot();
        expect(await store.revokeApiKey(record.id, audit)).toBe(false);
        expect(await store.revokeApiKey(randomUUID(), audit)).toBe(false);
        expect(await snapshot()).toEqual(before);
      });

      it('keeps a key’s own role, listed and read with its credential', async () => {
        const { admin, tenant } = await world();
        const { record, hash } = await key(admin.id, tenant.id, { role: 'READ_ONLY_USER' });
        expect(record.role).toBe('READ_ONLY_USER');
        expect(await store.getApiKey(record.id)).toMatchObject({ role: 'READ_ONLY_USER', description: null });
        expect(await store.findKeyCredential(hash)).toMatchObject({ role: 'TENANT_ADMIN', key_role: 'READ_ONLY_USER' });
        const [row] = await store.listApiKeys(own(admin.id), { where: { role: { _eq: 'READ_ONLY_USER' } }, limit: 10, offset: 0 });
        expect(row).toMatchObject({ id: record.id, role: 'READ_ONLY_USER' });
      });

      it('updates a key’s name, expiry and description, audited with the fields changed; never pushes the expiry back', async () => {
        const { admin, tenant } = await world();
        const expiresAt = later(10 * HOUR);
        const { record } = await key(admin.id, tenant.id, { expiresAt, name: 'old' });
        const earlier = later(HOUR);
        const updated = await store.updateApiKey(record.id, { name: 'new', expiresAt: earlier, description: 'for CI' }, audit);
        expect(updated).toMatchObject({ id: record.id, name: 'new', expires_at: earlier, description: 'for CI' });
        expect(await store.getApiKey(record.id)).toEqual(updated);
        const updates = (await events(tenant.id)).filter((e) => e.action === 'api_key.update');
        expect(updates).toEqual([expect.objectContaining({ target_id: record.id, target_name: 'new', cause: 'name,expires_at,description' })]);

        const before = await snapshot();
        // Unchanged fields write nothing, not even an audit event.
        expect(await store.updateApiKey(record.id, { name: 'new', description: 'for CI' }, audit)).toEqual(updated);
        await expect(store.updateApiKey(record.id, { expiresAt: later(2 * HOUR) }, audit)).rejects.toMatchObject({ kind: 'bad_input', field: 'expires_at' });
        await expect(store.updateApiKey(randomUUID(), { name: 'x' }, audit)).rejects.toMatchObject({ kind: 'not_found' });
        expect(await snapshot()).toEqual(before);

        expect(await store.updateApiKey(record.id, { description: null }, audit)).toMatchObject({ description: null });
        expect((await events(tenant.id)).filter((e) => e.action === 'api_key.update').map((e) => e.cause)).toContain('description');
        await store.revokeApiKey(record.id, audit);
        await expect(store.updateApiKey(record.id, { name: 'again' }, audit)).rejects.toMatchObject({ kind: 'not_found' });
      });

      describe('rotation', () => {
        function successorOf(old: ApiKeyRecord, options: { expiresAt?: string | null } = {}) {
          const hash = `hash-${randomBytes(12).toString('hex')}`;
          const input = {
            id: randomUUID(),
            name: old.name,
            keyHash: hash,
            keyHint: 'kpu_efgh',
            userId: old.user_id,
            tenantId: old.tenant_id,
            createdById: old.user_id,
            expiresAt: options.expiresAt === undefined ? old.expires_at : options.expiresAt,
          };
          return { input, hash };
        }

        it('links a successor to the key it replaces, which keeps working until the rotation ends', async () => {
          const { admin, tenant } = await world();
          const old = await key(admin.id, tenant.id, { name: 'deploy', expiresAt: later(48 * HOUR) });
          const next = successorOf(old.record);
          const endsAt = later(HOUR);
          const record = await store.rotateApiKey(old.record.id, next.input, endsAt, audit);
          expect(record).toMatchObject({
            id: next.input.id,
            name: 'deploy',
            replaces_id: old.record.id,
            expires_at: old.record.expires_at,
            replaces_key_hint: 'kpu_abcd',
          });
          const listed = await listedKeys(own(admin.id));
          expect(listed.find((k) => k.id === old.record.id)).toMatchObject({ replaced_by_id: next.input.id, rotation_ends_at: endsAt });
          expect(listed.find((k) => k.id === next.input.id)).toMatchObject({ replaces_id: old.record.id, replaces_key_hint: 'kpu_abcd' });
          expect(await store.findKeyCredential(old.hash)).toMatchObject({ revoked: false, rotation_ends_at: endsAt, live_predecessor_id: null });
          expect(await store.findKeyCredential(next.hash)).toMatchObject({ revoked: false, live_predecessor_id: old.record.id });
          expect((await events(tenant.id)).find((e) => e.action === 'api_key.rotate')).toMatchObject({ target_id: old.record.id, target_name: 'deploy' });

          // A second rotation of the key being replaced is refused and changes nothing.
          const before = await snapshot();
          await refuses(() => store.rotateApiKey(old.record.id, successorOf(old.record).input, endsAt, audit), { kind: 'bad_input', field: 'key_id' });
          expect(await snapshot()).toEqual(before);

          expect(await store.endRotation(old.record.id, 'rotation_first_use', audit)).toBe(true);
          expect(await store.endRotation(old.record.id, 'rotation_first_use', audit)).toBe(false);
          expect(await store.findKeyCredential(old.hash)).toMatchObject({ revoked: true });
          expect(await store.findKeyCredential(next.hash)).toMatchObject({ live_predecessor_id: null });
          expect((await listedKeys(own(admin.id))).find((k) => k.id === next.input.id)).toMatchObject({ replaces_id: old.record.id, replaces_key_hint: null });
          expect((await events(tenant.id)).filter((e) => e.action === 'api_key.revoke' && e.target_id === old.record.id)).toEqual([
            expect.objectContaining({ cause: 'rotation_first_use' }),
          ]);
        });

        it('ends rotations whose overlap is over, and at once for no overlap', async () => {
          const { admin, tenant } = await world();
          const due = await key(admin.id, tenant.id);
          const notYet = await key(admin.id, tenant.id);
          const atOnce = await key(admin.id, tenant.id);
          await store.rotateApiKey(due.record.id, successorOf(due.record).input, new Date(Date.now() - 1000).toISOString(), audit);
          await store.rotateApiKey(notYet.record.id, successorOf(notYet.record).input, later(HOUR), audit);
          await store.rotateApiKey(atOnce.record.id, successorOf(atOnce.record).input, null, audit);
          expect(await store.findKeyCredential(atOnce.hash)).toMatchObject({ revoked: true });
          expect(await store.endOverlappedRotations(new Date().toISOString(), audit)).toBe(1);
          expect(await store.endOverlappedRotations(new Date().toISOString(), audit)).toBe(0);
          expect(await store.findKeyCredential(due.hash)).toMatchObject({ revoked: true });
          expect(await store.findKeyCredential(notYet.hash)).toMatchObject({ revoked: false });
          const ends = (await events(tenant.id)).filter((e) => e.action === 'api_key.revoke').map((e) => [e.target_id, e.cause]);
          expect(ends.sort()).toEqual(
            [
              [due.record.id, 'rotation_overlap_ended'],
              [atOnce.record.id, 'rotation_overlap_ended'],
            ].sort(),
          );
        });

        it('refuses to rotate a revoked key', async () => {
          const { admin, tenant } = await world();
          const old = await key(admin.id, tenant.id);
          await store.revokeApiKey(old.record.id, audit);
          await refuses(() => store.rotateApiKey(old.record.id, successorOf(old.record).input, later(HOUR), audit), { kind: 'not_found', field: null });
        });

        it('ends a rotation once when two instances end it at once', async () => {
          const { admin, tenant } = await world();
          const old = await key(admin.id, tenant.id);
          await store.rotateApiKey(old.record.id, successorOf(old.record).input, later(HOUR), audit);
          const { fulfilled } = await race(store, [
            () => store.endRotation(old.record.id, 'rotation_first_use', audit),
            () => store.endRotation(old.record.id, 'rotation_first_use', audit),
          ]);
          expect(fulfilled.sort()).toEqual([false, true]);
          expect((await events(tenant.id)).filter((e) => e.action === 'api_key.revoke')).toHaveLength(1);
        });
      });

      it('revokes a key once when two revocations arrive at once', async () => {
        const { admin, tenant } = await world();
        const { record } = await key(admin.id, tenant.id);
        const { fulfilled } = await race(store, [() => store.revokeApiKey(record.id, audit), () => store.revokeApiKey(record.id, audit)]);
        expect(fulfilled.sort()).toEqual([false, true]);
        expect((await events(tenant.id)).filter((e) => e.action === 'api_key.revoke')).toHaveLength(1);
      });

      it('lists keys by visibility (own, own in one tenant, a tenant’s service accounts’), ordered, filtered and paged, counted alike', async () => {
        const { admin, tenant } = await world();
        const elsewhere = await tenantOf(admin);
        const robot = await store.createServiceAccount({ tenantId: tenant.id, name: `robot ${next()}`, role: 'USER' }, audit);
        const member = await join(tenant.id, 'USER', admin.id);
        const mine = [
          await key(admin.id, tenant.id, { name: 'b-one' }),
          await key(admin.id, tenant.id, { name: 'a-two' }),
          await key(admin.id, elsewhere.id, { name: 'c-three' }),
        ];
        const robots = [
          await key(robot.id, tenant.id, { createdById: admin.id, name: 'robot-a' }),
          await key(robot.id, tenant.id, { createdById: admin.id, name: 'robot-b' }),
        ];
        await key(member.user.id, tenant.id);

        const ownRows = await listedKeys(own(admin.id));
        expect(ids(ownRows)).toEqual(ids(newestFirst(mine.map((k) => k.record))));
        const [first] = ownRows;
        const source = mine.find((k) => k.record.id === first.id)!.record;
        expect(first).toEqual({
          ...source,
          user: { id: admin.id, username: admin.username, account_type: 'NORMAL' },
          created_by: { id: admin.id, username: admin.username, account_type: 'NORMAL' },
          tenant: await store.getTenant(source.tenant_id),
        });
        expect(ids(await listedKeys(own(admin.id, elsewhere.id)))).toEqual([mine[2].record.id]);

        const adminRows = await listedKeys(asAdmin(admin.id, tenant.id));
        expect(ids(adminRows)).toEqual(ids(newestFirst([...mine, ...robots].map((k) => k.record))));
        expect(adminRows.find((row) => row.id === robots[0].record.id)).toMatchObject({
          user: { id: robot.id, account_type: 'SERVICE' },
          created_by: { id: admin.id },
          tenant: { id: tenant.id },
        });
        expect(await store.listApiKeys(asAdmin(admin.id, tenant.id), { limit: 2, offset: 1 })).toEqual(adminRows.slice(1, 3));
        expect(await store.listApiKeys(asAdmin(admin.id, tenant.id), { limit: 2, offset: 5 })).toEqual([]);
        const byName = await store.listApiKeys(asAdmin(admin.id, tenant.id), { ...everyPage, orderBy: [{ name: 'asc' }] });
        expect(byName.map((row) => row.name)).toEqual(['a-two', 'b-one', 'c-three', 'robot-a', 'robot-b']);
        const where = { name: { _like: 'robot-%' } };
        expect(ids(await store.listApiKeys(asAdmin(admin.id, tenant.id), { ...everyPage, where }))).toEqual(ids(newestFirst(robots.map((k) => k.record))));
        expect(await store.countApiKeys(asAdmin(admin.id, tenant.id), where)).toBe(2);
        const byOwner = { user: { account_type: { _eq: 'SERVICE' } } };
        expect(await store.countApiKeys(asAdmin(admin.id, tenant.id), byOwner)).toBe(2);
        expect(await store.listApiKeys(asAdmin(admin.id, tenant.id), { ...everyPage, where: byOwner })).toHaveLength(2);
        // A member sees their own key alone.
        expect(await listedKeys(own(member.user.id))).toHaveLength(1);
        expect(await listedKeys(own(randomUUID()))).toEqual([]);
      });

      it('caps an owner’s active keys (bad_input on user_id with the limit), changing nothing; revoked and expired keys do not count', async () => {
        const { admin, tenant } = await world();
        const first = await key(admin.id, tenant.id, { cap: 2 });
        await key(admin.id, tenant.id, { cap: 2 });
        await refuses(() => key(admin.id, tenant.id, { cap: 2 }), { kind: 'bad_input', field: 'user_id', extra: { limit: 'keys_per_owner', max: 2 } });
        await store.revokeApiKey(first.record.id, audit);
        const soon = await key(admin.id, tenant.id, { cap: 2, expiresAt: later(HOUR) });
        await refuses(() => key(admin.id, tenant.id, { cap: 2 }), { kind: 'bad_input', field: 'user_id', extra: { limit: 'keys_per_owner', max: 2 } });
        await atOffset(2 * HOUR, async () => {
          expect((await store.getApiKey(soon.record.id))!.expires_at! < new Date().toISOString()).toBe(true);
          await key(admin.id, tenant.id, { cap: 2 });
        });
      });

      it('creates exactly the cap when ten creations arrive at once', async () => {
        const { admin, tenant } = await world();
        const { fulfilled, rejected } = await race(
          store,
          Array.from({ length: 10 }, () => () => key(admin.id, tenant.id, { cap: 3 })),
        );
        expect(fulfilled).toHaveLength(3);
        expect(rejected).toHaveLength(7);
        for (const error of rejected) expectStoreError(error, { kind: 'bad_input', field: 'user_id', extra: { limit: 'keys_per_owner', max: 3 } });
        expect(await listedKeys(own(admin.id))).toHaveLength(3);
        expect(await memberKeyCount(tenant.id, admin.id)).toBe(3);
      });
    });

    // ---------------------------------------------------------------- key counts

    describe('key counts', () => {
      it('follow creation, revocation, expiry, member removal, service-account removal and tenant deletion', async () => {
        const { admin, tenant } = await world();
        const member = await join(tenant.id, 'USER', admin.id);
        const robot = await store.createServiceAccount({ tenantId: tenant.id, name: `robot ${next()}`, role: 'USER' }, audit);
        const counts = async () => ({
          admin: (await listedKeys(asAdmin(admin.id, tenant.id))).length,
          member: (await listedKeys(own(member.user.id))).length,
          adminActive: await memberKeyCount(tenant.id, admin.id),
          memberActive: await memberKeyCount(tenant.id, member.user.id),
          robotActive: await memberKeyCount(tenant.id, robot.id),
        });

        const a1 = await key(admin.id, tenant.id);
        await key(admin.id, tenant.id, { expiresAt: later(HOUR) });
        await key(member.user.id, tenant.id);
        await key(member.user.id, tenant.id);
        await key(robot.id, tenant.id, { createdById: admin.id });
        expect(await counts()).toEqual({ admin: 3, member: 2, adminActive: 2, memberActive: 2, robotActive: 1 });

        await store.revokeApiKey(a1.record.id, audit);
        expect(await counts()).toEqual({ admin: 2, member: 2, adminActive: 1, memberActive: 2, robotActive: 1 });

        // An expired key is still listed (and counted with the list) but is no longer active.
        await atOffset(2 * HOUR, async () => {
          expect(await counts()).toEqual({ admin: 2, member: 2, adminActive: 0, memberActive: 2, robotActive: 1 });
        });

        await store.deleteMembership(member.membership.id, audit);
        expect(await counts()).toEqual({ admin: 2, member: 0, adminActive: 1, memberActive: undefined, robotActive: 1 });

        expect(await store.deleteServiceAccount(robot.id, audit)).toBe(1);
        expect(await counts()).toEqual({ admin: 1, member: 0, adminActive: 1, memberActive: undefined, robotActive: undefined });

        const recent = await events(tenant.id);
        expect(
          recent
            .filter((e) => e.action === 'api_key.revoke')
            .map((e) => e.cause)
            .sort(),
        ).toEqual([null, 'member_removed', 'member_removed', 'service_account_removed'].sort());
      });

      it('a deleted tenant takes its keys, invitations, memberships and service accounts, each revocation recorded with its cause', async () => {
        const { admin, tenant } = await world();
        const elsewhere = await tenantOf(admin);
        const member = await join(tenant.id, 'USER', admin.id);
        const robot = await store.createServiceAccount({ tenantId: tenant.id, name: `robot ${next()}`, role: 'USER' }, audit);
        const keys = [await key(admin.id, tenant.id), await key(member.user.id, tenant.id), await key(robot.id, tenant.id, { createdById: admin.id })];
        const gone = await key(admin.id, tenant.id);
        await store.revokeApiKey(gone.record.id, audit);
        const kept = await key(admin.id, elsewhere.id);
        const invitation = await invite(tenant.id, `guest${next()}@contract.test`, 'USER', admin.id);

        expect(await store.deleteTenant(tenant.id, { ...audit, actorId: admin.id })).toBe(3);
        expect(await store.getTenant(tenant.id)).toBeNull();
        expect(await store.countMembers(tenant.id)).toBe(0);
        expect(await store.findMembership(admin.id, tenant.id)).toBeNull();
        expect(await store.getInvitation(invitation.id)).toBeNull();
        for (const { hash } of keys) expect(await store.findKeyCredential(hash)).toBeNull();
        expect(ids(await listedKeys(own(admin.id)))).toEqual([kept.record.id]);
        expect(await listedKeys(own(member.user.id))).toEqual([]);
        expect(await listedKeys(asAdmin(admin.id, tenant.id))).toHaveLength(1);
        expect(await store.countTenantsOfUser(admin.id)).toBe(1);
        // Defaults fall back to another membership, or none.
        expect((await store.getUser(admin.id))!.default_membership_id).toBe((await store.findMembership(admin.id, elsewhere.id))!.id);
        expect((await store.getUser(member.user.id))!.default_membership_id).toBeNull();

        const recent = await events(tenant.id);
        const caused = recent.filter((e) => e.cause === 'tenant_deleted');
        expect(
          caused
            .filter((e) => e.action === 'api_key.revoke')
            .map((e) => e.target_id)
            .sort(),
        ).toEqual(keys.map((k) => k.record.id).sort());
        expect(caused.filter((e) => e.action === 'invitation.revoke').map((e) => e.target_id)).toEqual([invitation.id]);
        expect(caused.filter((e) => e.action === 'service_account.delete').map((e) => e.target_id)).toEqual([robot.id]);
        expect(
          caused
            .filter((e) => e.action === 'membership.delete')
            .map((e) => e.target_name)
            .sort(),
        ).toEqual([admin.username, member.user.username].sort());
        expect(recent.find((e) => e.action === 'tenant.delete')).toMatchObject({ target_id: tenant.id, actor_id: admin.id, cause: null });
        expect(await store.countAuditEvents(tenant.id)).toBe(recent.length);
      });
    });

    // ---------------------------------------------------------------- credentials and uses

    describe('key credentials', () => {
      it('answers the key’s owner and role now, revoked, and expiry; null for an unknown hash', async () => {
        const { admin, tenant } = await world();
        const member = await join(tenant.id, 'USER', admin.id);
        const expiresAt = later(HOUR);
        const { record, hash } = await key(member.user.id, tenant.id, { expiresAt });
        expect(await store.findKeyCredential(hash)).toEqual({
          id: record.id,
          user_id: member.user.id,
          tenant_id: tenant.id,
          expires_at: expiresAt,
          last_used_at: null,
          revoked: false,
          account_type: 'NORMAL',
          username: member.user.username,
          role: 'USER',
          key_role: null,
          rotation_ends_at: null,
          live_predecessor_id: null,
        });
        expect(await store.findKeyCredential('hash-unknown')).toBeNull();
        await store.setMembershipRole(member.membership.id, 'READ_ONLY_USER', audit);
        expect(await store.findKeyCredential(hash)).toMatchObject({ role: 'READ_ONLY_USER', revoked: false });
        const other = await key(member.user.id, tenant.id);
        await store.revokeApiKey(other.record.id, audit);
        expect(await store.findKeyCredential(other.hash)).toMatchObject({ id: other.record.id, revoked: true });
        await store.deleteMembership(member.membership.id, audit);
        expect(await store.findKeyCredential(hash)).toMatchObject({ role: null, revoked: true });

        const robot = await store.createServiceAccount({ tenantId: tenant.id, name: `robot ${next()}`, role: 'TENANT_ADMIN' }, audit);
        const robotKey = await key(robot.id, tenant.id, { createdById: admin.id });
        expect(await store.findKeyCredential(robotKey.hash)).toMatchObject({ account_type: 'SERVICE', role: 'TENANT_ADMIN', username: robot.username });
      });

      it('records uses, never moving last_used_at backwards', async () => {
        const { admin, tenant } = await world();
        const a = await key(admin.id, tenant.id);
        const b = await key(admin.id, tenant.id);
        const t1 = '2030-01-01T00:00:01.000Z';
        const t2 = '2030-01-01T00:00:02.000Z';
        const t3 = '2030-01-01T00:00:03.000Z';
        await store.touchApiKeys(
          new Map([
            [a.record.id, t2],
            [b.record.id, t1],
            [randomUUID(), t3],
          ]),
        );
        expect((await store.getApiKey(a.record.id))!.last_used_at).toBe(t2);
        expect((await store.findKeyCredential(b.hash))!.last_used_at).toBe(t1);
        await store.touchApiKeys(
          new Map([
            [a.record.id, t1],
            [b.record.id, t3],
          ]),
        );
        expect((await store.getApiKey(a.record.id))!.last_used_at).toBe(t2);
        expect((await store.getApiKey(b.record.id))!.last_used_at).toBe(t3);
        // Two instances flushing at once: the later time wins whichever writes last.
        await Promise.all([store.touchApiKeys(new Map([[a.record.id, t3]])), store.touchApiKeys(new Map([[a.record.id, t1]]))]);
        expect((await store.getApiKey(a.record.id))!.last_used_at).toBe(t3);
        const before = await snapshot();
        await store.touchApiKeys(new Map());
        expect(await snapshot()).toEqual(before);
        expect((await listedKeys(own(admin.id))).find((row) => row.id === b.record.id)!.last_used_at).toBe(t3);
      });

      it('records the source address with a use, and only with a use that moves last_used_at forward', async () => {
        const { admin, tenant } = await world();
        const a = await key(admin.id, tenant.id);
        await store.touchApiKeys(new Map([[a.record.id, '2030-01-01T00:00:02.000Z']]), new Map([[a.record.id, '203.0.113.1']]));
        expect((await store.lookUpApiKeys(tenant.id, { keyHash: a.hash }, 5))[0].last_used_address).toBe('203.0.113.1');
        // An older use that an instance flushes late changes neither the time nor the address.
        await store.touchApiKeys(new Map([[a.record.id, '2030-01-01T00:00:01.000Z']]), new Map([[a.record.id, '198.51.100.9']]));
        expect((await store.lookUpApiKeys(tenant.id, { keyHash: a.hash }, 5))[0].last_used_address).toBe('203.0.113.1');
        // A use without an address keeps the one recorded.
        await store.touchApiKeys(new Map([[a.record.id, '2030-01-01T00:00:03.000Z']]));
        expect((await store.lookUpApiKeys(tenant.id, { keyHash: a.hash }, 5))[0]).toMatchObject({
          last_used_at: '2030-01-01T00:00:03.000Z',
          last_used_address: '203.0.113.1',
        });
      });

      it("looks up a tenant's live keys by hash or hint, with owner, creator and tenant, and nothing of other tenants", async () => {
        const { admin, tenant } = await world();
        const other = await world();
        const robot = await store.createServiceAccount({ tenantId: tenant.id, name: `robot ${next()}`, role: 'USER' }, audit);
        const first = await key(robot.id, tenant.id, { createdById: admin.id });
        const second = await key(admin.id, tenant.id);
        const revoked = await key(admin.id, tenant.id);
        await store.revokeApiKey(revoked.record.id, audit);
        const elsewhere = await key(other.admin.id, other.tenant.id);

        const [found] = await store.lookUpApiKeys(tenant.id, { keyHash: first.hash }, 5);
        expect(found).toMatchObject({
          id: first.record.id,
          user: { id: robot.id, account_type: 'SERVICE' },
          created_by: { id: admin.id },
          tenant: { id: tenant.id },
          last_used_address: null,
        });
        expect(await store.lookUpApiKeys(tenant.id, { keyHash: elsewhere.hash }, 5)).toEqual([]);
        expect(await store.lookUpApiKeys(tenant.id, { keyHash: revoked.hash }, 5)).toEqual([]);
        expect(await store.lookUpApiKeys(tenant.id, { keyHash: 'hash-unknown' }, 5)).toEqual([]);
        // Every key of these tenants has the hint kpu_abcd: the tenant's live ones, newest first, bounded.
        expect(ids(await store.lookUpApiKeys(tenant.id, { keyHint: 'kpu_abcd' }, 5))).toEqual(ids(newestFirst([first.record, second.record])));
        expect(await store.lookUpApiKeys(tenant.id, { keyHint: 'kpu_abcd' }, 1)).toHaveLength(1);
        expect(await store.lookUpApiKeys(tenant.id, { keyHint: 'kpu_zzzz' }, 5)).toEqual([]);

        expect(await store.findApiKeyByHash(elsewhere.hash)).toMatchObject({ id: elsewhere.record.id, tenant_id: other.tenant.id });
        expect(await store.findApiKeyByHash(revoked.hash)).toBeNull();
      });

      it('revokes a key reported as leaked with both audit events in one transaction, once', async () => {
        const { admin, tenant } = await world();
        const leaked = await key(admin.id, tenant.id, { name: 'leaky' });
        const reporter = { actorId: admin.id, sourceAddress: '192.0.2.4' };
        expect(await store.revokeApiKeyAsLeaked(leaked.record.id, 'https://example.test/.env', reporter)).toBe(true);
        expect(await store.findKeyCredential(leaked.hash)).toMatchObject({ revoked: true });
        const recorded = (await events(tenant.id)).filter((event) => event.target_id === leaked.record.id && event.action !== 'api_key.create');
        expect(
          recorded
            .map(({ action, cause, detail, actor_id, source_address, target_name }) => ({ action, cause, detail, actor_id, source_address, target_name }))
            .sort((x, y) => x.action.localeCompare(y.action)),
        ).toEqual([
          {
            action: 'api_key.leaked_reported',
            cause: null,
            detail: 'https://example.test/.env',
            actor_id: admin.id,
            source_address: '192.0.2.4',
            target_name: 'leaky',
          },
          { action: 'api_key.revoke', cause: 'reported_leaked', detail: null, actor_id: admin.id, source_address: '192.0.2.4', target_name: 'leaky' },
        ]);
        const before = await snapshot();
        expect(await store.revokeApiKeyAsLeaked(leaked.record.id, null, reporter)).toBe(false);
        expect(await store.revokeApiKeyAsLeaked(randomUUID(), null, reporter)).toBe(false);
        expect(await snapshot()).toEqual(before);
      });
    });

    // ---------------------------------------------------------------- sessions and device cookies

    describe('sessions', () => {
      it('creates, finds, touches forward only, and deletes', async () => {
        const user = await person();
        const idHash = `session-${randomUUID()}`;
        const expiresAt = later(HOUR);
        await store.createSession({ idHash, userId: user.id, expiresAt });
        const session = await store.findSession(idHash);
        expect(session).toEqual({ id: idHash, user_id: user.id, created: expect.stringMatching(ISO), last_seen: session!.created, expires_at: expiresAt });
        expect(await store.findSession('session-unknown')).toBeNull();
        const forward = later(60_000);
        await store.touchSession(idHash, forward);
        expect((await store.findSession(idHash))!.last_seen).toBe(forward);
        await store.touchSession(idHash, session!.created);
        expect((await store.findSession(idHash))!.last_seen).toBe(forward);
        await store.deleteSession(idHash);
        expect(await store.findSession(idHash)).toBeNull();
      });
    });

    describe('device cookies', () => {
      it('gives a token, moves a browser’s rows to its new token, keeps the rows used last, and deletes', async () => {
        const user = await person();
        const partner = await person();
        const expiresAt = later(HOUR);
        await store.renewDeviceCookie({ previousTokenHash: null, tokenHash: 'device-1', userId: user.id, expiresAt, keepPerUser: 2 });
        const cookie = await store.findDeviceCookie('device-1', user.id);
        expect(cookie).toEqual({ id: expect.any(String), user_id: user.id, created: expect.stringMatching(ISO), expires_at: expiresAt });
        expect(await store.findDeviceCookie('device-1', partner.id)).toBeNull();
        // The same browser signs in to a second account, then renews its token for the first.
        await store.renewDeviceCookie({ previousTokenHash: 'device-1', tokenHash: 'device-1', userId: partner.id, expiresAt, keepPerUser: 2 });
        const renewed = later(2 * HOUR);
        await store.renewDeviceCookie({ previousTokenHash: 'device-1', tokenHash: 'device-2', userId: user.id, expiresAt: renewed, keepPerUser: 2 });
        expect(await store.findDeviceCookie('device-1', user.id)).toBeNull();
        expect(await store.findDeviceCookie('device-2', user.id)).toEqual({ ...cookie, expires_at: renewed });
        expect(await store.findDeviceCookie('device-2', partner.id)).toMatchObject({ user_id: partner.id, expires_at: expiresAt });

        // Two more browsers: the user keeps the two used last.
        await store.renewDeviceCookie({ previousTokenHash: null, tokenHash: 'device-3', userId: user.id, expiresAt: later(3 * HOUR), keepPerUser: 2 });
        await store.renewDeviceCookie({ previousTokenHash: null, tokenHash: 'device-4', userId: user.id, expiresAt: later(4 * HOUR), keepPerUser: 2 });
        expect(await store.findDeviceCookie('device-2', user.id)).toBeNull();
        expect(await store.findDeviceCookie('device-3', user.id)).not.toBeNull();
        const last = (await store.findDeviceCookie('device-4', user.id))!;
        expect(await store.findDeviceCookie('device-2', partner.id)).not.toBeNull();

        await store.deleteDeviceCookie(last.id);
        expect(await store.findDeviceCookie('device-4', user.id)).toBeNull();

        // An expired row is not found.
        await atOffset(5 * HOUR, async () => {
          expect(await store.findDeviceCookie('device-3', user.id)).toBeNull();
        });
      });
    });

    // ---------------------------------------------------------------- invitations

    describe('invitations', () => {
      it('creates, finds by token and id, lists pending ones by tenant or email with paging, and revokes', async () => {
        const { admin, tenant } = await world();
        const email = `Guest${next()}@Contract.test`;
        const expiresAt = later(HOUR);
        // Created at one instant: listings order them by id then, on every page alike.
        const [invitation, others] = await atOffset(0, async () => {
          const first = await store.createInvitation(
            { tenantId: tenant.id, email, role: 'READ_ONLY_USER', tokenHash: 'invite-token-1', invitedById: admin.id, expiresAt },
            audit,
          );
          return [
            first,
            [await invite(tenant.id, `g${next()}@contract.test`, 'USER', admin.id), await invite(tenant.id, `g${next()}@contract.test`, 'USER', admin.id)],
          ] as const;
        });
        expect(invitation).toEqual({
          id: expect.any(String),
          tenant_id: tenant.id,
          email,
          role: 'READ_ONLY_USER',
          invited_by_id: admin.id,
          created: expect.stringMatching(ISO),
          expires_at: expiresAt,
          accepted_at: null,
          revoked_at: null,
        } satisfies InvitationRecord);
        expect(await store.findInvitationByToken('invite-token-1')).toEqual(invitation);
        expect(await store.findInvitationByToken('invite-token-unknown')).toBeNull();
        expect(await store.getInvitation(invitation.id)).toEqual(invitation);
        expect(await store.getInvitation(randomUUID())).toBeNull();
        expect(new Set([invitation, ...others].map((i) => i.created)).size).toBe(1);
        const accepted = await join(tenant.id, 'USER', admin.id);
        const revoked = await invite(tenant.id, `g${next()}@contract.test`, 'USER', admin.id);
        await store.revokeInvitation(revoked.id, audit);
        expect((await store.getInvitation(revoked.id))!.revoked_at).toMatch(ISO);
        expect((await events(tenant.id)).find((e) => e.action === 'invitation.revoke')).toMatchObject({ target_id: revoked.id, cause: null });
        await invite(tenant.id, `g${next()}@contract.test`, 'USER', admin.id, later(60_000));

        const pending = newestFirst([invitation, ...others]);
        await atOffset(120_000, async () => {
          expect(ids(await store.listPendingInvitations(tenant.id, 10, 0))).toEqual(ids(pending));
          expect(ids(await store.listPendingInvitations(tenant.id, 1, 1))).toEqual([pending[1].id]);
          const scoped = await store.listInvitations({ tenantId: tenant.id, email: null }, everyPage);
          expect(ids(scoped)).toEqual(ids(pending));
          expect(await store.listInvitations({ tenantId: tenant.id, email: null }, { limit: 2, offset: 1 })).toEqual(scoped.slice(1));
          expect(await store.listInvitations({ tenantId: null, email: email.toLowerCase() }, everyPage)).toEqual([invitation]);
          expect(await store.listInvitations({ tenantId: tenant.id, email: null }, { ...everyPage, where: { role: { _eq: 'READ_ONLY_USER' } } })).toEqual([
            invitation,
          ]);
          expect(await store.listInvitations({ tenantId: null, email: null }, everyPage)).toEqual([]);
          const byRole = await store.listInvitations({ tenantId: tenant.id, email: null }, { ...everyPage, orderBy: [{ role: 'asc' }] });
          expect(ids(byRole)).toEqual([invitation.id, ...ids(newestFirst(others))]);
        });
        expect(accepted.membership.role).toBe('USER');
        await refuses(() => store.revokeInvitation(randomUUID(), audit), { kind: 'not_found', field: null });
      });

      it('accepts once: used, revoked, expired invitations and a second membership are refused (bad_input on token), changing nothing', async () => {
        const { admin, tenant } = await world();
        const user = await person();
        const invitation = await invite(tenant.id, user.email!, 'USER', admin.id);
        const membership = await store.acceptInvitation(invitation.id, user.id, audit);
        expect(membership).toEqual({ id: expect.any(String), tenant_id: tenant.id, user_id: user.id, role: 'USER', created: expect.stringMatching(ISO) });
        expect((await store.getInvitation(invitation.id))!.accepted_at).toMatch(ISO);
        expect((await events(tenant.id)).find((e) => e.action === 'membership.create')).toMatchObject({ actor_id: user.id, target_id: membership.id });
        const token = { kind: 'bad_input', field: 'token' } as const;
        await refuses(() => store.acceptInvitation(invitation.id, user.id, audit), token);
        await refuses(() => store.acceptInvitation(invitation.id, admin.id, audit), token);
        await refuses(() => store.acceptInvitation(randomUUID(), user.id, audit), token);
        const again = await invite(tenant.id, user.email!, 'USER', admin.id);
        await refuses(() => store.acceptInvitation(again.id, user.id, audit), token);
        const revoked = await invite(tenant.id, `g${next()}@contract.test`, 'USER', admin.id);
        await store.revokeInvitation(revoked.id, audit);
        const stranger = await person();
        await refuses(() => store.acceptInvitation(revoked.id, stranger.id, audit), token);
        const expired = await invite(tenant.id, `g${next()}@contract.test`, 'USER', admin.id, later(-1000));
        const latecomer = await person();
        await refuses(() => store.acceptInvitation(expired.id, latecomer.id, audit), token);
        await refuses(() => store.createUserAndAcceptInvitation({ invitationId: expired.id, username: 'Late', passwordHash: 'h' }, audit), token);
      });

      it('is accepted by one of several accepts that arrive at once', async () => {
        const { admin, tenant } = await world();
        const invitation = await invite(tenant.id, `g${next()}@contract.test`, 'TENANT_ADMIN', admin.id);
        const users = await Promise.all(Array.from({ length: 5 }, () => person()));
        const { fulfilled, rejected } = await race(
          store,
          users.map((user) => () => store.acceptInvitation(invitation.id, user.id, audit)),
        );
        expect(fulfilled).toHaveLength(1);
        for (const error of rejected) expectStoreError(error, { kind: 'bad_input', field: 'token' });
        expect(await store.countMembers(tenant.id)).toBe(2);
      });

      it('makes one membership when one person accepts two invitations to the same tenant at once', async () => {
        const { admin, tenant } = await world();
        const user = await person();
        const invitations = [await invite(tenant.id, user.email!, 'USER', admin.id), await invite(tenant.id, user.email!, 'READ_ONLY_USER', admin.id)];
        const { fulfilled, rejected } = await race(
          store,
          invitations.map((invitation) => () => store.acceptInvitation(invitation.id, user.id, audit)),
        );
        expect(fulfilled).toHaveLength(1);
        expectStoreError(rejected[0], { kind: 'bad_input', field: 'token' });
        expect(await store.listMembershipsOfUser(user.id)).toEqual(fulfilled);
      });

      it('creates the account and accepts in one transaction; an email with an account or a used invitation creates nothing', async () => {
        const { admin, tenant } = await world();
        const email = `New${next()}@contract.test`;
        const invitation = await invite(tenant.id, email, 'USER', admin.id);
        const { user, membership } = await store.createUserAndAcceptInvitation(
          { invitationId: invitation.id, username: 'Newcomer', passwordHash: 'new-hash' },
          audit,
        );
        expect(user).toEqual({
          id: expect.any(String),
          username: 'Newcomer',
          email,
          first_name: null,
          last_name: null,
          account_type: 'NORMAL',
          default_membership_id: membership.id,
          created: expect.stringMatching(ISO),
        });
        expect(membership).toEqual({ id: expect.any(String), tenant_id: tenant.id, user_id: user.id, role: 'USER', created: expect.stringMatching(ISO) });
        expect(await store.getUser(user.id)).toEqual(user);
        expect(await store.findLogin(email)).toEqual({ user, passwordHash: 'new-hash' });
        await refuses(() => store.createUserAndAcceptInvitation({ invitationId: invitation.id, username: 'Again', passwordHash: 'h' }, audit), {
          kind: 'bad_input',
          field: 'token',
        });
        const existing = await person();
        const forExisting = await invite(tenant.id, existing.email!.toUpperCase(), 'USER', admin.id);
        await refuses(() => store.createUserAndAcceptInvitation({ invitationId: forExisting.id, username: 'Twin', passwordHash: 'h' }, audit), {
          kind: 'conflict',
          field: 'email',
        });
        await refuses(() => store.createUserAndAcceptInvitation({ invitationId: randomUUID(), username: 'Nobody', passwordHash: 'h' }, audit), {
          kind: 'bad_input',
          field: 'token',
        });
      });

      it('creates one account when several sign-ups with one invitation arrive at once', async () => {
        const { admin, tenant } = await world();
        const email = `rush${next()}@contract.test`;
        const invitation = await invite(tenant.id, email, 'USER', admin.id);
        const { fulfilled, rejected } = await race(
          store,
          Array.from(
            { length: 5 },
            (_, i) => () => store.createUserAndAcceptInvitation({ invitationId: invitation.id, username: `Rush ${i}`, passwordHash: 'h' }, audit),
          ),
        );
        expect(fulfilled).toHaveLength(1);
        for (const error of rejected) expectStoreError(error, { kind: 'bad_input', field: 'token' });
        expect(await store.findUserByEmail(email)).toEqual(fulfilled[0].user);
        expect(await store.countMembers(tenant.id)).toBe(2);
      });
      it('creates one account when one email signs up with two invitations at once; the other is a conflict on email', async () => {
        const first = await world();
        const second = await world();
        const email = `twice${next()}@contract.test`;
        const invitations = [await invite(first.tenant.id, email, 'USER', first.admin.id), await invite(second.tenant.id, email, 'USER', second.admin.id)];
        const { fulfilled, rejected } = await race(
          store,
          invitations.map(
            (invitation, i) => () => store.createUserAndAcceptInvitation({ invitationId: invitation.id, username: `Twice ${i}`, passwordHash: 'h' }, audit),
          ),
        );
        expect(fulfilled).toHaveLength(1);
        expectStoreError(rejected[0], { kind: 'conflict', field: 'email' });
        expect(await store.listMembershipsOfUser(fulfilled[0].user.id)).toEqual([fulfilled[0].membership]);
        const unused = invitations.find(
          (invitation) => invitation.id !== fulfilled[0].membership.id && invitation.tenant_id !== fulfilled[0].membership.tenant_id,
        )!;
        expect((await store.getInvitation(unused.id))!.accepted_at).toBeNull();
      });
    });

    // ---------------------------------------------------------------- agents

    describe('tenant key policies', () => {
      it('answers no limits for a tenant that set none, sets the whole policy audited with its new values, records nothing for no change', async () => {
        const { admin, tenant } = await world();
        const byAdmin = { ...audit, actorId: admin.id };
        expect(await store.getTenantPolicy(tenant.id)).toEqual({
          tenant_id: tenant.id,
          user_key_max_days: null,
          service_key_max_days: null,
          require_expiry: false,
          idle_days: null,
          updated: null,
          updated_by_id: null,
        });
        const set = await store.setTenantPolicy(tenant.id, { user_key_max_days: 90, service_key_max_days: null, require_expiry: true, idle_days: 30 }, byAdmin);
        expect(set).toEqual({
          tenant_id: tenant.id,
          user_key_max_days: 90,
          service_key_max_days: null,
          require_expiry: true,
          idle_days: 30,
          updated: expect.stringMatching(ISO),
          updated_by_id: admin.id,
        });
        expect(await store.getTenantPolicy(tenant.id)).toEqual(set);
        const changed = await store.setTenantPolicy(
          tenant.id,
          { user_key_max_days: 90, service_key_max_days: 365, require_expiry: true, idle_days: null },
          byAdmin,
        );
        expect(changed).toMatchObject({ service_key_max_days: 365, idle_days: null });
        const before = await snapshot();
        expect(
          await store.setTenantPolicy(tenant.id, { user_key_max_days: 90, service_key_max_days: 365, require_expiry: true, idle_days: null }, byAdmin),
        ).toEqual(changed);
        expect(await snapshot()).toEqual(before);
        const changes = (await events(tenant.id)).filter((e) => e.action === 'tenant.policy_change');
        // Both changes may fall in one millisecond, whose events have no order between them: compared sorted.
        expect(changes.map((e) => [e.actor_id, e.target_id, e.detail]).sort()).toEqual([
          [admin.id, tenant.id, 'service_key_max_days=365, idle_days=null'],
          [admin.id, tenant.id, 'user_key_max_days=90, require_expiry=true, idle_days=30'],
        ]);
        // Another tenant's policy is its own.
        expect((await store.getTenantPolicy((await world()).tenant.id)).updated).toBeNull();
      });

      it('refuses a tenant that does not exist, changing nothing', async () => {
        await refuses(() => store.setTenantPolicy(randomUUID(), { user_key_max_days: 1, service_key_max_days: 1, require_expiry: true, idle_days: 1 }, audit), {
          kind: 'not_found',
        });
      });
    });

    describe('job leases', () => {
      it('gives a job to one holder until its lease ends, one of several takers at once, then to whoever asks next', async () => {
        const job = `job-${next()}`;
        const t0 = '2030-01-01T00:00:00.000Z';
        const t1 = '2030-01-01T00:01:00.000Z';
        const t2 = '2030-01-01T00:02:00.000Z';
        const { fulfilled } = await race(
          store,
          ['a', 'b', 'c', 'd'].map((holder) => () => store.takeJobLease(job, holder, t0, t1)),
        );
        expect(fulfilled.filter(Boolean)).toHaveLength(1);
        // Held until t1, by the holder too; anyone's at t1.
        expect(await store.takeJobLease(job, 'b', '2030-01-01T00:00:59.000Z', t2)).toBe(false);
        const taken = await race(
          store,
          ['a', 'b', 'c'].map((holder) => () => store.takeJobLease(job, holder, t1, t2)),
        );
        expect(taken.fulfilled.filter(Boolean)).toHaveLength(1);
        // Another job's lease is its own.
        expect(await store.takeJobLease(`${job}-other`, 'b', t1, t2)).toBe(true);
      });
    });

    describe('canary keys', () => {
      it('creates, lists newest first, counts, records uses with bounded alerts, and deletes, each audited', async () => {
        const { admin, tenant } = await world();
        const secondHash = `canary-${randomUUID()}`;
        const canary = async (name: string, keyHash = `canary-${randomUUID()}`) =>
          store.createCanaryKey(
            { id: randomUUID(), tenantId: tenant.id, name, description: `${name} note`, keyHash, keyHint: 'kps_abcd', createdById: admin.id },
            { ...audit, actorId: admin.id },
          );
        const first = await canary('first');
        // Times are to the millisecond: two made in the same one would tie, and ids break the tie either way.
        await new Promise((resolve) => setTimeout(resolve, 5));
        const second = await canary('second', secondHash);
        expect(first).toEqual({
          id: first.id,
          tenant_id: tenant.id,
          name: 'first',
          description: 'first note',
          key_hint: 'kps_abcd',
          created_by: { id: admin.id, username: admin.username, account_type: 'NORMAL' },
          created: expect.stringMatching(ISO),
          first_used_at: null,
          last_used_at: null,
          use_count: 0,
          last_source_address: null,
          last_user_agent: null,
        });
        expect((await store.listCanaryKeys(tenant.id, everyPage)).map((c) => c.name)).toEqual(['second', 'first']);
        expect(await store.countCanaryKeys(tenant.id)).toBe(2);
        // Not a key: no credential, no key in any count.
        expect(await store.recordCanaryUse(`canary-none-${randomUUID()}`, { at: new Date().toISOString(), sourceAddress: null, userAgent: null })).toBeNull();
        expect(await store.findKeyCredential(secondHash)).toBeNull();
        const at = new Date().toISOString();
        const trip = await store.recordCanaryUse(secondHash, { at, sourceAddress: '203.0.113.7', userAgent: 'curl/8.5.0' });
        expect(trip).toMatchObject({
          alerted: true,
          canary: { id: second.id, first_used_at: at, last_used_at: at, use_count: 1, last_source_address: '203.0.113.7', last_user_agent: 'curl/8.5.0' },
        });
        const again = await store.recordCanaryUse(secondHash, {
          at: new Date(Date.parse(at) + 1000).toISOString(),
          sourceAddress: '192.0.2.1',
          userAgent: null,
        });
        expect(again).toMatchObject({ alerted: false, canary: { first_used_at: at, use_count: 2, last_source_address: '192.0.2.1', last_user_agent: null } });
        const used = (await events(tenant.id)).filter((e) => e.action === 'api_key.canary_used');
        expect(used).toEqual([
          expect.objectContaining({ target_id: second.id, target_name: 'second', source_address: '203.0.113.7', user_agent: 'curl/8.5.0', actor_id: null }),
        ]);

        expect(await store.deleteCanaryKey(first.id, { ...audit, actorId: admin.id })).toBe(true);
        expect(await store.deleteCanaryKey(first.id, audit)).toBe(false);
        expect(await store.getCanaryKey(first.id)).toBeNull();
        expect(await store.countCanaryKeys(tenant.id)).toBe(1);
        expect((await events(tenant.id)).map((e) => e.action).filter((a) => a.startsWith('api_key.canary_'))).toEqual(
          expect.arrayContaining(['api_key.canary_create', 'api_key.canary_create', 'api_key.canary_delete', 'api_key.canary_used']),
        );
      });
    });

    describe('webhooks', () => {
      const newWebhook = (tenantId: string, events: string[], createdById: string | null = null) => ({
        id: randomUUID(),
        tenantId,
        url: `https://hooks.example.test/${next()}`,
        events,
        secret: `whsec_${randomBytes(16).toString('hex')}`,
        createdById,
      });

      it('creates, lists, changes and deletes webhooks, audited, never answering the secret', async () => {
        const { admin, tenant } = await world();
        const input = newWebhook(tenant.id, ['api_key.created', 'membership.*'], admin.id);
        const webhook = await store.createWebhook(input, { ...audit, actorId: admin.id });
        expect(webhook).toEqual({
          id: input.id,
          tenant_id: tenant.id,
          url: input.url,
          events: ['api_key.created', 'membership.*'],
          enabled: true,
          created: expect.stringMatching(ISO),
          created_by_id: admin.id,
          updated: webhook.created,
          last_delivery_status: null,
          last_delivery_at: null,
        });
        expect(JSON.stringify(await store.listWebhooks(tenant.id))).not.toContain(input.secret);
        expect(await store.listWebhooks(tenant.id)).toEqual([webhook]);
        const changed = await store.updateWebhook(webhook.id, { enabled: false, events: ['api_key.revoked'] }, audit);
        expect(changed).toMatchObject({ enabled: false, events: ['api_key.revoked'], url: input.url });
        // No change, nothing recorded.
        await store.updateWebhook(webhook.id, { enabled: false }, audit);
        expect(await store.deleteWebhook(webhook.id, audit)).toBe(true);
        expect(await store.deleteWebhook(webhook.id, audit)).toBe(false);
        expect(await store.getWebhook(webhook.id)).toBeNull();
        await refuses(() => store.updateWebhook(webhook.id, { enabled: true }, audit), { kind: 'not_found' });
        const actions = (await events(tenant.id)).filter((e) => e.action.startsWith('webhook.'));
        // Sorted: events of one millisecond tie, and their order is then the ids'.
        expect(actions.map((e) => [e.action, e.cause ?? null]).sort()).toEqual([
          ['webhook.create', null],
          ['webhook.delete', null],
          ['webhook.update', 'events,enabled'],
        ]);
      });

      it('queues a delivery per subscribed, enabled webhook in the transaction of the audited change, with the key hint and never the key', async () => {
        const { admin, tenant } = await world();
        const other = await world();
        const hears = await store.createWebhook(newWebhook(tenant.id, ['api_key.created']), audit);
        const wildcard = await store.createWebhook(newWebhook(tenant.id, ['service_account.*']), audit);
        const disabled = await store.createWebhook(newWebhook(tenant.id, ['api_key.created']), audit);
        await store.updateWebhook(disabled.id, { enabled: false }, audit);
        const elsewhere = await store.createWebhook(newWebhook(other.tenant.id, ['api_key.created']), audit);
        const { record } = await key(admin.id, tenant.id, { expiresAt: later(HOUR) });
        const robot = await store.createServiceAccount({ tenantId: tenant.id, name: `robot ${next()}`, role: 'USER' }, { ...audit, actorId: admin.id });
        const [delivery] = await store.listWebhookDeliveries(hears.id, everyPage);
        expect(delivery).toMatchObject({ webhook_id: hears.id, event_type: 'api_key.created', status: 'pending', attempts: 0, error: null });
        expect(JSON.parse(delivery.payload)).toEqual({
          id: delivery.event_id,
          type: 'api_key.created',
          created: delivery.created,
          tenant_id: tenant.id,
          data: { object: 'api_key', id: record.id, name: record.name, key_hint: 'kpu_abcd', expires_at: record.expires_at, actor_id: null, cause: null },
        });
        expect((await events(tenant.id)).some((e) => e.id === delivery.event_id && e.action === 'api_key.create')).toBe(true);
        expect((await store.listWebhookDeliveries(wildcard.id, everyPage)).map((d) => [d.event_type, JSON.parse(d.payload).data.id])).toEqual([
          ['service_account.created', robot.id],
        ]);
        expect(await store.countWebhookDeliveries(disabled.id)).toBe(0);
        expect(await store.countWebhookDeliveries(elsewhere.id)).toBe(0);
        expect((await store.getWebhook(hears.id))?.last_delivery_status).toBe('pending');

        // Deleting the tenant deletes its webhooks and their deliveries.
        await store.deleteTenant(tenant.id, audit);
        expect(await store.listWebhooks(tenant.id)).toEqual([]);
        expect(await store.getWebhookDelivery(delivery.id)).toBeNull();
        expect(await store.getWebhook(elsewhere.id)).not.toBeNull();
      });

      it('claims each due delivery once however many claim at once, records attempts, redelivers, and keeps the newest finished ones', async () => {
        const { admin, tenant } = await world();
        const webhook = await store.createWebhook(newWebhook(tenant.id, ['api_key.created']), audit);
        for (let i = 0; i < 6; i++) await key(admin.id, tenant.id);
        const at = later(1000);
        const until = later(60_000);
        const { fulfilled } = await race(
          store,
          Array.from({ length: 4 }, () => () => store.claimWebhookDeliveries(at, until, 10)),
        );
        const claimed = fulfilled.flat();
        expect(claimed).toHaveLength(6);
        expect(new Set(claimed.map((d) => d.id)).size).toBe(6);
        expect(claimed[0]).toMatchObject({ url: webhook.url, tenant_id: tenant.id, secret: expect.stringMatching(/^whsec_/) });
        // Claimed: nobody else gets them until the claim runs out.
        expect(await store.claimWebhookDeliveries(at, until, 10)).toEqual([]);
        expect(await store.claimWebhookDeliveries(later(120_000), later(180_000), 10)).toHaveLength(6);

        const [first, second, ...rest] = claimed;
        await store.recordWebhookAttempt(
          first.id,
          { status: 'delivered', at, response_status: 204, duration_ms: 12.4, error: null, next_attempt_at: null },
          100,
        );
        await store.recordWebhookAttempt(
          second.id,
          { status: 'pending', at, response_status: 500, duration_ms: 8, error: 'HTTP 500', next_attempt_at: later(30_000) },
          100,
        );
        expect(await store.getWebhookDelivery(first.id)).toMatchObject({
          status: 'delivered',
          attempts: 1,
          response_status: 204,
          duration_ms: 12,
          error: null,
        });
        expect(await store.getWebhookDelivery(second.id)).toMatchObject({ status: 'pending', attempts: 1, response_status: 500, error: 'HTTP 500' });
        // A disabled webhook's deliveries are not claimed.
        await store.updateWebhook(webhook.id, { enabled: false }, audit);
        expect(await store.claimWebhookDeliveries(later(3_600_000), later(3_700_000), 10)).toEqual([]);
        await store.updateWebhook(webhook.id, { enabled: true }, audit);

        const again = await store.redeliverWebhookDelivery(first.id);
        expect(again).toMatchObject({ event_id: first.event_id, payload: first.payload, status: 'pending', attempts: 0 });
        await refuses(() => store.redeliverWebhookDelivery(randomUUID()), { kind: 'not_found' });
        expect((await store.queueTestWebhook(webhook.id, admin.id)).event_type).toBe('webhook.test');

        // Keeping 2: the finished ones beyond the newest two go, the pending ones stay.
        for (const delivery of rest)
          await store.recordWebhookAttempt(
            delivery.id,
            { status: 'failed', at, response_status: null, duration_ms: 1, error: 'refused', next_attempt_at: null },
            2,
          );
        const left = await store.listWebhookDeliveries(webhook.id, everyPage);
        const finished = left.filter((d) => d.status !== 'pending');
        expect(finished.length).toBeLessThanOrEqual(2);
        expect(left.filter((d) => d.status === 'pending').map((d) => d.id)).toEqual(expect.arrayContaining([second.id, again.id]));
        expect(await store.countWebhookDeliveries(webhook.id)).toBe(left.length);
      });
    });

    describe('agents', () => {
      it('registers an agent, the same one again under the same id, and lists them newest first', async () => {
        const { admin, tenant } = await world();
        const { record } = await key(admin.id, tenant.id);
        const agent = {
          tenantId: tenant.id,
          apiKeyId: record.id,
          userId: admin.id,
          type: 'process',
          name: 'worker',
          labels: ['a', 'b'],
          agentConfigId: null,
          coreVersion: '1.0',
        };
        const first = await store.registerAgent(agent, audit);
        expect(first).toEqual({
          id: expect.any(String),
          tenant_id: tenant.id,
          name: 'worker',
          type: 'process',
          labels: ['a', 'b'],
          agent_config_id: null,
          core_version: '1.0',
          created: expect.stringMatching(ISO),
          last_queried: expect.stringMatching(ISO),
          source_address: '203.0.113.7',
          api_key_id: record.id,
          user: { id: admin.id, username: admin.username, account_type: 'NORMAL' },
        });
        const again = await store.registerAgent({ ...agent, coreVersion: '1.1' }, audit);
        expect(again).toMatchObject({ id: first.id, created: first.created, core_version: '1.1' });
        const other = await store.registerAgent({ ...agent, labels: ['c'] }, audit);
        expect(other.id).not.toBe(first.id);
        expect(ids(await store.listAgents(tenant.id, everyPage))).toEqual(ids(newestFirst([first, other])));
        expect(ids(await store.listAgents(tenant.id, { limit: 1, offset: 1 }))).toEqual(ids(newestFirst([first, other])).slice(1));
        expect((await events(tenant.id)).filter((e) => e.action === 'agent.register')).toHaveLength(2);
        const used = '2031-01-01T00:00:00.000Z';
        await store.touchApiKeys(new Map([[record.id, used]]));
        expect((await store.listAgents(tenant.id, everyPage)).map((a) => a.last_queried)).toEqual([used, used]);
      });

      it("records Keyplane agents' check-ins, lists each key's agents most recently seen first, keeps 20 per key and drops week-old ones", async () => {
        const { admin, tenant } = await world();
        const { record } = await key(admin.id, tenant.id);
        const { record: other } = await key(admin.id, tenant.id);
        const checkIn = (name: string, at: string, apiKeyId = record.id) => ({
          tenantId: tenant.id,
          apiKeyId,
          userId: admin.id,
          name,
          labels: ['x'],
          sourceAddress: '198.51.100.3',
          at,
        });
        const t0 = Date.now();
        const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
        expect(await store.recordAgentCheckIns([checkIn('one', at(0)), checkIn('two', at(1)), checkIn('elsewhere', at(0), other.id)])).toBe(true);
        // Seen again: not new, and an earlier time (another instance's late write) does not move it back.
        expect(await store.recordAgentCheckIns([checkIn('one', at(2))])).toBe(false);
        await store.recordAgentCheckIns([checkIn('one', at(1))]);
        const byKey = await store.listAgentsOfKeys([record.id, other.id, record.id], 20);
        expect(byKey.get(record.id)!.map((a) => [a.name, a.type, a.last_queried, a.source_address])).toEqual([
          ['one', 'KeyplaneAgent', at(2), '198.51.100.3'],
          ['two', 'KeyplaneAgent', at(1), '198.51.100.3'],
        ]);
        expect(byKey.get(other.id)!.map((a) => a.name)).toEqual(['elsewhere']);
        expect((await store.listAgentsOfKeys([record.id], 1)).get(record.id)!.map((a) => a.name)).toEqual(['one']);
        expect((await events(tenant.id)).filter((e) => e.action === 'agent.register')).toHaveLength(3);

        for (let i = 0; i < 20; i++) await store.recordAgentCheckIns([checkIn(`bulk-${i}`, at(10 + i))]);
        const kept = (await store.listAgentsOfKeys([record.id], 20)).get(record.id)!;
        expect(kept).toHaveLength(20);
        expect(kept.map((a) => a.name)).not.toContain('one');

        // Eight days on, nothing is shown; the next new agent deletes what expired.
        await atOffset(8 * 24 * HOUR, async () => {
          expect((await store.listAgentsOfKeys([record.id, other.id], 20)).get(record.id)).toEqual([]);
          expect(await store.listAgents(tenant.id, everyPage)).toEqual([]);
          await store.recordAgentCheckIns([checkIn('fresh', new Date().toISOString(), other.id)]);
          expect((await store.listAgents(tenant.id, everyPage)).map((a) => a.name)).toEqual(['fresh']);
        });
      });
    });

    // ---------------------------------------------------------------- audit events

    describe('audit events', () => {
      it('records events and lists them newest first with their actor, filtered, ordered and paged, counted alike', async () => {
        const { admin, tenant } = await world();
        for (const action of ['test.one', 'test.two', 'test.three']) {
          await store.recordAudit({
            action,
            actor_id: admin.id,
            tenant_id: tenant.id,
            target_type: 'thing',
            target_id: action,
            target_name: null,
            source_address: '198.51.100.1',
          });
        }
        await store.recordAudit({
          action: 'test.anonymous',
          actor_id: null,
          tenant_id: tenant.id,
          target_type: null,
          target_id: null,
          target_name: null,
          source_address: null,
        });
        const all = await store.listAuditEvents(tenant.id, everyPage);
        expect(ids(all)).toEqual(ids(newestFirst(all)));
        expect(all).toHaveLength(5);
        expect(await store.countAuditEvents(tenant.id)).toBe(5);
        const two = all.find((e) => e.action === 'test.two')!;
        expect(two).toEqual({
          id: expect.any(String),
          action: 'test.two',
          actor_id: admin.id,
          actor: { id: admin.id, username: admin.username, account_type: 'NORMAL' },
          tenant_id: tenant.id,
          target_type: 'thing',
          target_id: 'test.two',
          target_name: null,
          source_address: '198.51.100.1',
          created: expect.stringMatching(ISO),
          cause: null,
          user_agent: null,
          detail: null,
        });
        expect(all.find((e) => e.action === 'test.anonymous')).toMatchObject({ actor_id: null, actor: null });
        const where = { action: { _like: 'test.t%' } };
        const filtered = await store.listAuditEvents(tenant.id, { ...everyPage, where });
        expect(filtered.map((e) => e.action).sort()).toEqual(['test.three', 'test.two']);
        expect(await store.countAuditEvents(tenant.id, where)).toBe(2);
        expect(await store.countAuditEvents(tenant.id, { actor: { username: { _eq: admin.username } } })).toBe(4);
        expect(await store.listAuditEvents(tenant.id, { limit: 2, offset: 2 })).toEqual(all.slice(2, 4));
        expect((await store.listAuditEvents(tenant.id, { ...everyPage, orderBy: [{ action: 'asc' }] })).map((e) => e.action)).toEqual(
          all.map((e) => e.action).sort(),
        );
        expect(await store.listAuditEvents(randomUUID(), everyPage)).toEqual([]);
        expect(await store.countAuditEvents(randomUUID())).toBe(0);
      });
    });
  });
}
