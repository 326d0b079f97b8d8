import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { evictEntity } from '../../lib/cache';

const DeleteSessionMutation = graphql(`
  mutation DeleteSession($input: delete_session_input!) {
    delete_session(input: $input) {
      success
    }
  }
`);

/** Signs one session out; it goes from the cache, so the list refetches. */
export function useDeleteSession() {
  const [mutate, state] = useMutation(DeleteSessionMutation);
  const signOut = useCallback(
    async (sessionId: string): Promise<void> => {
      await mutate({
        variables: { input: { session_id: sessionId } },
        update(cache, { data }) {
          if (data?.delete_session.success) evictEntity(cache, 'user_session', sessionId, ['my_sessions']);
        },
      });
    },
    [mutate],
  );
  return [signOut, state] as const;
}
