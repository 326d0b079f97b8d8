import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { checkNameText } from '../../src/shared/names.js';
import { PASSWORD, startServer, type Server } from './harness.js';
import { makeInvitation, makeKey, makeMember, makeServiceAccount, post, stableSnapshot, unique } from './hardening-support.js';

// Property-based tests over every mutation's input: hostile names, dates and ids.
// Each call gets either a coded error (and the database is unchanged) or a correct
// result; never an internal error.

const NUM_RUNS = Number(process.env.KEYPLANE_PROPERTY_RUNS ?? 40);
// BAD_REQUEST: a body Fastify refuses to parse (a "__proto__" key, for one).
const ALLOWED_ERROR_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'BAD_REQUEST']);

// ---------------------------------------------------------------- hostile values

const PAYLOADS = [
  "'; DROP TABLE api_key; --",
  "Robert'); DELETE FROM user; --",
  '" OR 1=1 --',
  "%' OR '1'='1",
  '%',
  '_',
  '\\',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</title><svg/onload=alert(1)>',
  '&lt;b&gt;&amp;',
  '{{constructor.constructor("alert(1)")()}}',
  '__proto__',
  'invoice\u202Egpj.exe',
  '\u2066isolate\u2069',
  'rtl\u200Fmark',
  'nul\u0000byte',
  'line\nbreak',
  'tab\there',
  'del\u007F',
  'c1\u0085control',
  'lone\uD800surrogate',
  'reversed\uDC00\uD800pair',
  '🔑🚀👩‍👩‍👧‍👦',
  'e\u0301 vs é',
  '𝕂𝕖𝕪𝕡𝕝𝕒𝕟𝕖',
  'ﷺ',
  '   ',
  '',
  'x'.repeat(100),
  'x'.repeat(101),
  '🔑'.repeat(100),
  '🔑'.repeat(101),
  'x'.repeat(10_000),
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 20 })).map(([payload, text]) => `${text}${payload}${text}`) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 10_000 }).map((n) => 'k'.repeat(n)) },
);

const hostileDate = fc.oneof(
  fc.constantFrom(
    'next tuesday',
    '',
    '2027-02-31T00:00:00Z',
    '2030-13-01T00:00:00Z',
    '2030-01-01T25:00:00Z',
    '2030-01-01T00:00:00+99:99',
    '10000-01-01T00:00:00Z',
    '+010000-01-01T00:00:00Z',
    '-000001-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2001-01-01T00:00:00Z',
    '1970-01-01',
    '0000-00-00',
    'NaN',
    "2030-01-01'; DROP TABLE api_key; --",
  ),
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ min: new Date(Date.UTC(10000, 0, 1)), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constant(null),
  fc.integer() as fc.Arbitrary<unknown>,
);

/** Ids: real ones of the caller's tenant, another tenant's, unknown, malformed, wrong type. */
const SYMBOLIC_IDS = [
  'TENANT_A',
  'SELF',
  'SA_A',
  'FRESH_SA',
  'FRESH_KEY',
  'FRESH_SA_KEY',
  'FRESH_MEMBERSHIP',
  'FRESH_INVITATION',
  'TENANT_B',
  'SA_B',
  'KEY_B',
  'MEMBERSHIP_B',
  'INVITATION_B',
  'ADMIN_B',
] as const;
const FOREIGN = new Set(['TENANT_B', 'SA_B', 'KEY_B', 'MEMBERSHIP_B', 'INVITATION_B', 'ADMIN_B']);
type HostileId = { symbol?: (typeof SYMBOLIC_IDS)[number]; value?: unknown };
const hostileId: fc.Arbitrary<HostileId> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SYMBOLIC_IDS).map((symbol) => ({ symbol })) },
  { weight: 1, arbitrary: fc.uuid().map((value) => ({ value })) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('', 'not-a-uuid', '00000000-0000-0000-0000-00000000000g', "1' OR '1'='1", '<script>', '00000000-0000-0000-0000-000000000000 ', '{"$gt":""}')
      .map((value) => ({ value })),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((value) => ({ value })) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.constant([]), fc.constant({})).map((value) => ({ value: value })) },
);

