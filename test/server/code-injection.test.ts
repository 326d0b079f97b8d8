import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { buildSchema, parse, type DocumentNode } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isParserShaped } from '../../src/server/graphql/document-shape.js';
import { startServer, type Server } from './harness.js';

// graphql-jit writes names and literals from the document into the JavaScript it
// generates, and Mercurius executes a JSON syntax tree sent as `query`. An attacker
// without credentials once ran code in the server with an alias such as
// `a":6*7,"pid":process.pid,"b` sent twice. Every hostile payload here tries to set a
// global and write a file; neither may ever happen, whatever the route, however often
// the document is sent (the JIT compiles from the second time).

const MARK = '__keyplaneInjected';
const scratch = mkdtempSync(join(tmpdir(), 'keyplane-injection-'));
const witness = join(scratch, 'written');
const code = `(globalThis.${MARK}=(globalThis.${MARK}||0)+1,process.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(witness)},"x"))`;

/** Ways to break out of the quotes, brackets or template a name might be written into. */
const BREAKOUTS = [`a":${code},"b`, `a"]=${code};//`, `a'+${code}+'`, `a\`+${code}+\``, `a\${${code}}`, `a*/${code}/*`, `a\n${code}\n//`, code];

const injected = () => (globalThis as Record<string, unknown>)[MARK] !== undefined || existsSync(witness);

type Mutate = (document: any, payload: string) => void;

/** Every position of a name or literal in an executable document, each in a document that is otherwise valid. */
const POSITIONS: Record<string, { source: string; set: Mutate }> = {
  'an alias': { source: '{ a: __typename }', set: (d, p) => (d.definitions[0].selectionSet.selections[0].alias.value = p) },
  'a field name': { source: '{ __typename }', set: (d, p) => (d.definitions[0].selectionSet.selections[0].name.value = p) },
  'an operation name': { source: 'query Q { __typename }', set: (d, p) => (d.definitions[0].name.value = p) },
  'a fragment name': {
    source: '{ ...F } fragment F on Query { __typename }',
    set: (d, p) => {
      d.definitions[0].selectionSet.selections[0].name.value = p;
      d.definitions[1].name.value = p;
    },
  },
  'a type condition': { source: '{ ... on Query { __typename } }', set: (d, p) => (d.definitions[0].selectionSet.selections[0].typeCondition.name.value = p) },
  'a variable name': {
    source: 'query ($v: Boolean!) { __typename @include(if: $v) }',
    set: (d, p) => {
      d.definitions[0].variableDefinitions[0].variable.name.value = p;
      d.definitions[0].selectionSet.selections[0].directives[0].arguments[0].value.name.value = p;
    },
  },
  'a variable type': {
    source: 'query ($v: Boolean!) { __typename @include(if: $v) }',
    set: (d, p) => (d.definitions[0].variableDefinitions[0].type.type.name.value = p),
  },
  'an argument name': {
    source: '{ invitation_preview(token: "t") { email } }',
    set: (d, p) => (d.definitions[0].selectionSet.selections[0].arguments[0].name.value = p),
  },
  'a directive name': {
    source: '{ __typename @include(if: true) }',
    set: (d, p) => (d.definitions[0].selectionSet.selections[0].directives[0].name.value = p),
  },
  'a boolean literal': {
    source: '{ __typename @include(if: true) }',
    set: (d, p) => (d.definitions[0].selectionSet.selections[0].directives[0].arguments[0].value.value = p),
  },
  'an int literal': { source: '{ auth_api_key(limit: 1) { id } }', set: (d, p) => (d.definitions[0].selectionSet.selections[0].arguments[0].value.value = p) },
  'an enum value': {
    source: '{ auth_api_key(order_by: [{ name: asc }]) { id } }',
    set: (d, p) => (d.definitions[0].selectionSet.selections[0].arguments[0].value.values[0].fields[0].value.value = p),
  },
  'an input object key': {
    source: '{ auth_api_key(where: { name: { _eq: "x" } }) { id } }',
    set: (d, p) => (d.definitions[0].selectionSet.selections[0].arguments[0].value.fields[0].name.value = p),
  },
  'a node kind': { source: '{ __typename }', set: (d, p) => (d.definitions[0].selectionSet.selections[0].kind = p) },
};

