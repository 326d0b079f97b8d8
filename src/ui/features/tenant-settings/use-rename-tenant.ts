import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { useApolloClients } from '../../lib/apollo-clients-context';

const RenameTenantMutation = graphql(`
  mutation RenameTenant($input: update_tenant_name_input!) {
    update_tenant_name(input: $input) {
      id
      name
    }
  }
`);

/**
 * Renames a tenant. The tenant's cached entity takes the new name from the answer (same
 * id); the shell's switcher and menus refetch the caller's account.
 */
export function useRenameTenant() {
  const clients = useApolloClients();
  const [mutate, state] = useMutation(RenameTenantMutation);
  const rename = useCallback(
    async (tenantId: string, name: string): Promise<void> => {
      await mutate({ variables: { input: { tenant_id: tenantId, name } } });
      await clients.refreshAccount();
    },
    [mutate, clients],
  );
  return [rename, state] as const;
}
