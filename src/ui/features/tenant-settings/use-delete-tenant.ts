import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { useApolloClients } from '../../lib/apollo-clients-context';

const DeleteTenantMutation = graphql(`
  mutation DeleteTenant($input: delete_tenant_input!) {
    delete_tenant(input: $input) {
      success
    }
  }
`);

/** Deletes a tenant (every key acting in it is revoked) and refetches the caller's account, which no longer has it. */
export function useDeleteTenant() {
  const clients = useApolloClients();
  const [mutate, state] = useMutation(DeleteTenantMutation);
  const remove = useCallback(
    async (tenantId: string): Promise<void> => {
      await mutate({ variables: { input: { tenant_id: tenantId, confirm: true } } });
      await clients.refreshAccount();
    },
    [mutate, clients],
  );
  return [remove, state] as const;
}
