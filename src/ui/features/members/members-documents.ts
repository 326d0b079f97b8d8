import { graphql } from '../../gql';

// The Members page's list and every mutation that changes it, in one place so the
// table, the dialogs and the tests name the same operations.

export const MembersQuery = graphql(`
  query Members {
    user_view_same_tenant(where: { account_type: { _eq: "NORMAL" } }, order_by: [{ username: asc }]) {
      id
      username
      email
      first_name
      last_name
      account_type
      memberships {
        id
        role
        role_detail {
          id
          name
        }
        created
      }
    }
  }
`);

export const MemberInvitationsQuery = graphql(`
  query MemberInvitations {
    membership_invitation {
      id
      email
      role
      role_detail {
        id
        name
      }
      created
      expires_at
      invited_by {
        id
        username
      }
    }
  }
`);

export const InviteMemberMutation = graphql(`
  mutation InviteMember($input: create_membership_invitation_input!) {
    create_membership_invitation(input: $input) {
      id
      token
    }
  }
`);

export const SetMemberRoleMutation = graphql(`
  mutation SetMemberRole($input: set_membership_role_input!) {
    set_membership_role(input: $input) {
      id
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($input: delete_membership_input!) {
    delete_membership(input: $input) {
      success
      error
    }
  }
`);

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($input: delete_membership_invitation_input!) {
    delete_membership_invitation(input: $input) {
      success
      error
    }
  }
`);
