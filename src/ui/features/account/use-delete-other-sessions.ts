import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { evictRootFields } from '../../lib/cache';

const DeleteOtherSessionsMutation = graphql(`
  mutation DeleteOtherSessions {
    delete_other_sessions {
      success
      deleted
    }
  }
`);

/** Signs out every session but this one; resolves to how many ended. */
export function useDeleteOtherSessions() {
  const [mutate, state] = useMutation(DeleteOtherSessionsMutation);
  const signOutOthers = useCallback(async (): Promise<number> => {
    const result = await mutate({
      update(cache, { data }) {
        if (data?.delete_other_sessions.success) evictRootFields(cache, 'my_sessions');
      },
    });
    return result.data?.delete_other_sessions.deleted ?? 0;
  }, [mutate]);
  return [signOutOthers, state] as const;
}
