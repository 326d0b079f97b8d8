import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { useApolloClients } from '../../lib/apollo-clients-context';

const BootstrapMutation = graphql(`
  mutation Bootstrap($input: bootstrap_input!) {
    bootstrap(input: $input) {
      user_id
      tenant_id
      tenant_slug
    }
  }
`);

/** Creates the first administrator and tenant (signing them in), then starts every cache afresh; resolves to the tenant's slug. */
export function useBootstrap() {
  const clients = useApolloClients();
  const [mutate, state] = useMutation(BootstrapMutation);
  const bootstrap = useCallback(
    async (input: { email: string; username: string; password: string; tenant_name: string }) => {
      const result = await mutate({ variables: { input } });
      await clients.reset();
      return result.data?.bootstrap.tenant_slug ?? null;
    },
    [mutate, clients],
  );
  return [bootstrap, state] as const;
}
