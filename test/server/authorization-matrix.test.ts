import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '../../src/server/auth/key-format.js';
import { sessionPublicId } from '../../src/server/auth/sessions.js';
import { buildWorld, CREATE_KEY, DELETE_KEY, PASSWORD, startServer, type Auth, type Server, type World } from './harness.js';
import { makeInvitation, makeKey, makeMember, makeServiceAccount, stableSnapshot, unique } from './hardening-support.js';

// Every operation × every kind of caller, with the outcome expected in each cell.
//
//   ok    the call succeeds (for a list: the row it is about is in it)
//   none  the call succeeds but the row it is about is not visible
//   401   HTTP 401, UNAUTHENTICATED          403  HTTP 403, FORBIDDEN (refused before GraphQL)
//   F     FORBIDDEN                          NF   NOT_FOUND (what the caller may not see)
//   BAD   BAD_USER_INPUT
//
// Every refused call must leave the database as it was.

const ACTORS = [
  'anon', // no credentials
  'malformed', // "Bearer not-a-key"
  'checksum', // right shape, wrong checksum
  'unknown', // well-formed key that was never issued
  'expired', // a key past its expires_at
  'revoked', // a revoked key
  'reader', // read-only member of A (session)
  'user', // user of A (session)
  'admin', // administrator of A (session)
  'adminSa', // admin-role service account of A (key)
  'userSa', // user-role service account of A (key)
  'readerSa', // read-only service account of A (key)
  'adminB', // administrator of tenant B only (session)
  'pinned', // A's administrator's key pinned to another tenant (C)
  'nocsrf', // A's administrator's session cookie without X-Keyplane-CSRF
  'keyOther', // a user key of A sent with X-Tenant-Id of B
  'sessOther', // A's administrator's session with X-Tenant-Id of B (not a member)
  'lowKey', // A's administrator's user key made with the role READ_ONLY_USER: acts as a read-only member of A
] as const;
type Actor = (typeof ACTORS)[number];

