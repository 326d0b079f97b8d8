import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../src/server/config.js';
import { PASSWORD, startServer, type Server } from './harness.js';
import { post } from './hardening-support.js';

// What one request may cost: body size, query depth, aliases, cost, tokens, batching.
// Each refusal is a clear, coded error, and refused requests run nothing.

let server: Server;
let session: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  const boot = await server.gql(`mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id } }`, {
    input: { email: 'admin@limits.test', username: 'Admin', password: PASSWORD, tenant_name: 'Limits' },
  });
  const cookie = boot.cookies.find((c) => c.name === 'keyplane_session')!.value;
  session = { cookie: `keyplane_session=${cookie}`, 'x-keyplane-csrf': '1' };
});
afterAll(() => server.close());

const refusal = (result: { status: number; body: any }) => ({
  status: result.status,
  code: result.body?.errors?.[0]?.extensions?.code,
  message: result.body?.errors?.[0]?.message as string,
});

describe('request body', () => {
  it(`refuses a body over ${BODY_LIMIT_BYTES / 1024} KB with HTTP 413 and a message naming the limit`, async () => {
    const result = await post(server, { query: '{ setup_required }', variables: { pad: 'x'.repeat(BODY_LIMIT_BYTES) } });
    expect(refusal(result)).toMatchObject({ status: 413, code: 'BAD_REQUEST', message: expect.stringContaining('100 KB') });
  });

  it('accepts a body just under the limit', async () => {
    const comment = `# ${'x'.repeat(BODY_LIMIT_BYTES - 200)}\n`;
    const result = await post(server, { query: `${comment}{ setup_required }` });
    expect(result.status).toBe(200);
    expect(result.body.data.setup_required).toBe(false);
  });
});

describe('query shape', () => {
  // The data in this schema nests four levels at most; inline fragments count as levels
  // (as Mercurius counts them), so they measure the depth limit. Introspection has its
  // own allowance (test/server/introspection.test.ts).
  const nested = (levels: number) => `{ ${'... on Query { '.repeat(levels - 2)}auth_info { user_id }${' }'.repeat(levels - 2)} }`;

  it('refuses a query nested deeper than 12 levels, and allows 12', async () => {
    const deepest = await post(server, { query: nested(12) }, { headers: session });
    expect(deepest.status).toBe(200);
    expect(deepest.body.errors).toBeUndefined();
    const tooDeep = await post(server, { query: nested(13) }, { headers: session });
    expect(refusal(tooDeep)).toMatchObject({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: expect.stringMatching(/depth \(13\) exceeds the query depth limit of 12/),
    });
    expect(tooDeep.body.errors[0].extensions).toMatchObject({ limit: 'depth', max: 12, actual: 13 });
  });

  it('allows 20 aliases and refuses 21, saying how many are allowed', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: setup_required`).join(' ')} }`;
    const twenty = await post(server, { query: aliases(20) });
    expect(Object.keys(twenty.body.data)).toHaveLength(20);
    const more = await post(server, { query: aliases(21) });
    expect(refusal(more)).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: 'The query uses 21 aliases; at most 20 are allowed.' });
    expect(more.body.data).toBeNull();
  });

  // 60 fields a row: 6,000 at 100 rows, 60,000 at 1,000.
  const wideMembers = `id username email ${'created '.repeat(57)}`;

  it('measures cost with the variables: the same members query is fine at limit 100 and refused at 1000', async () => {
    const query = `query Members($limit: Int) { user_view_same_tenant(limit: $limit) { ${wideMembers} } }`;
    const small = await post(server, { query, variables: { limit: 100 } }, { headers: session });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data.user_view_same_tenant).toHaveLength(1);
    const large = await post(server, { query, variables: { limit: 1000 } }, { headers: session });
    expect(refusal(large)).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: expect.stringMatching(/at most 50000 are allowed/) });
    expect(large.body.errors[0].extensions).toMatchObject({ limit: 'cost', max: 50000, actual: expect.any(Number) });
  });

  it('counts a list without limit as the 1000 rows it may return', async () => {
    const unpaged = await post(server, { query: `{ user_view_same_tenant { ${wideMembers} } }` }, { headers: session });
    expect(refusal(unpaged)).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(unpaged.body.errors[0].extensions).toMatchObject({ limit: 'cost', actual: 60_001 });
  });

  it("counts a member's memberships as the one in the current tenant, so the Members page's query passes unpaged", async () => {
    const query = `{ user_view_same_tenant { id username email first_name last_name account_type
      memberships { id role role_detail { id name } created tenant { id name slug } } } }`;
    const result = await post(server, { query }, { headers: session });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.user_view_same_tenant[0].memberships).toHaveLength(1);
  });

  it('counts fields reached through fragments', async () => {
    const query = `query ($limit: Int) { auth_api_key(limit: $limit) { ...Key } }
      fragment Key on auth_api_key { ${Array.from({ length: 60 }, () => 'id').join(' ')} user { id } tenant { id name } }`;
    const result = await post(server, { query, variables: { limit: 1000 } }, { headers: session });
    expect(refusal(result)).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(result.body.errors[0].extensions.actual).toBeGreaterThan(60_000);
  });

  it('refuses a document of more than 10,000 tokens before validating it', async () => {
    const result = await post(server, { query: `{ ${'a '.repeat(10_001)}}` });
    expect(refusal(result)).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: expect.stringMatching(/more that 10000 tokens/) });
  });

  it('refuses a page larger than 1000 rows', async () => {
    const result = await post(server, { query: `{ auth_api_key(limit: 1001) { id } }` }, { headers: session });
    expect(result.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });
});

