import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { evictEntity } from '../../lib/cache';

export const RevokeApiKeyAsLeakedMutation = graphql(`
  mutation RevokeApiKeyAsLeaked($input: revoke_api_key_as_leaked_input!) {
    revoke_api_key_as_leaked(input: $input) {
      success
      error
    }
  }
`);

/**
 * Revokes a key found where it should not be, saying where. The key goes from the cache
 * (by its id: the answer never holds the key), so key lists on screen refetch, and so
 * does the audit log, which has two new events.
 */
export function useRevokeApiKeyAsLeaked() {
  // The variables hold the key: nothing of this request is written to the cache (a
  // mutation's answer is kept under its arguments), so the edit below is made by hand.
  const [mutate, state] = useMutation(RevokeApiKeyAsLeakedMutation, { fetchPolicy: 'no-cache' });
  const { cache } = useApolloClient();
  const revoke = useCallback(
    async ({ key, keyId, foundAt }: { key: string; keyId: string; foundAt: string }): Promise<string | null> => {
      const result = await mutate({
        variables: { input: { key, found_at: foundAt.trim() || null } },
      });
      const payload = result.data?.revoke_api_key_as_leaked;
      if (!payload?.success) return payload?.error ?? 'The key was not revoked. Try again.';
      evictEntity(cache, 'auth_api_key', keyId, ['auth_api_key', 'auth_api_key_aggregate', 'audit_event', 'audit_event_aggregate']);
      return null;
    },
    [mutate, cache],
  );
  return [revoke, state] as const;
}
