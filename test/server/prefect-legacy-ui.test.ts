import { parse, print, visit, Kind, type SelectionSetNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, startServer, type Auth, type Server, type World } from './harness.js';
import { makeInvitation, makeKey, makeServiceAccount, stableSnapshot, unique } from './hardening-support.js';

// Prefect's legacy UI (PrefectHQ/legacy-ui) talks to its API with Apollo Client:
// BatchHttpLink posts every operation in a JSON array, the cache adds __typename to
// every selection set, and a header names the tenant (X-Prefect-Tenant-ID). Its
// documents about keys, service accounts, members, invitations and tenants are quoted
// below as they are in its src/graphql folder (Tenant/tenants.js as it reads without
// Prefect Cloud's billing fields); each runs here as the UI sends it, signed in with a
// Keyplane session (the legacy UI's Auth0 sign-in is not served, see
// docs/prefect-compatibility.md). The documents Keyplane does not serve are listed there.

export const LEGACY_DOCUMENTS = {
  'Account/invitations.gql': `query AccountMembershipInvitations {
  membership_invitation {
    id
    created
    email
    role
  }
}
`,
  'License/license.gql': `query License {
  auth_info {
    license
    permissions
    role_id
  }
}
`,
  'Mutations/create-tenant.gql': `mutation CreateTenant($input: create_tenant_input!) {
  create_tenant(input: $input) {
    id
  }
}
`,
  'Notifications/membership-invitation.gql': `query MembershipInvitation($id: uuid!) {
  membership_invitation_by_pk(id: $id) {
    id
    role_detail {
      id
      name
    }
    email
    created
    tenant {
      id
      name
    }
  }
}
`,
  'Notifications/teams.gql': `query Teams {
  teams: tenant(order_by: { name: asc }) {
    id
    name
    slug
  }
}
`,
  'TeamSettings/membership-invitation-roles.gql': `query MembershipInvitationRoles {
    membership_invitation {
        role_id
    }
}`,
  'TeamSettings/membership-roles.gql': `query RolesInUse {
    membership {
        id
        role_id
    }
}`,
  'TeamSettings/memberships.gql': `query Memberships {
  memberships: user_view_same_tenant {
    id
    account_type

    memberships {
      id
    }
  }

  membershipInvitations: membership_invitation {
    id
  }
}
`,
  'TeamSettings/roles.gql': `query AuthRoles {
  auth_role {
    name
    permissions
    created
    updated
    tenant_id
    id
  }
}
`,
  'Tenant/accept-membership-invitation.gql': `mutation AcceptMembershipInvitation($membershipInvitationId: UUID!) {
  accept_membership_invitation(
    input: { invitation_id: $membershipInvitationId }
  ) {
    id
  }
}
`,
  'Tenant/create-membership-invitation.gql': `mutation CreateMembershipInvitation(
  $input: create_membership_invitation_input!
) {
  create_membership_invitation(input: $input) {
    id
  }
}
`,
  'Tenant/delete-membership-invitation.gql': `mutation DeleteMembershipInvitation($membershipInvitationId: UUID!) {
  delete_membership_invitation(
    input: { invitation_id: $membershipInvitationId }
  ) {
    success
  }
}
`,
  'Tenant/delete-membership.gql': `mutation DeleteMembership($membershipId: UUID!) {
  delete_membership(input: { membership_id: $membershipId }) {
    success
  }
}
`,
  'Tenant/delete-tenant.gql': `mutation DeleteTenant($input: delete_tenant_input!) {
  delete_tenant(input: $input) {
    success
  }
}
`,
  'Tenant/membership-invitation.gql': `query Memberships($id: uuid!) {
  membership_invitation_by_pk(id: $id ) {
    id
    created
    email
    role_detail {
      id
      name
    }
    tenant {
      id
      name
      slug
    }
    user {
      id
      username
      email
    }
    tenant_id
  }
}
`,
  'Tenant/pending-invitations-by-email.gql': `query PendingInvitations($email: String!) {
  pendingInvitations: membership_invitation(
    where: { email: { _eq: $email } }
  ) {
    id
    role_detail {
      id
      name
    }
    email
    created
    tenant {
      id
      name
      slug
    }
  }
}
`,
  'Tenant/pending-invitations.gql': `query PendingInvitations {
  pendingInvitations: membership_invitation {
    id
    created
    email
    role_detail {
      id
      name
    }
    tenant {
      id
    }
  }
}
`,
  'Tenant/set-membership-role.gql': `mutation SetMembershipRole($input: set_membership_role_input!) {
  set_membership_role(input: $input) {
    id
  }
}
`,
  'Tenant/tenant-by-pk.gql': `query Tenant($id: uuid!) {
  tenant_by_pk(id: $id) {
    id
    name
    info
    settings
    slug
    created
  }
}
`,
  'Tenant/tenant-by-slug.gql': `query CheckTenantSlug($slug: String!) {
  tenant(where: { slug: { _eq: $slug } }) {
    id
  }
}
`,
  'Tenant/tenant-id-by-membership-id.gql': `query Membership($membershipId: uuid!) {
  membership(where: { id: { _eq: $membershipId } }) {
    id
    tenant {
      id
    }
  }
}
`,
  'Tenant/tenant-users.gql': `query TenantUsers {
  tenantUsers: user_view_same_tenant {
    id
    username
    email
    first_name
    last_name
    account_type
    memberships {
      id
      tenant_id
      role_detail {
        id
        name
      }
    }
  }
}
`,
  'Tenant/tenants.js (server)': `
    query Tenants {
      tenant {
        id
        created
        name
        info
        settings
        
        
        slug
      }
    }
`,
  'Tenant/update-tenant.gql': `mutation UpdateTenant($name: String!, $slug: String!) {
  update_tenant_name(input: { name: $name }) {
    id
  }
  update_tenant_slug(input: { slug: $slug }) {
    id
  }
}
`,
  'Tokens/api-keys.gql': `query APIKeys {
  auth_api_key(order_by: { created: desc }) {
    id
    name
    created
    expires_at
    default_tenant_id
    user_id
    updated

    created_by {
      id
      username
    }
  }
}
`,
  'Tokens/create-api-key.gql': `mutation CreateAPIKey(
  $user_id: UUID!
  $name: String!
  $expires_at: DateTime
  $tenant_id: UUID
) {
  create_api_key(
    input: {
      user_id: $user_id
      name: $name
      expires_at: $expires_at
      default_tenant_id: $tenant_id
    }
  ) {
    id
    key
  }
}
`,
  'Tokens/delete-api-key.gql': `mutation DeleteAPIKey($id: UUID!) {
  delete_api_key(input: { key_id: $id }) {
    success
  }
}
`,
  'User/create-service-account.gql': `mutation CreateServiceAccount($input: create_service_account_input!) {
  create_service_account(input: $input) {
    id
  }
}
`,
  'User/delete-service-account.gql': `mutation DeleteServiceAccount($id: UUID!) {
  delete_service_account(input: { user_id: $id }) {
    success
  }
}
`,
  'User/user.gql': `query User {
  user {
    id
    username
    email
    settings
    default_membership_id
    first_name
    last_name
    memberships {
      id
      tenant {
        id
        name
        slug
      }
      role_detail {
        id
        name
      }
    }
  }
}
`,
  'hello.gql': `query Hello {
  hello
}
`,
} as const;

