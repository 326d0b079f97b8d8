import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';

const UpdateApiKeyMutation = graphql(`
  mutation UpdateApiKey($input: update_api_key_input!) {
    update_api_key(input: $input) {
      id
      name
      expires_at
      description
      updated
    }
  }
`);

/** The document, for Show GraphQL. */
export { UpdateApiKeyMutation };

export interface UpdateApiKeyInput {
  key_id: string;
  name?: string;
  expires_at?: string;
  description?: string | null;
}

/**
 * Edits a key. The answer carries the key's id and the fields it changed, so Apollo
 * Client writes them into the cached key and every list showing it updates in place: no
 * refetch, and the row keeps its place (lists sorted by name refetch when they are next shown).
 */
export function useUpdateApiKey() {
  const [mutate, state] = useMutation(UpdateApiKeyMutation);
  const update = useCallback(
    async (input: UpdateApiKeyInput) => {
      const result = await mutate({ variables: { input } });
      if (!result.data?.update_api_key) throw new Error('The server did not confirm the change. Retry in a moment.');
      return result.data.update_api_key;
    },
    [mutate],
  );
  return [update, state] as const;
}
