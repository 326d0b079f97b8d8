import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { useApolloClients } from '../../lib/apollo-clients-context';

const CreateTenantMutation = graphql(`
  mutation CreateTenant($input: create_tenant_input!) {
    create_tenant(input: $input) {
      id
      slug
    }
  }
`);

/**
 * Creates a tenant with the caller as its administrator and resolves to its slug, once
 * the shell's account (the switcher's tenants) has been refetched to include it.
 */
export function useCreateTenant() {
  const clients = useApolloClients();
  const [mutate, state] = useMutation(CreateTenantMutation);
  const create = useCallback(
    async (input: { name: string; slug?: string }): Promise<string | null> => {
      const result = await mutate({ variables: { input } });
      await clients.refreshAccount();
      return result.data?.create_tenant.slug ?? null;
    },
    [mutate, clients],
  );
  return [create, state] as const;
}
