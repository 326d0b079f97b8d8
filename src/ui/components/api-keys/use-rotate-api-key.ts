import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { evictRootFields } from '../../lib/cache';

const RotateApiKeyMutation = graphql(`
  mutation RotateApiKey($input: rotate_api_key_input!) {
    rotate_api_key(input: $input) {
      id
      key
    }
  }
`);

/** The document, for Show GraphQL. */
export { RotateApiKeyMutation };

export interface RotateApiKeyInput {
  key_id: string;
  /** Seconds the old key keeps working beside the new one (0: it ends at once). */
  overlap: number;
  /** Absent: the old key's expiry; null: never. */
  expires_at?: string | null;
}

/**
 * Rotates a key and resolves to its successor. 'no-cache': the answer holds the new
 * key, which must never enter the Apollo cache. The lists and counts of keys are
 * dropped, so the lists on screen refetch with the successor and the old key's
 * "rotating" state (or without it, when it ended at once).
 */
export function useRotateApiKey() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(RotateApiKeyMutation, { fetchPolicy: 'no-cache' });
  const rotate = useCallback(
    async (input: RotateApiKeyInput, ownerId?: string): Promise<{ id: string; key: string }> => {
      const result = await mutate({ variables: { input } });
      const payload = result.data?.rotate_api_key;
      if (!payload) throw new Error('The server did not return the new key. Retry in a moment.');
      const { cache } = client;
      evictRootFields(cache, 'auth_api_key', 'auth_api_key_aggregate');
      if (ownerId) cache.evict({ id: cache.identify({ __typename: 'user_view_same_tenant', id: ownerId }), fieldName: 'api_key_count' });
      return payload;
    },
    [mutate, client],
  );
  return [rotate, state] as const;
}