function handMade(position: string, payload: string): DocumentNode {
  const document = parse(POSITIONS[position].source, { noLocation: true });
  POSITIONS[position].set(document, payload);
  return document;
}

let server: Server;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
});
beforeEach(() => {
  delete (globalThis as Record<string, unknown>)[MARK];
});

/** The three ways GraphQL text reaches the server. */
const TEXT_ROUTES = {
  'POST JSON': (text: string): InjectOptions => ({ method: 'POST', url: '/graphql', payload: { query: text } }),
  'GET query string': (text: string): InjectOptions => ({ method: 'GET', url: `/graphql?query=${encodeURIComponent(text)}` }),
  'POST application/graphql': (text: string): InjectOptions => ({
    method: 'POST',
    url: '/graphql',
    payload: text,
    headers: { 'content-type': 'application/graphql' },
  }),
};

/** A syntax tree sent as JSON text on each route, or as an object inside the JSON body. */
const ROUTES: Record<string, (tree: unknown) => InjectOptions> = {
  ...Object.fromEntries(Object.entries(TEXT_ROUTES).map(([name, route]) => [name, (tree: unknown) => route(JSON.stringify(tree))])),
  'POST JSON with the tree as an object': (tree) => ({ method: 'POST', url: '/graphql', payload: { query: tree as object } }),
};

