// The GraphQL requests the bench sends, and the cheap checks of their answers, for every
// scenario (run.ts on SQLite, postgres.ts on PostgreSQL): one text per request, so that
// the two measure the same thing.

export const AUTH_INFO = JSON.stringify({ query: '{ auth_info { user_id tenant_id } }' });
const PAGE_FIELDS = `auth_api_key(limit: 50, order_by: {created: desc}) {
    id name key_hint created updated expires_at last_used_at default_tenant_id user_id
    user { id username account_type } created_by { id username } tenant { id name slug } }`;
export const LIST_PAGE = JSON.stringify({ query: `{ ${PAGE_FIELDS} }` });
export const LIST_PAGE_WITH_COUNT = JSON.stringify({
  query: `{ ${PAGE_FIELDS}
    auth_api_key_aggregate { aggregate { count } } }`,
});
export const createKey = (userId: string, name = 'bench-created') =>
  JSON.stringify({ query: `mutation { create_api_key(input: { user_id: "${userId}", name: "${name}" }) { id key } }` });
export const revokeKey = (keyId: string) => JSON.stringify({ query: `mutation { delete_api_key(input: { key_id: "${keyId}" }) { success } }` });

export const isAuthInfo = (body: string) => body.startsWith('{"data":{"auth_info":{"user_id":"');
// An answer with errors ends with the errors array (`]}`); one with data alone ends `}}`.
// Checking both ends keeps the load generator's work per 28 KB answer constant.
export const isFullPage = (body: string) => body.startsWith('{"data":{"auth_api_key":[{') && body.endsWith('}}');
export const isCreated = (body: string) => body.startsWith('{"data":{"create_api_key":{"id":"');
export const isRevoked = (body: string) => body === '{"data":{"delete_api_key":{"success":true}}}';

/**
 * Authorization headers that go through `keys` one after another, each call the next
 * key, shared by every connection that calls it.
 */
export function bearerInRotation(keys: string[]): () => Record<string, string> {
  let next = 0;
  return () => ({ authorization: `Bearer ${keys[next++ % keys.length]}` });
}
