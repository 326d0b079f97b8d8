/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Conditions on a text column; every one given must hold. Strings order by code point. A pattern (_like, _nlike, _ilike, _nilike) is at most 100 characters with at most 10 wildcards, and a where holds at most 4 patterns. */
export type String_Comparison_Exp = {
  /** Equal to. */
  _eq?: string | null | undefined;
  /** Greater than. */
  _gt?: string | null | undefined;
  /** Greater than or equal to. */
  _gte?: string | null | undefined;
  /** Matches the pattern, ignoring case (see _like). */
  _ilike?: string | null | undefined;
  /** One of these, at most 1000. */
  _in?: Array<string> | null | undefined;
  /** true: the column is null; false: it is not. */
  _is_null?: boolean | null | undefined;
  /** Matches the pattern, case-sensitively: % stands for any run of characters, _ for any one; there is no escape character. */
  _like?: string | null | undefined;
  /** Less than. */
  _lt?: string | null | undefined;
  /** Less than or equal to. */
  _lte?: string | null | undefined;
  /** Not equal to. */
  _neq?: string | null | undefined;
  /** Does not match the pattern, ignoring case (see _like). */
  _nilike?: string | null | undefined;
  /** None of these, at most 1000. */
  _nin?: Array<string> | null | undefined;
  /** Does not match the pattern, case-sensitively (see _like). */
  _nlike?: string | null | undefined;
};

/** What accept_membership_invitation takes. */
export type Accept_Membership_Invitation_Input = {
  /** An invitation sent to the signed-in person's own email (Prefect's way: no token). */
  invitation_id?: string | null | undefined;
  /** For a new account: 10 to 1000 characters. */
  password?: string | null | undefined;
  /** The token of the invitation link; or give invitation_id. */
  token?: string | null | undefined;
  /** For a new account, with password: its name, 1 to 100 characters after trimming, no control or invisible characters. Omit both when signed in, to join with that account. */
  username?: string | null | undefined;
};

/** A filter on an account: a key's owner or creator, an audit event's actor. */
export type Api_Key_User_Bool_Exp = {
  /** Every one of these holds. */
  _and?: Array<Api_Key_User_Bool_Exp> | null | undefined;
  /** This does not hold. */
  _not?: Api_Key_User_Bool_Exp | null | undefined;
  /** At least one of these holds. */
  _or?: Array<Api_Key_User_Bool_Exp> | null | undefined;
  /** On its kind: NORMAL or SERVICE. */
  account_type?: String_Comparison_Exp | null | undefined;
  /** On its user id. */
  id?: Uuid_Comparison_Exp | null | undefined;
  /** On its name. */
  username?: String_Comparison_Exp | null | undefined;
};

/** Sorting by a key's owner. */
export type Api_Key_User_Order_By = {
  /** By the owner's kind. */
  account_type?: Order_By | null | undefined;
  /** By the owner's name. */
  username?: Order_By | null | undefined;
};

/** A filter on audit events. */
export type Audit_Event_Bool_Exp = {
  /** Every one of these holds. */
  _and?: Array<Audit_Event_Bool_Exp> | null | undefined;
  /** This does not hold. */
  _not?: Audit_Event_Bool_Exp | null | undefined;
  /** At least one of these holds. */
  _or?: Array<Audit_Event_Bool_Exp> | null | undefined;
  /** On what happened. */
  action?: String_Comparison_Exp | null | undefined;
  /** Keyplane: on the actor's fields. */
  actor?: Api_Key_User_Bool_Exp | null | undefined;
  /** On who did it. */
  actor_id?: Uuid_Comparison_Exp | null | undefined;
  /** On when it happened. */
  created?: Timestamptz_Comparison_Exp | null | undefined;
  /** Keyplane: on the client's address. */
  source_address?: String_Comparison_Exp | null | undefined;
  /** On the target's id. */
  target_id?: String_Comparison_Exp | null | undefined;
  /** Keyplane: on the target's name. */
  target_name?: String_Comparison_Exp | null | undefined;
  /** On the kind of target. */
  target_type?: String_Comparison_Exp | null | undefined;
};

/** A filter on API keys. */
export type Auth_Api_Key_Bool_Exp = {
  /** Every one of these holds. */
  _and?: Array<Auth_Api_Key_Bool_Exp> | null | undefined;
  /** This does not hold. */
  _not?: Auth_Api_Key_Bool_Exp | null | undefined;
  /** At least one of these holds. */
  _or?: Array<Auth_Api_Key_Bool_Exp> | null | undefined;
  /** On when it was created. */
  created?: Timestamptz_Comparison_Exp | null | undefined;
  /** Keyplane: on its creator's fields. */
  created_by?: Api_Key_User_Bool_Exp | null | undefined;
  /** On the tenant it acts in. */
  default_tenant_id?: Uuid_Comparison_Exp | null | undefined;
  /** Keyplane: on its description (null: none). */
  description?: String_Comparison_Exp | null | undefined;
  /** On when it expires (null: never). */
  expires_at?: Timestamptz_Comparison_Exp | null | undefined;
  /** On the key's id. */
  id?: Uuid_Comparison_Exp | null | undefined;
  /** Keyplane: on its hint, e.g. kpu_Ab3d. */
  key_hint?: String_Comparison_Exp | null | undefined;
  /** On when it was last used (null: never). */
  last_used_at?: Timestamptz_Comparison_Exp | null | undefined;
  /** On its name. */
  name?: String_Comparison_Exp | null | undefined;
  /** Keyplane: on its own role (null: it follows its owner's). */
  role?: String_Comparison_Exp | null | undefined;
  /** On its tenant's fields. */
  tenant?: Tenant_Bool_Exp | null | undefined;
  /** On when its record last changed. */
  updated?: Timestamptz_Comparison_Exp | null | undefined;
  /** On its owner's fields. */
  user?: Api_Key_User_Bool_Exp | null | undefined;
  /** On its owner's id. */
  user_id?: Uuid_Comparison_Exp | null | undefined;
};

/** Sorting of API keys, one column an item. */
export type Auth_Api_Key_Order_By = {
  /** By creation time. */
  created?: Order_By | null | undefined;
  /** By expiry. */
  expires_at?: Order_By | null | undefined;
  /** By id. */
  id?: Order_By | null | undefined;
  /** By last use. */
  last_used_at?: Order_By | null | undefined;
  /** By name. */
  name?: Order_By | null | undefined;
  /** By the tenant's fields. */
  tenant?: Tenant_Order_By | null | undefined;
  /** By last change. */
  updated?: Order_By | null | undefined;
  /** By the owner's fields. */
  user?: Api_Key_User_Order_By | null | undefined;
};

/** What bootstrap takes: the first administrator and their tenant. */
export type Bootstrap_Input = {
  /** The administrator's sign-in email, at most 254 characters. */
  email: string;
  /** 10 to 1000 characters. */
  password: string;
  /** The first tenant's name, 1 to 100 characters after trimming, no control or invisible characters. Its slug is made from it. */
  tenant_name: string;
  /** Their name, 1 to 100 characters after trimming, no control or invisible characters. */
  username: string;
};

