import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PersistedQueries } from '../../src/server/http/graphql-request.js';
import { listeningWorld } from './listening.js';

// Automatic persisted queries, Apollo's protocol: a client sends the SHA-256 of its
// query text; when the server does not know it yet, the answer is
// PersistedQueryNotFound and the client sends text and hash together, which the
// server checks and keeps (within a budget) for the next time. A text is kept only
// once it parsed, and a text found by hash is parsed again like any other, so the
// request gate's guarantees (test/server/code-injection.test.ts) hold by hash too.

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (text: string, hash = sha256(text)) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

const live = listeningWorld();

const headers = () => ({ 'content-type': 'application/json', authorization: `Bearer ${live.world.keys.reader.key}` });
const post = (body: Record<string, unknown>) => live.server.app.inject({ method: 'POST', url: '/graphql', payload: JSON.stringify(body), headers: headers() });
const get = (params: Record<string, unknown>) =>
  live.server.app.inject({
    method: 'GET',
    url: `/graphql?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]))}`,
    headers: headers(),
  });

describe('automatic persisted queries', () => {
  it('answers an unknown hash with PersistedQueryNotFound, then runs it once the text came with it, by POST and by GET', async () => {
    const query = '{ auth_info { role tenant_id } }';
    const unknown = await post({ extensions: persisted(query) });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toMatchObject({ data: null, errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });

    const withText = await post({ query, extensions: persisted(query) });
    expect(withText.json()).toEqual({ data: { auth_info: { role: 'READ_ONLY_USER', tenant_id: live.world.ids.tenantA } } });
    for (const response of [await post({ extensions: persisted(query) }), await get({ extensions: persisted(query) })]) {
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(withText.json());
    }
  });

  it('takes variables and the operation name beside a hash', async () => {
    const query = 'query Keys($limit: Int!) { auth_api_key(limit: $limit) { name } } query Other { setup_required }';
    await post({ query, operationName: 'Keys', variables: { limit: 1 }, extensions: persisted(query) });
    const byHash = await get({ operationName: 'Keys', variables: { limit: 1 }, extensions: persisted(query) });
    expect(byHash.json()).toEqual({ data: { auth_api_key: [{ name: 'reader-key' }] } });
  });

  it('refuses a hash that is not the SHA-256 of the text sent with it, and keeps nothing', async () => {
    const query = '{ auth_info { api_key_id } }';
    const wrong = await post({ query, extensions: persisted(query, sha256('something else')) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({
      message: expect.stringMatching(/^provided sha does not match query/),
      extensions: { code: 'BAD_REQUEST', field: 'extensions' },
    });
    expect((await post({ extensions: persisted(query, sha256('something else')) })).json().errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post({ extensions: persisted(query) })).json().errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('refuses other versions and malformed hashes', async () => {
    const query = '{ setup_required }';
    for (const extensions of [
      { persistedQuery: { version: 2, sha256Hash: sha256(query) } },
      { persistedQuery: { version: 1, sha256Hash: 'abc' } },
      { persistedQuery: { version: 1 } },
      { persistedQuery: 'yes' },
    ]) {
      const response = await post({ extensions });
      expect({ extensions, status: response.statusCode, code: response.json().errors[0].extensions.code }).toEqual({
        extensions,
        status: 400,
        code: 'BAD_REQUEST',
      });
    }
  });

  it('keeps only texts that parse, so a syntax tree or broken text never comes back by its hash', async () => {
    const tree = JSON.stringify(parse('{ setup_required }', { noLocation: true }));
    for (const text of [tree, '{ setup_required']) {
      const sent = await post({ query: text, extensions: persisted(text) });
      expect(sent.statusCode).toBe(400);
      expect(sent.json().errors[0].message).toMatch(/^Syntax Error/);
      expect((await post({ extensions: persisted(text) })).json().errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    }
    // Nor does a query given as an object get past the gate because a hash is beside it.
    const asObject = await post({ query: JSON.parse(tree), extensions: persisted(tree) });
    expect(asObject.statusCode).toBe(400);
    expect(asObject.json().errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', field: 'query' });
  });

  it('runs a persisted mutation by POST only: by GET it is 405 with Allow: POST', async () => {
    const query = 'mutation { log_out { success } }';
    expect((await post({ query, extensions: persisted(query) })).statusCode).toBe(200);
    const byGet = await get({ extensions: persisted(query) });
    expect(byGet.statusCode).toBe(405);
    expect(byGet.headers.allow).toBe('POST');
  });

  it("works with Apollo Client's PersistedQueryLink: the hash alone once the server knows the text", async () => {
    const sent: { query?: string; hash?: string }[] = [];
    const client = () =>
      new ApolloClient({
        cache: new InMemoryCache(),
        link: new PersistedQueryLink({ sha256: async (text) => sha256(text) }).concat(
          new HttpLink({
            uri: live.url,
            headers: { authorization: `Bearer ${live.world.keys.admin.key}` },
            fetch: async (input, init) => {
              const body = JSON.parse(init?.body as string) as { query?: string; extensions?: { persistedQuery?: { sha256Hash: string } } };
              sent.push({ query: body.query, hash: body.extensions?.persistedQuery?.sha256Hash });
              return fetch(input, init);
            },
          }),
        ),
      });
    const query = gql`
      query PersistedKeyCount {
        auth_api_key_aggregate {
          aggregate {
            count
          }
        }
      }
    `;
    const first = await client().query({ query });
    expect(first.data).toEqual({ auth_api_key_aggregate: { __typename: 'aggregate_result', aggregate: { __typename: 'aggregate_count', count: 3 } } });
    // Unknown hash, then text and hash; a second client (another browser) sends the hash alone.
    expect(sent.map((s) => [s.query !== undefined, s.hash !== undefined])).toEqual([
      [false, true],
      [true, true],
    ]);
    await client().query({ query });
    expect(sent[2]).toEqual({ query: undefined, hash: sent[0].hash });
  });
});

describe('the persisted query store', () => {
  it('is bounded by the characters it keeps, dropping the least recently used first', () => {
    const store = new PersistedQueries(30);
    store.save('a', 'x'.repeat(10));
    store.save('b', 'y'.repeat(10));
    store.save('c', 'z'.repeat(10));
    expect(store.get('a')).toBe('x'.repeat(10));
    store.save('d', 'w'.repeat(10));
    expect([store.get('a'), store.get('b'), store.get('c'), store.get('d')].map((text) => text?.[0])).toEqual(['x', undefined, 'z', 'w']);
    store.save('huge', 'h'.repeat(31));
    expect(store.get('huge')).toBeUndefined();
    expect(store.size).toBe(3);
  });
});
