import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useCurrentTenant } from '../../lib/tenant-context';

const OtherAdministratorsQuery = graphql(`
  query MembersTableOtherAdministrators($tenantId: uuid!, $me: uuid!) {
    membership(where: { tenant_id: { _eq: $tenantId }, role: { _eq: "TENANT_ADMIN" }, user_id: { _neq: $me } }) {
      id
      user_id
    }
  }
`);

const PeopleAmongQuery = graphql(`
  query MembersTablePeopleAmong($ids: [uuid!]!) {
    user_view_same_tenant_aggregate(where: { account_type: { _eq: "NORMAL" }, id: { _in: $ids } }) {
      aggregate {
        count
      }
    }
  }
`);

/**
 * Whether the caller is the tenant's only human administrator, whom the API will not
 * demote: then their own role is not offered for change. Service accounts may be
 * administrators too but do not count, so the other administrators' ids are checked for
 * people. Asked for administrators only; false until both answers are in, so nothing is
 * held back on a guess (the API still refuses).
 */
export function useSoleAdministrator(): boolean {
  const tenant = useCurrentTenant();
  const others = useQuery(OtherAdministratorsQuery, {
    variables: { tenantId: tenant.id, me: tenant.user.id },
    skip: !tenant.isAdmin,
  });
  const ids = (others.data ?? others.previousData)?.membership.map((m) => m.user_id);
  const people = useQuery(PeopleAmongQuery, { variables: { ids: ids ?? [] }, skip: !ids || ids.length === 0 });
  if (!tenant.isAdmin || !ids) return false;
  if (ids.length === 0) return true;
  const count = (people.data ?? people.previousData)?.user_view_same_tenant_aggregate.aggregate.count;
  return count === 0;
}
