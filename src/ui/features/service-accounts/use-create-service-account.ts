import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { evictRootFields } from '../../lib/cache';

const CreateServiceAccountMutation = graphql(`
  mutation CreateServiceAccount($input: create_service_account_input!) {
    create_service_account(input: $input) {
      id
    }
  }
`);

/** Adds a service account and resolves to its id; cached lists of accounts go, so the page refetches with it. */
export function useCreateServiceAccount() {
  const [mutate, state] = useMutation(CreateServiceAccountMutation);
  const create = useCallback(
    async (input: { tenant_id: string; name: string; role: string }): Promise<string> => {
      const result = await mutate({
        variables: { input },
        update(cache) {
          evictRootFields(cache, 'user_view_same_tenant', 'user_view_same_tenant_aggregate');
        },
      });
      const id = result.data?.create_service_account.id;
      if (!id) throw new Error('The server did not return the new account.');
      return id;
    },
    [mutate],
  );
  return [create, state] as const;
}
