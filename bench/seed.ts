// Seeds a benchmark tenant through the store, as the server would write it.
import { randomUUID } from 'node:crypto';
import { generateKey, hashKey, keyHint, SERVICE_KEY_PREFIX, USER_KEY_PREFIX } from '../src/server/auth/key-format.js';
import { openSqlite, type OpenedStore } from '../src/server/store/open-store.js';
import type { Store, UserRecord } from '../src/server/store/types.js';

const audit = { actorId: null, sourceAddress: 'bench-seed' };
const DAY = 86_400_000;
const SERVICE_ACCOUNTS = 5;

/**
 * How many keys the first-use rows go through in turn. The credential cache
 * (src/server/cache/credential-cache.ts) remembers at most 10,000 keys and empties
 * itself when full. With 10,500 keys in strict rotation, between two uses of a key come
 * 10,499 others, each a miss that adds one entry, so the memo fills and is emptied
 * before the key comes round again: every request reads the store. Fifty connections
 * reorder requests by about fifty, well within the 500 to spare. Measured with saved
 * answers off: 9,000 keys in turn cost 33 µs of server CPU per auth_info, as one
 * remembered key does; 10,500 cost 52 µs.
 */
export const FIRST_USE_KEYS = 10_500;

export interface BenchTenant {
  tenantId: string;
  slug: string;
  admin: UserRecord;
  /** A member who is not an administrator: their keys are in the table but not on the admin's page. */
  member: UserRecord;
  serviceAccounts: UserRecord[];
  /** The administrator's key, for Bearer requests. */
  adminKey: string;
  /** A second key of the administrator, for the create benchmark. */
  writerKey: string;
}

export class BenchSeeder {
  private sequence = 0;

  private constructor(private readonly database: OpenedStore) {}

  static async open(dbPath: string): Promise<BenchSeeder> {
    return new BenchSeeder(await openSqlite(dbPath));
  }

  /** Seeds a database opened elsewhere (openStore: SQLite or PostgreSQL). */
  static on(database: OpenedStore): BenchSeeder {
    return new BenchSeeder(database);
  }

  get store(): Store {
    return this.database.store;
  }

  async createTenant(slug: string): Promise<BenchTenant> {
    const admin = await this.store.createUser({ email: `admin@${slug}.test`, username: `${slug} admin`, passwordHash: 'unused' });
    const member = await this.store.createUser({ email: `member@${slug}.test`, username: `${slug} member`, passwordHash: 'unused' });
    const tenant = await this.store.createTenant({ name: slug, slug, adminUserId: admin.id }, { ...audit, actorId: admin.id });
    const invitation = await this.store.createInvitation(
      {
        tenantId: tenant.id,
        email: member.email!,
        role: 'USER',
        tokenHash: randomUUID(),
        invitedById: admin.id,
        expiresAt: new Date(Date.now() + DAY).toISOString(),
      },
      audit,
    );
    await this.store.acceptInvitation(invitation.id, member.id, audit);
    const serviceAccounts: UserRecord[] = [];
    for (let i = 0; i < SERVICE_ACCOUNTS; i++) {
      serviceAccounts.push(
        await this.store.createServiceAccount({ tenantId: tenant.id, name: `${slug}-robot-${i}`, role: 'USER' }, { ...audit, actorId: admin.id }),
      );
    }
    const adminKey = await this.createKey(admin, tenant.id, admin.id, 'bench-reader');
    const writerKey = await this.createKey(admin, tenant.id, admin.id, 'bench-writer');
    return { tenantId: tenant.id, slug, admin, member, serviceAccounts, adminKey, writerKey };
  }

  private async createKey(owner: UserRecord, tenantId: string, createdById: string, name: string, expiresAt: string | null = null): Promise<string> {
    const key = generateKey(owner.account_type === 'SERVICE' ? SERVICE_KEY_PREFIX : USER_KEY_PREFIX);
    await this.store.createApiKey(
      { id: randomUUID(), name, keyHash: hashKey(key), keyHint: keyHint(key), userId: owner.id, tenantId, createdById, expiresAt },
      { ...audit, actorId: createdById },
    );
    return key;
  }

  /**
   * Adds keys to the tenant: 10% the administrator's own, 80% its service accounts',
   * 10% another member's (in the table, not on the administrator's page); a quarter
   * expire in 90 days, the rest never. 1 in 20 is then revoked.
   */
  async addKeys(tenant: BenchTenant, count: number): Promise<void> {
    const expiresAt = new Date(Date.now() + 90 * DAY).toISOString();
    const revoked: string[] = [];
    // One transaction per key, as the server writes them (about 25 µs each on SQLite).
    for (let i = 0; i < count; i++) {
      const n = this.sequence++;
      const slot = n % 10;
      const owner = slot === 0 ? tenant.admin : slot === 1 ? tenant.member : tenant.serviceAccounts[n % tenant.serviceAccounts.length];
      const key = generateKey(owner.account_type === 'SERVICE' ? SERVICE_KEY_PREFIX : USER_KEY_PREFIX);
      const id = randomUUID();
      await this.store.createApiKey(
        {
          id,
          name: `key-${n}`,
          keyHash: hashKey(key),
          keyHint: keyHint(key),
          userId: owner.id,
          tenantId: tenant.tenantId,
          createdById: owner.account_type === 'SERVICE' ? tenant.admin.id : owner.id,
          expiresAt: n % 4 === 0 ? expiresAt : null,
        },
        audit,
      );
      if (n % 20 === 7) revoked.push(id);
    }
    for (const id of revoked) await this.store.revokeApiKey(id, audit);
    if (this.database.driver.dialect === 'sqlite') await this.database.driver.get('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  /**
   * Live keys of the tenant's service accounts, in turn, made as the server makes them
   * (key-format.ts: prefix, random part, checksum; the SHA-256 stored): for requests
   * that each present a different valid key. Returns the keys themselves.
   */
  async addServiceAccountKeys(tenant: BenchTenant, count: number): Promise<string[]> {
    const keys: string[] = [];
    for (let i = 0; i < count; i++) {
      const owner = tenant.serviceAccounts[i % tenant.serviceAccounts.length];
      keys.push(await this.createKey(owner, tenant.tenantId, tenant.admin.id, `first-use-${i}`));
    }
    if (this.database.driver.dialect === 'sqlite') await this.database.driver.get('PRAGMA wal_checkpoint(TRUNCATE)');
    return keys;
  }

  /** Keys in the table, in the tenant, and live keys on the tenant administrator's page. */
  async counts(tenant: BenchTenant): Promise<{ table: number; tenant: number; visible: number }> {
    const count = async (sql: string, ...params: string[]) => (await this.database.driver.get<{ n: number }>(sql, params))!.n;
    const visible = await this.store.countApiKeys({ ownerId: tenant.admin.id, ownKeysTenantId: null, serviceAccountTenantId: tenant.tenantId });
    return {
      table: await count('SELECT count(*) AS n FROM api_key'),
      tenant: await count('SELECT count(*) AS n FROM api_key WHERE tenant_id = ?', tenant.tenantId),
      visible,
    };
  }

  close(): Promise<void> {
    return this.database.close();
  }
}
