import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { Server } from './harness.js';

// Requests as Prefect 1.x's Client sends them (prefect/client/client.py, Client.graphql
// and Client._request), quoted from the real client: a POST to the API's address as it
// is (a bare host, so the path is /), `variables` as json.dumps(variables) (a string,
// "null" when there are none), the key as a bearer token, X-PREFECT-TENANT-ID once the
// client knows its tenant, X-PREFECT-CORE-VERSION always; requests' json= body.

/** What Python's json.dumps writes (", " and ": " separators), which is what Prefect sends. */
export function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
}

export interface PrefectOptions {
  key?: string;
  /** The client's tenant id, once it has one (X-PREFECT-TENANT-ID). */
  tenantId?: string;
  /** Prefect's version (X-PREFECT-CORE-VERSION); null sends none, as a non-Prefect client would. */
  version?: string | null;
  /** Headers the agent attaches (X-PREFECT-AGENT-ID). */
  headers?: Record<string, string>;
  url?: string;
}

export interface PrefectResult {
  status: number;
  headers: Record<string, unknown>;
  body: any;
}

export async function prefectGraphql(server: Server, query: string, variables: unknown = null, options: PrefectOptions = {}): Promise<PrefectResult> {
  const headers: Record<string, string> = {
    'user-agent': 'python-requests/2.28.1',
    accept: '*/*',
    'accept-encoding': 'gzip, deflate, br',
    'content-type': 'application/json',
  };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.key && options.tenantId) headers['x-prefect-tenant-id'] = options.tenantId;
  if (options.version !== null) headers['x-prefect-core-version'] = options.version ?? '1.4.1';
  Object.assign(headers, options.headers);
  const response = await server.app.inject({
    method: 'POST',
    url: options.url ?? '/',
    headers,
    payload: pythonJson({ query, variables: pythonJson(variables) }),
  });
  // requests asks for gzip, deflate and br, and decodes what comes back.
  const raw = response.rawPayload;
  const encoding = response.headers['content-encoding'];
  const text = (
    encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : encoding === 'deflate' ? inflateSync(raw) : raw
  ).toString('utf8');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the text, for the test to show.
  }
  return { status: response.statusCode, headers: response.headers, body };
}

// The documents, as prefect.utilities.graphql.parse_graphql prints the dictionaries the
// 1.4.1 client and CLI build (the field order of a Python set varies; these are one order).
export const PREFECT_DOCUMENTS = {
  /** Client._get_auth_tenant: login, status, switch-tenants, every Client's tenant_id. */
  authTenant: 'query {\n    auth_info {\n        tenant_id\n    }\n}',
  /** prefect auth create-key: who am I. */
  authUser: 'query {\n    auth_info {\n        user_id\n    }\n}',
  createKey: 'mutation($input: create_api_key_input!) {\n    create_api_key(input: $input) {\n        key\n    }\n}',
  listKeys: 'query {\n    auth_api_key {\n        id\n        name\n        expires_at\n    }\n}',
  revokeKey: 'mutation($input: delete_api_key_input!) {\n    delete_api_key(input: $input) {\n        success\n    }\n}',
  /** Client.get_available_tenants: prefect auth list-tenants. */
  tenants: 'query {\n    tenant(order_by: {slug: asc}) {\n        name\n        slug\n        id\n    }\n}',
  /** Client.switch_tenant(tenant_slug=...). */
  tenantBySlug: 'query($slug: String) {\n    tenant(where: {slug: { _eq: $slug } }) {\n        id\n    }\n}',
  /** TenantView.from_tenant_id, after login. */
  tenantView: (id: string) => `query {\n    tenant(where: { id: { _eq: "${id}" } }) {\n        name\n        slug\n        id\n    }\n}`,
  /** Client.register_agent, at an agent's start. */
  registerAgent: 'mutation($input: register_agent_input!) {\n    register_agent(input: $input) {\n        id\n    }\n}',
  /** Agent._setup_api_connection's test query. */
  hello: 'query { hello }',
  /** 0.15.13's Client.login_to_tenant, with one of the two null. */
  loginToTenant: 'query($slug: String, $id: uuid) {\n    tenant(where: {slug: { _eq: $slug }, id: { _eq: $id } }) {\n        id\n    }\n}',
};