/** What change_password takes. */
export type Change_Password_Input = {
  /** Your password now. */
  current_password: string;
  /** The new one, 10 to 1000 characters. */
  new_password: string;
};

/** What create_api_key takes. */
export type Create_Api_Key_Input = {
  /** A tenant you belong to; defaults to the current tenant. Ignored for service accounts. */
  default_tenant_id?: string | null | undefined;
  /** When the key stops working, in the future; null or absent: never. */
  expires_at?: string | null | undefined;
  /** The key's name, 1 to 100 characters after trimming, no control or invisible characters. */
  name: string;
  /** Keyplane: the key's own role, at most its owner's in the tenant (TENANT_ADMIN, USER or READ_ONLY_USER): the key acts with the lower of this and its owner's role at each request. Absent or null: the key follows its owner's role, as Prefect's keys do; made with a key that has a role of its own, the new key gets at most that role. */
  role?: string | null | undefined;
  /** Yourself, or (administrators) a service account of the current tenant. */
  user_id: string;
};

/** What create_canary_key takes. */
export type Create_Canary_Key_Input = {
  /** Where it will be planted, at most 500 characters; empty or absent: none. */
  description?: string | null | undefined;
  /** Its name, 1 to 100 characters after trimming, no control or invisible characters. */
  name: string;
  /** The tenant it watches for; you must administer it. Defaults to the current tenant. */
  tenant_id?: string | null | undefined;
};

/** What create_membership_invitation takes. */
export type Create_Membership_Invitation_Input = {
  /** Who is invited: an email address of at most 254 characters, not already a member. */
  email: string;
  /** TENANT_ADMIN, USER or READ_ONLY_USER; or give role_id. */
  role?: string | null | undefined;
  /** The same, as an auth_role id (Prefect's spelling). */
  role_id?: string | null | undefined;
  /** Defaults to the request's tenant. */
  tenant_id?: string | null | undefined;
};

/** What create_service_account takes. */
export type Create_Service_Account_Input = {
  /** Its name, 1 to 100 characters after trimming, no control or invisible characters. */
  name: string;
  /** Its role: TENANT_ADMIN (the default), USER or READ_ONLY_USER. */
  role?: string | null | undefined;
  /** The same, as an auth_role id (Prefect's spelling); give one of role and role_id, or both alike. */
  role_id?: string | null | undefined;
  /** The tenant it joins; you must administer it. */
  tenant_id: string;
};

/** What create_tenant takes. */
export type Create_Tenant_Input = {
  /** Its name, 1 to 100 characters after trimming, no control or invisible characters. */
  name: string;
  /** Its name in URLs: lowercase letters, digits and inner hyphens, at most 40 characters, unique, and not one of the app's own paths (graphql, setup, assets, ...). Default: made from the name, with -2, -3, ... when taken. */
  slug?: string | null | undefined;
};

/** What create_webhook takes. */
export type Create_Webhook_Input = {
  /** The events to send, at least one: names from docs/webhooks.md, or the wildcards service_account.* and membership.*. */
  events: Array<string>;
  /** The tenant whose events it receives; you must administer it. Defaults to the current tenant. */
  tenant_id?: string | null | undefined;
  /** Where events are posted: an https:// URL of at most 2000 characters, without a user name or password. */
  url: string;
};

/** Which key delete_api_key revokes. */
export type Delete_Api_Key_Input = {
  /** The key's id (auth_api_key.id). */
  key_id: string;
};

/** Which canary delete_canary_key deletes. */
export type Delete_Canary_Key_Input = {
  /** The canary's id (canary_key.id). */
  canary_key_id: string;
};

/** Which membership delete_membership ends. */
export type Delete_Membership_Input = {
  /** The membership's id (user_view_same_tenant.memberships.id). */
  membership_id: string;
};

/** Which invitation delete_membership_invitation revokes. */
export type Delete_Membership_Invitation_Input = {
  /** The invitation's id (membership_invitation.id). */
  invitation_id: string;
};

/** Which service account delete_service_account removes. */
export type Delete_Service_Account_Input = {
  /** The service account's user id (user_view_same_tenant.id). */
  user_id: string;
};

/** What delete_session takes. */
export type Delete_Session_Input = {
  /** A user_session id from my_sessions. */
  session_id: string;
};

/** What delete_tenant takes. */
export type Delete_Tenant_Input = {
  /** Must be true. */
  confirm: boolean;
  /** Defaults to the request's tenant. */
  tenant_id?: string | null | undefined;
};

/** Which webhook delete_webhook deletes. */
export type Delete_Webhook_Input = {
  /** The webhook (webhook.id). */
  webhook_id: string;
};

/** What log_in takes. */
export type Log_In_Input = {
  /** Your sign-in email. */
  email: string;
  /** Your password. */
  password: string;
};

/** A sort direction. Ascending puts nulls last and descending puts them first, unless the direction says otherwise. */
export type Order_By =
  /** Ascending, nulls last. */
  | 'asc'
  /** Ascending, nulls first. */
  | 'asc_nulls_first'
  /** Ascending, nulls last. */
  | 'asc_nulls_last'
  /** Descending, nulls first. */
  | 'desc'
  /** Descending, nulls first. */
  | 'desc_nulls_first'
  /** Descending, nulls last. */
  | 'desc_nulls_last';

/** Which delivery redeliver_webhook_delivery sends again. */
export type Redeliver_Webhook_Delivery_Input = {
  /** The delivery (webhook_delivery.id). */
  delivery_id: string;
};

/** What revoke_api_key_as_leaked takes. */
export type Revoke_Api_Key_As_Leaked_Input = {
  /** Where it was found: a URL, a file, "CI log"; at most 500 characters, one line, never the key. Kept in the audit log. */
  found_at?: string | null | undefined;
  /** The whole key, as it was found. */
  key: string;
};

/** What rotate_api_key takes. */
export type Rotate_Api_Key_Input = {
  /** When the successor stops working, in the future; absent: the old key's expiry. null: never. */
  expires_at?: string | null | undefined;
  /** The key to rotate (auth_api_key.id). */
  key_id: string;
  /** How long the old key keeps working beside its successor, in whole seconds: 0 (ends at once) to 2592000 (30 days); absent: 86400 (24 h). The successor's first use ends it sooner. */
  overlap?: number | null | undefined;
};

/** Which webhook send_test_webhook tests. */
export type Send_Test_Webhook_Input = {
  /** The webhook (webhook.id). */
  webhook_id: string;
};

/** What set_membership_role takes. */
export type Set_Membership_Role_Input = {
  /** The membership's id (user_view_same_tenant.memberships.id). */
  membership_id: string;
  /** TENANT_ADMIN, USER or READ_ONLY_USER; or give role_id. */
  role?: string | null | undefined;
  /** The same, as an auth_role id (Prefect's spelling). */
  role_id?: string | null | undefined;
};

