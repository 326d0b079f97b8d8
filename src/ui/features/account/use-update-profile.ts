import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';

const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: update_user_profile_input!) {
    update_user_profile(input: $input) {
      id
      first_name
      last_name
    }
  }
`);

/** Saves the display name; the answer is the user entity, which Apollo Client merges into every query showing it. */
export function useUpdateProfile() {
  const [mutate, state] = useMutation(UpdateProfileMutation);
  const save = useCallback(
    async (firstName: string, lastName: string): Promise<void> => {
      await mutate({ variables: { input: { first_name: firstName.trim(), last_name: lastName.trim() } } });
    },
    [mutate],
  );
  return [save, state] as const;
}