describe('compilation', () => {
  it('answers a filter passed as a variable quickly every time, not only the first (no JIT blow-up on recursive inputs)', async () => {
    // graphql-jit took 46 s of CPU to compile `$where: [tenant_bool_exp!]` on the second sight.
    const query = `query ($where: auth_api_key_bool_exp, $and: [tenant_bool_exp!]) {
      auth_api_key(where: $where) { id } tenant(where: { _and: $and }) { id } }`;
    for (let i = 0; i < 4; i++) {
      const started = Date.now();
      const result = await post(
        server,
        {
          query,
          variables: { where: { _or: [{ name: { _eq: 'x' } }, { _not: { user: { username: { _ilike: '%a%' } } } }] }, and: [{ name: { _eq: 'Limits' } }] },
        },
        { headers: session },
      );
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data.tenant).toHaveLength(1);
      expect(Date.now() - started, `request ${i + 1}`).toBeLessThan(2_000);
    }
  });
});

describe('batching', () => {
  it('refuses a batch of more than ten operations with a clear message, and runs none of them', async () => {
    const create = (name: string) => ({ query: `mutation { create_tenant(input: { name: "${name}" }) { id } }` });
    const result = await post(
      server,
      Array.from({ length: 11 }, (_, i) => create(`Batch ${i}`)),
      { headers: session },
    );
    expect(refusal(result)).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
      message: 'A batch holds at most 10 operations; this one has 11: send them in several requests.',
    });
    const tenants = await post(server, { query: `{ tenant { name } }` }, { headers: session });
    expect(tenants.body.data.tenant.map((t: { name: string }) => t.name)).toEqual(['Limits']);
  });

  it('runs only the named operation of a document holding several', async () => {
    const query = `mutation One { create_tenant(input: { name: "Only One" }) { id } } mutation Two { create_tenant(input: { name: "Not Two" }) { id } }`;
    const result = await post(server, { query, operationName: 'One' }, { headers: session });
    expect(result.body.errors).toBeUndefined();
    const unnamed = await post(server, { query }, { headers: session });
    expect(unnamed.status).toBe(400);
    const tenants = await post(server, { query: `{ tenant { name } }` }, { headers: session });
    expect(tenants.body.data.tenant.map((t: { name: string }) => t.name).sort()).toEqual(['Limits', 'Only One']);
  });
});
