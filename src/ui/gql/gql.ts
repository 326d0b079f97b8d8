/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AppShell {\n    user {\n      id\n      username\n      email\n      first_name\n      last_name\n      default_membership_id\n      memberships {\n        id\n        tenant_id\n        role\n        role_detail {\n          id\n          name\n        }\n        tenant {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n": typeof types.AppShellDocument,
    "\n  fragment ApiKeysTable_key on auth_api_key {\n    id\n    name\n    key_hint\n    created\n    expires_at\n    last_used_at\n    role\n    description\n    rotation_ends_at\n    replaces_key_hint\n    tenant {\n      id\n      name\n      slug\n    }\n    created_by {\n      id\n      username\n    }\n  }\n": typeof types.ApiKeysTable_KeyFragmentDoc,
    "\n  query RevokeKeyAgents($id: uuid!) {\n    auth_api_key(where: { id: { _eq: $id } }, limit: 1) {\n      id\n      agents(limit: 20) {\n        id\n        name\n        last_queried\n      }\n    }\n  }\n": typeof types.RevokeKeyAgentsDocument,
    "\n  mutation CreateApiKey($input: create_api_key_input!) {\n    create_api_key(input: $input) {\n      id\n      key\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  query KeyPolicyRule($id: UUID!) {\n    tenant_policy(tenant_id: $id) {\n      tenant_id\n      user_key_max_days\n      service_key_max_days\n      require_expiry\n    }\n  }\n": typeof types.KeyPolicyRuleDocument,
    "\n  mutation RevokeApiKey($input: delete_api_key_input!) {\n    delete_api_key(input: $input) {\n      success\n      error\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation RotateApiKey($input: rotate_api_key_input!) {\n    rotate_api_key(input: $input) {\n      id\n      key\n    }\n  }\n": typeof types.RotateApiKeyDocument,
    "\n  mutation UpdateApiKey($input: update_api_key_input!) {\n    update_api_key(input: $input) {\n      id\n      name\n      expires_at\n      description\n      updated\n    }\n  }\n": typeof types.UpdateApiKeyDocument,
    "\n  query KeyNotices($tenantId: uuid) {\n    key_notices(tenant_id: $tenantId) {\n      own_expiring_count\n      own_idle_count\n      service_expiring_count\n      service_idle_count\n    }\n  }\n": typeof types.KeyNoticesDocument,
    "\n  mutation SetMembershipRole($input: set_membership_role_input!) {\n    set_membership_role(input: $input) {\n      id\n    }\n  }\n": typeof types.SetMembershipRoleDocument,
    "\n  query AccountPage {\n    user {\n      id\n      email\n      first_name\n      last_name\n    }\n    my_sessions {\n      ...SessionsList_session\n    }\n  }\n": typeof types.AccountPageDocument,
    "\n  fragment SessionsList_session on user_session {\n    id\n    created\n    last_seen\n    expires_at\n    current\n  }\n": typeof types.SessionsList_SessionFragmentDoc,
    "\n  mutation ChangePassword($input: change_password_input!) {\n    change_password(input: $input) {\n      success\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation DeleteOtherSessions {\n    delete_other_sessions {\n      success\n      deleted\n    }\n  }\n": typeof types.DeleteOtherSessionsDocument,
    "\n  mutation DeleteSession($input: delete_session_input!) {\n    delete_session(input: $input) {\n      success\n    }\n  }\n": typeof types.DeleteSessionDocument,
    "\n  mutation UpdateProfile($input: update_user_profile_input!) {\n    update_user_profile(input: $input) {\n      id\n      first_name\n      last_name\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  query ApiKeysPage($where: auth_api_key_bool_exp!, $order_by: [auth_api_key_order_by!], $limit: Int!, $offset: Int!) {\n    auth_api_key(where: $where, order_by: $order_by, limit: $limit, offset: $offset) {\n      ...ApiKeysTable_key\n    }\n    auth_api_key_aggregate(where: $where) {\n      aggregate {\n        count\n      }\n    }\n  }\n": typeof types.ApiKeysPageDocument,
    "\n  query AuditLogExport($where: audit_event_bool_exp!, $limit: Int!, $offset: Int!) {\n    audit_event(where: $where, order_by: [{ created: desc }], limit: $limit, offset: $offset) {\n      id\n      created\n      action\n      actor_id\n      actor {\n        id\n        username\n        account_type\n      }\n      target_type\n      target_id\n      target_name\n      source_address\n      cause\n      user_agent\n      detail\n    }\n    audit_event_aggregate(where: $where) {\n      aggregate {\n        count\n      }\n    }\n  }\n": typeof types.AuditLogExportDocument,
    "\n  query AuditLogActors {\n    audit_event_actor(order_by: [{ username: asc }]) {\n      id\n      username\n      account_type\n      is_member\n    }\n  }\n": typeof types.AuditLogActorsDocument,
    "\n  query AuditLogPage($where: audit_event_bool_exp!, $limit: Int!, $offset: Int!) {\n    audit_event(where: $where, order_by: [{ created: desc }], limit: $limit, offset: $offset) {\n      ...AuditLogTable_event\n    }\n    audit_event_aggregate(where: $where) {\n      aggregate {\n        count\n      }\n    }\n  }\n": typeof types.AuditLogPageDocument,
    "\n  fragment AuditLogTable_event on audit_event {\n    id\n    action\n    actor_id\n    actor {\n      id\n      username\n      account_type\n    }\n    target_type\n    target_id\n    target_name\n    source_address\n    created\n    cause\n    detail\n  }\n": typeof types.AuditLogTable_EventFragmentDoc,
    "\n  query InvitationPreview($token: String!) {\n    invitation_preview(token: $token) {\n      tenant_name\n      email\n      role\n      status\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  query InvitationViewer {\n    user {\n      id\n      username\n      email\n    }\n  }\n": typeof types.InvitationViewerDocument,
    "\n  query SetupRequired {\n    setup_required\n  }\n": typeof types.SetupRequiredDocument,
    "\n  mutation AcceptInvitation($input: accept_membership_invitation_input!) {\n    accept_membership_invitation(input: $input) {\n      success\n      tenant_id\n      tenant_slug\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation Bootstrap($input: bootstrap_input!) {\n    bootstrap(input: $input) {\n      user_id\n      tenant_id\n      tenant_slug\n    }\n  }\n": typeof types.BootstrapDocument,
    "\n  mutation LogIn($input: log_in_input!) {\n    log_in(input: $input) {\n      user_id\n      expires_at\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation LogOut {\n    log_out {\n      success\n    }\n  }\n": typeof types.LogOutDocument,
    "\n  query KeyLookupPage($key: String, $hint: String) {\n    lookup_api_key(key: $key, hint: $hint) {\n      last_used_address\n      api_key {\n        id\n        name\n        key_hint\n        created\n        expires_at\n        last_used_at\n        user {\n          id\n          username\n          account_type\n        }\n        created_by {\n          id\n          username\n        }\n        tenant {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.KeyLookupPageDocument,
    "\n  mutation RevokeApiKeyAsLeaked($input: revoke_api_key_as_leaked_input!) {\n    revoke_api_key_as_leaked(input: $input) {\n      success\n      error\n    }\n  }\n": typeof types.RevokeApiKeyAsLeakedDocument,
    "\n  query InvitationsTable($limit: Int!, $offset: Int!) {\n    membership_invitation(limit: $limit, offset: $offset) {\n      id\n      email\n      role\n      expires_at\n      invited_by {\n        id\n        username\n      }\n    }\n  }\n": typeof types.InvitationsTableDocument,
    "\n  query MembersPage($limit: Int!, $offset: Int!) {\n    user_view_same_tenant(where: { account_type: { _eq: \"NORMAL\" } }, order_by: [{ username: asc }, { id: asc }], limit: $limit, offset: $offset) {\n      ...MembersTable_member\n    }\n    user_view_same_tenant_aggregate(where: { account_type: { _eq: \"NORMAL\" } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n": typeof types.MembersPageDocument,
    "\n  fragment MembersTable_member on user_view_same_tenant {\n    id\n    username\n    email\n    first_name\n    last_name\n    memberships {\n      id\n      role\n      created\n    }\n  }\n": typeof types.MembersTable_MemberFragmentDoc,
    "\n  mutation InviteMember($input: create_membership_invitation_input!) {\n    create_membership_invitation(input: $input) {\n      id\n      token\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation RemoveMember($input: delete_membership_input!) {\n    delete_membership(input: $input) {\n      success\n      error\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation RevokeInvitation($input: delete_membership_invitation_input!) {\n    delete_membership_invitation(input: $input) {\n      success\n      error\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  query MembersTableOtherAdministrators($tenantId: uuid!, $me: uuid!) {\n    membership(where: { tenant_id: { _eq: $tenantId }, role: { _eq: \"TENANT_ADMIN\" }, user_id: { _neq: $me } }) {\n      id\n      user_id\n    }\n  }\n": typeof types.MembersTableOtherAdministratorsDocument,
    "\n  query MembersTablePeopleAmong($ids: [uuid!]!) {\n    user_view_same_tenant_aggregate(where: { account_type: { _eq: \"NORMAL\" }, id: { _in: $ids } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n": typeof types.MembersTablePeopleAmongDocument,
    "\n  query CanaryKeysPanel($limit: Int!, $offset: Int!) {\n    canary_key(limit: $limit, offset: $offset) {\n      ...CanaryKeysTable_canary\n    }\n    canary_key_aggregate {\n      aggregate {\n        count\n      }\n    }\n  }\n": typeof types.CanaryKeysPanelDocument,
    "\n  fragment CanaryKeysTable_canary on canary_key {\n    id\n    name\n    description\n    key_hint\n    created\n    created_by {\n      id\n      username\n    }\n    first_used_at\n    last_used_at\n    use_count\n    last_source_address\n    last_user_agent\n  }\n": typeof types.CanaryKeysTable_CanaryFragmentDoc,
    "\n  fragment KeyAgents_key on auth_api_key {\n    id\n    name\n    agents(limit: 20) {\n      id\n      name\n      type\n      labels\n      source_address\n      last_queried\n    }\n  }\n": typeof types.KeyAgents_KeyFragmentDoc,
    "\n  query RemoveServiceAccountAgents($userId: uuid!) {\n    auth_api_key(where: { user_id: { _eq: $userId } }, order_by: [{ last_used_at: desc_nulls_last }], limit: 100) {\n      id\n      agents(limit: 20) {\n        id\n        name\n        last_queried\n      }\n    }\n  }\n": typeof types.RemoveServiceAccountAgentsDocument,
    "\n  query ServiceAccountKeys($userId: uuid!, $limit: Int!, $offset: Int!) {\n    auth_api_key(where: { user_id: { _eq: $userId } }, order_by: [{ created: desc }, { id: asc }], limit: $limit, offset: $offset) {\n      ...ApiKeysTable_key\n      ...KeyAgents_key\n    }\n    auth_api_key_aggregate(where: { user_id: { _eq: $userId } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n": typeof types.ServiceAccountKeysDocument,
    "\n  query ServiceAccountsPage($limit: Int!, $offset: Int!) {\n    user_view_same_tenant(where: { account_type: { _eq: \"SERVICE\" } }, order_by: [{ username: asc }, { id: asc }], limit: $limit, offset: $offset) {\n      ...ServiceAccountsTable_account\n    }\n    user_view_same_tenant_aggregate(where: { account_type: { _eq: \"SERVICE\" } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n": typeof types.ServiceAccountsPageDocument,
    "\n  fragment ServiceAccountsTable_account on user_view_same_tenant {\n    id\n    username\n    created\n    memberships {\n      id\n      role\n    }\n    api_key_count\n  }\n": typeof types.ServiceAccountsTable_AccountFragmentDoc,
    "\n  mutation CreateCanaryKey($input: create_canary_key_input!) {\n    create_canary_key(input: $input) {\n      id\n      key\n    }\n  }\n": typeof types.CreateCanaryKeyDocument,
    "\n  mutation CreateServiceAccount($input: create_service_account_input!) {\n    create_service_account(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateServiceAccountDocument,
    "\n  mutation DeleteCanaryKey($input: delete_canary_key_input!) {\n    delete_canary_key(input: $input) {\n      success\n      error\n    }\n  }\n": typeof types.DeleteCanaryKeyDocument,
    "\n  mutation DeleteServiceAccount($input: delete_service_account_input!) {\n    delete_service_account(input: $input) {\n      success\n      error\n    }\n  }\n": typeof types.DeleteServiceAccountDocument,
    "\n  fragment KeyPolicySection_policy on tenant_policy {\n    tenant_id\n    user_key_max_days\n    service_key_max_days\n    require_expiry\n    idle_days\n    keys_outside {\n      user_keys\n      service_account_keys\n    }\n  }\n": typeof types.KeyPolicySection_PolicyFragmentDoc,
    "\n  query KeyPolicySection($id: UUID!) {\n    tenant_policy(tenant_id: $id) {\n      ...KeyPolicySection_policy\n    }\n  }\n": typeof types.KeyPolicySectionDocument,
    "\n  mutation SetTenantPolicy($input: set_tenant_policy_input!) {\n    set_tenant_policy(input: $input) {\n      ...KeyPolicySection_policy\n    }\n  }\n": typeof types.SetTenantPolicyDocument,
    "\n  mutation ShortenKeysToTenantPolicy($input: shorten_keys_to_tenant_policy_input!) {\n    shorten_keys_to_tenant_policy(input: $input) {\n      shortened\n    }\n  }\n": typeof types.ShortenKeysToTenantPolicyDocument,
    "\n  fragment TenantNameForm_tenant on tenant {\n    id\n    name\n  }\n": typeof types.TenantNameForm_TenantFragmentDoc,
    "\n  query TenantSettingsPage($id: uuid!) {\n    tenant_by_pk(id: $id) {\n      id\n      name\n      live_api_key_count\n      ...TenantNameForm_tenant\n      ...TenantSlugForm_tenant\n    }\n  }\n": typeof types.TenantSettingsPageDocument,
    "\n  fragment TenantSlugForm_tenant on tenant {\n    id\n    slug\n  }\n": typeof types.TenantSlugForm_TenantFragmentDoc,
    "\n  mutation ChangeTenantSlug($input: update_tenant_slug_input!) {\n    update_tenant_slug(input: $input) {\n      id\n      slug\n    }\n  }\n": typeof types.ChangeTenantSlugDocument,
    "\n  mutation DeleteTenant($input: delete_tenant_input!) {\n    delete_tenant(input: $input) {\n      success\n    }\n  }\n": typeof types.DeleteTenantDocument,
    "\n  mutation RenameTenant($input: update_tenant_name_input!) {\n    update_tenant_name(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.RenameTenantDocument,
    "\n  mutation CreateWebhook($input: create_webhook_input!) {\n    create_webhook(input: $input) {\n      id\n      secret\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($input: update_webhook_input!) {\n    update_webhook(input: $input) {\n      id\n      url\n      events\n      enabled\n      updated\n    }\n  }\n": typeof types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($input: delete_webhook_input!) {\n    delete_webhook(input: $input) {\n      success\n    }\n  }\n": typeof types.DeleteWebhookDocument,
    "\n  mutation RedeliverWebhookDelivery($input: redeliver_webhook_delivery_input!) {\n    redeliver_webhook_delivery(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.RedeliverWebhookDeliveryDocument,
    "\n  mutation SendTestWebhook($input: send_test_webhook_input!) {\n    send_test_webhook(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.SendTestWebhookDocument,
    "\n  query WebhookDeliveries($webhook: UUID!, $limit: Int!, $offset: Int!) {\n    webhook_delivery(webhook_id: $webhook, limit: $limit, offset: $offset) {\n      id\n      event_type\n      status\n      attempts\n      response_status\n      duration_ms\n      error\n      created\n      last_attempt_at\n    }\n    webhook_delivery_aggregate(webhook_id: $webhook) {\n      aggregate {\n        count\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  query WebhooksSection($tenant: UUID) {\n    webhook(tenant_id: $tenant) {\n      id\n      url\n      events\n      enabled\n      created\n      updated\n      last_delivery_status\n      last_delivery_at\n    }\n  }\n": typeof types.WebhooksSectionDocument,
    "\n  query TenantByPreviousSlug($slug: String!) {\n    tenant_by_previous_slug(slug: $slug) {\n      id\n      slug\n    }\n  }\n": typeof types.TenantByPreviousSlugDocument,
    "\n  mutation CreateTenant($input: create_tenant_input!) {\n    create_tenant(input: $input) {\n      id\n      slug\n    }\n  }\n": typeof types.CreateTenantDocument,
};
const documents: Documents = {
    "\n  query AppShell {\n    user {\n      id\n      username\n      email\n      first_name\n      last_name\n      default_membership_id\n      memberships {\n        id\n        tenant_id\n        role\n        role_detail {\n          id\n          name\n        }\n        tenant {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n": types.AppShellDocument,
    "\n  fragment ApiKeysTable_key on auth_api_key {\n    id\n    name\n    key_hint\n    created\n    expires_at\n    last_used_at\n    role\n    description\n    rotation_ends_at\n    replaces_key_hint\n    tenant {\n      id\n      name\n      slug\n    }\n    created_by {\n      id\n      username\n    }\n  }\n": types.ApiKeysTable_KeyFragmentDoc,
    "\n  query RevokeKeyAgents($id: uuid!) {\n    auth_api_key(where: { id: { _eq: $id } }, limit: 1) {\n      id\n      agents(limit: 20) {\n        id\n        name\n        last_queried\n      }\n    }\n  }\n": types.RevokeKeyAgentsDocument,
    "\n  mutation CreateApiKey($input: create_api_key_input!) {\n    create_api_key(input: $input) {\n      id\n      key\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  query KeyPolicyRule($id: UUID!) {\n    tenant_policy(tenant_id: $id) {\n      tenant_id\n      user_key_max_days\n      service_key_max_days\n      require_expiry\n    }\n  }\n": types.KeyPolicyRuleDocument,
    "\n  mutation RevokeApiKey($input: delete_api_key_input!) {\n    delete_api_key(input: $input) {\n      success\n      error\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation RotateApiKey($input: rotate_api_key_input!) {\n    rotate_api_key(input: $input) {\n      id\n      key\n    }\n  }\n": types.RotateApiKeyDocument,
    "\n  mutation UpdateApiKey($input: update_api_key_input!) {\n    update_api_key(input: $input) {\n      id\n      name\n      expires_at\n      description\n      updated\n    }\n  }\n": types.UpdateApiKeyDocument,
    "\n  query KeyNotices($tenantId: uuid) {\n    key_notices(tenant_id: $tenantId) {\n      own_expiring_count\n      own_idle_count\n      service_expiring_count\n      service_idle_count\n    }\n  }\n": types.KeyNoticesDocument,
    "\n  mutation SetMembershipRole($input: set_membership_role_input!) {\n    set_membership_role(input: $input) {\n      id\n    }\n  }\n": types.SetMembershipRoleDocument,
    "\n  query AccountPage {\n    user {\n      id\n      email\n      first_name\n      last_name\n    }\n    my_sessions {\n      ...SessionsList_session\n    }\n  }\n": types.AccountPageDocument,
    "\n  fragment SessionsList_session on user_session {\n    id\n    created\n    last_seen\n    expires_at\n    current\n  }\n": types.SessionsList_SessionFragmentDoc,
    "\n  mutation ChangePassword($input: change_password_input!) {\n    change_password(input: $input) {\n      success\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation DeleteOtherSessions {\n    delete_other_sessions {\n      success\n      deleted\n    }\n  }\n": types.DeleteOtherSessionsDocument,
    "\n  mutation DeleteSession($input: delete_session_input!) {\n    delete_session(input: $input) {\n      success\n    }\n  }\n": types.DeleteSessionDocument,
    "\n  mutation UpdateProfile($input: update_user_profile_input!) {\n    update_user_profile(input: $input) {\n      id\n      first_name\n      last_name\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  query ApiKeysPage($where: auth_api_key_bool_exp!, $order_by: [auth_api_key_order_by!], $limit: Int!, $offset: Int!) {\n    auth_api_key(where: $where, order_by: $order_by, limit: $limit, offset: $offset) {\n      ...ApiKeysTable_key\n    }\n    auth_api_key_aggregate(where: $where) {\n      aggregate {\n        count\n      }\n    }\n  }\n": types.ApiKeysPageDocument,
    "\n  query AuditLogExport($where: audit_event_bool_exp!, $limit: Int!, $offset: Int!) {\n    audit_event(where: $where, order_by: [{ created: desc }], limit: $limit, offset: $offset) {\n      id\n      created\n      action\n      actor_id\n      actor {\n        id\n        username\n        account_type\n      }\n      target_type\n      target_id\n      target_name\n      source_address\n      cause\n      user_agent\n      detail\n    }\n    audit_event_aggregate(where: $where) {\n      aggregate {\n        count\n      }\n    }\n  }\n": types.AuditLogExportDocument,
    "\n  query AuditLogActors {\n    audit_event_actor(order_by: [{ username: asc }]) {\n      id\n      username\n      account_type\n      is_member\n    }\n  }\n": types.AuditLogActorsDocument,
    "\n  query AuditLogPage($where: audit_event_bool_exp!, $limit: Int!, $offset: Int!) {\n    audit_event(where: $where, order_by: [{ created: desc }], limit: $limit, offset: $offset) {\n      ...AuditLogTable_event\n    }\n    audit_event_aggregate(where: $where) {\n      aggregate {\n        count\n      }\n    }\n  }\n": types.AuditLogPageDocument,
    "\n  fragment AuditLogTable_event on audit_event {\n    id\n    action\n    actor_id\n    actor {\n      id\n      username\n      account_type\n    }\n    target_type\n    target_id\n    target_name\n    source_address\n    created\n    cause\n    detail\n  }\n": types.AuditLogTable_EventFragmentDoc,
    "\n  query InvitationPreview($token: String!) {\n    invitation_preview(token: $token) {\n      tenant_name\n      email\n      role\n      status\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  query InvitationViewer {\n    user {\n      id\n      username\n      email\n    }\n  }\n": types.InvitationViewerDocument,
    "\n  query SetupRequired {\n    setup_required\n  }\n": types.SetupRequiredDocument,
    "\n  mutation AcceptInvitation($input: accept_membership_invitation_input!) {\n    accept_membership_invitation(input: $input) {\n      success\n      tenant_id\n      tenant_slug\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation Bootstrap($input: bootstrap_input!) {\n    bootstrap(input: $input) {\n      user_id\n      tenant_id\n      tenant_slug\n    }\n  }\n": types.BootstrapDocument,
    "\n  mutation LogIn($input: log_in_input!) {\n    log_in(input: $input) {\n      user_id\n      expires_at\n    }\n  }\n": types.LogInDocument,
    "\n  mutation LogOut {\n    log_out {\n      success\n    }\n  }\n": types.LogOutDocument,
    "\n  query KeyLookupPage($key: String, $hint: String) {\n    lookup_api_key(key: $key, hint: $hint) {\n      last_used_address\n      api_key {\n        id\n        name\n        key_hint\n        created\n        expires_at\n        last_used_at\n        user {\n          id\n          username\n          account_type\n        }\n        created_by {\n          id\n          username\n        }\n        tenant {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.KeyLookupPageDocument,
    "\n  mutation RevokeApiKeyAsLeaked($input: revoke_api_key_as_leaked_input!) {\n    revoke_api_key_as_leaked(input: $input) {\n      success\n      error\n    }\n  }\n": types.RevokeApiKeyAsLeakedDocument,
    "\n  query InvitationsTable($limit: Int!, $offset: Int!) {\n    membership_invitation(limit: $limit, offset: $offset) {\n      id\n      email\n      role\n      expires_at\n      invited_by {\n        id\n        username\n      }\n    }\n  }\n": types.InvitationsTableDocument,
    "\n  query MembersPage($limit: Int!, $offset: Int!) {\n    user_view_same_tenant(where: { account_type: { _eq: \"NORMAL\" } }, order_by: [{ username: asc }, { id: asc }], limit: $limit, offset: $offset) {\n      ...MembersTable_member\n    }\n    user_view_same_tenant_aggregate(where: { account_type: { _eq: \"NORMAL\" } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n": types.MembersPageDocument,
    "\n  fragment MembersTable_member on user_view_same_tenant {\n    id\n    username\n    email\n    first_name\n    last_name\n    memberships {\n      id\n      role\n      created\n    }\n  }\n": types.MembersTable_MemberFragmentDoc,
    "\n  mutation InviteMember($input: create_membership_invitation_input!) {\n    create_membership_invitation(input: $input) {\n      id\n      token\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation RemoveMember($input: delete_membership_input!) {\n    delete_membership(input: $input) {\n      success\n      error\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  mutation RevokeInvitation($input: delete_membership_invitation_input!) {\n    delete_membership_invitation(input: $input) {\n      success\n      error\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  query MembersTableOtherAdministrators($tenantId: uuid!, $me: uuid!) {\n    membership(where: { tenant_id: { _eq: $tenantId }, role: { _eq: \"TENANT_ADMIN\" }, user_id: { _neq: $me } }) {\n      id\n      user_id\n    }\n  }\n": types.MembersTableOtherAdministratorsDocument,
    "\n  query MembersTablePeopleAmong($ids: [uuid!]!) {\n    user_view_same_tenant_aggregate(where: { account_type: { _eq: \"NORMAL\" }, id: { _in: $ids } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n": types.MembersTablePeopleAmongDocument,
    "\n  query CanaryKeysPanel($limit: Int!, $offset: Int!) {\n    canary_key(limit: $limit, offset: $offset) {\n      ...CanaryKeysTable_canary\n    }\n    canary_key_aggregate {\n      aggregate {\n        count\n      }\n    }\n  }\n": types.CanaryKeysPanelDocument,
    "\n  fragment CanaryKeysTable_canary on canary_key {\n    id\n    name\n    description\n    key_hint\n    created\n    created_by {\n      id\n      username\n    }\n    first_used_at\n    last_used_at\n    use_count\n    last_source_address\n    last_user_agent\n  }\n": types.CanaryKeysTable_CanaryFragmentDoc,
    "\n  fragment KeyAgents_key on auth_api_key {\n    id\n    name\n    agents(limit: 20) {\n      id\n      name\n      type\n      labels\n      source_address\n      last_queried\n    }\n  }\n": types.KeyAgents_KeyFragmentDoc,
    "\n  query RemoveServiceAccountAgents($userId: uuid!) {\n    auth_api_key(where: { user_id: { _eq: $userId } }, order_by: [{ last_used_at: desc_nulls_last }], limit: 100) {\n      id\n      agents(limit: 20) {\n        id\n        name\n        last_queried\n      }\n    }\n  }\n": types.RemoveServiceAccountAgentsDocument,
    "\n  query ServiceAccountKeys($userId: uuid!, $limit: Int!, $offset: Int!) {\n    auth_api_key(where: { user_id: { _eq: $userId } }, order_by: [{ created: desc }, { id: asc }], limit: $limit, offset: $offset) {\n      ...ApiKeysTable_key\n      ...KeyAgents_key\n    }\n    auth_api_key_aggregate(where: { user_id: { _eq: $userId } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n": types.ServiceAccountKeysDocument,
    "\n  query ServiceAccountsPage($limit: Int!, $offset: Int!) {\n    user_view_same_tenant(where: { account_type: { _eq: \"SERVICE\" } }, order_by: [{ username: asc }, { id: asc }], limit: $limit, offset: $offset) {\n      ...ServiceAccountsTable_account\n    }\n    user_view_same_tenant_aggregate(where: { account_type: { _eq: \"SERVICE\" } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n": types.ServiceAccountsPageDocument,
    "\n  fragment ServiceAccountsTable_account on user_view_same_tenant {\n    id\n    username\n    created\n    memberships {\n      id\n      role\n    }\n    api_key_count\n  }\n": types.ServiceAccountsTable_AccountFragmentDoc,
    "\n  mutation CreateCanaryKey($input: create_canary_key_input!) {\n    create_canary_key(input: $input) {\n      id\n      key\n    }\n  }\n": types.CreateCanaryKeyDocument,
    "\n  mutation CreateServiceAccount($input: create_service_account_input!) {\n    create_service_account(input: $input) {\n      id\n    }\n  }\n": types.CreateServiceAccountDocument,
    "\n  mutation DeleteCanaryKey($input: delete_canary_key_input!) {\n    delete_canary_key(input: $input) {\n      success\n      error\n    }\n  }\n": types.DeleteCanaryKeyDocument,
    "\n  mutation DeleteServiceAccount($input: delete_service_account_input!) {\n    delete_service_account(input: $input) {\n      success\n      error\n    }\n  }\n": types.DeleteServiceAccountDocument,
    "\n  fragment KeyPolicySection_policy on tenant_policy {\n    tenant_id\n    user_key_max_days\n    service_key_max_days\n    require_expiry\n    idle_days\n    keys_outside {\n      user_keys\n      service_account_keys\n    }\n  }\n": types.KeyPolicySection_PolicyFragmentDoc,
    "\n  query KeyPolicySection($id: UUID!) {\n    tenant_policy(tenant_id: $id) {\n      ...KeyPolicySection_policy\n    }\n  }\n": types.KeyPolicySectionDocument,
    "\n  mutation SetTenantPolicy($input: set_tenant_policy_input!) {\n    set_tenant_policy(input: $input) {\n      ...KeyPolicySection_policy\n    }\n  }\n": types.SetTenantPolicyDocument,
    "\n  mutation ShortenKeysToTenantPolicy($input: shorten_keys_to_tenant_policy_input!) {\n    shorten_keys_to_tenant_policy(input: $input) {\n      shortened\n    }\n  }\n": types.ShortenKeysToTenantPolicyDocument,
    "\n  fragment TenantNameForm_tenant on tenant {\n    id\n    name\n  }\n": types.TenantNameForm_TenantFragmentDoc,
    "\n  query TenantSettingsPage($id: uuid!) {\n    tenant_by_pk(id: $id) {\n      id\n      name\n      live_api_key_count\n      ...TenantNameForm_tenant\n      ...TenantSlugForm_tenant\n    }\n  }\n": types.TenantSettingsPageDocument,
    "\n  fragment TenantSlugForm_tenant on tenant {\n    id\n    slug\n  }\n": types.TenantSlugForm_TenantFragmentDoc,
    "\n  mutation ChangeTenantSlug($input: update_tenant_slug_input!) {\n    update_tenant_slug(input: $input) {\n      id\n      slug\n    }\n  }\n": types.ChangeTenantSlugDocument,
    "\n  mutation DeleteTenant($input: delete_tenant_input!) {\n    delete_tenant(input: $input) {\n      success\n    }\n  }\n": types.DeleteTenantDocument,
    "\n  mutation RenameTenant($input: update_tenant_name_input!) {\n    update_tenant_name(input: $input) {\n      id\n      name\n    }\n  }\n": types.RenameTenantDocument,
    "\n  mutation CreateWebhook($input: create_webhook_input!) {\n    create_webhook(input: $input) {\n      id\n      secret\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($input: update_webhook_input!) {\n    update_webhook(input: $input) {\n      id\n      url\n      events\n      enabled\n      updated\n    }\n  }\n": types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($input: delete_webhook_input!) {\n    delete_webhook(input: $input) {\n      success\n    }\n  }\n": types.DeleteWebhookDocument,
    "\n  mutation RedeliverWebhookDelivery($input: redeliver_webhook_delivery_input!) {\n    redeliver_webhook_delivery(input: $input) {\n      id\n      status\n    }\n  }\n": types.RedeliverWebhookDeliveryDocument,
    "\n  mutation SendTestWebhook($input: send_test_webhook_input!) {\n    send_test_webhook(input: $input) {\n      id\n      status\n    }\n  }\n": types.SendTestWebhookDocument,
    "\n  query WebhookDeliveries($webhook: UUID!, $limit: Int!, $offset: Int!) {\n    webhook_delivery(webhook_id: $webhook, limit: $limit, offset: $offset) {\n      id\n      event_type\n      status\n      attempts\n      response_status\n      duration_ms\n      error\n      created\n      last_attempt_at\n    }\n    webhook_delivery_aggregate(webhook_id: $webhook) {\n      aggregate {\n        count\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  query WebhooksSection($tenant: UUID) {\n    webhook(tenant_id: $tenant) {\n      id\n      url\n      events\n      enabled\n      created\n      updated\n      last_delivery_status\n      last_delivery_at\n    }\n  }\n": types.WebhooksSectionDocument,
    "\n  query TenantByPreviousSlug($slug: String!) {\n    tenant_by_previous_slug(slug: $slug) {\n      id\n      slug\n    }\n  }\n": types.TenantByPreviousSlugDocument,
    "\n  mutation CreateTenant($input: create_tenant_input!) {\n    create_tenant(input: $input) {\n      id\n      slug\n    }\n  }\n": types.CreateTenantDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppShell {\n    user {\n      id\n      username\n      email\n      first_name\n      last_name\n      default_membership_id\n      memberships {\n        id\n        tenant_id\n        role\n        role_detail {\n          id\n          name\n        }\n        tenant {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AppShell {\n    user {\n      id\n      username\n      email\n      first_name\n      last_name\n      default_membership_id\n      memberships {\n        id\n        tenant_id\n        role\n        role_detail {\n          id\n          name\n        }\n        tenant {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeysTable_key on auth_api_key {\n    id\n    name\n    key_hint\n    created\n    expires_at\n    last_used_at\n    role\n    description\n    rotation_ends_at\n    replaces_key_hint\n    tenant {\n      id\n      name\n      slug\n    }\n    created_by {\n      id\n      username\n    }\n  }\n"): (typeof documents)["\n  fragment ApiKeysTable_key on auth_api_key {\n    id\n    name\n    key_hint\n    created\n    expires_at\n    last_used_at\n    role\n    description\n    rotation_ends_at\n    replaces_key_hint\n    tenant {\n      id\n      name\n      slug\n    }\n    created_by {\n      id\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevokeKeyAgents($id: uuid!) {\n    auth_api_key(where: { id: { _eq: $id } }, limit: 1) {\n      id\n      agents(limit: 20) {\n        id\n        name\n        last_queried\n      }\n    }\n  }\n"): (typeof documents)["\n  query RevokeKeyAgents($id: uuid!) {\n    auth_api_key(where: { id: { _eq: $id } }, limit: 1) {\n      id\n      agents(limit: 20) {\n        id\n        name\n        last_queried\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: create_api_key_input!) {\n    create_api_key(input: $input) {\n      id\n      key\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: create_api_key_input!) {\n    create_api_key(input: $input) {\n      id\n      key\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyPolicyRule($id: UUID!) {\n    tenant_policy(tenant_id: $id) {\n      tenant_id\n      user_key_max_days\n      service_key_max_days\n      require_expiry\n    }\n  }\n"): (typeof documents)["\n  query KeyPolicyRule($id: UUID!) {\n    tenant_policy(tenant_id: $id) {\n      tenant_id\n      user_key_max_days\n      service_key_max_days\n      require_expiry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($input: delete_api_key_input!) {\n    delete_api_key(input: $input) {\n      success\n      error\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($input: delete_api_key_input!) {\n    delete_api_key(input: $input) {\n      success\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateApiKey($input: rotate_api_key_input!) {\n    rotate_api_key(input: $input) {\n      id\n      key\n    }\n  }\n"): (typeof documents)["\n  mutation RotateApiKey($input: rotate_api_key_input!) {\n    rotate_api_key(input: $input) {\n      id\n      key\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateApiKey($input: update_api_key_input!) {\n    update_api_key(input: $input) {\n      id\n      name\n      expires_at\n      description\n      updated\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateApiKey($input: update_api_key_input!) {\n    update_api_key(input: $input) {\n      id\n      name\n      expires_at\n      description\n      updated\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyNotices($tenantId: uuid) {\n    key_notices(tenant_id: $tenantId) {\n      own_expiring_count\n      own_idle_count\n      service_expiring_count\n      service_idle_count\n    }\n  }\n"): (typeof documents)["\n  query KeyNotices($tenantId: uuid) {\n    key_notices(tenant_id: $tenantId) {\n      own_expiring_count\n      own_idle_count\n      service_expiring_count\n      service_idle_count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMembershipRole($input: set_membership_role_input!) {\n    set_membership_role(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SetMembershipRole($input: set_membership_role_input!) {\n    set_membership_role(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountPage {\n    user {\n      id\n      email\n      first_name\n      last_name\n    }\n    my_sessions {\n      ...SessionsList_session\n    }\n  }\n"): (typeof documents)["\n  query AccountPage {\n    user {\n      id\n      email\n      first_name\n      last_name\n    }\n    my_sessions {\n      ...SessionsList_session\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionsList_session on user_session {\n    id\n    created\n    last_seen\n    expires_at\n    current\n  }\n"): (typeof documents)["\n  fragment SessionsList_session on user_session {\n    id\n    created\n    last_seen\n    expires_at\n    current\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: change_password_input!) {\n    change_password(input: $input) {\n      success\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: change_password_input!) {\n    change_password(input: $input) {\n      success\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteOtherSessions {\n    delete_other_sessions {\n      success\n      deleted\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteOtherSessions {\n    delete_other_sessions {\n      success\n      deleted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSession($input: delete_session_input!) {\n    delete_session(input: $input) {\n      success\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteSession($input: delete_session_input!) {\n    delete_session(input: $input) {\n      success\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: update_user_profile_input!) {\n    update_user_profile(input: $input) {\n      id\n      first_name\n      last_name\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: update_user_profile_input!) {\n    update_user_profile(input: $input) {\n      id\n      first_name\n      last_name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeysPage($where: auth_api_key_bool_exp!, $order_by: [auth_api_key_order_by!], $limit: Int!, $offset: Int!) {\n    auth_api_key(where: $where, order_by: $order_by, limit: $limit, offset: $offset) {\n      ...ApiKeysTable_key\n    }\n    auth_api_key_aggregate(where: $where) {\n      aggregate {\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeysPage($where: auth_api_key_bool_exp!, $order_by: [auth_api_key_order_by!], $limit: Int!, $offset: Int!) {\n    auth_api_key(where: $where, order_by: $order_by, limit: $limit, offset: $offset) {\n      ...ApiKeysTable_key\n    }\n    auth_api_key_aggregate(where: $where) {\n      aggregate {\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogExport($where: audit_event_bool_exp!, $limit: Int!, $offset: Int!) {\n    audit_event(where: $where, order_by: [{ created: desc }], limit: $limit, offset: $offset) {\n      id\n      created\n      action\n      actor_id\n      actor {\n        id\n        username\n        account_type\n      }\n      target_type\n      target_id\n      target_name\n      source_address\n      cause\n      user_agent\n      detail\n    }\n    audit_event_aggregate(where: $where) {\n      aggregate {\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLogExport($where: audit_event_bool_exp!, $limit: Int!, $offset: Int!) {\n    audit_event(where: $where, order_by: [{ created: desc }], limit: $limit, offset: $offset) {\n      id\n      created\n      action\n      actor_id\n      actor {\n        id\n        username\n        account_type\n      }\n      target_type\n      target_id\n      target_name\n      source_address\n      cause\n      user_agent\n      detail\n    }\n    audit_event_aggregate(where: $where) {\n      aggregate {\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogActors {\n    audit_event_actor(order_by: [{ username: asc }]) {\n      id\n      username\n      account_type\n      is_member\n    }\n  }\n"): (typeof documents)["\n  query AuditLogActors {\n    audit_event_actor(order_by: [{ username: asc }]) {\n      id\n      username\n      account_type\n      is_member\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogPage($where: audit_event_bool_exp!, $limit: Int!, $offset: Int!) {\n    audit_event(where: $where, order_by: [{ created: desc }], limit: $limit, offset: $offset) {\n      ...AuditLogTable_event\n    }\n    audit_event_aggregate(where: $where) {\n      aggregate {\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLogPage($where: audit_event_bool_exp!, $limit: Int!, $offset: Int!) {\n    audit_event(where: $where, order_by: [{ created: desc }], limit: $limit, offset: $offset) {\n      ...AuditLogTable_event\n    }\n    audit_event_aggregate(where: $where) {\n      aggregate {\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditLogTable_event on audit_event {\n    id\n    action\n    actor_id\n    actor {\n      id\n      username\n      account_type\n    }\n    target_type\n    target_id\n    target_name\n    source_address\n    created\n    cause\n    detail\n  }\n"): (typeof documents)["\n  fragment AuditLogTable_event on audit_event {\n    id\n    action\n    actor_id\n    actor {\n      id\n      username\n      account_type\n    }\n    target_type\n    target_id\n    target_name\n    source_address\n    created\n    cause\n    detail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitation_preview(token: $token) {\n      tenant_name\n      email\n      role\n      status\n    }\n  }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitation_preview(token: $token) {\n      tenant_name\n      email\n      role\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationViewer {\n    user {\n      id\n      username\n      email\n    }\n  }\n"): (typeof documents)["\n  query InvitationViewer {\n    user {\n      id\n      username\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SetupRequired {\n    setup_required\n  }\n"): (typeof documents)["\n  query SetupRequired {\n    setup_required\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: accept_membership_invitation_input!) {\n    accept_membership_invitation(input: $input) {\n      success\n      tenant_id\n      tenant_slug\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: accept_membership_invitation_input!) {\n    accept_membership_invitation(input: $input) {\n      success\n      tenant_id\n      tenant_slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Bootstrap($input: bootstrap_input!) {\n    bootstrap(input: $input) {\n      user_id\n      tenant_id\n      tenant_slug\n    }\n  }\n"): (typeof documents)["\n  mutation Bootstrap($input: bootstrap_input!) {\n    bootstrap(input: $input) {\n      user_id\n      tenant_id\n      tenant_slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: log_in_input!) {\n    log_in(input: $input) {\n      user_id\n      expires_at\n    }\n  }\n"): (typeof documents)["\n  mutation LogIn($input: log_in_input!) {\n    log_in(input: $input) {\n      user_id\n      expires_at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOut {\n    log_out {\n      success\n    }\n  }\n"): (typeof documents)["\n  mutation LogOut {\n    log_out {\n      success\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyLookupPage($key: String, $hint: String) {\n    lookup_api_key(key: $key, hint: $hint) {\n      last_used_address\n      api_key {\n        id\n        name\n        key_hint\n        created\n        expires_at\n        last_used_at\n        user {\n          id\n          username\n          account_type\n        }\n        created_by {\n          id\n          username\n        }\n        tenant {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query KeyLookupPage($key: String, $hint: String) {\n    lookup_api_key(key: $key, hint: $hint) {\n      last_used_address\n      api_key {\n        id\n        name\n        key_hint\n        created\n        expires_at\n        last_used_at\n        user {\n          id\n          username\n          account_type\n        }\n        created_by {\n          id\n          username\n        }\n        tenant {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKeyAsLeaked($input: revoke_api_key_as_leaked_input!) {\n    revoke_api_key_as_leaked(input: $input) {\n      success\n      error\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKeyAsLeaked($input: revoke_api_key_as_leaked_input!) {\n    revoke_api_key_as_leaked(input: $input) {\n      success\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationsTable($limit: Int!, $offset: Int!) {\n    membership_invitation(limit: $limit, offset: $offset) {\n      id\n      email\n      role\n      expires_at\n      invited_by {\n        id\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  query InvitationsTable($limit: Int!, $offset: Int!) {\n    membership_invitation(limit: $limit, offset: $offset) {\n      id\n      email\n      role\n      expires_at\n      invited_by {\n        id\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembersPage($limit: Int!, $offset: Int!) {\n    user_view_same_tenant(where: { account_type: { _eq: \"NORMAL\" } }, order_by: [{ username: asc }, { id: asc }], limit: $limit, offset: $offset) {\n      ...MembersTable_member\n    }\n    user_view_same_tenant_aggregate(where: { account_type: { _eq: \"NORMAL\" } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query MembersPage($limit: Int!, $offset: Int!) {\n    user_view_same_tenant(where: { account_type: { _eq: \"NORMAL\" } }, order_by: [{ username: asc }, { id: asc }], limit: $limit, offset: $offset) {\n      ...MembersTable_member\n    }\n    user_view_same_tenant_aggregate(where: { account_type: { _eq: \"NORMAL\" } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MembersTable_member on user_view_same_tenant {\n    id\n    username\n    email\n    first_name\n    last_name\n    memberships {\n      id\n      role\n      created\n    }\n  }\n"): (typeof documents)["\n  fragment MembersTable_member on user_view_same_tenant {\n    id\n    username\n    email\n    first_name\n    last_name\n    memberships {\n      id\n      role\n      created\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: create_membership_invitation_input!) {\n    create_membership_invitation(input: $input) {\n      id\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: create_membership_invitation_input!) {\n    create_membership_invitation(input: $input) {\n      id\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($input: delete_membership_input!) {\n    delete_membership(input: $input) {\n      success\n      error\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($input: delete_membership_input!) {\n    delete_membership(input: $input) {\n      success\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($input: delete_membership_invitation_input!) {\n    delete_membership_invitation(input: $input) {\n      success\n      error\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($input: delete_membership_invitation_input!) {\n    delete_membership_invitation(input: $input) {\n      success\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembersTableOtherAdministrators($tenantId: uuid!, $me: uuid!) {\n    membership(where: { tenant_id: { _eq: $tenantId }, role: { _eq: \"TENANT_ADMIN\" }, user_id: { _neq: $me } }) {\n      id\n      user_id\n    }\n  }\n"): (typeof documents)["\n  query MembersTableOtherAdministrators($tenantId: uuid!, $me: uuid!) {\n    membership(where: { tenant_id: { _eq: $tenantId }, role: { _eq: \"TENANT_ADMIN\" }, user_id: { _neq: $me } }) {\n      id\n      user_id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembersTablePeopleAmong($ids: [uuid!]!) {\n    user_view_same_tenant_aggregate(where: { account_type: { _eq: \"NORMAL\" }, id: { _in: $ids } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query MembersTablePeopleAmong($ids: [uuid!]!) {\n    user_view_same_tenant_aggregate(where: { account_type: { _eq: \"NORMAL\" }, id: { _in: $ids } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CanaryKeysPanel($limit: Int!, $offset: Int!) {\n    canary_key(limit: $limit, offset: $offset) {\n      ...CanaryKeysTable_canary\n    }\n    canary_key_aggregate {\n      aggregate {\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query CanaryKeysPanel($limit: Int!, $offset: Int!) {\n    canary_key(limit: $limit, offset: $offset) {\n      ...CanaryKeysTable_canary\n    }\n    canary_key_aggregate {\n      aggregate {\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CanaryKeysTable_canary on canary_key {\n    id\n    name\n    description\n    key_hint\n    created\n    created_by {\n      id\n      username\n    }\n    first_used_at\n    last_used_at\n    use_count\n    last_source_address\n    last_user_agent\n  }\n"): (typeof documents)["\n  fragment CanaryKeysTable_canary on canary_key {\n    id\n    name\n    description\n    key_hint\n    created\n    created_by {\n      id\n      username\n    }\n    first_used_at\n    last_used_at\n    use_count\n    last_source_address\n    last_user_agent\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KeyAgents_key on auth_api_key {\n    id\n    name\n    agents(limit: 20) {\n      id\n      name\n      type\n      labels\n      source_address\n      last_queried\n    }\n  }\n"): (typeof documents)["\n  fragment KeyAgents_key on auth_api_key {\n    id\n    name\n    agents(limit: 20) {\n      id\n      name\n      type\n      labels\n      source_address\n      last_queried\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RemoveServiceAccountAgents($userId: uuid!) {\n    auth_api_key(where: { user_id: { _eq: $userId } }, order_by: [{ last_used_at: desc_nulls_last }], limit: 100) {\n      id\n      agents(limit: 20) {\n        id\n        name\n        last_queried\n      }\n    }\n  }\n"): (typeof documents)["\n  query RemoveServiceAccountAgents($userId: uuid!) {\n    auth_api_key(where: { user_id: { _eq: $userId } }, order_by: [{ last_used_at: desc_nulls_last }], limit: 100) {\n      id\n      agents(limit: 20) {\n        id\n        name\n        last_queried\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceAccountKeys($userId: uuid!, $limit: Int!, $offset: Int!) {\n    auth_api_key(where: { user_id: { _eq: $userId } }, order_by: [{ created: desc }, { id: asc }], limit: $limit, offset: $offset) {\n      ...ApiKeysTable_key\n      ...KeyAgents_key\n    }\n    auth_api_key_aggregate(where: { user_id: { _eq: $userId } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServiceAccountKeys($userId: uuid!, $limit: Int!, $offset: Int!) {\n    auth_api_key(where: { user_id: { _eq: $userId } }, order_by: [{ created: desc }, { id: asc }], limit: $limit, offset: $offset) {\n      ...ApiKeysTable_key\n      ...KeyAgents_key\n    }\n    auth_api_key_aggregate(where: { user_id: { _eq: $userId } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceAccountsPage($limit: Int!, $offset: Int!) {\n    user_view_same_tenant(where: { account_type: { _eq: \"SERVICE\" } }, order_by: [{ username: asc }, { id: asc }], limit: $limit, offset: $offset) {\n      ...ServiceAccountsTable_account\n    }\n    user_view_same_tenant_aggregate(where: { account_type: { _eq: \"SERVICE\" } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServiceAccountsPage($limit: Int!, $offset: Int!) {\n    user_view_same_tenant(where: { account_type: { _eq: \"SERVICE\" } }, order_by: [{ username: asc }, { id: asc }], limit: $limit, offset: $offset) {\n      ...ServiceAccountsTable_account\n    }\n    user_view_same_tenant_aggregate(where: { account_type: { _eq: \"SERVICE\" } }) {\n      aggregate {\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceAccountsTable_account on user_view_same_tenant {\n    id\n    username\n    created\n    memberships {\n      id\n      role\n    }\n    api_key_count\n  }\n"): (typeof documents)["\n  fragment ServiceAccountsTable_account on user_view_same_tenant {\n    id\n    username\n    created\n    memberships {\n      id\n      role\n    }\n    api_key_count\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCanaryKey($input: create_canary_key_input!) {\n    create_canary_key(input: $input) {\n      id\n      key\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCanaryKey($input: create_canary_key_input!) {\n    create_canary_key(input: $input) {\n      id\n      key\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateServiceAccount($input: create_service_account_input!) {\n    create_service_account(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateServiceAccount($input: create_service_account_input!) {\n    create_service_account(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCanaryKey($input: delete_canary_key_input!) {\n    delete_canary_key(input: $input) {\n      success\n      error\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteCanaryKey($input: delete_canary_key_input!) {\n    delete_canary_key(input: $input) {\n      success\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteServiceAccount($input: delete_service_account_input!) {\n    delete_service_account(input: $input) {\n      success\n      error\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteServiceAccount($input: delete_service_account_input!) {\n    delete_service_account(input: $input) {\n      success\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KeyPolicySection_policy on tenant_policy {\n    tenant_id\n    user_key_max_days\n    service_key_max_days\n    require_expiry\n    idle_days\n    keys_outside {\n      user_keys\n      service_account_keys\n    }\n  }\n"): (typeof documents)["\n  fragment KeyPolicySection_policy on tenant_policy {\n    tenant_id\n    user_key_max_days\n    service_key_max_days\n    require_expiry\n    idle_days\n    keys_outside {\n      user_keys\n      service_account_keys\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyPolicySection($id: UUID!) {\n    tenant_policy(tenant_id: $id) {\n      ...KeyPolicySection_policy\n    }\n  }\n"): (typeof documents)["\n  query KeyPolicySection($id: UUID!) {\n    tenant_policy(tenant_id: $id) {\n      ...KeyPolicySection_policy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTenantPolicy($input: set_tenant_policy_input!) {\n    set_tenant_policy(input: $input) {\n      ...KeyPolicySection_policy\n    }\n  }\n"): (typeof documents)["\n  mutation SetTenantPolicy($input: set_tenant_policy_input!) {\n    set_tenant_policy(input: $input) {\n      ...KeyPolicySection_policy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShortenKeysToTenantPolicy($input: shorten_keys_to_tenant_policy_input!) {\n    shorten_keys_to_tenant_policy(input: $input) {\n      shortened\n    }\n  }\n"): (typeof documents)["\n  mutation ShortenKeysToTenantPolicy($input: shorten_keys_to_tenant_policy_input!) {\n    shorten_keys_to_tenant_policy(input: $input) {\n      shortened\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TenantNameForm_tenant on tenant {\n    id\n    name\n  }\n"): (typeof documents)["\n  fragment TenantNameForm_tenant on tenant {\n    id\n    name\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantSettingsPage($id: uuid!) {\n    tenant_by_pk(id: $id) {\n      id\n      name\n      live_api_key_count\n      ...TenantNameForm_tenant\n      ...TenantSlugForm_tenant\n    }\n  }\n"): (typeof documents)["\n  query TenantSettingsPage($id: uuid!) {\n    tenant_by_pk(id: $id) {\n      id\n      name\n      live_api_key_count\n      ...TenantNameForm_tenant\n      ...TenantSlugForm_tenant\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TenantSlugForm_tenant on tenant {\n    id\n    slug\n  }\n"): (typeof documents)["\n  fragment TenantSlugForm_tenant on tenant {\n    id\n    slug\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeTenantSlug($input: update_tenant_slug_input!) {\n    update_tenant_slug(input: $input) {\n      id\n      slug\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeTenantSlug($input: update_tenant_slug_input!) {\n    update_tenant_slug(input: $input) {\n      id\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTenant($input: delete_tenant_input!) {\n    delete_tenant(input: $input) {\n      success\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteTenant($input: delete_tenant_input!) {\n    delete_tenant(input: $input) {\n      success\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameTenant($input: update_tenant_name_input!) {\n    update_tenant_name(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation RenameTenant($input: update_tenant_name_input!) {\n    update_tenant_name(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: create_webhook_input!) {\n    create_webhook(input: $input) {\n      id\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhook($input: create_webhook_input!) {\n    create_webhook(input: $input) {\n      id\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhook($input: update_webhook_input!) {\n    update_webhook(input: $input) {\n      id\n      url\n      events\n      enabled\n      updated\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhook($input: update_webhook_input!) {\n    update_webhook(input: $input) {\n      id\n      url\n      events\n      enabled\n      updated\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($input: delete_webhook_input!) {\n    delete_webhook(input: $input) {\n      success\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteWebhook($input: delete_webhook_input!) {\n    delete_webhook(input: $input) {\n      success\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhookDelivery($input: redeliver_webhook_delivery_input!) {\n    redeliver_webhook_delivery(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhookDelivery($input: redeliver_webhook_delivery_input!) {\n    redeliver_webhook_delivery(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestWebhook($input: send_test_webhook_input!) {\n    send_test_webhook(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SendTestWebhook($input: send_test_webhook_input!) {\n    send_test_webhook(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($webhook: UUID!, $limit: Int!, $offset: Int!) {\n    webhook_delivery(webhook_id: $webhook, limit: $limit, offset: $offset) {\n      id\n      event_type\n      status\n      attempts\n      response_status\n      duration_ms\n      error\n      created\n      last_attempt_at\n    }\n    webhook_delivery_aggregate(webhook_id: $webhook) {\n      aggregate {\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($webhook: UUID!, $limit: Int!, $offset: Int!) {\n    webhook_delivery(webhook_id: $webhook, limit: $limit, offset: $offset) {\n      id\n      event_type\n      status\n      attempts\n      response_status\n      duration_ms\n      error\n      created\n      last_attempt_at\n    }\n    webhook_delivery_aggregate(webhook_id: $webhook) {\n      aggregate {\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhooksSection($tenant: UUID) {\n    webhook(tenant_id: $tenant) {\n      id\n      url\n      events\n      enabled\n      created\n      updated\n      last_delivery_status\n      last_delivery_at\n    }\n  }\n"): (typeof documents)["\n  query WebhooksSection($tenant: UUID) {\n    webhook(tenant_id: $tenant) {\n      id\n      url\n      events\n      enabled\n      created\n      updated\n      last_delivery_status\n      last_delivery_at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantByPreviousSlug($slug: String!) {\n    tenant_by_previous_slug(slug: $slug) {\n      id\n      slug\n    }\n  }\n"): (typeof documents)["\n  query TenantByPreviousSlug($slug: String!) {\n    tenant_by_previous_slug(slug: $slug) {\n      id\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTenant($input: create_tenant_input!) {\n    create_tenant(input: $input) {\n      id\n      slug\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTenant($input: create_tenant_input!) {\n    create_tenant(input: $input) {\n      id\n      slug\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;