describe('the request gate: only GraphQL text that graphql-js parses reaches validation, the JIT or the saved answers', () => {
  for (const [route, request] of Object.entries(ROUTES)) {
    it(`refuses a syntax tree with code in any name or literal position, sent twice (${route})`, async () => {
      for (const position of Object.keys(POSITIONS)) {
        for (const payload of BREAKOUTS) {
          const document = handMade(position, payload);
          for (let time = 0; time < 2; time++) {
            const response = await server.app.inject(request(document));
            expect({ position, payload, status: response.statusCode }).toEqual({ position, payload, status: 400 });
            expect(response.json().errors[0].extensions.code).toBe('BAD_REQUEST');
          }
        }
      }
      expect(injected()).toBe(false);
    });
  }

  it('refuses a query that is not a string, with 400 BAD_REQUEST naming the field, before anything runs', async () => {
    for (const query of [5, 0, false, true, null, [], ['{ __typename }'], { kind: 'Document', definitions: [] }]) {
      const response = await server.app.inject({ method: 'POST', url: '/graphql', payload: { query } });
      expect({ query, status: response.statusCode }).toEqual({ query, status: 400 });
      expect(response.json().errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', field: 'query' });
    }
    const missing = await server.app.inject({ method: 'POST', url: '/graphql', payload: {} });
    expect(missing.statusCode).toBe(400);
    const repeated = await server.app.inject({ method: 'GET', url: '/graphql?query=%7B__typename%7D&query=%7B__typename%7D' });
    expect(repeated.statusCode).toBe(400);
  });

  it('answers a string that does not parse, JSON included, with 400 BAD_REQUEST and the syntax error', async () => {
    for (const text of ['[1]', '{"kind":"Document","definitions":[]}', '5', '', '{ __typename', 'query { a: }']) {
      for (const [route, request] of Object.entries(TEXT_ROUTES)) {
        const response = await server.app.inject(request(text));
        expect({ text, route, status: response.statusCode }).toEqual({ text, route, status: 400 });
        const [error] = response.json().errors;
        expect(error.extensions.code).toBe('BAD_REQUEST');
        expect(error.message).toMatch(/^Syntax Error/);
      }
    }
  });

  it('still answers GraphQL text on every route, the JIT included', async () => {
    for (const [route, request] of Object.entries(TEXT_ROUTES)) {
      for (let time = 0; time < 3; time++) {
        const response = await server.app.inject(request('{ a: __typename }'));
        expect({ route, status: response.statusCode, body: response.json() }).toEqual({ route, status: 200, body: { data: { a: 'Query' } } });
      }
    }
  });
});

describe('the document-shape rule: a hand-made syntax tree that got past the edge is still refused', () => {
  it('refuses code in every name or literal position through app.graphql(), sent twice', async () => {
    for (const position of Object.keys(POSITIONS)) {
      for (const payload of BREAKOUTS) {
        for (let time = 0; time < 2; time++) {
          const outcome = await server.app.graphql(handMade(position, payload) as never).then(
            () => 'ran',
            (error: { errors?: { message: string }[]; message: string }) => error.errors?.[0]?.message ?? error.message,
          );
          expect({ position, payload, outcome }).not.toEqual({ position, payload, outcome: 'ran' });
        }
      }
    }
    expect(injected()).toBe(false);
  });

  it('accepts what the parser produces: every kind of literal, block strings, unicode, fragments, directives', () => {
    const sources = [
      '{ __typename }',
      'query Q($a: Int = 3, $b: [String!] = ["x", "y"]) { ...F @skip(if: false) } fragment F on Query { __typename }',
      '{ auth_api_key(where: { _or: [{ name: { _ilike: "%\\"quoted\\" \\u2028 \\\\ `tick` ${x}%" } }, { _not: { expires_at: { _is_null: true } } }] }, order_by: [{ created: desc }], limit: 1.5e1, offset: -0) { id } }',
      '{ invitation_preview(token: """block "string" with \\""" and\n  indentation\n""") { email } }',
      '{ invitation_preview(token: "🔑 ключ 鍵 \\uD83D\\uDD11") { email } }',
    ];
    for (const source of sources) expect({ source, shaped: isParserShaped(parse(source)) }).toEqual({ source, shaped: true });
  });
});

describe('literals the JIT would misread run on graphql-js', () => {
  // graphql-jit writes argument literals with JSON.stringify, then turns any string
  // starting with this marker into `new Date(<the rest>)`: code in a valid document.
  const MAGIC_DATE = '__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d';

  it('graphql-jit itself evaluates a marked string literal (why documents with strings never reach it)', async () => {
    const schema = buildSchema('type Query { echo(text: String): String }');
    const compiled = compileQuery(schema, parse(`{ echo(text: "${MAGIC_DATE}(globalThis.${MARK}=1)") }`));
    expect(isCompiledQuery(compiled)).toBe(true);
    if (isCompiledQuery(compiled)) await compiled.query({ echo: () => 'ok' }, {}, {});
    expect((globalThis as Record<string, unknown>)[MARK]).toBe(1);
  });

  it('a marked string in any literal position changes nothing, however often it is sent', async () => {
    const marked = JSON.stringify(`${MAGIC_DATE}${code}`);
    const documents = [
      `{ invitation_preview(token: ${marked}) { email } }`,
      `query ($t: String! = ${marked}) { invitation_preview(token: $t) { email } }`,
      `{ auth_api_key(where: { name: { _eq: ${marked} } }) { id } }`,
      `{ auth_api_key(where: { _or: [{ name: { _in: [${marked}] } }] }) { id } }`,
      `{ invitation_preview(token: """${MAGIC_DATE}${code}""") { email } }`,
      `{ __proto__: __typename, b: invitation_preview(token: ${marked}) { email } }`,
    ];
    for (const query of documents) {
      const answers = new Set<string>();
      for (let time = 0; time < 3; time++) {
        const response = await server.app.inject({ method: 'POST', url: '/graphql', payload: { query } });
        expect(response.statusCode).toBeLessThan(500);
        // Each answer has its own request id; the rest must not change.
        answers.add(response.body.replace(/"request_id":"[^"]*"/g, ''));
      }
      expect({ query, answers: answers.size }).toEqual({ query, answers: 1 });
    }
    expect(injected()).toBe(false);
  });
});
