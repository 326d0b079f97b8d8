import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startServer, type Server } from './harness.js';
import { post } from './hardening-support.js';

// Which code a refused request gets: BAD_USER_INPUT when a value the client supplied is
// wrong (a literal, an argument, a variable), GRAPHQL_VALIDATION_FAILED when the
// document itself is. Decided from the error's structure, never its wording, and the
// same on graphql-js and on the JIT: each request is sent three times, so that the JIT
// compiles it (second) and runs it compiled (third).

let server: Server;
let headers: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  const boot = await server.gql(`mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id } }`, {
    input: { email: 'admin@codes.test', username: 'Admin', password: PASSWORD, tenant_name: 'Codes' },
  });
  headers = { cookie: `keyplane_session=${boot.cookies.find((c) => c.name === 'keyplane_session')!.value}`, 'x-keyplane-csrf': '1' };
});
afterAll(() => server.close());

const DELETE_KEY = `mutation ($input: delete_api_key_input!) { delete_api_key(input: $input) { success } }`;
const LIMIT = `query ($l: Int) { auth_api_key(limit: $l) { id } }`;
const REQUIRED_LIMIT = `query ($l: Int!) { tenant(limit: $l) { id } }`;
const ORDER = `query ($o: [auth_api_key_order_by!]) { auth_api_key(order_by: $o) { id } }`;

const BAD_INPUT: [string, string, Record<string, unknown>?][] = [
  ['an unknown field in an input literal', `{ auth_api_key(where: { nam: { _eq: "x" } }) { id } }`],
  ['a literal of the wrong type', `{ auth_api_key(limit: "ten") { id } }`],
  ['an Int literal out of range', `{ auth_api_key(limit: 99999999999) { id } }`],
  ['an unknown enum value in a literal', `{ auth_api_key(order_by: { name: sideways }) { id } }`],
  ['null for a required input field', `mutation { set_membership_role(input: { membership_id: null, role: "USER" }) { id } }`],
  ['a list where an object belongs', `{ auth_api_key(where: [1]) { id } }`],
  ['a required input field left out', `mutation { delete_api_key(input: {}) { success } }`],
  ['a required argument left out', `mutation { delete_api_key { success } }`],
  ["a directive's required argument left out", `{ auth_info @skip { user_id } }`],
  ['an unknown argument', `{ setup_required(x: 1) }`],
  ['a default value of the wrong type', `query ($l: Int = "ten") { auth_api_key(limit: $l) { id } }`],
  ['a variable of the wrong type', LIMIT, { l: 'ten' }],
  ['a variable that is not a whole number', LIMIT, { l: 2.5 }],
  ['null for a required variable', REQUIRED_LIMIT, { l: null }],
  ['a required variable left out', REQUIRED_LIMIT, {}],
  ['a required variable, with no variables sent at all', REQUIRED_LIMIT],
  ['null for a required input object', DELETE_KEY, { input: null }],
  ['a field left out of an input object variable', DELETE_KEY, { input: {} }],
  ['an unknown field in an input object variable', DELETE_KEY, { input: { key_id: '00000000-0000-4000-8000-000000000000', extra: 1 } }],
  ['an unknown enum value in a variable', ORDER, { o: [{ name: 'sideways' }] }],
  ['a filter variable with an unknown field', `query ($w: auth_api_key_bool_exp) { auth_api_key(where: $w) { id } }`, { w: { nam: { _eq: 'x' } } }],
];

const BAD_DOCUMENT: [string, string][] = [
  ['an unknown field', `{ auth_api_key { nope } }`],
  ['an object without a selection', `{ auth_api_key }`],
  ['a selection on a scalar', `{ auth_info { user_id { x } } }`],
  ['an unused variable', `query ($x: Int) { setup_required }`],
  ['an undefined variable', `{ auth_api_key(limit: $x) { id } }`],
  ['a variable in a position of another type', `query ($x: String) { auth_api_key(limit: $x) { id } }`],
  ['a variable of an output type', `query ($x: auth_info) { setup_required }`],
  ['conflicting fields under one name', `{ x: auth_info { user_id } x: setup_required }`],
  ['an unknown directive', `{ auth_info @unknown { user_id } }`],
  ['an input field given twice', `{ auth_api_key(where: { name: { _eq: "a", _eq: "b" } }) { id } }`],
  ['an argument given twice', `{ auth_api_key(limit: 1, limit: 2) { id } }`],
  ['an unknown fragment', `{ auth_info { ...F } }`],
  ['a fragment on the wrong type', `{ auth_info { ...F } } fragment F on tenant { id }`],
];

async function codesOf(query: string, variables?: Record<string, unknown>) {
  const codes: unknown[] = [];
  for (let time = 0; time < 3; time++) {
    const result = await post(server, variables === undefined ? { query } : { query, variables }, { headers });
    codes.push({ status: result.status, codes: (result.body.errors ?? []).map((error: { extensions: { code: string } }) => error.extensions.code) });
  }
  return codes;
}

describe('error codes', () => {
  it.each(BAD_INPUT)('%s: BAD_USER_INPUT, every time', async (_what, query, variables) => {
    const expected = { status: 400, codes: ['BAD_USER_INPUT'] };
    expect(await codesOf(query, variables)).toEqual([expected, expected, expected]);
  });

  it.each(BAD_DOCUMENT)('%s: GRAPHQL_VALIDATION_FAILED, every time', async (_what, query) => {
    const codes = await codesOf(query);
    for (const answer of codes) expect(answer).toMatchObject({ status: 400, codes: expect.arrayContaining(['GRAPHQL_VALIDATION_FAILED']) });
    for (const answer of codes) expect((answer as { codes: string[] }).codes.every((code) => code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
  });

  it('a variable an ApiError refuses keeps its code and field, on graphql-js and on the JIT', async () => {
    for (let time = 0; time < 3; time++) {
      const result = await post(server, { query: DELETE_KEY, variables: { input: { key_id: 'x' } } }, { headers });
      expect(result.status).toBe(400);
      expect(result.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    }
  });
});
