import type { ApiClient } from './api-client.js';
import type {
  agent as Agent,
  api_key_lookup as ApiKeyLookup,
  api_key_user as ApiKeyUser,
  auth_api_key as ApiKey,
  auth_info as AuthInfoType,
  canary_key as CanaryKey,
  create_canary_key_payload as CreateCanaryKeyPayload,
  create_api_key_payload as CreateApiKeyPayload,
  success_payload as SuccessPayload,
  tenant as Tenant,
} from '../server/generated/graphql.js';

// The operations the command sends, in Prefect Cloud 1.0's dialect. Their result
// types are cut from the schema's generated types; test/cli/operations.test.ts
// validates every document against src/schema.graphql.

type TenantRef = Pick<Tenant, 'id' | 'name' | 'slug'>;

export const AUTH_INFO = /* GraphQL */ `
  query KeyplaneCliAuthInfo {
    auth_info {
      user_id
      tenant_id
      role
      api_key_id
      user {
        id
        username
        account_type
      }
      tenant {
        id
        name
        slug
      }
    }
  }
`;
export type AuthInfo = Pick<AuthInfoType, 'user_id' | 'tenant_id' | 'role' | 'api_key_id'> & {
  user: Pick<ApiKeyUser, 'id' | 'username' | 'account_type'>;
  tenant?: TenantRef | null;
};
export type AuthInfoResult = { auth_info: AuthInfo };

/** The fields of a key that list-keys and lookup-key print. */
const KEY_FIELDS = /* GraphQL */ `
  fragment KeyplaneCliKey on auth_api_key {
    id
    name
    key_hint
    created
    expires_at
    last_used_at
    role
    description
    tenant {
      id
      name
      slug
    }
    user {
      id
      username
      account_type
    }
  }
`;

export const LIST_KEYS = /* GraphQL */ `
  query KeyplaneCliListKeys($limit: Int!, $offset: Int!) {
    auth_api_key(order_by: [{ created: desc }], limit: $limit, offset: $offset) {
      ...KeyplaneCliKey
    }
    auth_api_key_aggregate {
      aggregate {
        count
      }
    }
  }
  ${KEY_FIELDS}
`;
export type ListedKey = Pick<ApiKey, 'id' | 'name' | 'key_hint' | 'created' | 'expires_at' | 'last_used_at' | 'role' | 'description'> & {
  tenant: TenantRef;
  user: Pick<ApiKeyUser, 'id' | 'username' | 'account_type'>;
};
export type ListKeysResult = { auth_api_key: ListedKey[]; auth_api_key_aggregate: { aggregate: { count: number } } };

/** The server's largest page. */
export const KEY_PAGE_SIZE = 1000;

/**
 * The keys the caller can see, newest first, page by page until a short page: all of
 * them, or the newest `max`. `total` is how many the server counted, for saying that
 * `max` left some out. A key created while paging can push one already read onto the
 * next page; it is listed once.
 */
export async function listKeys(client: ApiClient, options: { max?: number; pageSize?: number } = {}): Promise<{ keys: ListedKey[]; total: number }> {
  const { max = Infinity, pageSize = KEY_PAGE_SIZE } = options;
  const keys = new Map<string, ListedKey>();
  let total = 0;
  let offset = 0;
  while (keys.size < max) {
    const limit = Math.min(pageSize, max - keys.size);
    const page = await client.request<ListKeysResult>(LIST_KEYS, { limit, offset });
    total = page.auth_api_key_aggregate.aggregate.count;
    for (const key of page.auth_api_key) if (keys.size < max) keys.set(key.id, key);
    if (page.auth_api_key.length < limit) break;
    offset += limit;
  }
  return { keys: [...keys.values()], total };
}

/** One key's expiry, for the agent's start-up message. */
export const KEY_EXPIRY = /* GraphQL */ `
  query KeyplaneCliKeyExpiry($id: uuid!) {
    auth_api_key(where: { id: { _eq: $id } }) {
      id
      name
      expires_at
    }
  }
`;
export type KeyExpiryResult = { auth_api_key: Pick<ApiKey, 'id' | 'name' | 'expires_at'>[] };

export const CREATE_KEY = /* GraphQL */ `
  mutation KeyplaneCliCreateKey($input: create_api_key_input!) {
    create_api_key(input: $input) {
      id
      key
    }
  }
`;
export type CreateKeyResult = { create_api_key: Pick<CreateApiKeyPayload, 'id' | 'key'> };

