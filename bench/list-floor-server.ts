// The floor of the list page with saved answers off: bare node:http answering the
// 50-key page from the store's own queries (listApiKeys and countApiKeys, as the server
// runs them), with the answer built by hand and serialised with JSON.stringify. No
// Fastify, no GraphQL, no authentication: what reading and sending the page costs on
// this machine. Prints its URL on stdout.
//
//   node --import tsx bench/list-floor-server.ts <keyplane.db> <owner id> <tenant id>
import { createServer } from 'node:http';
import { openSqlite } from '../src/server/store/open-store.js';
import type { ApiKeyRow } from '../src/server/store/types.js';

const [file, ownerId, tenantId] = process.argv.slice(2);
const { store } = await openSqlite(file);
const visibility = { ownerId, ownKeysTenantId: tenantId, serviceAccountTenantId: tenantId };
const page = { limit: 50, offset: 0, orderBy: [{ created: 'desc' as const }], where: null };

/** The fields bench/requests.ts's LIST_PAGE asks for, in its order. */
const answerRow = (k: ApiKeyRow) => ({
  id: k.id,
  name: k.name,
  key_hint: k.key_hint,
  created: k.created,
  updated: k.updated,
  expires_at: k.expires_at,
  last_used_at: k.last_used_at,
  default_tenant_id: k.tenant_id,
  user_id: k.user_id,
  user: { id: k.user.id, username: k.user.username, account_type: k.user.account_type },
  created_by: k.created_by && { id: k.created_by.id, username: k.created_by.username },
  tenant: { id: k.tenant.id, name: k.tenant.name, slug: k.tenant.slug },
});

async function answer(): Promise<string> {
  const [keys, count] = await Promise.all([store.listApiKeys(visibility, page), store.countApiKeys(visibility)]);
  return JSON.stringify({ data: { auth_api_key: keys.map(answerRow), auth_api_key_aggregate: { aggregate: { count } } } });
}

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    answer().then(
      (body) => {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        response.end(body);
      },
      (error: unknown) => {
        response.writeHead(500).end(String(error));
      },
    );
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`List floor is running at http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGINT', () => server.close(() => process.exit(0)));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
