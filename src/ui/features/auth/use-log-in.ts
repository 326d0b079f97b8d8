import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { useApolloClients } from '../../lib/apollo-clients-context';

const LogInMutation = graphql(`
  mutation LogIn($input: log_in_input!) {
    log_in(input: $input) {
      user_id
      expires_at
    }
  }
`);

/** Signs in (the server sets the session cookie); whatever was cached belonged to nobody, or someone else, so every cache starts afresh. */
export function useLogIn() {
  const clients = useApolloClients();
  const [mutate, state] = useMutation(LogInMutation);
  const logIn = useCallback(
    async (input: { email: string; password: string }) => {
      await mutate({ variables: { input } });
      await clients.reset();
    },
    [mutate, clients],
  );
  return [logIn, state] as const;
}