const hostileRole = fc.oneof(fc.constantFrom('TENANT_ADMIN', 'USER', 'READ_ONLY_USER', 'tenant_admin', 'OWNER', 'SUPERUSER', ''), hostileString);
const hostileEmail = fc.oneof(
  fc.tuple(fc.constantFrom(...PAYLOADS), fc.constantFrom('@example.test', '')).map(([local, domain]) => `${local}${domain}`),
  fc.emailAddress(),
  hostileString,
);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

// ---------------------------------------------------------------- independent rules

// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
/** The shared rule (its cases are in names.test.ts): the API must apply exactly it. */
function isValidName(value: unknown): value is string {
  return typeof value === 'string' && checkNameText(value).ok;
}
const storedName = (name: string) => name.normalize('NFC').trim();

// ---------------------------------------------------------------- the world

let server: Server;
let admin: Record<string, string>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startServer({ authFailuresPerMinute: 1_000_000, loginFailuresPerAccount: 1_000_000 });
  const boot = await server.gql(`mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id tenant_id } }`, {
    input: { email: 'admin@hostile.test', username: 'Admin', password: PASSWORD, tenant_name: 'Hostile' },
  });
  ids.SELF = boot.data.bootstrap.user_id;
  ids.TENANT_A = boot.data.bootstrap.tenant_id;
  admin = { cookie: `keyplane_session=${boot.cookies.find((c) => c.name === 'keyplane_session')!.value}`, 'x-keyplane-csrf': '1' };
  ids.SA_A = await makeServiceAccount(server, ids.TENANT_A, 'USER');

  const store = server.app.store;
  const adminB = await store.createUser({ email: 'admin@other.test', username: 'Other Admin', passwordHash: await hashPassword(PASSWORD) });
  ids.ADMIN_B = adminB.id;
  ids.TENANT_B = (await store.createTenant({ name: 'Other', slug: 'other', adminUserId: adminB.id }, { actorId: null, sourceAddress: null })).id;
  ids.MEMBERSHIP_B = (await store.findMembership(adminB.id, ids.TENANT_B))!.id;
  ids.SA_B = await makeServiceAccount(server, ids.TENANT_B, 'TENANT_ADMIN');
  ids.KEY_B = (await makeKey(server, { userId: ids.SA_B, tenantId: ids.TENANT_B, service: true })).id;
  ids.INVITATION_B = (await makeInvitation(server, ids.TENANT_B, adminB.id)).id;
});
afterAll(() => server.close());

/** Turns a symbolic id into a real one, making fresh targets so runs do not use each other's up. */
async function resolveId(id: HostileId): Promise<unknown> {
  if (!id.symbol) return id.value;
  switch (id.symbol) {
    case 'FRESH_SA':
      return makeServiceAccount(server, ids.TENANT_A);
    case 'FRESH_KEY':
      return (await makeKey(server, { userId: ids.SELF, tenantId: ids.TENANT_A })).id;
    case 'FRESH_SA_KEY':
      return (await makeKey(server, { userId: ids.SA_A, tenantId: ids.TENANT_A, service: true })).id;
    case 'FRESH_MEMBERSHIP':
      return (await makeMember(server, ids.TENANT_A, ids.SELF)).membershipId;
    case 'FRESH_INVITATION':
      return (await makeInvitation(server, ids.TENANT_A, ids.SELF)).id;
    default:
      return ids[id.symbol];
  }
}
const isForeign = (...idsUsed: HostileId[]) => idsUsed.some((id) => id.symbol && FOREIGN.has(id.symbol));

interface Outcome {
  status: number;
  data: any;
  code?: string;
  field?: string;
}

/**
 * Sends one mutation and checks the invariant every call must keep: a coded error with
 * the database unchanged, or success. Returns the outcome for the property to judge.
 */