/** What set_tenant_policy takes: each field left out keeps its value; null lifts that limit. */
export type Set_Tenant_Policy_Input = {
  /** Days, 1 to 3650; null: unused keys are not revoked. */
  idle_days?: number | null | undefined;
  /** Whether every new key must expire; null is refused (send true or false). */
  require_expiry?: boolean | null | undefined;
  /** Days, 1 to 3650; null: no limit. */
  service_key_max_days?: number | null | undefined;
  /** Defaults to the request's tenant. */
  tenant_id?: string | null | undefined;
  /** Days, 1 to 3650; null: no limit. */
  user_key_max_days?: number | null | undefined;
};

/** What shorten_keys_to_tenant_policy takes. */
export type Shorten_Keys_To_Tenant_Policy_Input = {
  /** Defaults to the request's tenant. */
  tenant_id?: string | null | undefined;
};

/** A filter on tenants. */
export type Tenant_Bool_Exp = {
  /** Every one of these holds. */
  _and?: Array<Tenant_Bool_Exp> | null | undefined;
  /** This does not hold. */
  _not?: Tenant_Bool_Exp | null | undefined;
  /** At least one of these holds. */
  _or?: Array<Tenant_Bool_Exp> | null | undefined;
  /** On when it was created. */
  created?: Timestamptz_Comparison_Exp | null | undefined;
  /** On the tenant's id. */
  id?: Uuid_Comparison_Exp | null | undefined;
  /** On its name. */
  name?: String_Comparison_Exp | null | undefined;
  /** On its slug. */
  slug?: String_Comparison_Exp | null | undefined;
};

/** Sorting of tenants, one column an item. */
export type Tenant_Order_By = {
  /** By creation time. */
  created?: Order_By | null | undefined;
  /** By id. */
  id?: Order_By | null | undefined;
  /** By name. */
  name?: Order_By | null | undefined;
  /** By slug. */
  slug?: Order_By | null | undefined;
};

/** Conditions on a timestamp column (ISO-8601; instants compare in time order); every one given must hold. */
export type Timestamptz_Comparison_Exp = {
  /** Equal to. */
  _eq?: string | null | undefined;
  /** Later than. */
  _gt?: string | null | undefined;
  /** At or later than. */
  _gte?: string | null | undefined;
  /** One of these, at most 1000. */
  _in?: Array<string> | null | undefined;
  /** true: the column is null; false: it is not. */
  _is_null?: boolean | null | undefined;
  /** Earlier than. */
  _lt?: string | null | undefined;
  /** At or earlier than. */
  _lte?: string | null | undefined;
  /** Not equal to. */
  _neq?: string | null | undefined;
  /** None of these, at most 1000. */
  _nin?: Array<string> | null | undefined;
};

/** What update_api_key changes: each field given is set, each absent is left as it is. */
export type Update_Api_Key_Input = {
  /** Keyplane: what the key is for, at most 500 characters after trimming, lines of text without control or invisible characters; null or empty clears it. */
  description?: string | null | undefined;
  /** Keyplane: an earlier expiry, in the future: an expiry can be brought forward or set on a key that never expires, never pushed back or removed (null on a key that expires is BAD_USER_INPUT). */
  expires_at?: string | null | undefined;
  /** The key's id (auth_api_key.id). */
  key_id: string;
  /** Keyplane: its new name, 1 to 100 characters after trimming, no control or invisible characters; null or absent: unchanged. */
  name?: string | null | undefined;
};

/** What update_tenant_name takes. */
export type Update_Tenant_Name_Input = {
  /** The new name: 1 to 100 characters after trimming. */
  name: string;
  /** Defaults to the request's tenant. */
  tenant_id?: string | null | undefined;
};

/** What update_tenant_slug takes. */
export type Update_Tenant_Slug_Input = {
  /** The new slug: lowercase letters, digits and hyphens, not another tenant's slug or id. */
  slug: string;
  /** Defaults to the request's tenant. */
  tenant_id?: string | null | undefined;
};

/** What update_user_profile takes. */
export type Update_User_Profile_Input = {
  /** Your first name, 1 to 100 characters after trimming, no control or invisible characters; null or empty for none. */
  first_name?: string | null | undefined;
  /** Your last name, as first_name. */
  last_name?: string | null | undefined;
};

/** What update_webhook changes: each field given is set. */
export type Update_Webhook_Input = {
  /** Whether events are sent to it. */
  enabled?: boolean | null | undefined;
  /** A new list of events, by the rule of create_webhook. */
  events?: Array<string> | null | undefined;
  /** A new URL, by the rule of create_webhook. */
  url?: string | null | undefined;
  /** The webhook (webhook.id). */
  webhook_id: string;
};

/** Conditions on a uuid column; every one given must hold. */
export type Uuid_Comparison_Exp = {
  /** Equal to. */
  _eq?: string | null | undefined;
  /** One of these, at most 1000. */
  _in?: Array<string> | null | undefined;
  /** true: the column is null; false: it is not. */
  _is_null?: boolean | null | undefined;
  /** Not equal to. */
  _neq?: string | null | undefined;
  /** None of these, at most 1000. */
  _nin?: Array<string> | null | undefined;
};

export type AppShellQueryVariables = Exact<{ [key: string]: never; }>;


export type AppShellQuery = { user: Array<{ id: string, username: string, email: string | null, first_name: string | null, last_name: string | null, default_membership_id: string | null, memberships: Array<{ id: string, tenant_id: string, role: string, role_detail: { id: string, name: string }, tenant: { id: string, name: string, slug: string } }> }> };

export type ApiKeysTable_KeyFragment = { id: string, name: string, key_hint: string, created: string, expires_at: string | null, last_used_at: string | null, role: string | null, description: string | null, rotation_ends_at: string | null, replaces_key_hint: string | null, tenant: { id: string, name: string, slug: string }, created_by: { id: string, username: string } | null };

export type RevokeKeyAgentsQueryVariables = Exact<{
  id: string;
}>;


export type RevokeKeyAgentsQuery = { auth_api_key: Array<{ id: string, agents: Array<{ id: string, name: string, last_queried: string }> }> };

export type CreateApiKeyMutationVariables = Exact<{
  input: Create_Api_Key_Input;
}>;


export type CreateApiKeyMutation = { create_api_key: { id: string, key: string } };

export type KeyPolicyRuleQueryVariables = Exact<{
  id: string;
}>;


export type KeyPolicyRuleQuery = { tenant_policy: { tenant_id: string, user_key_max_days: number | null, service_key_max_days: number | null, require_expiry: boolean } };

export type RevokeApiKeyMutationVariables = Exact<{
  input: Delete_Api_Key_Input;
}>;


export type RevokeApiKeyMutation = { delete_api_key: { success: boolean, error: string | null } };

export type RotateApiKeyMutationVariables = Exact<{
  input: Rotate_Api_Key_Input;
}>;


export type RotateApiKeyMutation = { rotate_api_key: { id: string, key: string } };

export type UpdateApiKeyMutationVariables = Exact<{
  input: Update_Api_Key_Input;
}>;


