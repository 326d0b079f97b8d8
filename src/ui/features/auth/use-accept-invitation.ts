import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { useApolloClients } from '../../lib/apollo-clients-context';

const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: accept_membership_invitation_input!) {
    accept_membership_invitation(input: $input) {
      success
      tenant_id
      tenant_slug
    }
  }
`);

/** Accepts an invitation (with a new account, or as the signed-in one); every cache starts afresh. Resolves to the tenant's slug. */
export function useAcceptInvitation() {
  const clients = useApolloClients();
  const [mutate, state] = useMutation(AcceptInvitationMutation);
  const accept = useCallback(
    async (input: { token: string; username?: string; password?: string }) => {
      const result = await mutate({ variables: { input } });
      await clients.reset();
      return result.data?.accept_membership_invitation.tenant_slug ?? null;
    },
    [mutate, clients],
  );
  return [accept, state] as const;
}
