import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { evictRootFields } from '../../lib/cache';

export const CreateCanaryKeyMutation = graphql(`
  mutation CreateCanaryKey($input: create_canary_key_input!) {
    create_canary_key(input: $input) {
      id
      key
    }
  }
`);

/** Creates a canary and resolves to it with its key (kept in React state only); cached lists of canaries go, so the page refetches. */
export function useCreateCanaryKey() {
  const [mutate, state] = useMutation(CreateCanaryKeyMutation, { fetchPolicy: 'no-cache' });
  const create = useCallback(
    async (input: { tenant_id: string; name: string; description: string | null }): Promise<{ id: string; key: string }> => {
      const result = await mutate({
        variables: { input },
        update(cache) {
          evictRootFields(cache, 'canary_key', 'canary_key_aggregate');
        },
      });
      const created = result.data?.create_canary_key;
      if (!created) throw new Error('The server did not return the new canary key.');
      return created;
    },
    [mutate],
  );
  return [create, state] as const;
}
