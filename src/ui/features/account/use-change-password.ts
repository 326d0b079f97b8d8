import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { evictRootFields } from '../../lib/cache';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: change_password_input!) {
    change_password(input: $input) {
      success
    }
  }
`);

/** Changes the password; the other sessions have ended, so the sessions list refetches. Throws the server's refusal. */
export function useChangePassword() {
  const [mutate, state] = useMutation(ChangePasswordMutation);
  const change = useCallback(
    async (currentPassword: string, newPassword: string): Promise<void> => {
      await mutate({
        variables: { input: { current_password: currentPassword, new_password: newPassword } },
        update(cache, { data }) {
          if (data?.change_password.success) evictRootFields(cache, 'my_sessions');
        },
      });
    },
    [mutate],
  );
  return [change, state] as const;
}