const MATRIX = `
operation               anon malformed checksum unknown expired revoked reader user admin adminSa userSa readerSa adminB pinned nocsrf keyOther sessOther lowKey
auth_info               401  401       401      401     401     401     ok     ok   ok    ok      ok     ok       ok     ok     403    403      ok        ok
user                    401  401       401      401     401     401     ok     ok   ok    ok      ok     ok       none   none   403    403      ok        ok
tenant                  401  401       401      401     401     401     ok     ok   ok    ok      ok     ok       none   none   403    403      ok        ok
tenant_aggregate        401  401       401      401     401     401     ok     ok   ok    ok      ok     ok       none   F      403    403      ok        ok
members                 401  401       401      401     401     401     ok     ok   ok    ok      ok     ok       none   none   403    403      F         ok
members_aggregate       401  401       401      401     401     401     ok     ok   ok    ok      ok     ok       none   none   403    403      F         ok
member_by_pk            401  401       401      401     401     401     ok     ok   ok    ok      ok     ok       none   none   403    403      F         ok
list_sa_keys            401  401       401      401     401     401     none   none ok    ok      none   none     none   none   403    403      none      none
count_sa_keys           401  401       401      401     401     401     none   none ok    ok      none   none     none   none   403    403      none      none
sa_key_by_pk            401  401       401      401     401     401     none   none ok    ok      none   none     none   none   403    403      none      none
sa_key_agents           401  401       401      401     401     401     none   none ok    ok      none   none     none   none   403    403      none      none
own_key_agents          401  401       401      401     401     401     ok     ok   ok    ok      ok     ok       ok     none   403    403      ok        ok
own_key_by_pk           401  401       401      401     401     401     ok     ok   ok    ok      ok     ok       ok     none   403    403      ok        ok
invitations             401  401       401      401     401     401     none   none ok    ok      none   none     none   none   403    403      F         none
own_invitations         401  401       401      401     401     401     ok     ok   ok    none    none   none     ok     none   403    403      F         none
invitation_by_pk        401  401       401      401     401     401     none   none ok    ok      none   none     none   none   403    403      ok        none
own_invitation_by_pk    401  401       401      401     401     401     ok     ok   ok    none    none   none     ok     none   403    403      ok        none
audit_log               401  401       401      401     401     401     F      F    ok    ok      F      F        none   none   403    403      F         F
audit_count             401  401       401      401     401     401     F      F    ok    ok      F      F        none   none   403    403      F         F
audit_actors            401  401       401      401     401     401     F      F    ok    ok      F      F        none   none   403    403      F         F
audit_actors_count      401  401       401      401     401     401     F      F    ok    ok      F      F        ok     ok     403    403      F         F
lookup_sa_key           401  401       401      401     401     401     F      F    ok    ok      F      F        none   none   403    403      F         F
lookup_person_key       401  401       401      401     401     401     F      F    ok    ok      F      F        none   none   403    403      F         F
lookup_hint             401  401       401      401     401     401     F      F    ok    ok      F      F        none   none   403    403      F         F
key_notices             401  401       401      401     401     401     ok     ok   ok    ok      ok     ok       ok     ok     403    403      F         ok
key_notices_sa          401  401       401      401     401     401     none   none ok    ok      none   none     NF     NF     403    403      ok        none
leaked_sa_key           401  401       401      401     401     401     NF     NF   ok    ok      NF     NF       NF     NF     403    403      ok        NF
leaked_own_key          401  401       401      401     401     401     ok     ok   ok    ok      NF     NF       ok     NF     403    403      ok        NF
leaked_person_key       401  401       401      401     401     401     NF     NF   ok    ok      NF     NF       NF     NF     403    403      ok        NF
setup_required          ok   401       401      401     401     401     ok     ok   ok    ok      ok     ok       ok     ok     403    403      ok        ok
invitation_preview      ok   401       401      401     401     401     ok     ok   ok    ok      ok     ok       ok     ok     403    403      ok        ok
tenant_by_pk            401  401       401      401     401     401     ok     ok   ok    ok      ok     ok       none   F      403    403      ok        ok
tenant_other_slug       401  401       401      401     401     401     none   none none  F       F      F        ok     F      403    403      none      F
tenant_previous_slug    401  401       401      401     401     401     ok     ok   ok    ok      ok     ok       none   none   403    403      ok        ok
tenant_live_key_count   401  401       401      401     401     401     none   none ok    ok      none   none     none   F      403    403      ok        none
memberships             401  401       401      401     401     401     ok     ok   ok    ok      ok     ok       none   none   403    403      F         ok
auth_role               401  401       401      401     401     401     ok     ok   ok    ok      ok     ok       ok     ok     403    403      ok        ok
hello                   ok   401       401      401     401     401     ok     ok   ok    ok      ok     ok       ok     ok     403    403      ok        ok
agents                  401  401       401      401     401     401     F      F    ok    ok      F      F        none   none   403    403      F         F
canary_keys             401  401       401      401     401     401     F      F    ok    ok      F      F        none   none   403    403      F         F
canary_keys_count       401  401       401      401     401     401     F      F    ok    ok      F      F        none   none   403    403      F         F
create_canary_key       401  401       401      401     401     401     F      F    ok    ok      F      F        NF     NF     403    403      ok        F
delete_canary_key       401  401       401      401     401     401     NF     NF   ok    ok      NF     NF       NF     NF     403    403      ok        NF
webhooks                401  401       401      401     401     401     F      F    ok    ok      F      F        none   none   403    403      F         F
webhook_deliveries      401  401       401      401     401     401     NF     NF   ok    ok      NF     NF       NF     NF     403    403      ok        NF
webhook_deliveries_count 401 401       401      401     401     401     NF     NF   ok    ok      NF     NF       NF     NF     403    403      ok        NF
create_webhook          401  401       401      401     401     401     F      F    ok    ok      F      F        NF     NF     403    403      ok        F
update_webhook          401  401       401      401     401     401     NF     NF   ok    ok      NF     NF       NF     NF     403    403      ok        NF
delete_webhook          401  401       401      401     401     401     NF     NF   ok    ok      NF     NF       NF     NF     403    403      ok        NF
redeliver_webhook       401  401       401      401     401     401     NF     NF   ok    ok      NF     NF       NF     NF     403    403      ok        NF
send_test_webhook       401  401       401      401     401     401     NF     NF   ok    ok      NF     NF       NF     NF     403    403      ok        NF
create_own_key          401  401       401      401     401     401     ok     ok   ok    ok      F      F        ok     ok     403    403      BAD       ok
create_sa_key           401  401       401      401     401     401     F      F    ok    ok      F      F        NF     NF     403    403      ok        F
create_other_person_key 401  401       401      401     401     401     F      F    F     F       F      F        NF     NF     403    403      NF        F
revoke_own_key          401  401       401      401     401     401     ok     ok   ok    ok      F      F        ok     NF     403    403      ok        ok
revoke_sa_key           401  401       401      401     401     401     NF     NF   ok    ok      NF     NF       NF     NF     403    403      ok        NF
revoke_other_person_key 401  401       401      401     401     401     NF     NF   NF    NF      NF     NF       NF     NF     403    403      NF        NF
rotate_own_key          401  401       401      401     401     401     ok     ok   ok    ok      F      F        ok     NF     403    403      ok        ok
rotate_sa_key           401  401       401      401     401     401     NF     NF   ok    ok      NF     NF       NF     NF     403    403      ok        NF
rotate_other_person_key 401  401       401      401     401     401     NF     NF   NF    NF      NF     NF       NF     NF     403    403      NF        NF
create_admin_role_key   401  401       401      401     401     401     BAD    BAD  ok    ok      F      F        ok     ok     403    403      BAD       BAD
update_own_key          401  401       401      401     401     401     ok     ok   ok    ok      F      F        ok     NF     403    403      ok        ok
update_sa_key           401  401       401      401     401     401     NF     NF   ok    ok      NF     NF       NF     NF     403    403      ok        NF
update_other_person_key 401  401       401      401     401     401     NF     NF   NF    NF      NF     NF       NF     NF     403    403      NF        NF
create_service_account  401  401       401      401     401     401     F      F    ok    ok      F      F        NF     NF     403    403      ok        F
delete_service_account  401  401       401      401     401     401     F      F    ok    ok      F      F        NF     NF     403    403      ok        F
set_membership_role     401  401       401      401     401     401     F      F    ok    ok      F      F        NF     NF     403    403      ok        F
delete_membership       401  401       401      401     401     401     F      F    ok    ok      F      F        NF     NF     403    403      ok        F
create_invitation       401  401       401      401     401     401     F      F    ok    ok      F      F        NF     NF     403    403      ok        F
delete_invitation       401  401       401      401     401     401     NF     NF   ok    ok      NF     NF       NF     NF     403    403      ok        NF
create_tenant           401  401       401      401     401     401     ok     ok   ok    F       F      F        ok     ok     403    403      ok        ok
create_invitation_here  401  401       401      401     401     401     F      F    ok    ok      F      F        ok     ok     403    403      F         F
update_tenant_name      401  401       401      401     401     401     F      F    ok    ok      F      F        ok     ok     403    403      F         F
update_tenant_slug      401  401       401      401     401     401     F      F    ok    ok      F      F        ok     ok     403    403      F         F
delete_tenant           401  401       401      401     401     401     F      F    ok    F       F      F        ok     NF     403    403      ok        NF
tenant_policy           401  401       401      401     401     401     ok     ok   ok    ok      ok     ok       NF     NF     403    403      ok        ok
tenant_policy_outside   401  401       401      401     401     401     none   none ok    ok      none   none     NF     NF     403    403      ok        none
set_tenant_policy       401  401       401      401     401     401     F      F    ok    ok      F      F        NF     NF     403    403      ok        F
shorten_keys_to_policy  401  401       401      401     401     401     F      F    ok    ok      F      F        NF     NF     403    403      ok        F
register_agent          401  401       401      401     401     401     F      F    F     ok      ok     F        F      ok     403    403      F         F
accept_invitation_by_id 401  401       401      401     401     401     ok     ok   ok    F       F      F        ok     F      403    403      ok        F
decline_invitation      401  401       401      401     401     401     ok     ok   ok    NF      NF     NF       ok     NF     403    403      ok        NF
my_sessions             401  401       401      401     401     401     ok     ok   ok    F       F      F        ok     F      403    403      ok        F
change_password         401  401       401      401     401     401     ok     ok   ok    F       F      F        ok     F      403    403      ok        F
delete_own_session      401  401       401      401     401     401     ok     ok   ok    F       F      F        ok     F      403    403      ok        F
delete_others_session   401  401       401      401     401     401     NF     NF   NF    F       F      F        NF     F      403    403      NF        F
delete_other_sessions   401  401       401      401     401     401     ok     ok   ok    F       F      F        ok     F      403    403      ok        F
update_user_profile     401  401       401      401     401     401     ok     ok   ok    F       F      F        ok     F      403    403      ok        F
bootstrap               BAD  401       401      401     401     401     BAD    BAD  BAD   BAD     BAD    BAD      BAD    BAD    403    403      BAD       BAD
log_in_wrong_password   BAD  401       401      401     401     401     BAD    BAD  BAD   BAD     BAD    BAD      BAD    BAD    403    403      BAD       BAD
accept_invitation       ok   401       401      401     401     401     BAD    BAD  BAD   F       F      F        ok     F      403    403      BAD       F
log_out                 ok   401       401      401     401     401     ok     ok   ok    ok      ok     ok       ok     ok     403    403      ok        ok
`;

type Outcome = 'ok' | 'none' | '401' | '403' | 'F' | 'NF' | 'BAD';
const CODE_OF: Record<Exclude<Outcome, 'ok' | 'none'>, string> = {
  '401': 'UNAUTHENTICATED',
  '403': 'FORBIDDEN',
  F: 'FORBIDDEN',
  NF: 'NOT_FOUND',
  BAD: 'BAD_USER_INPUT',
};

function parseMatrix(text: string) {
  const [header, ...lines] = text
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  expect(header.slice(1)).toEqual([...ACTORS]);
  return lines.map(([operation, ...cells]) => {
    expect(cells, operation).toHaveLength(ACTORS.length);
    return { operation, expected: Object.fromEntries(ACTORS.map((actor, i) => [actor, cells[i] as Outcome])) as Record<Actor, Outcome> };
  });
}

