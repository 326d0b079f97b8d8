import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { useApolloClients } from '../../lib/apollo-clients-context';

const LogOutMutation = graphql(`
  mutation LogOut {
    log_out {
      success
    }
  }
`);

/** Signs out and drops every cache, even when the session had already ended. */
export function useLogOut() {
  const clients = useApolloClients();
  const [mutate, state] = useMutation(LogOutMutation);
  const logOut = useCallback(async () => {
    try {
      await mutate();
    } catch {
      // An expired session is as signed out as it gets; go on regardless.
    }
    await clients.reset();
  }, [mutate, clients]);
  return [logOut, state] as const;
}
