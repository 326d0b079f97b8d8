import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { evictEntity } from '../../lib/cache';

const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($input: delete_api_key_input!) {
    delete_api_key(input: $input) {
      success
      error
    }
  }
`);

/** The document, for Show GraphQL. */
export { RevokeApiKeyMutation };

/**
 * Revokes a key. It goes from the cache, so the lists that held it refetch their page
 * and total, and so does its owner's key count (a service account's row). Resolves to
 * the server's refusal, if it refused.
 */
export function useRevokeApiKey() {
  const [mutate, state] = useMutation(RevokeApiKeyMutation);
  const revoke = useCallback(
    async ({ id, userId }: { id: string; userId?: string }): Promise<string | null> => {
      const result = await mutate({
        variables: { input: { key_id: id } },
        update(cache, { data }) {
          if (!data?.delete_api_key.success) return;
          if (userId) cache.evict({ id: cache.identify({ __typename: 'user_view_same_tenant', id: userId }), fieldName: 'api_key_count' });
          evictEntity(cache, 'auth_api_key', id, ['auth_api_key', 'auth_api_key_aggregate']);
        },
      });
      const payload = result.data?.delete_api_key;
      return payload?.success ? null : (payload?.error ?? 'The key was not revoked. Try again.');
    },
    [mutate],
  );
  return [revoke, state] as const;
}
