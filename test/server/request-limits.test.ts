import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILTER_LIMITS } from '../../src/server/store/hasura-sql.js';
import { CREATE_KEY, PASSWORD, startServer, type Server } from './harness.js';
import { makeKey, makeServiceAccount, post, stableSnapshot } from './hardening-support.js';

// What one request may make the server do: filters bounded so that one client cannot
// stall the event loop for everyone, a cost measured at the page size that really
// runs, a bounded number of keys per account, and client mistakes answered as 4xx.

const KEYS = 10_000;
const PER_ACCOUNT = 1_000;

let server: Server;
let session: Record<string, string>;
let admin: { userId: string; tenantId: string };

beforeAll(async () => {
  server = await startServer({ maxActiveKeysPerOwner: PER_ACCOUNT });
  const boot = await server.gql(`mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id tenant_id } }`, {
    input: { email: 'admin@request-limits.test', username: 'Admin', password: PASSWORD, tenant_name: 'Request Limits' },
  });
  admin = { userId: boot.data.bootstrap.user_id, tenantId: boot.data.bootstrap.tenant_id };
  session = { cookie: `keyplane_session=${boot.cookies.find((c) => c.name === 'keyplane_session')!.value}`, 'x-keyplane-csrf': '1' };
  // The administrator sees every service-account key of the tenant: 10,000 rows to filter.
  for (let account = 0; account < KEYS / PER_ACCOUNT; account++) {
    const userId = await makeServiceAccount(server, admin.tenantId);
    for (let i = 0; i < PER_ACCOUNT; i++) await makeKey(server, { userId, tenantId: admin.tenantId, service: true });
  }
}, 120_000);
afterAll(() => server.close());

const keysWhere = (where: unknown) =>
  post(server, { query: 'query ($where: auth_api_key_bool_exp) { auth_api_key(where: $where, limit: 5) { id } }', variables: { where } }, { headers: session });
/** The status and the error's extensions, less the request id every error carries. */
const refusalOf = (result: { status: number; body: any }) => {
  const { request_id: _requestId, ...extensions } = result.body.errors?.[0]?.extensions ?? {};
  return { status: result.status, ...extensions };
};

describe('filters', () => {
  it(`refuses the filter that stalled the server (990 _or'd _ilike terms) with 400 BAD_USER_INPUT on where`, async () => {
    const where = { _or: Array.from({ length: 990 }, (_, i) => ({ name: { _ilike: `%${'x'.repeat(40)}${i}%` } })) };
    expect(refusalOf(await keysWhere(where))).toEqual({ status: 400, code: 'BAD_USER_INPUT', field: 'where' });
  });

  it('refuses too many conditions, too many patterns, long patterns and patterns of many wildcards', async () => {
    const cases = {
      conditions: { _and: Array.from({ length: FILTER_LIMITS.terms }, () => ({ name: { _neq: 'x' } })) },
      'empty items': { _or: Array.from({ length: 998 }, () => ({})) },
      patterns: { _or: Array.from({ length: FILTER_LIMITS.patterns + 1 }, () => ({ name: { _ilike: '%a%' } })) },
      'a long pattern': { name: { _ilike: `%${'a'.repeat(FILTER_LIMITS.patternLength)}%` } },
      'a 50,000-character pattern': { name: { _ilike: 'a'.repeat(50_000) } },
      wildcards: { name: { _ilike: '_%'.repeat(6) } },
    };
    for (const [what, where] of Object.entries(cases)) {
      expect({ what, ...refusalOf(await keysWhere(where)) }).toEqual({ what, status: 400, code: 'BAD_USER_INPUT', field: 'where' });
    }
  });

  it("accepts the app's own filters and the largest filter within every bound", async () => {
    const largest = {
      _and: [
        ...Array.from({ length: FILTER_LIMITS.patterns }, (_, i) => ({ name: { _ilike: `%e%${'x'.repeat(80)}%${'_'.repeat(6)}%${i}` } })),
        ...Array.from({ length: Math.floor((FILTER_LIMITS.terms - 1) / 2) - FILTER_LIMITS.patterns }, () => ({ name: { _neq: 'x' } })),
      ],
    };
    const appSearch = {
      _and: [{ name: { _ilike: '%deploy%' } }, { _or: [{ expires_at: { _is_null: true } }, { expires_at: { _gt: new Date().toISOString() } }] }],
    };
    for (const where of [largest, appSearch]) {
      const result = await keysWhere(where);
      expect(result.body.errors).toBeUndefined();
    }
  });

  it('collapses runs of % (they match the same), so 50,000 of them cost what one does', async () => {
    const result = await keysWhere({ name: { _ilike: '%'.repeat(50_000) } });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.auth_api_key).toHaveLength(5);
  });

  it('refuses variables nested deeper than the gate allows with 400, not a stack overflow', async () => {
    // Written out by hand: JSON.stringify itself runs out of stack on 6,000 levels.
    const where = `${'{"_not":'.repeat(6_000)}{"name":{"_eq":"x"}}${'}'.repeat(6_000)}`;
    const body = `{"query":"query ($where: auth_api_key_bool_exp) { auth_api_key(where: $where) { id } }","variables":{"where":${where}}}`;
    const result = await post(server, body, { headers: session });
    expect(refusalOf(result)).toEqual({ status: 400, code: 'BAD_REQUEST', field: 'variables' });
  });

  it('refuses a filter nested deeper than 8 levels in the query text with 400', async () => {
    const query = `{ auth_api_key(where: ${'{ _not: '.repeat(2_000)}{ name: { _eq: "x" } }${' }'.repeat(2_000)}) { id } }`;
    const result = await post(server, { query }, { headers: session });
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.status).toBeLessThan(500);
  });
});

