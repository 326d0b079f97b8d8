import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { useApolloClients } from '../../lib/apollo-clients-context';

const ChangeTenantSlugMutation = graphql(`
  mutation ChangeTenantSlug($input: update_tenant_slug_input!) {
    update_tenant_slug(input: $input) {
      id
      slug
    }
  }
`);

/**
 * Changes a tenant's slug and resolves to the new one once the shell knows it (the
 * caller's account is refetched), so that a page under the new slug finds its tenant.
 */
export function useChangeTenantSlug() {
  const clients = useApolloClients();
  const [mutate, state] = useMutation(ChangeTenantSlugMutation);
  const change = useCallback(
    async (tenantId: string, slug: string): Promise<string> => {
      const result = await mutate({ variables: { input: { tenant_id: tenantId, slug } } });
      await clients.refreshAccount();
      return result.data?.update_tenant_slug.slug ?? slug;
    },
    [mutate, clients],
  );
  return [change, state] as const;
}