type LegacyFile = keyof typeof LEGACY_DOCUMENTS;

/** What Apollo's cache does to a document before the link sends it. */
function withTypename(text: string): string {
  const document = visit(parse(text), {
    SelectionSet: (node: SelectionSetNode, _key, parent) => {
      if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
      if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) return undefined;
      return { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };
    },
  });
  return print(document);
}

const operationNameOf = (text: string) => /^\s*(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(text)?.[1] ?? null;

interface Sent {
  file: LegacyFile;
  variables?: Record<string, unknown>;
}

let server: Server;
let world: World;

/** One BatchHttpLink request: the operations in a JSON array, answered by an array. */
async function apollo(operations: Sent[], auth: Auth, tenantId?: string) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-prefect-ui': 'true',
    'x-backend': 'CLOUD',
    'x-keyplane-csrf': '1',
  };
  if (auth.cookie) headers.cookie = `keyplane_session=${auth.cookie}`;
  if (auth.key) headers.authorization = `Bearer ${auth.key}`;
  if (tenantId) headers['x-prefect-tenant-id'] = tenantId;
  const body = operations.map(({ file, variables }) => {
    const query = LEGACY_DOCUMENTS[file];
    return { operationName: operationNameOf(query), variables: variables ?? {}, query: withTypename(query) };
  });
  const response = await server.app.inject({ method: 'POST', url: '/graphql', headers, payload: JSON.stringify(body) });
  return { status: response.statusCode, body: response.json() };
}

