import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { evictRootFields } from '../../lib/cache';

const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: create_api_key_input!) {
    create_api_key(input: $input) {
      id
      key
    }
  }
`);

/** The document, for Show GraphQL. */
export { CreateApiKeyMutation };

export interface CreateApiKeyInput {
  user_id: string;
  name: string;
  expires_at: string | null;
  default_tenant_id?: string;
  /** The key's own role, at most its owner's; absent: it follows its owner's. */
  role?: string;
}

/**
 * Creates a key and resolves to it. 'no-cache': the answer holds the key, which must
 * never enter the Apollo cache. Cached lists and counts of keys are dropped instead,
 * so the lists on screen refetch with the new row.
 */
export function useCreateApiKey() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(CreateApiKeyMutation, { fetchPolicy: 'no-cache' });
  const create = useCallback(
    async (input: CreateApiKeyInput): Promise<{ id: string; key: string }> => {
      const result = await mutate({ variables: { input } });
      const payload = result.data?.create_api_key;
      if (!payload) throw new Error('The server did not return the new key. Retry in a moment.');
      const { cache } = client;
      evictRootFields(cache, 'auth_api_key', 'auth_api_key_aggregate');
      // A service account's row shows its number of keys.
      cache.evict({ id: cache.identify({ __typename: 'user_view_same_tenant', id: input.user_id }), fieldName: 'api_key_count' });
      return payload;
    },
    [mutate, client],
  );
  return [create, state] as const;
}
