import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { evictRootFields } from '../../lib/cache';

const InviteMemberMutation = graphql(`
  mutation InviteMember($input: create_membership_invitation_input!) {
    create_membership_invitation(input: $input) {
      id
      token
    }
  }
`);

/**
 * Creates an invitation and resolves to its token, which is shown once and never cached
 * ('no-cache'). Cached lists of invitations are dropped, so the pending list refetches.
 */
export function useInviteMember() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(InviteMemberMutation, { fetchPolicy: 'no-cache' });
  const invite = useCallback(
    async (input: { tenant_id: string; email: string; role: string }): Promise<string | null> => {
      const result = await mutate({ variables: { input } });
      evictRootFields(client.cache, 'membership_invitation');
      return result.data?.create_membership_invitation.token ?? null;
    },
    [mutate, client],
  );
  return [invite, state] as const;
}