async function attempt(
  mutation: string,
  inputType: string,
  selection: string,
  input: Record<string, unknown>,
  options: { auth?: Record<string, string>; auditsRefusals?: boolean } = {},
): Promise<Outcome> {
  const before = await stableSnapshot(server, { withAudit: !options.auditsRefusals });
  const result = await post(
    server,
    { query: `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ${selection} } }`, variables: { input } },
    { headers: options.auth ?? admin },
  );
  const errors = result.body?.errors as { message: string; extensions?: { code?: string; field?: string } }[] | undefined;
  expect(result.status, result.raw.slice(0, 300)).not.toBe(500);
  expect(result.raw).not.toMatch(/SQLITE|sqlite3|at .*\.ts:\d+/);
  if (errors?.length) {
    for (const error of errors) expect(ALLOWED_ERROR_CODES, `${mutation}: ${error.message}`).toContain(error.extensions?.code);
    expect(result.body.data ?? null).toBeNull();
    expect(
      await stableSnapshot(server, { withAudit: !options.auditsRefusals }),
      `${mutation} was refused (${errors[0].message}) but changed the database`,
    ).toEqual(before);
    return { status: result.status, data: null, code: errors[0].extensions?.code, field: errors[0].extensions?.field };
  }
  expect(result.status).toBe(200);
  return { status: result.status, data: result.body.data[mutation] };
}

const property = <T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, runs = NUM_RUNS) =>
  fc.assert(fc.asyncProperty(arbitrary, predicate), { numRuns: runs });
// Sign-in runs hash passwords; a test that timed out would keep writing under the next one.
const TIMEOUT_MS = 30_000 + NUM_RUNS * 400;

// ---------------------------------------------------------------- the properties

