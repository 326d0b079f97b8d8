import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { evictEntity } from '../../lib/cache';

const DeleteServiceAccountMutation = graphql(`
  mutation DeleteServiceAccount($input: delete_service_account_input!) {
    delete_service_account(input: $input) {
      success
      error
    }
  }
`);

/** Removes a service account (and so revokes its keys); it goes from the cache, so the list refetches. Resolves to the server's refusal, if any. */
export function useDeleteServiceAccount() {
  const [mutate, state] = useMutation(DeleteServiceAccountMutation);
  const remove = useCallback(
    async (userId: string): Promise<string | null> => {
      const result = await mutate({
        variables: { input: { user_id: userId } },
        update(cache, { data }) {
          if (data?.delete_service_account.success)
            evictEntity(cache, 'user_view_same_tenant', userId, ['user_view_same_tenant', 'user_view_same_tenant_aggregate']);
        },
      });
      const payload = result.data?.delete_service_account;
      return payload?.success ? null : (payload?.error ?? 'The service account was not removed. Try again.');
    },
    [mutate],
  );
  return [remove, state] as const;
}