export type UpdateApiKeyMutation = { update_api_key: { id: string, name: string, expires_at: string | null, description: string | null, updated: string } };

export type KeyNoticesQueryVariables = Exact<{
  tenantId?: string | null | undefined;
}>;


export type KeyNoticesQuery = { key_notices: { own_expiring_count: number, own_idle_count: number, service_expiring_count: number | null, service_idle_count: number | null } };

export type SetMembershipRoleMutationVariables = Exact<{
  input: Set_Membership_Role_Input;
}>;


export type SetMembershipRoleMutation = { set_membership_role: { id: string } };

export type AccountPageQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountPageQuery = { user: Array<{ id: string, email: string | null, first_name: string | null, last_name: string | null }>, my_sessions: Array<{ id: string, created: string, last_seen: string, expires_at: string, current: boolean }> };

export type SessionsList_SessionFragment = { id: string, created: string, last_seen: string, expires_at: string, current: boolean };

export type ChangePasswordMutationVariables = Exact<{
  input: Change_Password_Input;
}>;


export type ChangePasswordMutation = { change_password: { success: boolean } };

export type DeleteOtherSessionsMutationVariables = Exact<{ [key: string]: never; }>;


export type DeleteOtherSessionsMutation = { delete_other_sessions: { success: boolean, deleted: number } };

export type DeleteSessionMutationVariables = Exact<{
  input: Delete_Session_Input;
}>;


export type DeleteSessionMutation = { delete_session: { success: boolean } };

export type UpdateProfileMutationVariables = Exact<{
  input: Update_User_Profile_Input;
}>;


export type UpdateProfileMutation = { update_user_profile: { id: string, first_name: string | null, last_name: string | null } };

export type ApiKeysPageQueryVariables = Exact<{
  where: Auth_Api_Key_Bool_Exp;
  order_by?: Array<Auth_Api_Key_Order_By> | Auth_Api_Key_Order_By | null | undefined;
  limit: number;
  offset: number;
}>;


export type ApiKeysPageQuery = { auth_api_key: Array<{ id: string, name: string, key_hint: string, created: string, expires_at: string | null, last_used_at: string | null, role: string | null, description: string | null, rotation_ends_at: string | null, replaces_key_hint: string | null, tenant: { id: string, name: string, slug: string }, created_by: { id: string, username: string } | null }>, auth_api_key_aggregate: { aggregate: { count: number } } };

export type AuditLogExportQueryVariables = Exact<{
  where: Audit_Event_Bool_Exp;
  limit: number;
  offset: number;
}>;


export type AuditLogExportQuery = { audit_event: Array<{ id: string, created: string, action: string, actor_id: string | null, target_type: string | null, target_id: string | null, target_name: string | null, source_address: string | null, cause: string | null, user_agent: string | null, detail: string | null, actor: { id: string, username: string, account_type: string } | null }>, audit_event_aggregate: { aggregate: { count: number } } };

export type AuditLogActorsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditLogActorsQuery = { audit_event_actor: Array<{ id: string, username: string | null, account_type: string | null, is_member: boolean }> };

export type AuditLogPageQueryVariables = Exact<{
  where: Audit_Event_Bool_Exp;
  limit: number;
  offset: number;
}>;


export type AuditLogPageQuery = { audit_event: Array<{ id: string, action: string, actor_id: string | null, target_type: string | null, target_id: string | null, target_name: string | null, source_address: string | null, created: string, cause: string | null, detail: string | null, actor: { id: string, username: string, account_type: string } | null }>, audit_event_aggregate: { aggregate: { count: number } } };

export type AuditLogTable_EventFragment = { id: string, action: string, actor_id: string | null, target_type: string | null, target_id: string | null, target_name: string | null, source_address: string | null, created: string, cause: string | null, detail: string | null, actor: { id: string, username: string, account_type: string } | null };

export type InvitationPreviewQueryVariables = Exact<{
  token: string;
}>;


export type InvitationPreviewQuery = { invitation_preview: { tenant_name: string, email: string, role: string, status: string } | null };

export type InvitationViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type InvitationViewerQuery = { user: Array<{ id: string, username: string, email: string | null }> };

export type SetupRequiredQueryVariables = Exact<{ [key: string]: never; }>;


export type SetupRequiredQuery = { setup_required: boolean };

export type AcceptInvitationMutationVariables = Exact<{
  input: Accept_Membership_Invitation_Input;
}>;


export type AcceptInvitationMutation = { accept_membership_invitation: { success: boolean, tenant_id: string, tenant_slug: string } };

export type BootstrapMutationVariables = Exact<{
  input: Bootstrap_Input;
}>;


export type BootstrapMutation = { bootstrap: { user_id: string, tenant_id: string, tenant_slug: string } };

export type LogInMutationVariables = Exact<{
  input: Log_In_Input;
}>;


export type LogInMutation = { log_in: { user_id: string, expires_at: string } };

export type LogOutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogOutMutation = { log_out: { success: boolean } };

export type KeyLookupPageQueryVariables = Exact<{
  key?: string | null | undefined;
  hint?: string | null | undefined;
}>;


export type KeyLookupPageQuery = { lookup_api_key: Array<{ last_used_address: string | null, api_key: { id: string, name: string, key_hint: string, created: string, expires_at: string | null, last_used_at: string | null, user: { id: string, username: string, account_type: string }, created_by: { id: string, username: string } | null, tenant: { id: string, name: string } } }> };

export type RevokeApiKeyAsLeakedMutationVariables = Exact<{
  input: Revoke_Api_Key_As_Leaked_Input;
}>;


export type RevokeApiKeyAsLeakedMutation = { revoke_api_key_as_leaked: { success: boolean, error: string | null } };

export type InvitationsTableQueryVariables = Exact<{
  limit: number;
  offset: number;
}>;


export type InvitationsTableQuery = { membership_invitation: Array<{ id: string, email: string, role: string, expires_at: string, invited_by: { id: string, username: string } | null }> };

export type MembersPageQueryVariables = Exact<{
  limit: number;
  offset: number;
}>;


export type MembersPageQuery = { user_view_same_tenant: Array<{ id: string, username: string, email: string | null, first_name: string | null, last_name: string | null, memberships: Array<{ id: string, role: string, created: string }> }>, user_view_same_tenant_aggregate: { aggregate: { count: number } } };

export type MembersTable_MemberFragment = { id: string, username: string, email: string | null, first_name: string | null, last_name: string | null, memberships: Array<{ id: string, role: string, created: string }> };

export type InviteMemberMutationVariables = Exact<{
  input: Create_Membership_Invitation_Input;
}>;


export type InviteMemberMutation = { create_membership_invitation: { id: string, token: string } };

export type RemoveMemberMutationVariables = Exact<{
  input: Delete_Membership_Input;
}>;


export type RemoveMemberMutation = { delete_membership: { success: boolean, error: string | null } };

export type RevokeInvitationMutationVariables = Exact<{
  input: Delete_Membership_Invitation_Input;
}>;