describe('cost', () => {
  const QUERY = `query ($l: Int = 1000) { ${Array.from({ length: 20 }, (_, i) => `a${i}: auth_api_key(limit: $l) { id name created expires_at key_hint user { id username } tenant { id name slug } }`).join(' ')} }`;

  it("measures a limit given by a variable's default at that default, not at the field's", async () => {
    const result = await post(server, { query: QUERY }, { headers: session });
    expect(refusalOf(result)).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' });
    expect(result.body.errors[0].extensions.actual).toBeGreaterThan(200_000);
  });

  it('uses the value sent when there is one', async () => {
    const small = await post(server, { query: QUERY, variables: { l: 2 } }, { headers: session });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data.a0).toHaveLength(2);
  });
});

describe('keys per account', () => {
  it(`refuses a key past ${PER_ACCOUNT} active ones with a clear error, changing nothing; revoked and expired keys do not count`, async () => {
    const small = await startServer({ maxActiveKeysPerOwner: 3 });
    try {
      const boot = await small.gql(`mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id tenant_id } }`, {
        input: { email: 'cap@request-limits.test', username: 'Cap', password: PASSWORD, tenant_name: 'Cap' },
      });
      const cookie = boot.cookies.find((c) => c.name === 'keyplane_session')!.value;
      const userId = boot.data.bootstrap.user_id;
      await makeKey(small, { userId, tenantId: boot.data.bootstrap.tenant_id }, { revoked: true });
      await makeKey(small, { userId, tenantId: boot.data.bootstrap.tenant_id }, { expiresAt: '2020-01-01T00:00:00.000Z' });
      // Ten at once: the count is checked in the inserting transaction, so exactly three pass.
      const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => small.gql(CREATE_KEY, { input: { user_id: userId, name: `k${i}` } }, { cookie })));
      expect(burst.filter((r) => r.data?.create_api_key).length).toBe(3);
      const refused = burst.find((r) => r.errors)!;
      expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'user_id', max: 3 });
      expect(refused.errors![0].message).toMatch(/already has 3 active API keys/);
      const before = await stableSnapshot(small, { withAudit: true });
      const again = await small.gql(CREATE_KEY, { input: { user_id: userId, name: 'one more' } }, { cookie });
      expect(again.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(await stableSnapshot(small, { withAudit: true })).toEqual(before);
    } finally {
      await small.close();
    }
  });
});

describe('client mistakes are 4xx, with a code and the field', () => {
  const get = (query: string, extra = '') => server.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent(query)}${extra}` });

  it('answers a mutation sent by GET with 405 and Allow: POST, running nothing', async () => {
    const before = await stableSnapshot(server, { withAudit: true });
    const response = await get('mutation { create_tenant(input: { name: "By GET" }) { id } }');
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('POST');
    expect(response.json().errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
    expect(await stableSnapshot(server, { withAudit: true })).toEqual(before);
  });

  it('asks for operationName when a GET document holds several operations, and refuses an unknown one', async () => {
    const several = 'query A { __typename } query B { __typename }';
    expect(refusalOf({ status: (await get(several)).statusCode, body: (await get(several)).json() })).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
      field: 'operationName',
    });
    const unknown = await get(several, '&operationName=C');
    expect(unknown.statusCode).toBe(400);
    const named = await get(several, '&operationName=B');
    expect(named.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses an operationName or variables of the wrong type, and variables that are not JSON', async () => {
    for (const [body, field] of [
      [{ query: '{ __typename }', operationName: 5 }, 'operationName'],
      [{ query: '{ __typename }', variables: [1] }, 'variables'],
      [{ query: '{ __typename }', variables: 'not json' }, 'variables'],
      [{ query: '{ __typename }', variables: '[1]' }, 'variables'],
    ] as const) {
      expect({ body, ...refusalOf(await post(server, body)) }).toEqual({ body, status: 400, code: 'BAD_REQUEST', field });
    }
  });

  it('decodes variables sent as a JSON string, as Prefect clients send them', async () => {
    const query = 'query ($n: Int) { a: auth_api_key(limit: $n) { id } }';
    const asString = await post(server, { query, variables: JSON.stringify({ n: 2 }) }, { headers: session });
    expect(asString.body.data.a).toHaveLength(2);
    const nullString = await post(server, { query: '{ __typename }', variables: 'null' });
    expect(nullString.body).toEqual({ data: { __typename: 'Query' } });
  });
});
