import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { useApolloClients } from '../../lib/apollo-clients-context';
import { evictEntity } from '../../lib/cache';

const RemoveMemberMutation = graphql(`
  mutation RemoveMember($input: delete_membership_input!) {
    delete_membership(input: $input) {
      success
      error
    }
  }
`);

/**
 * Removes a member from the tenant (or the caller, leaving it). The member goes from the
 * cache, so the list refetches its page and total; leaving refetches the shell's account.
 * Resolves to the server's refusal, if it refused.
 */
export function useRemoveMember() {
  const clients = useApolloClients();
  const [mutate, state] = useMutation(RemoveMemberMutation);
  const remove = useCallback(
    async ({ userId, membershipId, own }: { userId: string; membershipId: string; own: boolean }): Promise<string | null> => {
      const result = await mutate({
        variables: { input: { membership_id: membershipId } },
        update(cache, { data }) {
          // Leaving: this tenant's lists are no longer the caller's to see, so nothing here is refetched.
          if (data?.delete_membership.success && !own) {
            evictEntity(cache, 'user_view_same_tenant', userId, ['user_view_same_tenant', 'user_view_same_tenant_aggregate']);
          }
        },
      });
      const payload = result.data?.delete_membership;
      if (!payload?.success) return payload?.error ?? 'The member could not be removed.';
      if (own) await clients.refreshAccount();
      return null;
    },
    [mutate, clients],
  );
  return [remove, state] as const;
}
