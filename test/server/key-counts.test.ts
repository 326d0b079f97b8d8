import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/server/store/sqlite/migrations.js';
import { openSqlite } from '../../src/server/store/open-store.js';
import type { KeyVisibility } from '../../src/server/store/types.js';

// An unfiltered key count reads the per-owner counts that triggers keep (migration 3)
// instead of counting keys. Whatever happens to keys, it must equal the list itself.

const audit = { actorId: null, sourceAddress: null };
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyplane-counts-'));
  dirs.push(dir);
  return join(dir, 'keyplane.db');
};

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

describe('key counts', () => {
  it('equal the listed keys after any mix of creating, revoking and removing owners', async () => {
    const database = await openSqlite(tempDb());
    const store = database.store;
    const pick = random(7);
    const admin = await store.createUser({ email: 'a@t.test', username: 'admin', passwordHash: 'x' });
    const other = await store.createUser({ email: 'o@t.test', username: 'other', passwordHash: 'x' });
    const tenantA = await store.createTenant({ name: 'A', slug: 'a', adminUserId: admin.id }, audit);
    const tenantB = await store.createTenant({ name: 'B', slug: 'b', adminUserId: admin.id }, audit);
    const invitation = await store.createInvitation(
      {
        tenantId: tenantA.id,
        email: 'o@t.test',
        role: 'USER',
        tokenHash: 't',
        invitedById: admin.id,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      audit,
    );
    const otherMembership = await store.acceptInvitation(invitation.id, other.id, audit);
    let otherRemoved = false;
    const robot = async (tenantId: string, name: string, role: 'USER' | 'TENANT_ADMIN') => ({
      user: await store.createServiceAccount({ tenantId, name, role }, audit),
      tenantId,
    });
    const robots = [
      await robot(tenantA.id, 'robot-a1', 'USER'),
      await robot(tenantA.id, 'robot-a2', 'TENANT_ADMIN'),
      await robot(tenantB.id, 'robot-b1', 'USER'),
    ];
    const adminRobot = robots[1].user;
    const owners = () => [
      { user: admin, tenantId: tenantA.id },
      { user: admin, tenantId: tenantB.id },
      ...(otherRemoved ? [] : [{ user: other, tenantId: tenantA.id }]),
      ...robots,
    ];
    let active: { id: string; userId: string }[] = [];
    const visibilities: KeyVisibility[] = [
      { ownerId: admin.id, ownKeysTenantId: null, serviceAccountTenantId: tenantA.id },
      { ownerId: admin.id, ownKeysTenantId: tenantB.id, serviceAccountTenantId: tenantB.id },
      { ownerId: admin.id, ownKeysTenantId: null, serviceAccountTenantId: null },
      { ownerId: other.id, ownKeysTenantId: tenantA.id, serviceAccountTenantId: null },
      { ownerId: adminRobot.id, ownKeysTenantId: tenantA.id, serviceAccountTenantId: tenantA.id },
    ];

    for (let step = 0; step < 300; step++) {
      const roll = pick(100);
      if (roll < 55 || active.length === 0) {
        const candidates = owners();
        const { user, tenantId } = candidates[pick(candidates.length)];
        const key = await store.createApiKey(
          { id: randomUUID(), name: `k${step}`, keyHash: randomUUID(), keyHint: 'kpu_abcd', userId: user.id, tenantId, createdById: admin.id, expiresAt: null },
          audit,
        );
        active.push({ id: key.id, userId: user.id });
      } else if (roll < 90) {
        const [{ id }] = active.splice(pick(active.length), 1);
        expect(await store.revokeApiKey(id, audit)).toBe(true);
      } else if (roll < 95 && robots.length > 1) {
        // Removing an account revokes its keys.
        const [removed] = robots.splice(pick(robots.length), 1);
        await store.deleteServiceAccount(removed.user.id, audit);
        active = active.filter((key) => key.userId !== removed.user.id);
      } else if (!otherRemoved) {
        // Leaving a tenant revokes one's keys there.
        await store.deleteMembership(otherMembership.id, audit);
        otherRemoved = true;
        active = active.filter((key) => key.userId !== other.id);
      }
      for (const visibility of visibilities) {
        const listed = await store.listApiKeys(visibility, { limit: 1000, offset: 0 });
        expect(await store.countApiKeys(visibility), `step ${step}, ${JSON.stringify(visibility)}`).toBe(listed.length);
      }
    }
    // The filtered path (a scan) still agrees.
    const filtered = await store.countApiKeys(visibilities[0], { name: { _ilike: 'k1%' } });
    const listedFiltered = await store.listApiKeys(visibilities[0], { limit: 1000, offset: 0, where: { name: { _ilike: 'k1%' } } });
    expect(filtered).toBe(listedFiltered.length);
    await database.close();
  });

  it('are built from the existing keys when a database is upgraded', () => {
    const file = tempDb();
    const db = new Database(file);
    for (const migration of MIGRATIONS.slice(0, 2)) db.exec(migration);
    db.pragma('user_version = 2');
    const insertUser = db.prepare("INSERT INTO user (id, email, username, account_type, created) VALUES (?, ?, ?, ?, '2026-01-01T00:00:00.000Z')");
    insertUser.run('u1', 'u1@t.test', 'u1', 'NORMAL');
    insertUser.run('s1', null, 's1', 'SERVICE');
    db.prepare("INSERT INTO tenant (id, name, slug, created) VALUES ('t1', 'T', 't', '2026-01-01T00:00:00.000Z')").run();
    const insertKey = db.prepare(
      "INSERT INTO api_key (id, name, key_hash, key_hint, user_id, tenant_id, owner_kind, created, updated, revoked_at) VALUES (?, 'k', ?, 'h', ?, 't1', ?, '2026-01-01', '2026-01-01', ?)",
    );
    for (let i = 0; i < 7; i++) insertKey.run(`a${i}`, `ha${i}`, 'u1', 'NORMAL', i < 2 ? '2026-01-02' : null);
    for (let i = 0; i < 4; i++) insertKey.run(`b${i}`, `hb${i}`, 's1', 'SERVICE', null);
    migrate(db);
    expect(db.prepare('SELECT user_id, tenant_id, owner_kind, active FROM api_key_count ORDER BY user_id').all()).toEqual([
      { user_id: 's1', tenant_id: 't1', owner_kind: 'SERVICE', active: 4 },
      { user_id: 'u1', tenant_id: 't1', owner_kind: 'NORMAL', active: 5 },
    ]);
    db.close();
  });

  it('refuse to move a key to another owner or tenant, which would leave the counts wrong', async () => {
    const file = tempDb();
    const database = await openSqlite(file);
    const store = database.store;
    const admin = await store.createUser({ email: 'a@t.test', username: 'admin', passwordHash: 'x' });
    const tenant = await store.createTenant({ name: 'A', slug: 'a', adminUserId: admin.id }, audit);
    const other = await store.createTenant({ name: 'B', slug: 'b', adminUserId: admin.id }, audit);
    const key = await store.createApiKey(
      { id: randomUUID(), name: 'k', keyHash: 'h', keyHint: 'kpu_abcd', userId: admin.id, tenantId: tenant.id, createdById: admin.id, expiresAt: null },
      audit,
    );
    await database.close();
    const db = new Database(file);
    expect(() => db.prepare('UPDATE api_key SET tenant_id = ? WHERE id = ?').run(other.id, key.id)).toThrow(/keeps its owner, tenant and kind/);
    db.close();
  });
});
