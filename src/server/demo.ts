import { randomUUID } from 'node:crypto';
import { generateKey, hashKey, keyHint, SERVICE_KEY_PREFIX, USER_KEY_PREFIX } from './auth/key-format.js';
import { hashPassword } from './auth/passwords.js';
import type { Role, Store } from './store/types.js';

export interface DemoLogin {
  email: string;
  password: string;
  role: Role;
}

export const DEMO_PASSWORD = 'keyplane-demo';
const DAY = 86_400_000;

const PEOPLE: { email: string; username: string; role: Role }[] = [
  { email: 'admin@acme.test', username: 'Ada Admin', role: 'TENANT_ADMIN' },
  { email: 'user@acme.test', username: 'Uma User', role: 'USER' },
  { email: 'readonly@acme.test', username: 'Rex Reader', role: 'READ_ONLY_USER' },
];

/**
 * Seeds the demo tenant "Acme" once: three people, two service accounts and a dozen
 * keys, some expired, some expiring this week, some never. Later starts reuse it.
 */
export async function seedDemo(store: Store): Promise<DemoLogin[]> {
  const logins = PEOPLE.map(({ email, role }) => ({ email, password: DEMO_PASSWORD, role }));
  if (await store.findTenantByIdOrSlug('acme')) return logins;

  const audit = { actorId: null, sourceAddress: 'demo-seed' };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = [];
  for (const person of PEOPLE) {
    people.push((await store.findUserByEmail(person.email)) ?? (await store.createUser({ email: person.email, username: person.username, passwordHash })));
  }
  const [admin, user, reader] = people;
  const tenant = await store.createTenant({ name: 'Acme', slug: 'acme', adminUserId: admin.id }, { ...audit, actorId: admin.id });
  // createTenant made the admin a member; the others join as their roles.
  for (const [index, person] of [user, reader].entries()) {
    const invitation = await store.createInvitation(
      {
        tenantId: tenant.id,
        email: person.email!,
        role: PEOPLE[index + 1].role,
        tokenHash: randomUUID(),
        invitedById: admin.id,
        expiresAt: new Date(Date.now() + DAY).toISOString(),
      },
      { ...audit, actorId: admin.id },
    );
    await store.acceptInvitation(invitation.id, person.id, audit);
  }
  const ci = await store.createServiceAccount({ tenantId: tenant.id, name: 'ci-deployer', role: 'TENANT_ADMIN' }, { ...audit, actorId: admin.id });
  const agent = await store.createServiceAccount({ tenantId: tenant.id, name: 'flow-agent', role: 'USER' }, { ...audit, actorId: admin.id });

  const now = Date.now();
  const keys: [owner: { id: string; account_type: string }, name: string, expiresInDays: number | null][] = [
    [admin, 'laptop', 30],
    [admin, 'old-script', -3],
    [admin, 'notebook', 5],
    [admin, 'personal-cli', null],
    [user, 'dev-machine', 60],
    [user, 'temp-debugging', 2],
    [user, 'last-quarter', -40],
    [reader, 'dashboards', 90],
    [ci, 'github-actions', null],
    [ci, 'nightly-build', 6],
    [agent, 'k8s-agent', null],
    [agent, 'retired-agent', -10],
  ];
  for (const [owner, name, days] of keys) {
    const service = owner.account_type === 'SERVICE';
    // People make their own keys (nobody may make another person's); the administrator makes the service accounts'.
    const creatorId = service ? admin.id : owner.id;
    const key = generateKey(service ? SERVICE_KEY_PREFIX : USER_KEY_PREFIX);
    await store.createApiKey(
      {
        id: randomUUID(),
        name,
        keyHash: hashKey(key),
        keyHint: keyHint(key),
        userId: owner.id,
        tenantId: tenant.id,
        createdById: creatorId,
        expiresAt: days === null ? null : new Date(now + days * DAY).toISOString(),
      },
      { ...audit, actorId: creatorId },
    );
  }
  return logins;
}