export const ROTATE_KEY = /* GraphQL */ `
  mutation KeyplaneCliRotateKey($input: rotate_api_key_input!) {
    rotate_api_key(input: $input) {
      id
      key
    }
  }
`;

export interface RotateKeyResult {
  rotate_api_key: { id: string; key: string };
}

export const REVOKE_KEY = /* GraphQL */ `
  mutation KeyplaneCliRevokeKey($input: delete_api_key_input!) {
    delete_api_key(input: $input) {
      success
      error
    }
  }
`;
export type RevokeKeyResult = { delete_api_key: Pick<SuccessPayload, 'success' | 'error'> };

export const UPDATE_KEY = /* GraphQL */ `
  mutation KeyplaneCliUpdateKey($input: update_api_key_input!) {
    update_api_key(input: $input) {
      id
      name
      expires_at
      description
    }
  }
`;
export type UpdateKeyResult = { update_api_key: Pick<ApiKey, 'id' | 'name' | 'expires_at' | 'description'> };

type AccountRef = Pick<ApiKeyUser, 'id' | 'username' | 'account_type'>;

export const LOOKUP_KEY = /* GraphQL */ `
  query KeyplaneCliLookupKey($key: String, $hint: String) {
    lookup_api_key(key: $key, hint: $hint) {
      last_used_address
      api_key {
        ...KeyplaneCliKey
        created_by {
          id
          username
          account_type
        }
        agents(limit: 5) {
          name
          last_queried
          source_address
        }
      }
    }
  }
  ${KEY_FIELDS}
`;
export type LookedUpKey = Pick<ApiKeyLookup, 'last_used_address'> & {
  api_key: Pick<ApiKey, 'id' | 'name' | 'key_hint' | 'created' | 'expires_at' | 'last_used_at' | 'role' | 'description'> & {
    tenant: TenantRef;
    user: AccountRef;
    created_by?: AccountRef | null;
    agents: Pick<Agent, 'name' | 'last_queried' | 'source_address'>[];
  };
};
export type LookupKeyResult = { lookup_api_key: LookedUpKey[] };

export const REPORT_LEAKED = /* GraphQL */ `
  mutation KeyplaneCliReportLeaked($input: revoke_api_key_as_leaked_input!) {
    revoke_api_key_as_leaked(input: $input) {
      success
      error
    }
  }
`;
export type ReportLeakedResult = { revoke_api_key_as_leaked: Pick<SuccessPayload, 'success' | 'error'> };

export const CREATE_CANARY = /* GraphQL */ `
  mutation KeyplaneCliCreateCanary($input: create_canary_key_input!) {
    create_canary_key(input: $input) {
      id
      key
    }
  }
`;
export type CreateCanaryResult = { create_canary_key: Pick<CreateCanaryKeyPayload, 'id' | 'key'> };

export const LIST_CANARIES = /* GraphQL */ `
  query KeyplaneCliListCanaries($limit: Int!, $offset: Int!) {
    canary_key(limit: $limit, offset: $offset) {
      id
      name
      description
      key_hint
      created
      first_used_at
      last_used_at
      use_count
      last_source_address
      last_user_agent
      created_by {
        id
        username
        account_type
      }
    }
    canary_key_aggregate {
      aggregate {
        count
      }
    }
  }
`;
export type ListedCanary = Pick<
  CanaryKey,
  'id' | 'name' | 'description' | 'key_hint' | 'created' | 'first_used_at' | 'last_used_at' | 'use_count' | 'last_source_address' | 'last_user_agent'
> & { created_by?: AccountRef | null };
export type ListCanariesResult = { canary_key: ListedCanary[]; canary_key_aggregate: { aggregate: { count: number } } };

export const DELETE_CANARY = /* GraphQL */ `
  mutation KeyplaneCliDeleteCanary($input: delete_canary_key_input!) {
    delete_canary_key(input: $input) {
      success
      error
    }
  }
`;
export type DeleteCanaryResult = { delete_canary_key: Pick<SuccessPayload, 'success' | 'error'> };

export const LIST_TENANTS = /* GraphQL */ `
  query KeyplaneCliListTenants {
    tenant(order_by: [{ name: asc }]) {
      id
      name
      slug
    }
  }
`;
export type ListTenantsResult = { tenant: TenantRef[] };

/** The name and expiry of the key in use; a listing the caller may not make is no reason to fail. */
export async function fetchKeyDetails(client: ApiClient, keyId: string | null | undefined) {
  if (!keyId) return undefined;
  try {
    return (await client.request<KeyExpiryResult>(KEY_EXPIRY, { id: keyId })).auth_api_key[0];
  } catch {
    return undefined;
  }
}