export type RevokeInvitationMutation = { delete_membership_invitation: { success: boolean, error: string | null } };

export type MembersTableOtherAdministratorsQueryVariables = Exact<{
  tenantId: string;
  me: string;
}>;


export type MembersTableOtherAdministratorsQuery = { membership: Array<{ id: string, user_id: string }> };

export type MembersTablePeopleAmongQueryVariables = Exact<{
  ids: Array<string> | string;
}>;


export type MembersTablePeopleAmongQuery = { user_view_same_tenant_aggregate: { aggregate: { count: number } } };

export type CanaryKeysPanelQueryVariables = Exact<{
  limit: number;
  offset: number;
}>;


export type CanaryKeysPanelQuery = { canary_key: Array<{ id: string, name: string, description: string | null, key_hint: string, created: string, first_used_at: string | null, last_used_at: string | null, use_count: number, last_source_address: string | null, last_user_agent: string | null, created_by: { id: string, username: string } | null }>, canary_key_aggregate: { aggregate: { count: number } } };

export type CanaryKeysTable_CanaryFragment = { id: string, name: string, description: string | null, key_hint: string, created: string, first_used_at: string | null, last_used_at: string | null, use_count: number, last_source_address: string | null, last_user_agent: string | null, created_by: { id: string, username: string } | null };

export type KeyAgents_KeyFragment = { id: string, name: string, agents: Array<{ id: string, name: string, type: string, labels: Array<string>, source_address: string | null, last_queried: string }> };

export type RemoveServiceAccountAgentsQueryVariables = Exact<{
  userId: string;
}>;


export type RemoveServiceAccountAgentsQuery = { auth_api_key: Array<{ id: string, agents: Array<{ id: string, name: string, last_queried: string }> }> };

export type ServiceAccountKeysQueryVariables = Exact<{
  userId: string;
  limit: number;
  offset: number;
}>;


export type ServiceAccountKeysQuery = { auth_api_key: Array<{ id: string, name: string, key_hint: string, created: string, expires_at: string | null, last_used_at: string | null, role: string | null, description: string | null, rotation_ends_at: string | null, replaces_key_hint: string | null, tenant: { id: string, name: string, slug: string }, created_by: { id: string, username: string } | null, agents: Array<{ id: string, name: string, type: string, labels: Array<string>, source_address: string | null, last_queried: string }> }>, auth_api_key_aggregate: { aggregate: { count: number } } };

export type ServiceAccountsPageQueryVariables = Exact<{
  limit: number;
  offset: number;
}>;


export type ServiceAccountsPageQuery = { user_view_same_tenant: Array<{ id: string, username: string, created: string, api_key_count: number | null, memberships: Array<{ id: string, role: string }> }>, user_view_same_tenant_aggregate: { aggregate: { count: number } } };

export type ServiceAccountsTable_AccountFragment = { id: string, username: string, created: string, api_key_count: number | null, memberships: Array<{ id: string, role: string }> };

export type CreateCanaryKeyMutationVariables = Exact<{
  input: Create_Canary_Key_Input;
}>;


export type CreateCanaryKeyMutation = { create_canary_key: { id: string, key: string } };

export type CreateServiceAccountMutationVariables = Exact<{
  input: Create_Service_Account_Input;
}>;


export type CreateServiceAccountMutation = { create_service_account: { id: string } };

export type DeleteCanaryKeyMutationVariables = Exact<{
  input: Delete_Canary_Key_Input;
}>;


export type DeleteCanaryKeyMutation = { delete_canary_key: { success: boolean, error: string | null } };

export type DeleteServiceAccountMutationVariables = Exact<{
  input: Delete_Service_Account_Input;
}>;


export type DeleteServiceAccountMutation = { delete_service_account: { success: boolean, error: string | null } };

export type KeyPolicySection_PolicyFragment = { tenant_id: string, user_key_max_days: number | null, service_key_max_days: number | null, require_expiry: boolean, idle_days: number | null, keys_outside: { user_keys: number, service_account_keys: number } | null };

export type KeyPolicySectionQueryVariables = Exact<{
  id: string;
}>;


export type KeyPolicySectionQuery = { tenant_policy: { tenant_id: string, user_key_max_days: number | null, service_key_max_days: number | null, require_expiry: boolean, idle_days: number | null, keys_outside: { user_keys: number, service_account_keys: number } | null } };

export type SetTenantPolicyMutationVariables = Exact<{
  input: Set_Tenant_Policy_Input;
}>;


export type SetTenantPolicyMutation = { set_tenant_policy: { tenant_id: string, user_key_max_days: number | null, service_key_max_days: number | null, require_expiry: boolean, idle_days: number | null, keys_outside: { user_keys: number, service_account_keys: number } | null } };

export type ShortenKeysToTenantPolicyMutationVariables = Exact<{
  input: Shorten_Keys_To_Tenant_Policy_Input;
}>;


export type ShortenKeysToTenantPolicyMutation = { shorten_keys_to_tenant_policy: { shortened: number } };

export type TenantNameForm_TenantFragment = { id: string, name: string };

export type TenantSettingsPageQueryVariables = Exact<{
  id: string;
}>;


export type TenantSettingsPageQuery = { tenant_by_pk: { id: string, name: string, live_api_key_count: number | null, slug: string } | null };

export type TenantSlugForm_TenantFragment = { id: string, slug: string };

export type ChangeTenantSlugMutationVariables = Exact<{
  input: Update_Tenant_Slug_Input;
}>;


export type ChangeTenantSlugMutation = { update_tenant_slug: { id: string, slug: string } };

export type DeleteTenantMutationVariables = Exact<{
  input: Delete_Tenant_Input;
}>;


export type DeleteTenantMutation = { delete_tenant: { success: boolean } };

export type RenameTenantMutationVariables = Exact<{
  input: Update_Tenant_Name_Input;
}>;


export type RenameTenantMutation = { update_tenant_name: { id: string, name: string } };

export type CreateWebhookMutationVariables = Exact<{
  input: Create_Webhook_Input;
}>;


export type CreateWebhookMutation = { create_webhook: { id: string, secret: string } };

export type UpdateWebhookMutationVariables = Exact<{
  input: Update_Webhook_Input;
}>;


export type UpdateWebhookMutation = { update_webhook: { id: string, url: string, events: Array<string>, enabled: boolean, updated: string } };

export type DeleteWebhookMutationVariables = Exact<{
  input: Delete_Webhook_Input;
}>;


export type DeleteWebhookMutation = { delete_webhook: { success: boolean } };

export type RedeliverWebhookDeliveryMutationVariables = Exact<{
  input: Redeliver_Webhook_Delivery_Input;
}>;


export type RedeliverWebhookDeliveryMutation = { redeliver_webhook_delivery: { id: string, status: string } };

export type SendTestWebhookMutationVariables = Exact<{
  input: Send_Test_Webhook_Input;
}>;


export type SendTestWebhookMutation = { send_test_webhook: { id: string, status: string } };

export type WebhookDeliveriesQueryVariables = Exact<{
  webhook: string;
  limit: number;
  offset: number;
}>;


