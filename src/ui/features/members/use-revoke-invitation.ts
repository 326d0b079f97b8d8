import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { evictEntity } from '../../lib/cache';

const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($input: delete_membership_invitation_input!) {
    delete_membership_invitation(input: $input) {
      success
      error
    }
  }
`);

/** Revokes an invitation; it goes from the cache, so the pending list refetches. Resolves to the server's refusal, if any. */
export function useRevokeInvitation() {
  const [mutate, state] = useMutation(RevokeInvitationMutation);
  const revoke = useCallback(
    async (invitationId: string): Promise<string | null> => {
      const result = await mutate({
        variables: { input: { invitation_id: invitationId } },
        update(cache, { data }) {
          if (data?.delete_membership_invitation.success) evictEntity(cache, 'membership_invitation', invitationId, ['membership_invitation']);
        },
      });
      const payload = result.data?.delete_membership_invitation;
      return payload?.success ? null : (payload?.error ?? 'The invitation could not be revoked.');
    },
    [mutate],
  );
  return [revoke, state] as const;
}