/** One document, sent as the UI sends it (a batch of one); its answer, which must have no errors. */
async function run(file: LegacyFile, variables: Record<string, unknown> = {}, auth: Auth = { cookie: world.sessions.admin }, tenantId = world.ids.tenantA) {
  const result = await apollo([{ file, variables }], auth, tenantId);
  expect(result.status, file).toBe(200);
  expect(Array.isArray(result.body), file).toBe(true);
  expect(result.body[0].errors, file).toBeUndefined();
  return result.body[0].data;
}

const person = (email: string) => ({ cookie: email });

beforeAll(async () => {
  server = await startServer({ authFailuresPerMinute: 1_000_000 });
  world = await buildWorld(server);
});
afterAll(() => server.close());

/** A tenant of B's administrator that has invited `email`; the invitation's id. */
async function invitedToAnotherTenant(email: string) {
  const tenant = await server.app.store.createTenant(
    { name: unique('Other'), slug: unique('other'), adminUserId: world.ids.adminB },
    { actorId: null, sourceAddress: null },
  );
  const invitation = await server.app.store.createInvitation(
    {
      tenantId: tenant.id,
      email,
      role: 'USER',
      tokenHash: unique('hash'),
      invitedById: world.ids.adminB,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
    { actorId: null, sourceAddress: null },
  );
  return { tenant, invitationId: invitation.id };
}

describe("the legacy UI's documents, as its Apollo client sends them", () => {
  it('User/user.gql: the signed-in user with settings (an empty object) and memberships', async () => {
    const data = await run('User/user.gql');
    expect(data.user).toHaveLength(1);
    expect(data.user[0]).toMatchObject({ id: world.ids.admin, email: 'admin@a.test', settings: {}, __typename: 'user' });
    expect(data.user[0].memberships[0]).toMatchObject({
      tenant: { id: world.ids.tenantA, slug: 'tenant-a' },
      role_detail: { id: 'TENANT_ADMIN', name: 'Administrator' },
    });
  });

  it('Tenant/tenants.js: tenants with info and settings (empty objects)', async () => {
    const data = await run('Tenant/tenants.js (server)');
    expect(data.tenant).toContainEqual(expect.objectContaining({ id: world.ids.tenantA, name: 'Tenant A', slug: 'tenant-a', info: {}, settings: {} }));
  });

  it('Tenant/tenant-by-pk.gql, and null for a tenant the caller is not in', async () => {
    expect((await run('Tenant/tenant-by-pk.gql', { id: world.ids.tenantA })).tenant_by_pk).toMatchObject({
      id: world.ids.tenantA,
      info: {},
      settings: {},
      slug: 'tenant-a',
    });
    expect((await run('Tenant/tenant-by-pk.gql', { id: world.ids.tenantB })).tenant_by_pk).toBeNull();
  });

  it('Tenant/tenant-by-slug.gql and Notifications/teams.gql', async () => {
    expect((await run('Tenant/tenant-by-slug.gql', { slug: 'tenant-a' })).tenant).toEqual([{ id: world.ids.tenantA, __typename: 'tenant' }]);
    expect((await run('Notifications/teams.gql')).teams.map((t: { slug: string }) => t.slug)).toContain('tenant-a');
  });

  it('License/license.gql: auth_info with role_id, and no licence', async () => {
    const data = await run('License/license.gql');
    expect(data.auth_info).toMatchObject({ license: null, role_id: 'TENANT_ADMIN' });
    expect(data.auth_info.permissions).toContain('create:membership_invitation');
  });

  it('TeamSettings/roles.gql: the three roles, by the ids role_id takes', async () => {
    const data = await run('TeamSettings/roles.gql', {}, { cookie: world.sessions.reader });
    expect(data.auth_role.map((r: { id: string; name: string }) => [r.id, r.name])).toEqual([
      ['TENANT_ADMIN', 'TENANT_ADMIN'],
      ['USER', 'USER'],
      ['READ_ONLY_USER', 'READ_ONLY_USER'],
    ]);
    expect(data.auth_role[0]).toMatchObject({ created: null, updated: null, tenant_id: null });
    expect(data.auth_role.find((r: { id: string }) => r.id === 'READ_ONLY_USER').permissions).not.toContain(
      'create:own_api_key'.replace('own', 'service_account'),
    );
  });

  it('TeamSettings/memberships.gql, Tenant/tenant-users.gql and TeamSettings/membership-roles.gql', async () => {
    const memberships = await run('TeamSettings/memberships.gql');
    expect(memberships.memberships.length).toBeGreaterThanOrEqual(5);
    const users = await run('Tenant/tenant-users.gql');
    expect(users.tenantUsers.find((u: { id: string }) => u.id === world.ids.reader).memberships[0].role_detail).toMatchObject({ id: 'READ_ONLY_USER' });
    const roles = await run('TeamSettings/membership-roles.gql', {}, { cookie: world.sessions.user });
    const readerMembership = users.tenantUsers.find((u: { id: string }) => u.id === world.ids.reader).memberships[0].id;
    expect(roles.membership).toContainEqual({ id: readerMembership, role_id: 'READ_ONLY_USER', __typename: 'membership' });
  });

  it("Tenant/tenant-id-by-membership-id.gql: the root membership query, by the caller's own membership", async () => {
    const mine = (await run('User/user.gql')).user[0].memberships[0].id;
    expect((await run('Tenant/tenant-id-by-membership-id.gql', { membershipId: mine })).membership).toEqual([
      { id: mine, tenant: { id: world.ids.tenantA, __typename: 'tenant' }, __typename: 'membership' },
    ]);
  });

  it('Tokens/api-keys.gql, Tokens/create-api-key.gql, Tokens/delete-api-key.gql', async () => {
    const created = await run(
      'Tokens/create-api-key.gql',
      { user_id: world.ids.user, name: 'legacy key', expires_at: null, tenant_id: world.ids.tenantA },
      { cookie: world.sessions.user },
    );
    expect(created.create_api_key.key).toMatch(/^kpu_/);
    const listed = await run('Tokens/api-keys.gql', {}, { cookie: world.sessions.user });
    expect(listed.auth_api_key).toContainEqual(
      expect.objectContaining({
        id: created.create_api_key.id,
        name: 'legacy key',
        default_tenant_id: world.ids.tenantA,
        created_by: { id: world.ids.user, username: 'Uma User', __typename: 'api_key_user' },
      }),
    );
    expect((await run('Tokens/delete-api-key.gql', { id: created.create_api_key.id }, { cookie: world.sessions.user })).delete_api_key.success).toBe(true);
  });

  it('User/create-service-account.gql with role_id, Tenant/set-membership-role.gql with role_id, User/delete-service-account.gql', async () => {
    const created = await run('User/create-service-account.gql', { input: { tenant_id: world.ids.tenantA, name: 'legacy-bot', role_id: 'USER' } });
    const account = created.create_service_account.id;
    const membership = (await server.app.store.listMembershipsOfUser(account))[0];
    expect(membership.role).toBe('USER');
    expect((await run('Tenant/set-membership-role.gql', { input: { role_id: 'READ_ONLY_USER', membership_id: membership.id } })).set_membership_role.id).toBe(
      membership.id,
    );
    expect((await server.app.store.getMembership(membership.id))?.role).toBe('READ_ONLY_USER');
    expect((await run('User/delete-service-account.gql', { id: account })).delete_service_account.success).toBe(true);
  });

  it("Tenant/create-membership-invitation.gql without tenant_id (the request's tenant) and with role_id; the invitations lists", async () => {
    const email = `${unique('legacy')}@example.test`;
    const created = await run('Tenant/create-membership-invitation.gql', { input: { email, role_id: 'USER' } });
    const invitation = await server.app.store.getInvitation(created.create_membership_invitation.id);
    expect(invitation).toMatchObject({ tenant_id: world.ids.tenantA, email, role: 'USER' });
    expect((await run('Account/invitations.gql')).membership_invitation).toContainEqual(expect.objectContaining({ id: invitation!.id, email, role: 'USER' }));
    expect((await run('TeamSettings/membership-invitation-roles.gql')).membership_invitation).toContainEqual({
      role_id: 'USER',
      __typename: 'membership_invitation',
    });
    const pending = await run('Tenant/pending-invitations.gql');
    expect(pending.pendingInvitations).toContainEqual(expect.objectContaining({ id: invitation!.id, tenant: { id: world.ids.tenantA, __typename: 'tenant' } }));
    expect((await run('Tenant/delete-membership-invitation.gql', { membershipInvitationId: invitation!.id })).delete_membership_invitation.success).toBe(true);
  });

  it("an invited person's documents: pending invitations by email, the invitation by id, accepting it without a token", async () => {
    const { tenant, invitationId } = await invitedToAnotherTenant('user@a.test');
    const uma = person(world.sessions.user);
    const byEmail = await run('Tenant/pending-invitations-by-email.gql', { email: 'user@a.test' }, uma);
    expect(byEmail.pendingInvitations).toContainEqual(
      expect.objectContaining({
        id: invitationId,
        email: 'user@a.test',
        tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug, __typename: 'tenant' },
      }),
    );
    const notification = await run('Notifications/membership-invitation.gql', { id: invitationId }, uma);
    expect(notification.membership_invitation_by_pk).toMatchObject({
      id: invitationId,
      role_detail: { id: 'USER', name: 'User' },
      tenant: { id: tenant.id, name: tenant.name },
    });
    const page = await run('Tenant/membership-invitation.gql', { id: invitationId }, uma);
    expect(page.membership_invitation_by_pk).toMatchObject({ tenant_id: tenant.id, user: { id: world.ids.user, username: 'Uma User', email: 'user@a.test' } });
    // To the inviting administrator the invitation shows no account: whether an email has one is not told.
    const asInviter = await run('Tenant/membership-invitation.gql', { id: invitationId }, { cookie: world.sessions.adminB }, tenant.id);
    expect(asInviter.membership_invitation_by_pk).toMatchObject({ id: invitationId, user: null });
    // Someone else sees nothing.
    expect((await run('Tenant/membership-invitation.gql', { id: invitationId })).membership_invitation_by_pk).toBeNull();

    const accepted = await run('Tenant/accept-membership-invitation.gql', { membershipInvitationId: invitationId }, uma);
    const joined = await server.app.store.findMembership(world.ids.user, tenant.id);
    expect(accepted.accept_membership_invitation).toEqual({ id: joined!.id, __typename: 'accept_membership_invitation_payload' });
  });

  it("an administrator's own invitations elsewhere show when asked for by email, not in the tenant's list", async () => {
    const { invitationId } = await invitedToAnotherTenant('admin@a.test');
    const tenantList = await run('Tenant/pending-invitations.gql');
    expect(tenantList.pendingInvitations.map((i: { id: string }) => i.id)).not.toContain(invitationId);
    expect(tenantList.pendingInvitations.every((i: { tenant: { id: string } }) => i.tenant.id === world.ids.tenantA)).toBe(true);
    const mine = await run('Tenant/pending-invitations-by-email.gql', { email: 'ADMIN@a.test' });
    expect(mine.pendingInvitations.map((i: { id: string }) => i.id)).toEqual([invitationId]);
  });

  it('an invited person declines with Tenant/delete-membership-invitation.gql', async () => {
    const { invitationId } = await invitedToAnotherTenant('reader@a.test');
    expect(
      (await run('Tenant/delete-membership-invitation.gql', { membershipInvitationId: invitationId }, { cookie: world.sessions.reader }))
        .delete_membership_invitation.success,
    ).toBe(true);
    expect((await server.app.store.getInvitation(invitationId))?.revoked_at).not.toBeNull();
  });

  it("Tenant/update-tenant.gql renames the request's tenant and changes its slug, audited", async () => {
    const tenant = await server.app.store.createTenant(
      { name: 'Before', slug: unique('before'), adminUserId: world.ids.admin },
      { actorId: null, sourceAddress: null },
    );
    const slug = unique('after');
    const data = await run('Tenant/update-tenant.gql', { name: 'After', slug }, undefined, tenant.id);
    expect(data).toMatchObject({ update_tenant_name: { id: tenant.id }, update_tenant_slug: { id: tenant.id } });
    expect(await server.app.store.getTenant(tenant.id)).toMatchObject({ name: 'After', slug });
    const events = await server.app.store.listAuditEvents(tenant.id, { limit: 10, offset: 0 });
    expect(events.map((e) => [e.action, e.target_name])).toEqual(
      expect.arrayContaining([
        ['tenant.rename', 'Before → After'],
        ['tenant.slug_change', `${tenant.slug} → ${slug}`],
      ]),
    );
  });

  it("Tenant/delete-tenant.gql deletes the request's tenant, revoking each of its keys with its own audit event", async () => {
    const store = server.app.store;
    const tenant = await store.createTenant({ name: 'Doomed', slug: unique('doomed'), adminUserId: world.ids.admin }, { actorId: null, sourceAddress: null });
    const personal = await makeKey(server, { userId: world.ids.admin, tenantId: tenant.id });
    const bot = await makeServiceAccount(server, tenant.id, 'USER');
    const botKey = await makeKey(server, { userId: bot, tenantId: tenant.id, service: true });
    await makeInvitation(server, tenant.id, world.ids.admin);
    const elsewhere = await makeKey(server, { userId: world.ids.admin, tenantId: world.ids.tenantA });

    expect((await run('Tenant/delete-tenant.gql', { input: { confirm: true } }, undefined, tenant.id)).delete_tenant.success).toBe(true);
    expect(await store.getTenant(tenant.id)).toBeNull();
    for (const key of [personal, botKey]) {
      expect((await server.gql(`{ auth_info { user_id } }`, {}, { key: key.key })).status).toBe(401);
    }
    expect((await server.gql(`{ auth_info { user_id } }`, {}, { key: elsewhere.key })).status).toBe(200);
    const events = await server.rows("SELECT action, target_id, cause FROM audit_event WHERE tenant_id = ? AND cause = 'tenant_deleted' ORDER BY action", [
      tenant.id,
    ]);
    expect(events).toEqual(
      expect.arrayContaining([
        { action: 'api_key.revoke', target_id: personal.id, cause: 'tenant_deleted' },
        { action: 'api_key.revoke', target_id: botKey.id, cause: 'tenant_deleted' },
        expect.objectContaining({ action: 'invitation.revoke', cause: 'tenant_deleted' }),
        { action: 'service_account.delete', target_id: bot, cause: 'tenant_deleted' },
      ]),
    );
    // Still signed in, with the default moved to a tenant the admin is still in.
    expect((await server.gql(`{ auth_info { tenant_id } }`, {}, { cookie: world.sessions.admin })).data.auth_info.tenant_id).toBe(world.ids.tenantA);
  });

  it('Tenant/delete-membership.gql and Mutations/create-tenant.gql', async () => {
    const created = await run('Mutations/create-tenant.gql', { input: { name: 'Legacy made' } });
    expect(created.create_tenant.id).toEqual(expect.any(String));
    const invitation = await makeInvitation(server, world.ids.tenantA, world.ids.admin);
    const user = await server.app.store.createUser({ email: invitation.email, username: unique('leaver'), passwordHash: 'x' });
    const membership = await server.app.store.acceptInvitation(invitation.id, user.id, { actorId: null, sourceAddress: null });
    expect((await run('Tenant/delete-membership.gql', { membershipId: membership.id })).delete_membership.success).toBe(true);
  });

  it('hello.gql', async () => {
    expect(await run('hello.gql', {}, {})).toEqual({ hello: 'Hello from Keyplane!' });
  });
});