describe('hostile input to every mutation', () => {
  it(
    'create_api_key: hostile names, dates and ids',
    async () => {
      await property(
        fc.record({ userId: hostileId, name: hostileString, expiresAt: optional(hostileDate), tenantId: optional(hostileId) }),
        async ({ userId, name, expiresAt, tenantId }) => {
          const input: Record<string, unknown> = { user_id: await resolveId(userId), name };
          if (expiresAt !== undefined) input.expires_at = expiresAt;
          if (tenantId !== undefined) input.default_tenant_id = await resolveId(tenantId);
          const outcome = await attempt('create_api_key', 'create_api_key_input', 'id key', input);
          if (outcome.data) {
            expect(isValidName(name), `accepted name ${JSON.stringify(name)}`).toBe(true);
            expect(isForeign(userId, ...(tenantId ? [tenantId] : []))).toBe(false);
            const stored = await server.app.store.getApiKey(outcome.data.id);
            expect(stored?.name).toBe(storedName(name));
            if (typeof expiresAt === 'string') expect(Date.parse(stored!.expires_at!)).toBe(Date.parse(expiresAt));
            expect(stored!.expires_at === null || Date.parse(stored!.expires_at) > Date.now()).toBe(true);
            const use = await post(server, { query: '{ auth_info { api_key_id } }' }, { headers: { authorization: `Bearer ${outcome.data.key}` } });
            expect(use.body.data.auth_info.api_key_id).toBe(outcome.data.id);
          } else if (isForeign(userId, ...(tenantId ? [tenantId] : []))) {
            // Another tenant's ids cannot be told apart from unknown ones.
            expect(outcome.code).not.toBe('FORBIDDEN');
          }
        },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'create_api_key: a name is accepted exactly when it is valid',
    async () => {
      await property(hostileString, async (name) => {
        const outcome = await attempt('create_api_key', 'create_api_key_input', 'id', { user_id: ids.SELF, name });
        expect(outcome.data !== null, `name ${JSON.stringify(name.slice(0, 40))}`).toBe(isValidName(name));
        if (!outcome.data) expect(outcome).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      });
    },
    TIMEOUT_MS,
  );

  it(
    'delete_api_key: hostile ids',
    async () => {
      await property(hostileId, async (keyId) => {
        const outcome = await attempt('delete_api_key', 'delete_api_key_input', 'success', { key_id: await resolveId(keyId) });
        if (outcome.data) {
          expect(outcome.data.success).toBe(true);
          expect(['FRESH_KEY', 'FRESH_SA_KEY']).toContain(keyId.symbol);
        }
      });
    },
    TIMEOUT_MS,
  );

  it(
    'create_service_account: hostile tenants, names and roles',
    async () => {
      await property(fc.record({ tenantId: hostileId, name: hostileString, role: optional(hostileRole) }), async ({ tenantId, name, role }) => {
        const input: Record<string, unknown> = { tenant_id: await resolveId(tenantId), name };
        if (role !== undefined) input.role = role;
        const outcome = await attempt('create_service_account', 'create_service_account_input', 'id', input);
        if (outcome.data) {
          expect(tenantId.symbol).toBe('TENANT_A');
          expect(isValidName(name)).toBe(true);
          const account = await server.app.store.getUser(outcome.data.id);
          expect(account).toMatchObject({ username: storedName(name), account_type: 'SERVICE' });
          expect((await server.app.store.findMembership(outcome.data.id, ids.TENANT_A))?.role).toBe(role ?? 'TENANT_ADMIN');
        }
      });
    },
    TIMEOUT_MS,
  );

  it(
    'delete_service_account: hostile ids',
    async () => {
      await property(hostileId, async (userId) => {
        const outcome = await attempt('delete_service_account', 'delete_service_account_input', 'success', { user_id: await resolveId(userId) });
        if (outcome.data) expect(['FRESH_SA', 'SA_A']).toContain(userId.symbol);
        if (userId.symbol === 'SA_A' && outcome.data) ids.SA_A = await makeServiceAccount(server, ids.TENANT_A, 'USER');
      });
    },
    TIMEOUT_MS,
  );

  it(
    'set_membership_role: hostile memberships and roles',
    async () => {
      await property(fc.record({ membershipId: hostileId, role: hostileRole }), async ({ membershipId, role }) => {
        const id = await resolveId(membershipId);
        const outcome = await attempt('set_membership_role', 'set_membership_role_input', 'id', { membership_id: id, role });
        if (outcome.data) {
          expect(membershipId.symbol).toBe('FRESH_MEMBERSHIP');
          expect((await server.app.store.getMembership(id as string))?.role).toBe(role);
        }
      });
    },
    TIMEOUT_MS,
  );

  it(
    'delete_membership: hostile ids',
    async () => {
      await property(hostileId, async (membershipId) => {
        const id = await resolveId(membershipId);
        const outcome = await attempt('delete_membership', 'delete_membership_input', 'success', { membership_id: id });
        if (outcome.data) {
          expect(membershipId.symbol).toBe('FRESH_MEMBERSHIP');
          expect(await server.app.store.getMembership(id as string)).toBeNull();
        }
      });
    },
    TIMEOUT_MS,
  );

  it(
    'create_tenant: hostile names and slugs',
    async () => {
      await property(
        fc.record({
          name: hostileString,
          slug: optional(fc.oneof(hostileString, fc.constantFrom('graphql', 'setup', 'other', 'ok-slug', '-x', 'x-', 'UPPER'))),
        }),
        async ({ name, slug }) => {
          const input: Record<string, unknown> = { name };
          if (slug !== undefined) input.slug = slug;
          const outcome = await attempt('create_tenant', 'create_tenant_input', 'id slug', input);
          if (outcome.data) {
            expect(isValidName(name)).toBe(true);
            expect(outcome.data.slug).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/);
            expect((await server.app.store.getTenant(outcome.data.id))?.name).toBe(storedName(name));
          }
        },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'create_membership_invitation: hostile tenants, emails and roles',
    async () => {
      await property(fc.record({ tenantId: hostileId, email: hostileEmail, role: hostileRole }), async ({ tenantId, email, role }) => {
        const outcome = await attempt('create_membership_invitation', 'create_membership_invitation_input', 'id token', {
          tenant_id: await resolveId(tenantId),
          email,
          role,
        });
        if (outcome.data) {
          // A null tenant_id means the request's tenant, which is tenant A.
          expect(tenantId.symbol ?? (tenantId.value === null ? 'TENANT_A' : tenantId.value)).toBe('TENANT_A');
          const invitation = await server.app.store.getInvitation(outcome.data.id);
          expect(invitation?.tenant_id).toBe(ids.TENANT_A);
          expect(invitation?.email).toBe(email.trim().toLowerCase());
          expect(invitation!.email).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
          expect(UNSAFE.test(invitation!.email)).toBe(false);
          expect(invitation?.role).toBe(role);
        }
      });
    },
    TIMEOUT_MS,
  );

  it(
    'delete_membership_invitation: hostile ids',
    async () => {
      await property(hostileId, async (invitationId) => {
        const outcome = await attempt('delete_membership_invitation', 'delete_membership_invitation_input', 'success', {
          invitation_id: await resolveId(invitationId),
        });
        if (outcome.data) expect(invitationId.symbol).toBe('FRESH_INVITATION');
      });
    },
    TIMEOUT_MS,
  );

  it(
    'accept_membership_invitation: hostile tokens, usernames and passwords (signed out)',
    async () => {
      await property(
        fc.record({
          realToken: fc.boolean(),
          token: hostileString,
          username: optional(hostileString),
          password: optional(fc.oneof(hostileString, fc.constant(PASSWORD))),
        }),
        async ({ realToken, token, username, password }) => {
          const input: Record<string, unknown> = { token: realToken ? (await makeInvitation(server, ids.TENANT_A, ids.SELF)).token : token };
          if (username !== undefined) input.username = username;
          if (password !== undefined) input.password = password;
          const outcome = await attempt('accept_membership_invitation', 'accept_membership_invitation_input', 'success tenant_id', input, { auth: {} });
          if (outcome.data) {
            expect(realToken).toBe(true);
            expect(isValidName(username)).toBe(true);
            expect(password!.length).toBeGreaterThanOrEqual(10);
            expect(outcome.data.tenant_id).toBe(ids.TENANT_A);
          }
        },
        Math.ceil(NUM_RUNS / 2),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'bootstrap: refused once set up, whatever the input',
    async () => {
      await property(
        fc.record({ email: hostileEmail, username: hostileString, password: hostileString, tenant_name: hostileString }),
        async (input) => {
          const outcome = await attempt('bootstrap', 'bootstrap_input', 'user_id', input, { auth: {} });
          expect(outcome.code).toBe('BAD_USER_INPUT');
        },
        Math.ceil(NUM_RUNS / 2),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'log_in: hostile emails and passwords never sign in, and only the failed sign-in is recorded',
    async () => {
      await property(
        fc.record({ email: fc.oneof(hostileEmail, fc.constant('admin@hostile.test')), password: hostileString }),
        async (input) => {
          const outcome = await attempt('log_in', 'log_in_input', 'user_id', input, { auth: {}, auditsRefusals: true });
          expect(outcome.code).toBe('BAD_USER_INPUT');
        },
        Math.ceil(NUM_RUNS / 2),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'wrong types and unknown fields anywhere in an input are BAD_USER_INPUT',
    async () => {
      const junk = fc.oneof(
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.constant([]),
        fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
        hostileString,
      );
      await property(
        fc.record({ field: fc.constantFrom('user_id', 'name', 'expires_at', 'default_tenant_id', 'nonexistent', '__proto__'), value: junk }),
        async ({ field, value }) => {
          const input: Record<string, unknown> = { user_id: ids.SELF, name: unique('typed') };
          Object.defineProperty(input, field, { value, enumerable: true });
          const outcome = await attempt('create_api_key', 'create_api_key_input', 'id', input);
          if (outcome.data) {
            // Only well-typed values of real fields get through.
            expect(['name', 'expires_at', 'default_tenant_id', 'user_id']).toContain(field);
          }
        },
      );
    },
    TIMEOUT_MS,
  );
});
