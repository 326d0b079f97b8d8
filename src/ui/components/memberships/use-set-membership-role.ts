import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { useApolloClients } from '../../lib/apollo-clients-context';
import { evictRootFields } from '../../lib/cache';

const SetMembershipRoleMutation = graphql(`
  mutation SetMembershipRole($input: set_membership_role_input!) {
    set_membership_role(input: $input) {
      id
    }
  }
`);

export interface RoleChange {
  membershipId: string;
  role: string;
  /** The caller's own membership: the shell's account (navigation, admin controls) is refetched too. */
  own?: boolean;
}

/**
 * Changes a member's or a service account's role. The answer carries only the id, so
 * the cache takes the new role itself: every list showing the membership updates at once,
 * and the lists of memberships by role are fetched again.
 */
export function useSetMembershipRole() {
  const clients = useApolloClients();
  const [mutate, state] = useMutation(SetMembershipRoleMutation);
  const setRole = useCallback(
    async ({ membershipId, role, own = false }: RoleChange) => {
      await mutate({
        variables: { input: { membership_id: membershipId, role } },
        update(cache) {
          cache.modify({ id: cache.identify({ __typename: 'membership', id: membershipId }), fields: { role: () => role } });
          // Lists of memberships filtered by role (the tenant's administrators) may gain or lose this one.
          evictRootFields(cache, 'membership');
        },
      });
      if (own) await clients.refreshAccount();
    },
    [mutate, clients],
  );
  return [setRole, state] as const;
}