describe('the new operations refuse bad input and change nothing', () => {
  const refused = async (query: string, variables: Record<string, unknown>, auth: Auth, code: string, field?: string, tenant?: string) => {
    const before = await stableSnapshot(server);
    const result = await server.gql(query, variables, { ...auth, ...(tenant && { tenant }) });
    expect(result.errors?.[0]?.extensions, `${query} ${JSON.stringify(variables)}`).toMatchObject({ code, ...(field && { field }) });
    expect(await stableSnapshot(server)).toEqual(before);
  };
  const admin = () => ({ cookie: world.sessions.admin });

  it('update_tenant_name, update_tenant_slug, delete_tenant', async () => {
    const rename = `mutation ($input: update_tenant_name_input!) { update_tenant_name(input: $input) { id } }`;
    const reslug = `mutation ($input: update_tenant_slug_input!) { update_tenant_slug(input: $input) { id } }`;
    const remove = `mutation ($input: delete_tenant_input!) { delete_tenant(input: $input) { success } }`;
    await refused(rename, { input: { name: '   ' } }, admin(), 'BAD_USER_INPUT', 'name');
    await refused(rename, { input: { name: 'x'.repeat(101) } }, admin(), 'BAD_USER_INPUT', 'name');
    await refused(rename, { input: { name: 'Fine', tenant_id: 'nope' } }, admin(), 'BAD_USER_INPUT');
    await refused(rename, { input: { name: 'Fine', tenant_id: world.ids.tenantB } }, admin(), 'NOT_FOUND');
    await refused(reslug, { input: { slug: 'Not A Slug!' } }, admin(), 'BAD_USER_INPUT', 'slug');
    await refused(reslug, { input: { slug: 'tenant-b' } }, admin(), 'BAD_USER_INPUT', 'slug');
    await refused(reslug, { input: { slug: world.ids.tenantB } }, admin(), 'BAD_USER_INPUT', 'slug');
    await refused(remove, { input: { confirm: false } }, admin(), 'BAD_USER_INPUT', 'confirm');
    await refused(remove, { input: { confirm: true, tenant_id: world.ids.tenantB } }, admin(), 'NOT_FOUND');
    await refused(remove, { input: { confirm: true } }, { key: world.keys.adminSa.key }, 'FORBIDDEN');
  });

  it('role and role_id: unknown, or naming different roles', async () => {
    const invite = `mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { id } }`;
    const email = `${unique('x')}@example.test`;
    await refused(invite, { input: { email, role_id: 'OWNER' } }, admin(), 'BAD_USER_INPUT', 'role_id');
    await refused(invite, { input: { email, role: 'USER', role_id: 'TENANT_ADMIN' } }, admin(), 'BAD_USER_INPUT', 'role_id');
    await refused(invite, { input: { email } }, admin(), 'BAD_USER_INPUT', 'role');
    const create = `mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }`;
    await refused(create, { input: { tenant_id: world.ids.tenantA, name: 'bot', role_id: 'ROOT' } }, admin(), 'BAD_USER_INPUT', 'role_id');
    const setRole = `mutation ($input: set_membership_role_input!) { set_membership_role(input: $input) { id } }`;
    const membership = (await server.app.store.findMembership(world.ids.user, world.ids.tenantA))!;
    await refused(setRole, { input: { membership_id: membership.id } }, admin(), 'BAD_USER_INPUT', 'role');
    await refused(setRole, { input: { membership_id: membership.id, role_id: 'nobody' } }, admin(), 'BAD_USER_INPUT', 'role_id');
  });

  it('accept_membership_invitation by id: someone else, a key, both token and id, an invitation no longer pending', async () => {
    const accept = `mutation ($input: accept_membership_invitation_input!) { accept_membership_invitation(input: $input) { id } }`;
    const { invitationId } = await invitedToAnotherTenant('reader@a.test');
    await refused(accept, { input: { invitation_id: invitationId } }, admin(), 'NOT_FOUND');
    await refused(accept, { input: { invitation_id: invitationId } }, { key: world.keys.reader.key }, 'FORBIDDEN');
    await refused(accept, { input: { invitation_id: invitationId, token: 'abc' } }, { cookie: world.sessions.reader }, 'BAD_USER_INPUT', 'invitation_id');
    await refused(accept, { input: {} }, { cookie: world.sessions.reader }, 'BAD_USER_INPUT', 'token');
    await server.app.store.revokeInvitation(invitationId, { actorId: null, sourceAddress: null });
    await refused(accept, { input: { invitation_id: invitationId } }, { cookie: world.sessions.reader }, 'BAD_USER_INPUT', 'invitation_id');
  });

  it('the new lists: a bad filter, a bad limit', async () => {
    await refused(`{ membership(where: { role: { _ilike: 5 } }) { id } }`, {}, admin(), 'BAD_USER_INPUT');
    await refused(`{ membership(limit: 1001) { id } }`, {}, admin(), 'BAD_USER_INPUT', 'limit');
    await refused(`{ membership_invitation(offset: -1) { id } }`, {}, admin(), 'BAD_USER_INPUT', 'offset');
    await refused(`{ membership_invitation_by_pk(id: "nope") { id } }`, {}, admin(), 'BAD_USER_INPUT');
    await refused(`{ agent(limit: -1) { id } }`, {}, admin(), 'BAD_USER_INPUT', 'limit');
  });
});

