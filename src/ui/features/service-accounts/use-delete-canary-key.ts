import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { evictEntity } from '../../lib/cache';

export const DeleteCanaryKeyMutation = graphql(`
  mutation DeleteCanaryKey($input: delete_canary_key_input!) {
    delete_canary_key(input: $input) {
      success
      error
    }
  }
`);

/** Deletes a canary; it goes from the cache, so the list refetches. Resolves to the server's refusal, if any. */
export function useDeleteCanaryKey() {
  const [mutate, state] = useMutation(DeleteCanaryKeyMutation);
  const remove = useCallback(
    async (id: string): Promise<string | null> => {
      const result = await mutate({
        variables: { input: { canary_key_id: id } },
        update(cache, { data }) {
          if (data?.delete_canary_key.success) evictEntity(cache, 'canary_key', id, ['canary_key', 'canary_key_aggregate']);
        },
      });
      const payload = result.data?.delete_canary_key;
      return payload?.success ? null : (payload?.error ?? 'The canary key was not deleted. Try again.');
    },
    [mutate],
  );
  return [remove, state] as const;
}
