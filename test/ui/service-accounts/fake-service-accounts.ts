/**
 * A small stand-in for the API's service-account rules, for msw handlers: it keeps
 * accounts and their keys, hides keys and counts from non-administrators, refuses
 * management to them with FORBIDDEN as the server does, and records the inputs the
 * page sent so tests can check what went over the wire.
 */
import { graphql, HttpResponse } from 'msw';
import { acme, globex, graphqlError, roleDetail, tenantOf } from '../render';

const tenantFixture = (slug: string | null) => (slug === globex.slug ? globex : acme);

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function isoFromNow(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

export interface FakeServiceKey {
  id: string;
  name: string;
  key_hint: string;
  created: string;
  expires_at: string | null;
  last_used_at: string | null;
  created_by: string;
  agents: FakeAgent[];
  role?: string | null;
  description?: string | null;
}

/** An agent seen with a key (auth_api_key.agents). */
export interface FakeAgent {
  id: string;
  name: string;
  type: string;
  labels: string[];
  source_address: string | null;
  last_queried: string;
}

export function makeAgent(overrides: Partial<FakeAgent> = {}): FakeAgent {
  return {
    id: nextId('ffffffff'),
    name: `agent-${counter}`,
    type: 'KeyplaneAgent',
    labels: [],
    source_address: '198.51.100.7',
    last_queried: isoFromNow(-10_000),
    ...overrides,
  };
}

const agentRows = (agents: FakeAgent[]) => agents.map((a) => ({ __typename: 'agent', ...a }));

export interface FakeServiceAccount {
  id: string;
  username: string;
  role: string;
  membershipId: string;
  created: string;
  keys: FakeServiceKey[];
}

let counter = 0;
function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

export function makeServiceKey(overrides: Partial<FakeServiceKey> = {}): FakeServiceKey {
  const id = nextId('dddddddd');
  return {
    id,
    name: `key ${counter}`,
    key_hint: `kps_Q${String(counter % 1000).padStart(3, '0')}`,
    created: isoFromNow(-4 * DAY),
    expires_at: isoFromNow(30 * DAY),
    last_used_at: null,
    created_by: 'alice',
    agents: [],
    ...overrides,
  };
}

export function makeServiceAccount(overrides: Partial<FakeServiceAccount> = {}): FakeServiceAccount {
  return {
    id: nextId('eeeeeeee'),
    username: `account ${counter}`,
    role: 'TENANT_ADMIN',
    membershipId: nextId('ffffffff'),
    created: '2026-02-10T12:00:00Z',
    keys: [],
    ...overrides,
  };
}

/** Two accounts: a CI deployer with keys in every expiry state, and a read-only reporter without keys. */
export function standardAccounts(): FakeServiceAccount[] {
  return [
    makeServiceAccount({
      username: 'ci-deployer',
      created: '2026-01-20T08:00:00Z',
      keys: [
        makeServiceKey({ name: 'github actions', expires_at: isoFromNow(3 * DAY + HOUR), last_used_at: isoFromNow(-2 * HOUR), created_by: 'alice' }),
        makeServiceKey({ name: 'forever agent', expires_at: null, created_by: 'bob' }),
        makeServiceKey({ name: 'old runner', expires_at: isoFromNow(-2 * DAY) }),
      ],
    }),
    makeServiceAccount({ username: 'reporting', role: 'READ_ONLY_USER', created: '2026-03-02T09:00:00Z' }),
  ];
}

export interface SentInputs {
  createAccount: unknown[];
  createKey: unknown[];
  tenants: (string | null)[];
}

/** Live keys: what api_key_count counts. */
function liveCount(account: FakeServiceAccount): number {
  const now = Date.now();
  return account.keys.filter((k) => !k.expires_at || Date.parse(k.expires_at) > now).length;
}

export function serviceAccountHandlers(
  accounts: FakeServiceAccount[],
  options: { admin: boolean; newKey?: string },
  sent: SentInputs = { createAccount: [], createKey: [], tenants: [] },
) {
  const refuse = () => graphqlError('FORBIDDEN', 'Only tenant administrators can manage service accounts.');
  return [
    graphql.query('ServiceAccountsPage', ({ request, variables }) => {
      sent.tenants.push(tenantOf(request));
      const { limit, offset } = variables as { limit: number; offset: number };
      return HttpResponse.json({
        data: {
          user_view_same_tenant_aggregate: { __typename: 'aggregate_result', aggregate: { __typename: 'aggregate_count', count: accounts.length } },
          user_view_same_tenant: accounts.slice(offset, offset + limit).map((a) => ({
            __typename: 'user_view_same_tenant',
            id: a.id,
            username: a.username,
            account_type: 'SERVICE',
            created: a.created,
            memberships: [{ __typename: 'membership', id: a.membershipId, role: a.role, role_detail: roleDetail(a.role) }],
            api_key_count: options.admin ? liveCount(a) : null,
          })),
        },
      });
    }),
    graphql.query('ServiceAccountKeys', ({ request, variables }) => {
      const account = accounts.find((a) => a.id === variables.userId);
      // Non-administrators see no service-account keys at all.
      const keys = options.admin && account ? account.keys : [];
      const { limit, offset } = variables as { limit: number; offset: number };
      return HttpResponse.json({
        data: {
          auth_api_key_aggregate: { __typename: 'aggregate_result', aggregate: { __typename: 'aggregate_count', count: keys.length } },
          auth_api_key: keys.slice(offset, offset + limit).map((k) => ({
            __typename: 'auth_api_key',
            id: k.id,
            name: k.name,
            key_hint: k.key_hint,
            created: k.created,
            expires_at: k.expires_at,
            last_used_at: k.last_used_at,
            role: k.role ?? null,
            description: k.description ?? null,
            rotation_ends_at: null,
            replaces_key_hint: null,
            created_by: { __typename: 'api_key_user', id: `user-${k.created_by}`, username: k.created_by },
            tenant: { __typename: 'tenant', ...tenantFixture(tenantOf(request)) },
            agents: agentRows(k.agents),
          })),
        },
      });
    }),
    graphql.query('RevokeKeyAgents', ({ variables }) => {
      const key = options.admin ? accounts.flatMap((a) => a.keys).find((k) => k.id === variables.id) : undefined;
      return HttpResponse.json({ data: { auth_api_key: key ? [{ __typename: 'auth_api_key', id: key.id, agents: agentRows(key.agents) }] : [] } });
    }),
    graphql.query('RemoveServiceAccountAgents', ({ variables }) => {
      const account = options.admin ? accounts.find((a) => a.id === variables.userId) : undefined;
      return HttpResponse.json({
        data: { auth_api_key: (account?.keys ?? []).map((k) => ({ __typename: 'auth_api_key', id: k.id, agents: agentRows(k.agents) })) },
      });
    }),
    graphql.mutation('CreateServiceAccount', ({ variables }) => {
      sent.createAccount.push(variables.input);
      if (!options.admin) return refuse();
      const { name, role } = variables.input as { name: string; role?: string };
      if (accounts.some((a) => a.username === name)) {
        return graphqlError('BAD_USER_INPUT', 'A service account with this name already exists.', 'name');
      }
      const account = makeServiceAccount({ username: name, role: role ?? 'TENANT_ADMIN', created: new Date().toISOString() });
      accounts.push(account);
      accounts.sort((a, b) => a.username.localeCompare(b.username));
      return HttpResponse.json({ data: { create_service_account: { __typename: 'id_payload', id: account.id } } });
    }),
    graphql.mutation('CreateApiKey', ({ variables }) => {
      sent.createKey.push(variables.input);
      if (!options.admin) return refuse();
      const input = variables.input as { user_id: string; name: string; expires_at: string | null };
      const account = accounts.find((a) => a.id === input.user_id);
      if (!account) return graphqlError('NOT_FOUND', 'User not found.');
      const key = options.newKey ?? 'kps_Zx9QabcdefghijklmnopqrstuvWXYZ01234567';
      const row = makeServiceKey({ name: input.name, expires_at: input.expires_at, key_hint: key.slice(0, 8), created: new Date().toISOString() });
      account.keys.unshift(row);
      return HttpResponse.json({ data: { create_api_key: { __typename: 'create_api_key_payload', id: row.id, key } } });
    }),
    graphql.mutation('RevokeApiKey', ({ variables }) => {
      if (!options.admin) return refuse();
      const account = accounts.find((a) => a.keys.some((k) => k.id === variables.input.key_id));
      if (account) account.keys = account.keys.filter((k) => k.id !== variables.input.key_id);
      return HttpResponse.json({
        data: { delete_api_key: { __typename: 'success_payload', success: account !== undefined, error: null } },
      });
    }),
    graphql.mutation('SetMembershipRole', ({ variables }) => {
      if (!options.admin) return refuse();
      const account = accounts.find((a) => a.membershipId === variables.input.membership_id);
      if (!account) return graphqlError('NOT_FOUND', 'Membership not found.');
      account.role = variables.input.role;
      return HttpResponse.json({ data: { set_membership_role: { __typename: 'id_payload', id: account.membershipId } } });
    }),
    graphql.mutation('DeleteServiceAccount', ({ variables }) => {
      if (!options.admin) return refuse();
      const index = accounts.findIndex((a) => a.id === variables.input.user_id);
      if (index < 0) return graphqlError('NOT_FOUND', 'Service account not found.');
      accounts.splice(index, 1);
      return HttpResponse.json({ data: { delete_service_account: { __typename: 'success_payload', success: true, error: null } } });
    }),
  ];
}