describe('batches: a JSON array of at most ten operations, answered as an array', () => {
  const admin = () => ({ cookie: world.sessions.admin });

  it('answers each operation in its place, errors and all', async () => {
    const result = await apollo(
      [{ file: 'hello.gql' }, { file: 'Tenant/tenant-by-pk.gql', variables: { id: 'not-a-uuid' } }, { file: 'License/license.gql' }],
      admin(),
      world.ids.tenantA,
    );
    expect(result.status).toBe(200);
    expect(result.body).toHaveLength(3);
    expect(result.body[0]).toEqual({ data: { hello: 'Hello from Keyplane!' } });
    expect(result.body[1].errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.body[2].data.auth_info.role_id).toBe('TENANT_ADMIN');
  });

  it('refuses eleven, running none of them', async () => {
    const before = await stableSnapshot(server);
    const operations = Array.from({ length: 11 }, () => ({ file: 'Mutations/create-tenant.gql' as const, variables: { input: { name: unique('Batch') } } }));
    const result = await apollo(operations, admin());
    expect(result.status).toBe(400);
    expect(result.body.errors[0]).toMatchObject({
      message: 'A batch holds at most 10 operations; this one has 11: send them in several requests.',
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(await stableSnapshot(server)).toEqual(before);
  });

  it('refuses a batch whose operations together cost more than one request may, running none of them', async () => {
    const heavy = `{ auth_api_key(limit: 1000) { id name created updated expires_at key_hint last_used_at default_tenant_id user_id } }`;
    const before = await stableSnapshot(server);
    const body = [
      { query: `mutation { create_tenant(input: { name: "${unique('Never')}" }) { id } }` },
      ...Array.from({ length: 6 }, () => ({ query: heavy })),
    ];
    const response = await server.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', cookie: `keyplane_session=${world.sessions.admin}`, 'x-keyplane-csrf': '1' },
      payload: JSON.stringify(body),
    });
    const answers = response.json();
    expect(answers).toHaveLength(7);
    for (const answer of answers) {
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors[0].message).toMatch(/^The batch's 7 operations together: The query may return \d+ fields; at most 50000 are allowed/);
    }
    expect(await stableSnapshot(server)).toEqual(before);
    // Alone, each would have run.
    expect((await server.gql(heavy, {}, admin())).errors).toBeUndefined();
  });

  it('refuses a batch whose operations together use more aliases than one request may', async () => {
    const aliased = `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: hello`).join(' ')} }`;
    const response = await server.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify([{ query: aliased }, { query: aliased }, { query: aliased }]),
    });
    expect(response.json()[0].errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', actual: 24 });
  });

  it('checks each operation of a batch at the gate', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify([{ query: '{ hello }' }, { query: { kind: 'Document' } }]),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({
      message: 'Operation 2 of the batch: query must be a string holding a GraphQL document.',
      extensions: { field: 'query' },
    });
    const empty = await server.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '[]' });
    expect(empty.statusCode).toBe(400);
  });
});