let server: Server;
let world: World;
let auth: Record<Actor, Auth>;
/** Whose own things an actor acts on (for the bad credentials: the administrator's). */
let self: Record<Actor, { userId: string; tenantId: string; service?: boolean }>;
let targetSa: string;

beforeAll(async () => {
  // The failure limiter would turn the bad-key columns into 429s; it has its own tests.
  // Webhooks to loopback allowed: create_webhook's URL is checked without a DNS lookup, and nothing is sent to it.
  server = await startServer({ authFailuresPerMinute: 1_000_000, loginFailuresPerAccount: 1_000_000, webhooksAllowPrivate: true });
  world = await buildWorld(server);
  const { ids, sessions, keys } = world;
  const tenantC = await server.gql(`mutation { create_tenant(input: { name: "Tenant C" }) { id } }`, {}, { cookie: sessions.admin });
  const pinned = await world.createKey(sessions.admin, ids.admin, 'pinned-to-c', { default_tenant_id: tenantC.data.create_tenant.id });
  const good = generateKey('kpu_');
  const adminSelf = { userId: ids.admin, tenantId: ids.tenantA };
  auth = {
    anon: {},
    malformed: { key: 'not-a-key' },
    checksum: { key: good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A') },
    unknown: { key: generateKey('kpu_') },
    expired: { key: (await makeKey(server, adminSelf, { expiresAt: new Date(Date.now() - 60_000).toISOString() })).key },
    revoked: { key: (await makeKey(server, adminSelf, { revoked: true })).key },
    reader: { cookie: sessions.reader },
    user: { cookie: sessions.user },
    admin: { cookie: sessions.admin },
    adminSa: { key: keys.adminSa.key },
    userSa: { key: keys.userSa.key },
    readerSa: {},
    adminB: { cookie: sessions.adminB },
    pinned: { key: pinned.key },
    nocsrf: { cookie: sessions.admin, csrf: false },
    keyOther: { key: keys.user.key, tenant: ids.tenantB },
    sessOther: { cookie: sessions.admin, tenant: 'tenant-b' },
    lowKey: { key: (await world.createKey(sessions.admin, ids.admin, 'read-only-key', { role: 'READ_ONLY_USER' })).key },
  };
  self = {
    anon: adminSelf,
    malformed: adminSelf,
    checksum: adminSelf,
    unknown: adminSelf,
    expired: adminSelf,
    revoked: adminSelf,
    reader: { userId: ids.reader, tenantId: ids.tenantA },
    user: { userId: ids.user, tenantId: ids.tenantA },
    admin: adminSelf,
    adminSa: { userId: ids.adminSa, tenantId: ids.tenantA, service: true },
    userSa: { userId: ids.userSa, tenantId: ids.tenantA, service: true },
    readerSa: adminSelf,
    adminB: { userId: ids.adminB, tenantId: ids.tenantB },
    pinned: adminSelf,
    nocsrf: adminSelf,
    keyOther: { userId: ids.user, tenantId: ids.tenantA },
    sessOther: adminSelf,
    lowKey: adminSelf,
  };
  const readerSa = await makeServiceAccount(server, ids.tenantA, 'READ_ONLY_USER');
  auth.readerSa = { key: (await makeKey(server, { userId: readerSa, tenantId: ids.tenantA, service: true })).key };
  self.readerSa = { userId: readerSa, tenantId: ids.tenantA, service: true };
  for (const [email, id] of [
    ['admin@a.test', ids.admin],
    ['user@a.test', ids.user],
    ['reader@a.test', ids.reader],
    ['admin@b.test', ids.adminB],
  ])
    EMAILS[id] = email;
  targetSa = await makeServiceAccount(server, ids.tenantA, 'USER');
  await makeKey(server, { userId: targetSa, tenantId: ids.tenantA, service: true });
});
afterAll(() => server.close());

interface Call {
  query: string;
  variables?: Record<string, unknown>;
  /** For list rows: whether the row the cell is about is in the answer. */
  contains?: (data: any) => boolean;
  /** For ok cells of mutations: the change is really there. */
  verify?: () => Promise<void>;
  /** Refused calls that still write one audit row (failed sign-ins). */
  auditsRefusals?: boolean;
}

const NO_AUDIT = { actorId: null, sourceAddress: null };
const UPDATE_KEY = `mutation ($input: update_api_key_input!) { update_api_key(input: $input) { id name description } }`;
const EMAILS: Record<string, string> = {};
/** A person's email; a service account has none, so an address nobody has. */
const emailOf = (actor: Actor) => EMAILS[self[actor].userId] ?? `${unique('nobody')}@example.test`;

/** A tenant the actor is not in, whose administrator has invited the actor's email. */
async function invitedElsewhere(actor: Actor) {
  const inviter = self[actor].userId === world.ids.adminB ? world.ids.admin : world.ids.adminB;
  const tenant = await server.app.store.createTenant({ name: unique('Elsewhere'), slug: unique('elsewhere'), adminUserId: inviter }, NO_AUDIT);
  const invitation = await server.app.store.createInvitation(
    {
      tenantId: tenant.id,
      email: emailOf(actor),
      role: 'USER',
      tokenHash: unique('hash'),
      invitedById: inviter,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
    NO_AUDIT,
  );
  return { tenant, invitation };
}

/** A new tenant where a person has the role they have in their own (A's administrator administers it). */
async function tenantWithTheirRole(actor: Actor) {
  const { userId, service } = self[actor];
  const adminId = userId === world.ids.adminB ? world.ids.adminB : world.ids.admin;
  const tenant = await server.app.store.createTenant({ name: unique('Doomed'), slug: unique('doomed'), adminUserId: adminId }, NO_AUDIT);
  if (!service && userId !== adminId) {
    const role = (await server.app.store.findMembership(userId, world.ids.tenantA))?.role ?? 'USER';
    const invitation = await server.app.store.createInvitation(
      {
        tenantId: tenant.id,
        email: emailOf(actor),
        role,
        tokenHash: unique('hash'),
        invitedById: adminId,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      NO_AUDIT,
    );
    await server.app.store.acceptInvitation(invitation.id, userId, NO_AUDIT);
  }
  return tenant;
}

/** A canary of tenant A, made straight in the store (its key is not needed here). */
const makeCanary = () =>
  server.app.store.createCanaryKey(
    {
      id: randomUUID(),
      tenantId: world.ids.tenantA,
      name: unique('canary'),
      description: null,
      keyHash: unique('canary-hash'),
      keyHint: 'kps_abcd',
      createdById: world.ids.admin,
    },
    NO_AUDIT,
  );

/** A disabled webhook of tenant A, made straight in the store: nothing is ever sent to it. */
async function makeWebhook() {
  const webhook = await server.app.store.createWebhook(
    {
      id: randomUUID(),
      tenantId: world.ids.tenantA,
      url: 'http://127.0.0.1:9/matrix',
      events: ['api_key.created'],
      secret: 'whsec_matrix',
      createdById: world.ids.admin,
    },
    NO_AUDIT,
  );
  return server.app.store.updateWebhook(webhook.id, { enabled: false }, NO_AUDIT);
}

const LOOKUP_KEY = `query ($key: String, $hint: String) { lookup_api_key(key: $key, hint: $hint) { last_used_address api_key { id } } }`;
const REVOKE_LEAKED = `mutation ($input: revoke_api_key_as_leaked_input!) { revoke_api_key_as_leaked(input: $input) { success } }`;
const stillWorks = async (key: string) => (await server.gql(`{ auth_info { api_key_id } }`, {}, { key })).status === 200;
const ROTATE_KEY = `mutation ($input: rotate_api_key_input!) { rotate_api_key(input: $input) { id } }`;
/** A rotation really happened: the old key names a successor that works, and still works itself (the overlap). */
const rotated = (old: { id: string; key: string }) => async () => {
  const [row] = await server.rows<{ replaced_by_id: string | null }>('SELECT replaced_by_id FROM api_key WHERE id = ?', [old.id]);
  expect(row.replaced_by_id).not.toBeNull();
  expect(await stillWorks(old.key)).toBe(true);
};
const otherPerson = (actor: Actor) => (self[actor].userId === world.ids.user ? world.ids.reader : world.ids.user);

/** A session of a user made straight in the store, and the id my_sessions shows it by. */
async function extraSession(userId: string) {
  const idHash = unique('session-hash');
  await server.app.store.createSession({ idHash, userId, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
  return { idHash, id: sessionPublicId(idHash) };
}

/** A key with an agent seen with it, and the query for that key's agents. */
async function keyAgentsCase(keyId: string, tenantId: string, userId: string): Promise<Call> {
  await server.app.store.recordAgentCheckIns([
    { tenantId, apiKeyId: keyId, userId, name: unique('agent'), labels: [], sourceAddress: null, at: new Date().toISOString() },
  ]);
  return {
    query: `query ($id: uuid!) { auth_api_key(where: { id: { _eq: $id } }, limit: 1) { id agents { id } } }`,
    variables: { id: keyId },
    contains: (data) => data.auth_api_key[0]?.agents.length === 1,
  };
}

/** Builds the call for one cell, with fresh targets so cells do not depend on each other. */
const OPERATIONS: Record<string, (actor: Actor) => Promise<Call>> = {
  auth_info: async () => ({ query: `{ auth_info { user_id tenant_id role } }` }),
  user: async () => ({
    query: `{ user { id memberships { tenant_id tenant { id } } } }`,
    contains: (data) => data.user[0].memberships.some((m: { tenant_id: string }) => m.tenant_id === world.ids.tenantA),
  }),
  tenant: async () => ({
    query: `{ tenant { id } }`,
    contains: (data) => data.tenant.some((t: { id: string }) => t.id === world.ids.tenantA),
  }),
  tenant_aggregate: async () => ({
    query: `{ tenant_aggregate(where: { id: { _eq: "${world.ids.tenantA}" } }) { aggregate { count } } }`,
    contains: (data) => data.tenant_aggregate.aggregate.count === 1,
  }),
  members_aggregate: async () => ({
    query: `{ user_view_same_tenant_aggregate(where: { id: { _eq: "${world.ids.reader}" } }) { aggregate { count } } }`,
    contains: (data) => data.user_view_same_tenant_aggregate.aggregate.count === 1,
  }),
  count_sa_keys: async () => ({
    query: `{ auth_api_key_aggregate(where: { user_id: { _eq: "${targetSa}" } }) { aggregate { count } } }`,
    contains: (data) => data.auth_api_key_aggregate.aggregate.count > 0,
  }),
  audit_count: async () => ({
    query: `{ audit_event_aggregate(where: { target_id: { _eq: "${world.ids.tenantA}" } }) { aggregate { count } } }`,
    contains: (data) => data.audit_event_aggregate.aggregate.count > 0,
  }),
  members: async () => ({
    query: `{ user_view_same_tenant { id } }`,
    contains: (data) => data.user_view_same_tenant.some((u: { id: string }) => u.id === world.ids.reader),
  }),
  member_by_pk: async () => ({
    query: `query ($id: uuid!) { user_view_same_tenant_by_pk(id: $id) { id } }`,
    variables: { id: world.ids.reader },
    contains: (data) => data.user_view_same_tenant_by_pk?.id === world.ids.reader,
  }),
  sa_key_by_pk: async () => {
    const key = await makeKey(server, { userId: targetSa, tenantId: world.ids.tenantA, service: true });
    return {
      query: `query ($id: uuid!) { auth_api_key_by_pk(id: $id) { id } }`,
      variables: { id: key.id },
      contains: (data) => data.auth_api_key_by_pk?.id === key.id,
    };
  },
  own_key_by_pk: async (actor) => {
    const key = await makeKey(server, self[actor]);
    return {
      query: `query ($id: uuid!) { auth_api_key_by_pk(id: $id) { id } }`,
      variables: { id: key.id },
      contains: (data) => data.auth_api_key_by_pk?.id === key.id,
    };
  },
  // A key's agents (auth_api_key.agents): seen by whoever sees the key, nobody else.
  sa_key_agents: async () => {
    const key = await makeKey(server, { userId: targetSa, tenantId: world.ids.tenantA, service: true });
    return keyAgentsCase(key.id, world.ids.tenantA, targetSa);
  },
  own_key_agents: async (actor) => {
    const owner = self[actor];
    const key = await makeKey(server, owner);
    return keyAgentsCase(key.id, owner.tenantId, owner.userId);
  },
  list_sa_keys: async () => ({
    query: `{ auth_api_key(where: { user_id: { _eq: "${targetSa}" } }) { id } }`,
    contains: (data) => data.auth_api_key.length > 0,
  }),
  invitations: async () => {
    const invitation = await makeInvitation(server, world.ids.tenantA, world.ids.admin);
    return {
      query: `{ membership_invitation(limit: 1000) { id } }`,
      contains: (data) => data.membership_invitation.some((i: { id: string }) => i.id === invitation.id),
    };
  },
  // The reader joined A (membership.create names them) and acts nowhere else.
  audit_actors: async () => ({
    query: `{ audit_event_actor { id } }`,
    contains: (data) => data.audit_event_actor.some((a: { id: string }) => a.id === world.ids.reader),
  }),
  // Tenant B's and C's logs have actors too (their administrators): any count is "ok".
  audit_actors_count: async () => ({
    query: `{ audit_event_actor_aggregate { aggregate { count } } }`,
    contains: (data) => data.audit_event_actor_aggregate.aggregate.count > 0,
  }),
  audit_log: async () => ({
    query: `{ audit_event(where: { target_id: { _eq: "${world.ids.tenantA}" } }) { id action } }`,
    contains: (data) => data.audit_event.some((e: { action: string }) => e.action === 'tenant.create'),
  }),
  setup_required: async () => ({ query: `{ setup_required }` }),
  invitation_preview: async () => {
    const invitation = await makeInvitation(server, world.ids.tenantA, world.ids.admin);
    return {
      query: `query ($token: String!) { invitation_preview(token: $token) { status } }`,
      variables: { token: invitation.token },
      contains: (data) => data.invitation_preview?.status === 'VALID',
    };
  },
  lookup_sa_key: async () => {
    const key = await makeKey(server, { userId: targetSa, tenantId: world.ids.tenantA, service: true });
    return { query: LOOKUP_KEY, variables: { key: key.key }, contains: (data) => data.lookup_api_key.some((m: any) => m.api_key.id === key.id) };
  },
  lookup_person_key: async (actor) => {
    const key = await makeKey(server, { userId: otherPerson(actor), tenantId: world.ids.tenantA });
    return { query: LOOKUP_KEY, variables: { key: key.key }, contains: (data) => data.lookup_api_key.some((m: any) => m.api_key.id === key.id) };
  },
  lookup_hint: async () => {
    const key = await makeKey(server, { userId: targetSa, tenantId: world.ids.tenantA, service: true });
    return {
      query: LOOKUP_KEY,
      variables: { hint: `${key.key.slice(0, 8)}…` },
      contains: (data) => data.lookup_api_key.some((m: any) => m.api_key.id === key.id),
    };
  },
  leaked_sa_key: async () => {
    const key = await makeKey(server, { userId: targetSa, tenantId: world.ids.tenantA, service: true });
    return {
      query: REVOKE_LEAKED,
      variables: { input: { key: key.key, found_at: 'CI log' } },
      verify: async () => expect(await stillWorks(key.key)).toBe(false),
    };
  },
  // Another key of the caller's own (reporting the key a cell authenticates with would end that caller).
  leaked_own_key: async (actor) => {
    const key = await makeKey(server, self[actor]);
    return { query: REVOKE_LEAKED, variables: { input: { key: key.key } }, verify: async () => expect(await stillWorks(key.key)).toBe(false) };
  },
  leaked_person_key: async (actor) => {
    const key = await makeKey(server, { userId: otherPerson(actor), tenantId: world.ids.tenantA });
    return { query: REVOKE_LEAKED, variables: { input: { key: key.key } }, verify: async () => expect(await stillWorks(key.key)).toBe(false) };
  },
  create_own_key: async (actor) => ({ query: CREATE_KEY, variables: { input: { user_id: self[actor].userId, name: unique('own') } } }),
  create_sa_key: async () => ({ query: CREATE_KEY, variables: { input: { user_id: targetSa, name: unique('sa') } } }),
  create_other_person_key: async (actor) => ({ query: CREATE_KEY, variables: { input: { user_id: otherPerson(actor), name: unique('theirs') } } }),
  revoke_own_key: async (actor) => {
    const key = await makeKey(server, self[actor]);
    return { query: DELETE_KEY, variables: { input: { key_id: key.id } }, verify: async () => expect(await stillWorks(key.key)).toBe(false) };
  },
  revoke_sa_key: async () => {
    const key = await makeKey(server, { userId: targetSa, tenantId: world.ids.tenantA, service: true });
    return { query: DELETE_KEY, variables: { input: { key_id: key.id } }, verify: async () => expect(await stillWorks(key.key)).toBe(false) };
  },
  revoke_other_person_key: async (actor) => {
    const key = await makeKey(server, { userId: otherPerson(actor), tenantId: world.ids.tenantA });
    return { query: DELETE_KEY, variables: { input: { key_id: key.id } } };
  },
  create_admin_role_key: async (actor) => ({
    query: CREATE_KEY,
    variables: { input: { user_id: self[actor].userId, name: unique('admin-role'), role: 'TENANT_ADMIN' } },
  }),
  update_own_key: async (actor) => {
    const key = await makeKey(server, self[actor]);
    const name = unique('renamed');
    return {
      query: UPDATE_KEY,
      variables: { input: { key_id: key.id, name, description: 'edited' } },
      verify: async () => expect(await server.app.store.getApiKey(key.id)).toMatchObject({ name, description: 'edited' }),
    };
  },
  update_sa_key: async () => {
    const key = await makeKey(server, { userId: targetSa, tenantId: world.ids.tenantA, service: true });
    const name = unique('renamed');
    return {
      query: UPDATE_KEY,
      variables: { input: { key_id: key.id, name } },
      verify: async () => expect((await server.app.store.getApiKey(key.id))?.name).toBe(name),
    };
  },
  update_other_person_key: async (actor) => {
    const key = await makeKey(server, { userId: otherPerson(actor), tenantId: world.ids.tenantA });
    return { query: UPDATE_KEY, variables: { input: { key_id: key.id, name: unique('renamed') } } };
  },
  // Rotation is allowed to whoever may revoke the key: the successor works, and so does the old key (a day's overlap).
  rotate_own_key: async (actor) => {
    const key = await makeKey(server, self[actor]);
    return { query: ROTATE_KEY, variables: { input: { key_id: key.id } }, verify: rotated(key) };
  },
  rotate_sa_key: async () => {
    const key = await makeKey(server, { userId: targetSa, tenantId: world.ids.tenantA, service: true });
    return { query: ROTATE_KEY, variables: { input: { key_id: key.id } }, verify: rotated(key) };
  },
  rotate_other_person_key: async (actor) => {
    const key = await makeKey(server, { userId: otherPerson(actor), tenantId: world.ids.tenantA });
    return { query: ROTATE_KEY, variables: { input: { key_id: key.id } } };
  },
  create_service_account: async () => ({
    query: `mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }`,
    variables: { input: { tenant_id: world.ids.tenantA, name: unique('bot'), role: 'USER' } },
  }),
  delete_service_account: async () => {
    const sa = await makeServiceAccount(server, world.ids.tenantA);
    const key = await makeKey(server, { userId: sa, tenantId: world.ids.tenantA, service: true });
    return {
      query: `mutation ($input: delete_service_account_input!) { delete_service_account(input: $input) { success } }`,
      variables: { input: { user_id: sa } },
      verify: async () => expect(await stillWorks(key.key)).toBe(false),
    };
  },
  set_membership_role: async () => {
    const member = await makeMember(server, world.ids.tenantA, world.ids.admin, 'USER');
    return {
      query: `mutation ($input: set_membership_role_input!) { set_membership_role(input: $input) { id } }`,
      variables: { input: { membership_id: member.membershipId, role: 'READ_ONLY_USER' } },
      verify: async () => expect((await server.app.store.getMembership(member.membershipId))?.role).toBe('READ_ONLY_USER'),
    };
  },
  delete_membership: async () => {
    const member = await makeMember(server, world.ids.tenantA, world.ids.admin, 'USER');
    return {
      query: `mutation ($input: delete_membership_input!) { delete_membership(input: $input) { success } }`,
      variables: { input: { membership_id: member.membershipId } },
      verify: async () => expect(await server.app.store.getMembership(member.membershipId)).toBeNull(),
    };
  },
  create_invitation: async () => ({
    query: `mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { id token } }`,
    variables: { input: { tenant_id: world.ids.tenantA, email: `${unique('new')}@example.test`, role: 'USER' } },
  }),
  delete_invitation: async () => {
    const invitation = await makeInvitation(server, world.ids.tenantA, world.ids.admin);
    return {
      query: `mutation ($input: delete_membership_invitation_input!) { delete_membership_invitation(input: $input) { success } }`,
      variables: { input: { invitation_id: invitation.id } },
      verify: async () => expect((await server.app.store.getInvitation(invitation.id))?.revoked_at).not.toBeNull(),
    };
  },
  create_tenant: async () => ({
    query: `mutation ($input: create_tenant_input!) { create_tenant(input: $input) { id } }`,
    variables: { input: { name: unique('Tenant') } },
  }),
  bootstrap: async () => ({
    query: `mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id } }`,
    variables: { input: { email: `${unique('boot')}@example.test`, username: 'Mallory', password: PASSWORD, tenant_name: 'Takeover' } },
  }),
  log_in_wrong_password: async () => ({
    query: `mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }`,
    variables: { input: { email: 'user@a.test', password: 'wrong-password-123' } },
    auditsRefusals: true,
  }),
  accept_invitation: async () => {
    const invitation = await makeInvitation(server, world.ids.tenantA, world.ids.admin);
    return {
      query: `mutation ($input: accept_membership_invitation_input!) { accept_membership_invitation(input: $input) { success } }`,
      variables: { input: { token: invitation.token, username: unique('joiner'), password: PASSWORD } },
      verify: async () => expect((await server.app.store.getInvitation(invitation.id))?.accepted_at).not.toBeNull(),
    };
  },
  log_out: async () => ({ query: `mutation { log_out { success } }` }),
  my_sessions: async () => ({
    query: `{ my_sessions { id current } }`,
    contains: (data) => data.my_sessions.some((s: { current: boolean }) => s.current),
  }),
  // The new password is the one it replaces: later rows and sign-ins keep working.
  change_password: async () => ({
    query: `mutation ($input: change_password_input!) { change_password(input: $input) { success } }`,
    variables: { input: { current_password: PASSWORD, new_password: PASSWORD } },
  }),
  delete_own_session: async (actor) => {
    const session = await extraSession(self[actor].userId);
    return {
      query: `mutation ($input: delete_session_input!) { delete_session(input: $input) { success } }`,
      variables: { input: { session_id: session.id } },
      verify: async () => expect(await server.app.store.findSession(session.idHash)).toBeNull(),
    };
  },
  delete_others_session: async (actor) => {
    const session = await extraSession(otherPerson(actor));
    return {
      query: `mutation ($input: delete_session_input!) { delete_session(input: $input) { success } }`,
      variables: { input: { session_id: session.id } },
    };
  },
  delete_other_sessions: async (actor) => {
    const session = await extraSession(self[actor].userId);
    return {
      query: `mutation { delete_other_sessions { success deleted } }`,
      verify: async () => expect(await server.app.store.findSession(session.idHash)).toBeNull(),
    };
  },
  update_user_profile: async (actor) => {
    const first = unique('First');
    return {
      query: `mutation ($input: update_user_profile_input!) { update_user_profile(input: $input) { id } }`,
      variables: { input: { first_name: first, last_name: 'Matrix' } },
      verify: async () => expect((await server.app.store.getUser(self[actor].userId))?.first_name).toBe(first),
    };
  },
  own_invitations: async (actor) => {
    const { invitation } = await invitedElsewhere(actor);
    return {
      query: `query ($email: String) { membership_invitation(where: { email: { _eq: $email } }) { id } }`,
      variables: { email: invitation.email },
      contains: (data) => data.membership_invitation.some((i: { id: string }) => i.id === invitation.id),
    };
  },
  invitation_by_pk: async () => {
    const invitation = await makeInvitation(server, world.ids.tenantA, world.ids.admin);
    return {
      query: `query ($id: uuid!) { membership_invitation_by_pk(id: $id) { id } }`,
      variables: { id: invitation.id },
      contains: (data) => data.membership_invitation_by_pk?.id === invitation.id,
    };
  },
  own_invitation_by_pk: async (actor) => {
    const { invitation } = await invitedElsewhere(actor);
    return {
      query: `query ($id: uuid!) { membership_invitation_by_pk(id: $id) { id } }`,
      variables: { id: invitation.id },
      contains: (data) => data.membership_invitation_by_pk?.id === invitation.id,
    };
  },
  tenant_by_pk: async () => ({
    query: `query ($id: uuid!) { tenant_by_pk(id: $id) { id } }`,
    variables: { id: world.ids.tenantA },
    contains: (data) => data.tenant_by_pk?.id === world.ids.tenantA,
  }),
  tenant_other_slug: async () => {
    const slug = (await server.app.store.getTenant(world.ids.tenantB))!.slug;
    return {
      query: `query ($slug: String) { tenant(where: { slug: { _eq: $slug } }) { id } }`,
      variables: { slug },
      contains: (data) => data.tenant.some((t: { id: string }) => t.id === world.ids.tenantB),
    };
  },
  tenant_previous_slug: async () => {
    const previous = (await server.app.store.getTenant(world.ids.tenantA))!.slug;
    await server.app.store.setTenantSlug(world.ids.tenantA, unique('renamed-a'), NO_AUDIT);
    return {
      query: `query ($slug: String!) { tenant_by_previous_slug(slug: $slug) { id slug } }`,
      variables: { slug: previous },
      contains: (data) => data.tenant_by_previous_slug?.id === world.ids.tenantA,
    };
  },
  key_notices: async () => ({
    query: `{ key_notices { own_expiring_count own_idle_count } }`,
    contains: (data) => data.key_notices.own_expiring_count >= 0 && data.key_notices.own_idle_count >= 0,
  }),
  key_notices_sa: async () => ({
    query: `query ($id: uuid) { key_notices(tenant_id: $id) { service_expiring_count service_idle_count } }`,
    variables: { id: world.ids.tenantA },
    contains: (data) => data.key_notices.service_expiring_count !== null && data.key_notices.service_idle_count !== null,
  }),
  tenant_live_key_count: async () => ({
    query: `query ($id: uuid!) { tenant_by_pk(id: $id) { live_api_key_count } }`,
    variables: { id: world.ids.tenantA },
    contains: (data) => data.tenant_by_pk?.live_api_key_count > 0,
  }),
  memberships: async () => {
    const reader = (await server.app.store.findMembership(world.ids.reader, world.ids.tenantA))!;
    return { query: `{ membership { id role_id } }`, contains: (data) => data.membership.some((m: { id: string }) => m.id === reader.id) };
  },
  auth_role: async () => ({ query: `{ auth_role { id name permissions } }`, contains: (data) => data.auth_role.length === 3 }),
  hello: async () => ({ query: `{ hello }` }),
  agents: async () => {
    const agent = await server.app.store.registerAgent(
      {
        tenantId: world.ids.tenantA,
        apiKeyId: world.keys.adminSa.id,
        userId: world.ids.adminSa,
        type: 'LocalAgent',
        name: unique('agent'),
        labels: [],
        agentConfigId: null,
        coreVersion: null,
      },
      NO_AUDIT,
    );
    return { query: `{ agent { id } }`, contains: (data) => data.agent.some((a: { id: string }) => a.id === agent.id) };
  },
  canary_keys: async () => {
    const canary = await makeCanary();
    return { query: `{ canary_key { id } }`, contains: (data) => data.canary_key.some((c: { id: string }) => c.id === canary.id) };
  },
  canary_keys_count: async () => {
    await makeCanary();
    return { query: `{ canary_key_aggregate { aggregate { count } } }`, contains: (data) => data.canary_key_aggregate.aggregate.count > 0 };
  },
  create_canary_key: async () => {
    const name = unique('canary');
    return {
      query: `mutation ($input: create_canary_key_input!) { create_canary_key(input: $input) { id key } }`,
      variables: { input: { tenant_id: world.ids.tenantA, name, description: 'matrix' } },
      verify: async () => expect((await server.app.store.listCanaryKeys(world.ids.tenantA, { limit: 1000, offset: 0 })).map((c) => c.name)).toContain(name),
    };
  },
  delete_canary_key: async () => {
    const canary = await makeCanary();
    return {
      query: `mutation ($input: delete_canary_key_input!) { delete_canary_key(input: $input) { success } }`,
      variables: { input: { canary_key_id: canary.id } },
      verify: async () => expect(await server.app.store.getCanaryKey(canary.id)).toBeNull(),
    };
  },
  webhooks: async () => {
    const webhook = await makeWebhook();
    return { query: `{ webhook { id } }`, contains: (data) => data.webhook.some((w: { id: string }) => w.id === webhook.id) };
  },
  webhook_deliveries: async () => {
    const delivery = await server.app.store.queueTestWebhook((await makeWebhook()).id, null);
    return {
      query: `query ($id: UUID!) { webhook_delivery(webhook_id: $id) { id } }`,
      variables: { id: delivery.webhook_id },
      contains: (data) => data.webhook_delivery.some((d: { id: string }) => d.id === delivery.id),
    };
  },
  webhook_deliveries_count: async () => {
    const delivery = await server.app.store.queueTestWebhook((await makeWebhook()).id, null);
    return {
      query: `query ($id: UUID!) { webhook_delivery_aggregate(webhook_id: $id) { aggregate { count } } }`,
      variables: { id: delivery.webhook_id },
      contains: (data) => data.webhook_delivery_aggregate.aggregate.count === 1,
    };
  },
  create_webhook: async () => {
    const url = `http://127.0.0.1:9/${unique('matrix')}`;
    return {
      query: `mutation ($input: create_webhook_input!) { create_webhook(input: $input) { id secret } }`,
      // An event no other row raises; the webhook is deleted once checked, so nothing is ever sent.
      variables: { input: { tenant_id: world.ids.tenantA, url, events: ['api_key.expired'] } },
      verify: async () => {
        const made = (await server.app.store.listWebhooks(world.ids.tenantA)).find((w) => w.url === url);
        expect(made).toBeDefined();
        await server.app.store.deleteWebhook(made!.id, NO_AUDIT);
      },
    };
  },
  update_webhook: async () => {
    const webhook = await makeWebhook();
    return {
      query: `mutation ($input: update_webhook_input!) { update_webhook(input: $input) { id events } }`,
      variables: { input: { webhook_id: webhook.id, events: ['membership.*'] } },
      verify: async () => expect((await server.app.store.getWebhook(webhook.id))?.events).toEqual(['membership.*']),
    };
  },
  delete_webhook: async () => {
    const webhook = await makeWebhook();
    return {
      query: `mutation ($input: delete_webhook_input!) { delete_webhook(input: $input) { success } }`,
      variables: { input: { webhook_id: webhook.id } },
      verify: async () => expect(await server.app.store.getWebhook(webhook.id)).toBeNull(),
    };
  },
  redeliver_webhook: async () => {
    const delivery = await server.app.store.queueTestWebhook((await makeWebhook()).id, null);
    return {
      query: `mutation ($input: redeliver_webhook_delivery_input!) { redeliver_webhook_delivery(input: $input) { id } }`,
      variables: { input: { delivery_id: delivery.id } },
      verify: async () => expect(await server.app.store.countWebhookDeliveries(delivery.webhook_id)).toBe(2),
    };
  },
  send_test_webhook: async () => {
    const webhook = await makeWebhook();
    return {
      query: `mutation ($input: send_test_webhook_input!) { send_test_webhook(input: $input) { id } }`,
      variables: { input: { webhook_id: webhook.id } },
      verify: async () => expect(await server.app.store.countWebhookDeliveries(webhook.id)).toBe(1),
    };
  },
  create_invitation_here: async () => {
    const email = `${unique('here')}@example.test`;
    return {
      query: `mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { id } }`,
      variables: { input: { email, role_id: 'USER' } },
    };
  },
  update_tenant_name: async () => ({
    query: `mutation ($input: update_tenant_name_input!) { update_tenant_name(input: $input) { id name } }`,
    variables: { input: { name: unique('Renamed') } },
  }),
  update_tenant_slug: async () => ({
    query: `mutation ($input: update_tenant_slug_input!) { update_tenant_slug(input: $input) { id slug } }`,
    variables: { input: { slug: unique('slug') } },
  }),
  delete_tenant: async (actor) => {
    const tenant = await tenantWithTheirRole(actor);
    return {
      query: `mutation ($input: delete_tenant_input!) { delete_tenant(input: $input) { success } }`,
      variables: { input: { confirm: true, tenant_id: tenant.id } },
      verify: async () => expect(await server.app.store.getTenant(tenant.id)).toBeNull(),
    };
  },
  tenant_policy: async () => ({
    query: `query ($id: UUID) { tenant_policy(tenant_id: $id) { tenant_id user_key_max_days require_expiry } }`,
    variables: { id: world.ids.tenantA },
    contains: (data) => data.tenant_policy.tenant_id === world.ids.tenantA,
  }),
  tenant_policy_outside: async () => ({
    query: `query ($id: UUID) { tenant_policy(tenant_id: $id) { keys_outside { user_keys service_account_keys } } }`,
    variables: { id: world.ids.tenantA },
    contains: (data) => data.tenant_policy.keys_outside !== null,
  }),
  set_tenant_policy: async () => {
    // A new idle limit each time (so every allowed call changes something), too long to revoke any key here.
    const idleDays = 3000 + Math.floor(Math.random() * 650);
    return {
      query: `mutation ($input: set_tenant_policy_input!) { set_tenant_policy(input: $input) { idle_days } }`,
      variables: { input: { tenant_id: world.ids.tenantA, idle_days: idleDays } },
      verify: async () => expect((await server.app.store.getTenantPolicy(world.ids.tenantA)).idle_days).toBe(idleDays),
    };
  },
  shorten_keys_to_policy: async () => ({
    query: `mutation ($input: shorten_keys_to_tenant_policy_input!) { shorten_keys_to_tenant_policy(input: $input) { shortened } }`,
    variables: { input: { tenant_id: world.ids.tenantA } },
  }),
  register_agent: async () => {
    const name = unique('agent');
    return {
      query: `mutation ($input: register_agent_input!) { register_agent(input: $input) { id } }`,
      variables: { input: { type: 'LocalAgent', name, labels: ['matrix'] } },
    };
  },
  accept_invitation_by_id: async (actor) => {
    const { tenant, invitation } = await invitedElsewhere(actor);
    return {
      query: `mutation ($input: accept_membership_invitation_input!) { accept_membership_invitation(input: $input) { id } }`,
      variables: { input: { invitation_id: invitation.id } },
      verify: async () => expect(await server.app.store.findMembership(self[actor].userId, tenant.id)).not.toBeNull(),
    };
  },
  decline_invitation: async (actor) => {
    const { invitation } = await invitedElsewhere(actor);
    return {
      query: `mutation ($input: delete_membership_invitation_input!) { delete_membership_invitation(input: $input) { success } }`,
      variables: { input: { invitation_id: invitation.id } },
      verify: async () => expect((await server.app.store.getInvitation(invitation.id))?.revoked_at).not.toBeNull(),
    };
  },
};

/** The schema field each row exercises. */
const SCHEMA_FIELD_OF: Record<string, string> = {
  auth_info: 'auth_info',
  user: 'user',
  tenant: 'tenant',
  tenant_aggregate: 'tenant_aggregate',
  members: 'user_view_same_tenant',
  members_aggregate: 'user_view_same_tenant_aggregate',
  member_by_pk: 'user_view_same_tenant_by_pk',
  sa_key_by_pk: 'auth_api_key_by_pk',
  own_key_by_pk: 'auth_api_key_by_pk',
  sa_key_agents: 'auth_api_key',
  own_key_agents: 'auth_api_key',
  list_sa_keys: 'auth_api_key',
  count_sa_keys: 'auth_api_key_aggregate',
  invitations: 'membership_invitation',
  audit_log: 'audit_event',
  audit_count: 'audit_event_aggregate',
  audit_actors: 'audit_event_actor',
  audit_actors_count: 'audit_event_actor_aggregate',
  setup_required: 'setup_required',
  invitation_preview: 'invitation_preview',
  lookup_sa_key: 'lookup_api_key',
  lookup_person_key: 'lookup_api_key',
  lookup_hint: 'lookup_api_key',
  leaked_sa_key: 'revoke_api_key_as_leaked',
  leaked_own_key: 'revoke_api_key_as_leaked',
  leaked_person_key: 'revoke_api_key_as_leaked',
  create_own_key: 'create_api_key',
  create_sa_key: 'create_api_key',
  create_other_person_key: 'create_api_key',
  revoke_own_key: 'delete_api_key',
  revoke_sa_key: 'delete_api_key',
  revoke_other_person_key: 'delete_api_key',
  create_admin_role_key: 'create_api_key',
  update_own_key: 'update_api_key',
  update_sa_key: 'update_api_key',
  update_other_person_key: 'update_api_key',
  rotate_own_key: 'rotate_api_key',
  rotate_sa_key: 'rotate_api_key',
  rotate_other_person_key: 'rotate_api_key',
  create_service_account: 'create_service_account',
  delete_service_account: 'delete_service_account',
  set_membership_role: 'set_membership_role',
  delete_membership: 'delete_membership',
  create_invitation: 'create_membership_invitation',
  delete_invitation: 'delete_membership_invitation',
  create_tenant: 'create_tenant',
  bootstrap: 'bootstrap',
  log_in_wrong_password: 'log_in',
  accept_invitation: 'accept_membership_invitation',
  log_out: 'log_out',
  my_sessions: 'my_sessions',
  change_password: 'change_password',
  delete_own_session: 'delete_session',
  delete_others_session: 'delete_session',
  delete_other_sessions: 'delete_other_sessions',
  update_user_profile: 'update_user_profile',
  own_invitations: 'membership_invitation',
  invitation_by_pk: 'membership_invitation_by_pk',
  own_invitation_by_pk: 'membership_invitation_by_pk',
  tenant_by_pk: 'tenant_by_pk',
  tenant_other_slug: 'tenant',
  tenant_previous_slug: 'tenant_by_previous_slug',
  tenant_live_key_count: 'tenant_by_pk',
  key_notices: 'key_notices',
  key_notices_sa: 'key_notices',
  memberships: 'membership',
  auth_role: 'auth_role',
  hello: 'hello',
  agents: 'agent',
  canary_keys: 'canary_key',
  canary_keys_count: 'canary_key_aggregate',
  create_canary_key: 'create_canary_key',
  delete_canary_key: 'delete_canary_key',
  webhooks: 'webhook',
  webhook_deliveries: 'webhook_delivery',
  webhook_deliveries_count: 'webhook_delivery_aggregate',
  create_webhook: 'create_webhook',
  update_webhook: 'update_webhook',
  delete_webhook: 'delete_webhook',
  redeliver_webhook: 'redeliver_webhook_delivery',
  send_test_webhook: 'send_test_webhook',
  create_invitation_here: 'create_membership_invitation',
  update_tenant_name: 'update_tenant_name',
  update_tenant_slug: 'update_tenant_slug',
  delete_tenant: 'delete_tenant',
  tenant_policy: 'tenant_policy',
  tenant_policy_outside: 'tenant_policy',
  set_tenant_policy: 'set_tenant_policy',
  shorten_keys_to_policy: 'shorten_keys_to_tenant_policy',
  register_agent: 'register_agent',
  accept_invitation_by_id: 'accept_membership_invitation',
  decline_invitation: 'delete_membership_invitation',
};

const rows = parseMatrix(MATRIX);
let cellsChecked = 0;

describe('authorization matrix: every operation × every caller', () => {
  it('covers every query and mutation of the schema', () => {
    expect(rows.map((r) => r.operation).sort()).toEqual(Object.keys(OPERATIONS).sort());
    const schema = buildSchema(readFileSync(new URL('../../src/schema.graphql', import.meta.url), 'utf8'));
    const fields = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
    const covered = new Set(Object.values(SCHEMA_FIELD_OF));
    expect(fields.filter((field) => !covered.has(field))).toEqual([]);
    expect(Object.keys(SCHEMA_FIELD_OF).sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  // Rows run in order: accept_invitation makes adminB a member of A, and log_out ends the sessions.
  for (const { operation, expected } of rows) {
    it(operation, async () => {
      const mismatches: string[] = [];
      for (const actor of ACTORS) {
        const want = expected[actor];
        const call = await OPERATIONS[operation](actor);
        const refused = want !== 'ok' && want !== 'none';
        const before = await stableSnapshot(server, { withAudit: !(refused && call.auditsRefusals) });
        const result = await server.gql(call.query, call.variables ?? {}, auth[actor]);
        const code = result.errors?.[0]?.extensions?.code;
        let got: string;
        if (!result.errors && result.status === 200) {
          got = call.contains ? (call.contains(result.data) ? 'ok' : 'none') : 'ok';
        } else if (result.status === 401 && code === 'UNAUTHENTICATED') {
          got = '401';
          expect(result.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
        } else if (result.status === 403 && code === 'FORBIDDEN') {
          got = '403';
        } else {
          got = Object.entries(CODE_OF).find(([o, c]) => c === code && o !== '401' && o !== '403')?.[0] ?? `${result.status}:${code}`;
        }
        cellsChecked++;
        if (got !== want) {
          mismatches.push(`${operation} × ${actor}: expected ${want}, got ${got} ${JSON.stringify(result.errors?.[0]?.message ?? '')}`);
          continue;
        }
        if (refused) {
          // A nullable root field (the *_by_pk ones) answers null beside its error; others null the whole data.
          expect(
            Object.values(result.data ?? {}).filter((value) => value !== null),
            `${operation} × ${actor}`,
          ).toEqual([]);
          expect(await stableSnapshot(server, { withAudit: !call.auditsRefusals }), `${operation} × ${actor} changed the database`).toEqual(before);
        } else if (call.verify) {
          await call.verify();
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  afterAll(() => {
    console.log(`authorization matrix: ${cellsChecked} cells checked (${rows.length} operations × ${ACTORS.length} callers)`);
  });
});

describe('the matrix itself', () => {
  it('checked every cell', () => {
    expect(cellsChecked).toBe(rows.length * ACTORS.length);
  });
});
