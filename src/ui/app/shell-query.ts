import { graphql } from '../gql';

/** The signed-in caller and their tenants: what the app bar, switcher and `/` need. */
export const AppShellQuery = graphql(`
  query AppShell {
    user {
      id
      username
      email
      first_name
      last_name
      default_membership_id
      memberships {
        id
        tenant_id
        role
        role_detail {
          id
          name
        }
        tenant {
          id
          name
          slug
        }
      }
    }
  }
`);
