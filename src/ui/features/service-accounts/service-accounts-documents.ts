import { graphql } from '../../gql';

// The Service Accounts page's queries and the mutations that change them, in one place so
// the table, the dialogs and the tests name the same operations.

/** The tenant's service accounts. api_key_count is null for callers who may not see keys. */
export const ServiceAccountsQuery = graphql(`
  query ServiceAccounts {
    user_view_same_tenant(where: { account_type: { _eq: "SERVICE" } }, order_by: [{ username: asc }]) {
      id
      username
      account_type
      created
      memberships {
        id
        role
        role_detail {
          id
          name
        }
      }
      api_key_count
    }
  }
`);

/** One account's keys (administrators only), newest first. */
export const ServiceAccountKeysQuery = graphql(`
  query ServiceAccountKeys($userId: uuid!) {
    auth_api_key(where: { user_id: { _eq: $userId } }, order_by: [{ created: desc }]) {
      id
      name
      key_hint
      created
      expires_at
      last_used_at
      created_by {
        id
        username
      }
    }
  }
`);

export const CreateServiceAccountMutation = graphql(`
  mutation CreateServiceAccount($input: create_service_account_input!) {
    create_service_account(input: $input) {
      id
    }
  }
`);

export const SetServiceAccountRoleMutation = graphql(`
  mutation SetServiceAccountRole($input: set_membership_role_input!) {
    set_membership_role(input: $input) {
      id
    }
  }
`);

export const DeleteServiceAccountMutation = graphql(`
  mutation DeleteServiceAccount($input: delete_service_account_input!) {
    delete_service_account(input: $input) {
      success
      error
    }
  }
`);