export type WebhookDeliveriesQuery = { webhook_delivery: Array<{ id: string, event_type: string, status: string, attempts: number, response_status: number | null, duration_ms: number | null, error: string | null, created: string, last_attempt_at: string | null }>, webhook_delivery_aggregate: { aggregate: { count: number } } };

export type WebhooksSectionQueryVariables = Exact<{
  tenant?: string | null | undefined;
}>;


export type WebhooksSectionQuery = { webhook: Array<{ id: string, url: string, events: Array<string>, enabled: boolean, created: string, updated: string, last_delivery_status: string | null, last_delivery_at: string | null }> };

export type TenantByPreviousSlugQueryVariables = Exact<{
  slug: string;
}>;


export type TenantByPreviousSlugQuery = { tenant_by_previous_slug: { id: string, slug: string } | null };

export type CreateTenantMutationVariables = Exact<{
  input: Create_Tenant_Input;
}>;


export type CreateTenantMutation = { create_tenant: { id: string, slug: string } };

export const ApiKeysTable_KeyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeysTable_key"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"auth_api_key"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"key_hint"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"expires_at"}},{"kind":"Field","name":{"kind":"Name","value":"last_used_at"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"rotation_ends_at"}},{"kind":"Field","name":{"kind":"Name","value":"replaces_key_hint"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"created_by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<ApiKeysTable_KeyFragment, unknown>;
export const SessionsList_SessionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionsList_session"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"user_session"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"last_seen"}},{"kind":"Field","name":{"kind":"Name","value":"expires_at"}},{"kind":"Field","name":{"kind":"Name","value":"current"}}]}}]} as unknown as DocumentNode<SessionsList_SessionFragment, unknown>;
export const AuditLogTable_EventFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditLogTable_event"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"audit_event"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor_id"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"account_type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target_type"}},{"kind":"Field","name":{"kind":"Name","value":"target_id"}},{"kind":"Field","name":{"kind":"Name","value":"target_name"}},{"kind":"Field","name":{"kind":"Name","value":"source_address"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]} as unknown as DocumentNode<AuditLogTable_EventFragment, unknown>;
export const MembersTable_MemberFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MembersTable_member"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"user_view_same_tenant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"first_name"}},{"kind":"Field","name":{"kind":"Name","value":"last_name"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"created"}}]}}]}}]} as unknown as DocumentNode<MembersTable_MemberFragment, unknown>;
export const CanaryKeysTable_CanaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CanaryKeysTable_canary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"canary_key"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"key_hint"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"created_by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"first_used_at"}},{"kind":"Field","name":{"kind":"Name","value":"last_used_at"}},{"kind":"Field","name":{"kind":"Name","value":"use_count"}},{"kind":"Field","name":{"kind":"Name","value":"last_source_address"}},{"kind":"Field","name":{"kind":"Name","value":"last_user_agent"}}]}}]} as unknown as DocumentNode<CanaryKeysTable_CanaryFragment, unknown>;
export const KeyAgents_KeyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KeyAgents_key"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"auth_api_key"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"agents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"source_address"}},{"kind":"Field","name":{"kind":"Name","value":"last_queried"}}]}}]}}]} as unknown as DocumentNode<KeyAgents_KeyFragment, unknown>;
export const ServiceAccountsTable_AccountFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceAccountsTable_account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"user_view_same_tenant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"api_key_count"}}]}}]} as unknown as DocumentNode<ServiceAccountsTable_AccountFragment, unknown>;
export const KeyPolicySection_PolicyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KeyPolicySection_policy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"tenant_policy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant_id"}},{"kind":"Field","name":{"kind":"Name","value":"user_key_max_days"}},{"kind":"Field","name":{"kind":"Name","value":"service_key_max_days"}},{"kind":"Field","name":{"kind":"Name","value":"require_expiry"}},{"kind":"Field","name":{"kind":"Name","value":"idle_days"}},{"kind":"Field","name":{"kind":"Name","value":"keys_outside"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user_keys"}},{"kind":"Field","name":{"kind":"Name","value":"service_account_keys"}}]}}]}}]} as unknown as DocumentNode<KeyPolicySection_PolicyFragment, unknown>;
export const TenantNameForm_TenantFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TenantNameForm_tenant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"tenant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]} as unknown as DocumentNode<TenantNameForm_TenantFragment, unknown>;
export const TenantSlugForm_TenantFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TenantSlugForm_tenant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"tenant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]} as unknown as DocumentNode<TenantSlugForm_TenantFragment, unknown>;
export const AppShellDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AppShell"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"first_name"}},{"kind":"Field","name":{"kind":"Name","value":"last_name"}},{"kind":"Field","name":{"kind":"Name","value":"default_membership_id"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tenant_id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"role_detail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AppShellQuery, AppShellQueryVariables>;
export const RevokeKeyAgentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RevokeKeyAgents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auth_api_key"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"last_queried"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeKeyAgentsQuery, RevokeKeyAgentsQueryVariables>;
export const CreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"create_api_key_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"create_api_key"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const KeyPolicyRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KeyPolicyRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant_policy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant_id"}},{"kind":"Field","name":{"kind":"Name","value":"user_key_max_days"}},{"kind":"Field","name":{"kind":"Name","value":"service_key_max_days"}},{"kind":"Field","name":{"kind":"Name","value":"require_expiry"}}]}}]}}]} as unknown as DocumentNode<KeyPolicyRuleQuery, KeyPolicyRuleQueryVariables>;
export const RevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"delete_api_key_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delete_api_key"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const RotateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"rotate_api_key_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotate_api_key"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]} as unknown as DocumentNode<RotateApiKeyMutation, RotateApiKeyMutationVariables>;
export const UpdateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"update_api_key_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"update_api_key"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"expires_at"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}}]}}]}}]} as unknown as DocumentNode<UpdateApiKeyMutation, UpdateApiKeyMutationVariables>;
export const KeyNoticesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KeyNotices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key_notices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"own_expiring_count"}},{"kind":"Field","name":{"kind":"Name","value":"own_idle_count"}},{"kind":"Field","name":{"kind":"Name","value":"service_expiring_count"}},{"kind":"Field","name":{"kind":"Name","value":"service_idle_count"}}]}}]}}]} as unknown as DocumentNode<KeyNoticesQuery, KeyNoticesQueryVariables>;
export const SetMembershipRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetMembershipRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"set_membership_role_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"set_membership_role"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SetMembershipRoleMutation, SetMembershipRoleMutationVariables>;
export const AccountPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"first_name"}},{"kind":"Field","name":{"kind":"Name","value":"last_name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"my_sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionsList_session"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionsList_session"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"user_session"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"last_seen"}},{"kind":"Field","name":{"kind":"Name","value":"expires_at"}},{"kind":"Field","name":{"kind":"Name","value":"current"}}]}}]} as unknown as DocumentNode<AccountPageQuery, AccountPageQueryVariables>;
export const ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"change_password_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"change_password"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}}]}}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const DeleteOtherSessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteOtherSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delete_other_sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}}]}}]} as unknown as DocumentNode<DeleteOtherSessionsMutation, DeleteOtherSessionsMutationVariables>;
export const DeleteSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"delete_session_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delete_session"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}}]}}]}}]} as unknown as DocumentNode<DeleteSessionMutation, DeleteSessionMutationVariables>;
export const UpdateProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"update_user_profile_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"update_user_profile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"first_name"}},{"kind":"Field","name":{"kind":"Name","value":"last_name"}}]}}]}}]} as unknown as DocumentNode<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const ApiKeysPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeysPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"auth_api_key_bool_exp"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"order_by"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"auth_api_key_order_by"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auth_api_key"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"Variable","name":{"kind":"Name","value":"order_by"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApiKeysTable_key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"auth_api_key_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeysTable_key"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"auth_api_key"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"key_hint"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"expires_at"}},{"kind":"Field","name":{"kind":"Name","value":"last_used_at"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"rotation_ends_at"}},{"kind":"Field","name":{"kind":"Name","value":"replaces_key_hint"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"created_by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<ApiKeysPageQuery, ApiKeysPageQueryVariables>;
export const AuditLogExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLogExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"audit_event_bool_exp"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"audit_event"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"created"},"value":{"kind":"EnumValue","value":"desc"}}]}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor_id"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"account_type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target_type"}},{"kind":"Field","name":{"kind":"Name","value":"target_id"}},{"kind":"Field","name":{"kind":"Name","value":"target_name"}},{"kind":"Field","name":{"kind":"Name","value":"source_address"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"user_agent"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audit_event_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<AuditLogExportQuery, AuditLogExportQueryVariables>;
export const AuditLogActorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLogActors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"audit_event_actor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"username"},"value":{"kind":"EnumValue","value":"asc"}}]}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"account_type"}},{"kind":"Field","name":{"kind":"Name","value":"is_member"}}]}}]}}]} as unknown as DocumentNode<AuditLogActorsQuery, AuditLogActorsQueryVariables>;
export const AuditLogPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLogPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"audit_event_bool_exp"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"audit_event"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"created"},"value":{"kind":"EnumValue","value":"desc"}}]}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditLogTable_event"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audit_event_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditLogTable_event"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"audit_event"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor_id"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"account_type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target_type"}},{"kind":"Field","name":{"kind":"Name","value":"target_id"}},{"kind":"Field","name":{"kind":"Name","value":"target_name"}},{"kind":"Field","name":{"kind":"Name","value":"source_address"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]} as unknown as DocumentNode<AuditLogPageQuery, AuditLogPageQueryVariables>;
export const InvitationPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvitationPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitation_preview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant_name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<InvitationPreviewQuery, InvitationPreviewQueryVariables>;
export const InvitationViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvitationViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<InvitationViewerQuery, InvitationViewerQueryVariables>;
export const SetupRequiredDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SetupRequired"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setup_required"}}]}}]} as unknown as DocumentNode<SetupRequiredQuery, SetupRequiredQueryVariables>;
export const AcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"accept_membership_invitation_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accept_membership_invitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"tenant_id"}},{"kind":"Field","name":{"kind":"Name","value":"tenant_slug"}}]}}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const BootstrapDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Bootstrap"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"bootstrap_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bootstrap"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user_id"}},{"kind":"Field","name":{"kind":"Name","value":"tenant_id"}},{"kind":"Field","name":{"kind":"Name","value":"tenant_slug"}}]}}]}}]} as unknown as DocumentNode<BootstrapMutation, BootstrapMutationVariables>;
export const LogInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"log_in_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"log_in"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user_id"}},{"kind":"Field","name":{"kind":"Name","value":"expires_at"}}]}}]}}]} as unknown as DocumentNode<LogInMutation, LogInMutationVariables>;
export const LogOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"log_out"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}}]}}]}}]} as unknown as DocumentNode<LogOutMutation, LogOutMutationVariables>;
export const KeyLookupPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KeyLookupPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hint"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lookup_api_key"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"hint"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hint"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"last_used_address"}},{"kind":"Field","name":{"kind":"Name","value":"api_key"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"key_hint"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"expires_at"}},{"kind":"Field","name":{"kind":"Name","value":"last_used_at"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"account_type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"created_by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<KeyLookupPageQuery, KeyLookupPageQueryVariables>;
export const RevokeApiKeyAsLeakedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKeyAsLeaked"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"revoke_api_key_as_leaked_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revoke_api_key_as_leaked"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyAsLeakedMutation, RevokeApiKeyAsLeakedMutationVariables>;
export const InvitationsTableDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvitationsTable"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"membership_invitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"expires_at"}},{"kind":"Field","name":{"kind":"Name","value":"invited_by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<InvitationsTableQuery, InvitationsTableQueryVariables>;
export const MembersPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MembersPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user_view_same_tenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"account_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"StringValue","value":"NORMAL","block":false}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"username"},"value":{"kind":"EnumValue","value":"asc"}}]},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"EnumValue","value":"asc"}}]}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MembersTable_member"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user_view_same_tenant_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"account_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"StringValue","value":"NORMAL","block":false}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MembersTable_member"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"user_view_same_tenant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"first_name"}},{"kind":"Field","name":{"kind":"Name","value":"last_name"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"created"}}]}}]}}]} as unknown as DocumentNode<MembersPageQuery, MembersPageQueryVariables>;
export const InviteMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"create_membership_invitation_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"create_membership_invitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<InviteMemberMutation, InviteMemberMutationVariables>;
export const RemoveMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"delete_membership_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delete_membership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const RevokeInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"delete_membership_invitation_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delete_membership_invitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const MembersTableOtherAdministratorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MembersTableOtherAdministrators"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"me"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"membership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"tenant_id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantId"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"StringValue","value":"TENANT_ADMIN","block":false}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"user_id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_neq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"me"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"user_id"}}]}}]}}]} as unknown as DocumentNode<MembersTableOtherAdministratorsQuery, MembersTableOtherAdministratorsQueryVariables>;
export const MembersTablePeopleAmongDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MembersTablePeopleAmong"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user_view_same_tenant_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"account_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"StringValue","value":"NORMAL","block":false}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_in"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<MembersTablePeopleAmongQuery, MembersTablePeopleAmongQueryVariables>;
export const CanaryKeysPanelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CanaryKeysPanel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canary_key"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CanaryKeysTable_canary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"canary_key_aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CanaryKeysTable_canary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"canary_key"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"key_hint"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"created_by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"first_used_at"}},{"kind":"Field","name":{"kind":"Name","value":"last_used_at"}},{"kind":"Field","name":{"kind":"Name","value":"use_count"}},{"kind":"Field","name":{"kind":"Name","value":"last_source_address"}},{"kind":"Field","name":{"kind":"Name","value":"last_user_agent"}}]}}]} as unknown as DocumentNode<CanaryKeysPanelQuery, CanaryKeysPanelQueryVariables>;
export const RemoveServiceAccountAgentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RemoveServiceAccountAgents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auth_api_key"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"user_id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"last_used_at"},"value":{"kind":"EnumValue","value":"desc_nulls_last"}}]}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"last_queried"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveServiceAccountAgentsQuery, RemoveServiceAccountAgentsQueryVariables>;
export const ServiceAccountKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServiceAccountKeys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auth_api_key"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"user_id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"created"},"value":{"kind":"EnumValue","value":"desc"}}]},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"EnumValue","value":"asc"}}]}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApiKeysTable_key"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"KeyAgents_key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"auth_api_key_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"user_id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeysTable_key"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"auth_api_key"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"key_hint"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"expires_at"}},{"kind":"Field","name":{"kind":"Name","value":"last_used_at"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"rotation_ends_at"}},{"kind":"Field","name":{"kind":"Name","value":"replaces_key_hint"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"created_by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KeyAgents_key"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"auth_api_key"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"agents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"source_address"}},{"kind":"Field","name":{"kind":"Name","value":"last_queried"}}]}}]}}]} as unknown as DocumentNode<ServiceAccountKeysQuery, ServiceAccountKeysQueryVariables>;
export const ServiceAccountsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServiceAccountsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user_view_same_tenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"account_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"StringValue","value":"SERVICE","block":false}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"username"},"value":{"kind":"EnumValue","value":"asc"}}]},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"EnumValue","value":"asc"}}]}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServiceAccountsTable_account"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user_view_same_tenant_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"account_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"StringValue","value":"SERVICE","block":false}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceAccountsTable_account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"user_view_same_tenant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"api_key_count"}}]}}]} as unknown as DocumentNode<ServiceAccountsPageQuery, ServiceAccountsPageQueryVariables>;
export const CreateCanaryKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCanaryKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"create_canary_key_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"create_canary_key"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]} as unknown as DocumentNode<CreateCanaryKeyMutation, CreateCanaryKeyMutationVariables>;
export const CreateServiceAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateServiceAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"create_service_account_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"create_service_account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateServiceAccountMutation, CreateServiceAccountMutationVariables>;
export const DeleteCanaryKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteCanaryKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"delete_canary_key_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delete_canary_key"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<DeleteCanaryKeyMutation, DeleteCanaryKeyMutationVariables>;
export const DeleteServiceAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteServiceAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"delete_service_account_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delete_service_account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<DeleteServiceAccountMutation, DeleteServiceAccountMutationVariables>;
export const KeyPolicySectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KeyPolicySection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant_policy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KeyPolicySection_policy"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KeyPolicySection_policy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"tenant_policy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant_id"}},{"kind":"Field","name":{"kind":"Name","value":"user_key_max_days"}},{"kind":"Field","name":{"kind":"Name","value":"service_key_max_days"}},{"kind":"Field","name":{"kind":"Name","value":"require_expiry"}},{"kind":"Field","name":{"kind":"Name","value":"idle_days"}},{"kind":"Field","name":{"kind":"Name","value":"keys_outside"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user_keys"}},{"kind":"Field","name":{"kind":"Name","value":"service_account_keys"}}]}}]}}]} as unknown as DocumentNode<KeyPolicySectionQuery, KeyPolicySectionQueryVariables>;
export const SetTenantPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetTenantPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"set_tenant_policy_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"set_tenant_policy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KeyPolicySection_policy"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KeyPolicySection_policy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"tenant_policy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant_id"}},{"kind":"Field","name":{"kind":"Name","value":"user_key_max_days"}},{"kind":"Field","name":{"kind":"Name","value":"service_key_max_days"}},{"kind":"Field","name":{"kind":"Name","value":"require_expiry"}},{"kind":"Field","name":{"kind":"Name","value":"idle_days"}},{"kind":"Field","name":{"kind":"Name","value":"keys_outside"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user_keys"}},{"kind":"Field","name":{"kind":"Name","value":"service_account_keys"}}]}}]}}]} as unknown as DocumentNode<SetTenantPolicyMutation, SetTenantPolicyMutationVariables>;
export const ShortenKeysToTenantPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShortenKeysToTenantPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"shorten_keys_to_tenant_policy_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shorten_keys_to_tenant_policy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shortened"}}]}}]}}]} as unknown as DocumentNode<ShortenKeysToTenantPolicyMutation, ShortenKeysToTenantPolicyMutationVariables>;
export const TenantSettingsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TenantSettingsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant_by_pk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"live_api_key_count"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TenantNameForm_tenant"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TenantSlugForm_tenant"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TenantNameForm_tenant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"tenant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TenantSlugForm_tenant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"tenant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]} as unknown as DocumentNode<TenantSettingsPageQuery, TenantSettingsPageQueryVariables>;
export const ChangeTenantSlugDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeTenantSlug"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"update_tenant_slug_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"update_tenant_slug"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<ChangeTenantSlugMutation, ChangeTenantSlugMutationVariables>;
export const DeleteTenantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"delete_tenant_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delete_tenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}}]}}]}}]} as unknown as DocumentNode<DeleteTenantMutation, DeleteTenantMutationVariables>;
export const RenameTenantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RenameTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"update_tenant_name_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"update_tenant_name"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RenameTenantMutation, RenameTenantMutationVariables>;
export const CreateWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"create_webhook_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"create_webhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]}}]} as unknown as DocumentNode<CreateWebhookMutation, CreateWebhookMutationVariables>;
export const UpdateWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"update_webhook_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"update_webhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}}]}}]}}]} as unknown as DocumentNode<UpdateWebhookMutation, UpdateWebhookMutationVariables>;
export const DeleteWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"delete_webhook_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delete_webhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}}]}}]}}]} as unknown as DocumentNode<DeleteWebhookMutation, DeleteWebhookMutationVariables>;
export const RedeliverWebhookDeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RedeliverWebhookDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"redeliver_webhook_delivery_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeliver_webhook_delivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RedeliverWebhookDeliveryMutation, RedeliverWebhookDeliveryMutationVariables>;
export const SendTestWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendTestWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"send_test_webhook_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"send_test_webhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SendTestWebhookMutation, SendTestWebhookMutationVariables>;
export const WebhookDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"webhook"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhook_delivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"webhook_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"webhook"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event_type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"response_status"}},{"kind":"Field","name":{"kind":"Name","value":"duration_ms"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"last_attempt_at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhook_delivery_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"webhook_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"webhook"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const WebhooksSectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhooksSection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"last_delivery_status"}},{"kind":"Field","name":{"kind":"Name","value":"last_delivery_at"}}]}}]}}]} as unknown as DocumentNode<WebhooksSectionQuery, WebhooksSectionQueryVariables>;
export const TenantByPreviousSlugDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TenantByPreviousSlug"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant_by_previous_slug"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<TenantByPreviousSlugQuery, TenantByPreviousSlugQueryVariables>;
export const CreateTenantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"create_tenant_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"create_tenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<CreateTenantMutation, CreateTenantMutationVariables>;