import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TenantRecord, MembershipRecord, UserRecord, MemberRow, ApiKeyRow, UserRef, InvitationRecord, AuditEventRecord, AgentRecord, TenantPolicy, WebhookRecord, WebhookDeliveryRecord } from '../store/types.js';
import type { Principal, RequestContext } from '../context.js';
export type Maybe<T> = T | null | undefined;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** ISO-8601 timestamp in UTC (Prefect mutation spelling). */
  DateTime: { input: string; output: string; }
  /** Any JSON value (Hasura's json and jsonb). */
  JSON: { input: unknown; output: unknown; }
  /** UUID as a lowercase hyphenated string (Prefect mutation spelling). */
  UUID: { input: string; output: string; }
  /** ISO-8601 timestamp in UTC (Hasura spelling). */
  timestamptz: { input: string; output: string; }
  /** UUID as a lowercase hyphenated string (Hasura spelling). */
  uuid: { input: string; output: string; }
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Accepts an invitation by its token, or (signed in) by the id of one sent to your own email. Signed in (a browser session): joins with that account. Not signed in: creates the account of the invited email with username and password, and signs it in. Errors: NOT_FOUND (unknown token; an id not sent to you); UNAUTHENTICATED (an id, not signed in); FORBIDDEN (with a key, or as a service account); BAD_USER_INPUT (neither or both of token and invitation_id; an invitation used, revoked or expired; username or password; an account with that email exists, so sign in first). */
  accept_membership_invitation: accept_membership_invitation_payload;
  /** First-run setup: creates the first administrator and their tenant, and signs the browser in. Public, and only while no person has an account: afterwards BAD_USER_INPUT. */
  bootstrap: bootstrap_payload;
  /** Keyplane: changes your password: the current one is required, and failed attempts count against the sign-in limits as failed sign-ins do (RATE_LIMITED past them). Your other browser sessions end; this one stays, as do your API keys and the browsers' device cookies. Audited (auth.password_change) in each of your tenants. Browser sessions of people only. Errors: UNAUTHENTICATED; FORBIDDEN (a key); BAD_USER_INPUT (new_password breaks the password rule; current_password is wrong); RATE_LIMITED. */
  change_password: success_payload;
  /** Creates an API key and answers with it, the only time it is shown. For yourself, in a tenant you belong to (a key can create keys only in its own tenant), or, as an administrator of its tenant, for a service account. An account may hold at most 1000 keys that are neither revoked nor expired (KEYPLANE_MAX_KEYS_PER_OWNER). Errors: UNAUTHENTICATED; FORBIDDEN (another person, a read-only or user-role service account, a tenant other than the key's); NOT_FOUND (an account or tenant you cannot see); BAD_USER_INPUT naming the field. */
  create_api_key: create_api_key_payload;
  /** Keyplane: creates a canary key and answers with it, the only time it is shown. Tenant administrators only. Errors: UNAUTHENTICATED; FORBIDDEN (not an administrator); NOT_FOUND (a tenant you cannot see); BAD_USER_INPUT naming the field. */
  create_canary_key: create_canary_key_payload;
  /** Invites an email address to a tenant (the request's, unless tenant_id names one) with a role, and answers with the invitation's token, the only time it is shown: the link /invite/<token> works for 7 days. Tenant administrators only. Errors: UNAUTHENTICATED; NOT_FOUND; FORBIDDEN; BAD_USER_INPUT (email, or already a member; role or role_id). */
  create_membership_invitation: create_membership_invitation_payload;
  /** Adds a service account, the non-human member that CI jobs and agents authenticate as, to a tenant. Tenant administrators only. Errors: UNAUTHENTICATED; NOT_FOUND (a tenant you are not in); FORBIDDEN; BAD_USER_INPUT (name, role). */
  create_service_account: id_payload;
  /** Creates a tenant with you as its administrator. People only, not service accounts. Errors: UNAUTHENTICATED; FORBIDDEN (a service account); BAD_USER_INPUT (name, or the name of another tenant you belong to, compared ignoring case and Unicode compatibility forms; a slug that is malformed, reserved or taken). */
  create_tenant: create_tenant_payload;
  /** Keyplane: adds a webhook to a tenant and answers with its signing secret, the only time it is shown. The URL's host is resolved, and a private, loopback or link-local address is refused unless KEYPLANE_WEBHOOKS_ALLOW_PRIVATE is set. Audited (webhook.create). Tenant administrators only. Errors: UNAUTHENTICATED; FORBIDDEN (not an administrator); NOT_FOUND (a tenant you are not in); BAD_USER_INPUT (url: not https, unresolvable, or a refused address; events: empty or an unknown event). */
  create_webhook: create_webhook_payload;
  /** Revokes an API key: the very next request made with it is refused with 401. Your own keys, and a service account's keys for an administrator of its tenant; a request made with a key acts on keys of its own tenant only. Errors: UNAUTHENTICATED; NOT_FOUND (a key you may not see); FORBIDDEN (a service account without the administrator role, on its own keys). */
  delete_api_key: success_payload;
  /** Keyplane: deletes a canary key; its uses stay in the audit log, and it is refused as before (as any unknown key). Tenant administrators of its tenant only. Errors: UNAUTHENTICATED; NOT_FOUND (a canary you may not see, which is every canary to anyone but its tenant's administrators: they alone may learn that it exists). */
  delete_canary_key: success_payload;
  /** Removes a person from a tenant, revoking their keys there and the invitations they made there. Anyone may leave; administrators remove others. Not for service accounts (delete_service_account), nor for the last human administrator. Errors: UNAUTHENTICATED; NOT_FOUND; FORBIDDEN; BAD_USER_INPUT. */
  delete_membership: success_payload;
  /** Revokes a pending invitation: its link stops working. Tenant administrators, or the signed-in person it was sent to (declining it); to anyone else the id answers NOT_FOUND. Errors: UNAUTHENTICATED; NOT_FOUND; BAD_USER_INPUT (no longer pending). */
  delete_membership_invitation: success_payload;
  /** Keyplane: signs out every browser session of yours but this one. Browser sessions only. Errors: UNAUTHENTICATED; FORBIDDEN (a key). */
  delete_other_sessions: delete_other_sessions_payload;
  /** Removes a service account, revoking all its keys and the invitations it made. Administrators of its tenant only. Errors: UNAUTHENTICATED; NOT_FOUND (no such service account in a tenant of yours); FORBIDDEN. */
  delete_service_account: success_payload;
  /** Keyplane: signs one of your browser sessions out (my_sessions lists them); it may be this one, whose cookie is then cleared. Browser sessions only. Errors: UNAUTHENTICATED; FORBIDDEN (a key); NOT_FOUND (no session of yours has this id, as for another person's). */
  delete_session: success_payload;
  /** Deletes a tenant: revokes every key acting in it and its pending invitations, removes its memberships and service accounts, each audited with the cause tenant_deleted. Administrators signed in as people (a user key or a session; not a service account). Errors: BAD_USER_INPUT (confirm not true); FORBIDDEN; NOT_FOUND, as update_tenant_name. */
  delete_tenant: success_payload;
  /** Keyplane: deletes a webhook and its deliveries; nothing queued for it is sent. Audited (webhook.delete). Administrators of its tenant only. Errors: UNAUTHENTICATED; NOT_FOUND (a webhook you may not see). */
  delete_webhook: success_payload;
  /** Signs in with email and password and sets the session cookie (keyplane_session, HttpOnly, SameSite=Strict); requests made with it must also send X-Keyplane-CSRF: 1. Public. Failures are counted per account and per address before the password is checked: past the limit, RATE_LIMITED (HTTP 429, Retry-After). Errors: BAD_USER_INPUT (the same message for a wrong email and a wrong password); RATE_LIMITED. */
  log_in: log_in_payload;
  /** Ends the browser session and clears its cookie. Public: without a session it does nothing, and succeeds. */
  log_out: success_payload;
  /** Keyplane: queues a delivery's event again, to be sent now, as a new delivery with the same event id and payload. Administrators of its tenant only. Errors: UNAUTHENTICATED; NOT_FOUND (a delivery you may not see). */
  redeliver_webhook_delivery: webhook_delivery;
  /** Records a Prefect agent starting with an API key (prefect agent … start): registering the same agent again with the same key answers the same id; a key keeps its 20 most recently seen agents, and agents unseen for 7 days are dropped. Any key of a member who may write. Errors: BAD_USER_INPUT (type, name, labels); FORBIDDEN (a browser session, or read-only); NOT_FOUND (a tenant_id that is not the key's). */
  register_agent: id_payload;
  /** Keyplane: revokes a key that was found where it should not be, and records where (audit events api_key.leaked_reported with found_at as its detail, and api_key.revoke with cause reported_leaked). Clients using it get 401 on their next request. Allowed to an administrator of the key's tenant (any key there, people's too), and to the key's holder: a request made with that very key, or its owner signed in. Anything else is NOT_FOUND, as for a key that does not exist or is already revoked, and counts against the caller as lookup_api_key's misses do. Errors: BAD_USER_INPUT (key mistyped or not a key; found_at too long, not one line, or holding a key); NOT_FOUND; RATE_LIMITED. */
  revoke_api_key_as_leaked: success_payload;
  /** Keyplane: rotates an API key: issues a successor with the same name, owner and tenant (and expiry unless expires_at is given) and answers with it, the only time it is shown. The old key keeps working until the first of its successor's first successful use and the end of the overlap. Whoever may revoke the key may rotate it (delete_api_key). Errors: UNAUTHENTICATED; NOT_FOUND (a key you may not see); FORBIDDEN (as delete_api_key); BAD_USER_INPUT (overlap, expires_at; key_id for a key already being rotated, or expired with no new expires_at). */
  rotate_api_key: create_api_key_payload;
  /** Keyplane: queues a webhook.test event for a webhook, to be sent now, whatever events it subscribes to. Administrators of its tenant only. Errors: UNAUTHENTICATED; NOT_FOUND (a webhook you may not see). */
  send_test_webhook: webhook_delivery;
  /** Changes a member's role, a person's or a service account's. Administrators of the tenant only; the last human administrator cannot be demoted, and an administrator made anything else loses the invitations they made there. Errors: UNAUTHENTICATED; NOT_FOUND; FORBIDDEN; BAD_USER_INPUT (role or role_id, missing or different; the last administrator). */
  set_membership_role: id_payload;
  /** Sets a tenant's key policy, audited tenant.policy_change; keys already made are not changed (see keys_outside and shorten_keys_to_tenant_policy). Administrators. Errors: BAD_USER_INPUT (a day count outside 1 to 3650, or require_expiry null, naming the field); FORBIDDEN; NOT_FOUND, as update_tenant_name. */
  set_tenant_policy: tenant_policy;
  /** Brings each live key outside the tenant's key policy (keys_outside) to the latest expiry the policy allows a new key now, each audited api_key.policy_shortened; a key already within it is left alone. Administrators. Errors: FORBIDDEN; NOT_FOUND, as update_tenant_name. */
  shorten_keys_to_tenant_policy: shorten_keys_payload;
  /** Keyplane: renames a key, brings its expiry forward or sets its description, and answers it as auth_api_key shows it. The same callers as delete_api_key. Audited (api_key.update, cause naming the fields that changed: name, expires_at, description; an edit that changes nothing records nothing). Errors: UNAUTHENTICATED; NOT_FOUND (a key you may not see); FORBIDDEN (a service account without the administrator role, on its own keys); BAD_USER_INPUT naming the field (a name or description breaking the rule; an expiry in the past, later than the key's, or removed). */
  update_api_key: auth_api_key;
  /** Renames a tenant, audited. Administrators. Errors: BAD_USER_INPUT (the name, or the name of another tenant you belong to, compared ignoring case and Unicode compatibility forms; the same name in another case is allowed); FORBIDDEN (not an administrator, or no current tenant); NOT_FOUND (a tenant_id you are no member of). */
  update_tenant_name: tenant;
  /** Changes a tenant's slug, which leads its URLs, audited; the old slug keeps leading to the tenant (tenant_by_previous_slug) until another tenant takes it. Administrators. Errors: BAD_USER_INPUT (not a slug, or taken); FORBIDDEN; NOT_FOUND, as update_tenant_name. */
  update_tenant_slug: tenant;
  /** Keyplane: sets your first and last name (Account › Display name). Browser sessions of people only. Errors: UNAUTHENTICATED; FORBIDDEN (a key); BAD_USER_INPUT naming the field. */
  update_user_profile: user;
  /** Keyplane: changes a webhook's URL or events, or enables or disables it; answers it as webhook shows it. Audited (webhook.update, cause naming the fields changed; a change that changes nothing records nothing). Administrators of its tenant only. Errors: UNAUTHENTICATED; NOT_FOUND (a webhook you may not see); BAD_USER_INPUT naming the field, as create_webhook. */
  update_webhook: webhook;
};


export type Mutationaccept_membership_invitationArgs = {
  input: accept_membership_invitation_input;
};


export type MutationbootstrapArgs = {
  input: bootstrap_input;
};


export type Mutationchange_passwordArgs = {
  input: change_password_input;
};


export type Mutationcreate_api_keyArgs = {
  input: create_api_key_input;
};


export type Mutationcreate_canary_keyArgs = {
  input: create_canary_key_input;
};


export type Mutationcreate_membership_invitationArgs = {
  input: create_membership_invitation_input;
};


export type Mutationcreate_service_accountArgs = {
  input: create_service_account_input;
};


export type Mutationcreate_tenantArgs = {
  input: create_tenant_input;
};


export type Mutationcreate_webhookArgs = {
  input: create_webhook_input;
};


export type Mutationdelete_api_keyArgs = {
  input: delete_api_key_input;
};


export type Mutationdelete_canary_keyArgs = {
  input: delete_canary_key_input;
};


export type Mutationdelete_membershipArgs = {
  input: delete_membership_input;
};


export type Mutationdelete_membership_invitationArgs = {
  input: delete_membership_invitation_input;
};


export type Mutationdelete_service_accountArgs = {
  input: delete_service_account_input;
};


export type Mutationdelete_sessionArgs = {
  input: delete_session_input;
};


export type Mutationdelete_tenantArgs = {
  input: delete_tenant_input;
};


export type Mutationdelete_webhookArgs = {
  input: delete_webhook_input;
};


export type Mutationlog_inArgs = {
  input: log_in_input;
};


export type Mutationredeliver_webhook_deliveryArgs = {
  input: redeliver_webhook_delivery_input;
};


export type Mutationregister_agentArgs = {
  input: register_agent_input;
};


export type Mutationrevoke_api_key_as_leakedArgs = {
  input: revoke_api_key_as_leaked_input;
};


export type Mutationrotate_api_keyArgs = {
  input: rotate_api_key_input;
};


export type Mutationsend_test_webhookArgs = {
  input: send_test_webhook_input;
};


export type Mutationset_membership_roleArgs = {
  input: set_membership_role_input;
};


export type Mutationset_tenant_policyArgs = {
  input: set_tenant_policy_input;
};


export type Mutationshorten_keys_to_tenant_policyArgs = {
  input: shorten_keys_to_tenant_policy_input;
};


export type Mutationupdate_api_keyArgs = {
  input: update_api_key_input;
};


export type Mutationupdate_tenant_nameArgs = {
  input: update_tenant_name_input;
};


export type Mutationupdate_tenant_slugArgs = {
  input: update_tenant_slug_input;
};


export type Mutationupdate_user_profileArgs = {
  input: update_user_profile_input;
};


export type Mutationupdate_webhookArgs = {
  input: update_webhook_input;
};

export type Query = {
  __typename?: 'Query';
  /** Keyplane: the agents that registered in the current tenant, newest first, with the key each runs on (administrators; FORBIDDEN to others). */
  agent: Array<agent>;
  /** Keyplane: the current tenant's audit log. Tenant administrators only (FORBIDDEN otherwise). */
  audit_event: Array<audit_event>;
  /** Keyplane: every account that appears as an actor in the current tenant's audit log, once each, whether or not it is still a member (removed members and deleted service accounts too); never an actor of another tenant's log. Tenant administrators only (FORBIDDEN otherwise). */
  audit_event_actor: Array<audit_event_actor>;
  /** Keyplane: how many accounts audit_event_actor lists. As audit_event_actor. */
  audit_event_actor_aggregate: aggregate_result;
  /** Keyplane: how many audit events match. As audit_event. */
  audit_event_aggregate: aggregate_result;
  /** API keys you may see: your own (in every tenant with a session; in the key's tenant with a key) and, for administrators, every service-account key of the current tenant. Revoked keys are never listed; expired ones are. Never the key itself. */
  auth_api_key: Array<auth_api_key>;
  /** How many keys auth_api_key would list for this filter. */
  auth_api_key_aggregate: aggregate_result;
  /** Keyplane: one key by id, as auth_api_key shows it, or null (unknown, revoked, or not yours to see). */
  auth_api_key_by_pk?: Maybe<auth_api_key>;
  /** Who is calling, in which tenant, with what role and permissions. Any key or session; UNAUTHENTICATED otherwise. */
  auth_info: auth_info;
  /** The roles a membership can have: TENANT_ADMIN, USER and READ_ONLY_USER. Any key or session. */
  auth_role: Array<auth_role>;
  /** Keyplane: the current tenant's canary keys, newest first. Tenant administrators only (FORBIDDEN otherwise). */
  canary_key: Array<canary_key>;
  /** Keyplane: how many canary keys the current tenant has. As canary_key. */
  canary_key_aggregate: aggregate_result;
  /** Prefect agents' connection test: answers a greeting. Public. */
  hello: Scalars['String']['output'];
  /** Keyplane: what an invitation link is for, or null for an unknown token. Public. */
  invitation_preview?: Maybe<invitation_preview>;
  /** Keyplane: how many keys need the caller's attention soon in a tenant (the notices on User › API Keys and Team › Service Accounts), counted from the keys themselves whether or not a warning was sent. Any member; a key counts for its own tenant only. Errors: UNAUTHENTICATED; NOT_FOUND (a tenant you are not a member of); FORBIDDEN (a key used with another tenant). */
  key_notices: key_notices;
  /** Keyplane: whose key is this? Give exactly one of key (a whole key, found in a log or a repository) or hint (its first 8 characters, such as kps_igpm, with or without an ellipsis). Answers the live (unrevoked) keys of the current tenant that match, newest first, at most 20 (a hint may match several; a whole key matches one): an empty list alike for a key of another tenant and for one that does not exist. Tenant administrators only (FORBIDDEN otherwise). A lookup that finds nothing counts against the caller as a failed authentication does: past KEYPLANE_AUTH_FAILURES_PER_MINUTE a minute, RATE_LIMITED (HTTP 429, Retry-After). Errors: BAD_USER_INPUT (neither or both; a key whose checksum fails, which is mistyped; text that is not a key or a hint); FORBIDDEN; RATE_LIMITED. */
  lookup_api_key: Array<api_key_lookup>;
  /** Memberships of the current tenant (every member may see them), and your own in other tenants; for a key, its tenant's alone. FORBIDDEN with a tenant header you are no member of. */
  membership: Array<membership>;
  /**
   * Pending invitations: the current tenant's, for its administrators; and, asked for by
   * the signed-in person's own email (where: { email: { _eq } }), those sent to it, in any tenant.
   */
  membership_invitation: Array<membership_invitation>;
  /** One pending invitation you may see (its tenant's administrators, or the person it was sent to), else null. */
  membership_invitation_by_pk?: Maybe<membership_invitation>;
  /** Keyplane: your browser sessions that have not ended, newest first: every one of them (not paged; each sign-in makes one, and each ends after KEYPLANE_SESSION_IDLE_MINUTES without a request). Browser sessions only: a request made with a key gets FORBIDDEN. UNAUTHENTICATED otherwise. */
  my_sessions: Array<user_session>;
  /** Keyplane: true while no user exists and the first-run setup is open; public. */
  setup_required: Scalars['Boolean']['output'];
  /** Tenants you belong to; for a request made with a key, its own tenant alone, and a where that asks for another by id or slug (_eq) is FORBIDDEN (UNAUTHENTICATED for Prefect clients), as the tenant header is. Any key or session. */
  tenant: Array<tenant>;
  /** How many of the tenants tenant lists match. */
  tenant_aggregate: aggregate_result;
  /** One tenant you belong to, else null; a key asking for another tenant than its own is FORBIDDEN (UNAUTHENTICATED for Prefect clients). */
  tenant_by_pk?: Maybe<tenant>;
  /** Keyplane: the tenant that had this slug before its current one (update_tenant_slug keeps the old slugs), so that an old URL can lead to the new one; null unless you are a member of it (for a key, unless it is the key's own tenant). A slug belongs to one tenant at a time: once another tenant takes an old slug, it is that tenant's and no longer anyone's old slug. Any key or session. */
  tenant_by_previous_slug?: Maybe<tenant>;
  /** Keyplane: a tenant's key policy, which the create and rotate dialogs follow. Any member of the tenant (its keys included). Errors: FORBIDDEN (no current tenant); NOT_FOUND (a tenant_id you are no member of). */
  tenant_policy: tenant_policy;
  /** The caller, as a list of one (Hasura style). Any key or session; UNAUTHENTICATED otherwise. */
  user: Array<user>;
  /** The current tenant's members, people and service accounts (filter on account_type for one kind). Any member; FORBIDDEN when the request acts in no tenant of yours. */
  user_view_same_tenant: Array<user_view_same_tenant>;
  /** How many members of the current tenant match. As user_view_same_tenant. */
  user_view_same_tenant_aggregate: aggregate_result;
  /** Keyplane: one member of the current tenant by user id, as user_view_same_tenant shows it, or null when there is none. */
  user_view_same_tenant_by_pk?: Maybe<user_view_same_tenant>;
  /** Keyplane: a tenant's webhooks, oldest first, without their secrets. Tenant administrators only (people and admin-role service accounts). Errors: UNAUTHENTICATED; FORBIDDEN (not an administrator); NOT_FOUND (a tenant you are not in). */
  webhook: Array<webhook>;
  /** Keyplane: a webhook's deliveries, newest first. Administrators of its tenant only; to anyone else the webhook is NOT_FOUND. */
  webhook_delivery: Array<webhook_delivery>;
  /** Keyplane: how many deliveries a webhook keeps. As webhook_delivery. */
  webhook_delivery_aggregate: aggregate_result;
};


export type QueryagentArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type Queryaudit_eventArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<audit_event_order_by>>;
  where?: InputMaybe<audit_event_bool_exp>;
};


export type Queryaudit_event_actorArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<audit_event_actor_order_by>>;
};


export type Queryaudit_event_aggregateArgs = {
  where?: InputMaybe<audit_event_bool_exp>;
};


export type Queryauth_api_keyArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<auth_api_key_order_by>>;
  where?: InputMaybe<auth_api_key_bool_exp>;
};


export type Queryauth_api_key_aggregateArgs = {
  where?: InputMaybe<auth_api_key_bool_exp>;
};


export type Queryauth_api_key_by_pkArgs = {
  id: Scalars['uuid']['input'];
};


export type Querycanary_keyArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type Queryinvitation_previewArgs = {
  token: Scalars['String']['input'];
};


export type Querykey_noticesArgs = {
  tenant_id?: InputMaybe<Scalars['uuid']['input']>;
};


export type Querylookup_api_keyArgs = {
  hint?: InputMaybe<Scalars['String']['input']>;
  key?: InputMaybe<Scalars['String']['input']>;
};


export type QuerymembershipArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<membership_order_by>>;
  where?: InputMaybe<membership_bool_exp>;
};


export type Querymembership_invitationArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<membership_invitation_order_by>>;
  where?: InputMaybe<membership_invitation_bool_exp>;
};


export type Querymembership_invitation_by_pkArgs = {
  id: Scalars['uuid']['input'];
};


export type QuerytenantArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<tenant_order_by>>;
  where?: InputMaybe<tenant_bool_exp>;
};


export type Querytenant_aggregateArgs = {
  where?: InputMaybe<tenant_bool_exp>;
};


export type Querytenant_by_pkArgs = {
  id: Scalars['uuid']['input'];
};


export type Querytenant_by_previous_slugArgs = {
  slug: Scalars['String']['input'];
};


export type Querytenant_policyArgs = {
  tenant_id?: InputMaybe<Scalars['UUID']['input']>;
};


export type Queryuser_view_same_tenantArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<user_view_same_tenant_order_by>>;
  where?: InputMaybe<user_view_same_tenant_bool_exp>;
};


export type Queryuser_view_same_tenant_aggregateArgs = {
  where?: InputMaybe<user_view_same_tenant_bool_exp>;
};


export type Queryuser_view_same_tenant_by_pkArgs = {
  id: Scalars['uuid']['input'];
};


export type QuerywebhookArgs = {
  tenant_id?: InputMaybe<Scalars['UUID']['input']>;
};


export type Querywebhook_deliveryArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  webhook_id: Scalars['UUID']['input'];
};


export type Querywebhook_delivery_aggregateArgs = {
  webhook_id: Scalars['UUID']['input'];
};

/** Conditions on a text column; every one given must hold. Strings order by code point. A pattern (_like, _nlike, _ilike, _nilike) is at most 100 characters with at most 10 wildcards, and a where holds at most 4 patterns. */
export type String_comparison_exp = {
  /** Equal to. */
  _eq?: InputMaybe<Scalars['String']['input']>;
  /** Greater than. */
  _gt?: InputMaybe<Scalars['String']['input']>;
  /** Greater than or equal to. */
  _gte?: InputMaybe<Scalars['String']['input']>;
  /** Matches the pattern, ignoring case (see _like). */
  _ilike?: InputMaybe<Scalars['String']['input']>;
  /** One of these, at most 1000. */
  _in?: InputMaybe<Array<Scalars['String']['input']>>;
  /** true: the column is null; false: it is not. */
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  /** Matches the pattern, case-sensitively: % stands for any run of characters, _ for any one; there is no escape character. */
  _like?: InputMaybe<Scalars['String']['input']>;
  /** Less than. */
  _lt?: InputMaybe<Scalars['String']['input']>;
  /** Less than or equal to. */
  _lte?: InputMaybe<Scalars['String']['input']>;
  /** Not equal to. */
  _neq?: InputMaybe<Scalars['String']['input']>;
  /** Does not match the pattern, ignoring case (see _like). */
  _nilike?: InputMaybe<Scalars['String']['input']>;
  /** None of these, at most 1000. */
  _nin?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Does not match the pattern, case-sensitively (see _like). */
  _nlike?: InputMaybe<Scalars['String']['input']>;
};

/** What accept_membership_invitation takes. */
export type accept_membership_invitation_input = {
  /** An invitation sent to the signed-in person's own email (Prefect's way: no token). */
  invitation_id?: InputMaybe<Scalars['UUID']['input']>;
  /** For a new account: 10 to 1000 characters. */
  password?: InputMaybe<Scalars['String']['input']>;
  /** The token of the invitation link; or give invitation_id. */
  token?: InputMaybe<Scalars['String']['input']>;
  /** For a new account, with password: its name, 1 to 100 characters after trimming, no control or invisible characters. Omit both when signed in, to join with that account. */
  username?: InputMaybe<Scalars['String']['input']>;
};

/** The tenant joined. */
export type accept_membership_invitation_payload = {
  __typename?: 'accept_membership_invitation_payload';
  /** The new membership. */
  id: Scalars['UUID']['output'];
  /** Always true: a failure is an error instead. */
  success: Scalars['Boolean']['output'];
  /** The tenant joined. */
  tenant_id: Scalars['UUID']['output'];
  /** Its name in URLs, for /<slug>/... */
  tenant_slug: Scalars['String']['output'];
};

/** Keyplane: an agent seen with a key: a Prefect agent that registered (register_agent) or a keyplane agent that checked in. Agents not seen for 7 days are dropped. */
export type agent = {
  __typename?: 'agent';
  /** The agent configuration it named, as sent (Keyplane keeps no configurations). */
  agent_config_id?: Maybe<Scalars['uuid']['output']>;
  /** The key it registered with: an agent seen is that key in use. */
  api_key_id: Scalars['uuid']['output'];
  /** The Prefect version the agent last registered with (its X-Prefect-Core-Version). */
  core_version?: Maybe<Scalars['String']['output']>;
  /** When it first registered. */
  created: Scalars['timestamptz']['output'];
  /** The agent's id, the one register_agent answered. */
  id: Scalars['uuid']['output'];
  /** Its labels, as it registered them. */
  labels: Array<Scalars['String']['output']>;
  /** When it was last seen, to within a minute (Prefect's spelling): a keyplane agent's last check-in; for a Prefect agent, which names itself only when it starts, the later of its last registration and its key's last use. */
  last_queried: Scalars['timestamptz']['output'];
  /** Its name (Prefect's default: agent). */
  name: Scalars['String']['output'];
  /** Keyplane: the client address it was last seen from (behind the server's trusted proxies, KEYPLANE_TRUST_PROXY). */
  source_address?: Maybe<Scalars['String']['output']>;
  /** The tenant it works for: its key's. */
  tenant_id: Scalars['uuid']['output'];
  /** The agent's class, e.g. LocalAgent. */
  type: Scalars['String']['output'];
  /** Whose key that is, usually a service account. */
  user: api_key_user;
};

/** Totals over the rows a filter matches. */
export type aggregate_count = {
  __typename?: 'aggregate_count';
  /** How many rows match, whatever a page of them would hold. */
  count: Scalars['Int']['output'];
};

/** What a *_aggregate field answers, Hasura style: aggregate { count }. */
export type aggregate_result = {
  __typename?: 'aggregate_result';
  /** The totals. */
  aggregate: aggregate_count;
};

/** Keyplane: a key that lookup_api_key found in your tenant ("Whose key is this?"), never the key itself. */
export type api_key_lookup = {
  __typename?: 'api_key_lookup';
  /** The key as the key lists show it: name, hint, owner, tenant, creator, created, expiry, last use. */
  api_key: auth_api_key;
  /** The client's address at the key's last recorded use (recorded with last_used_at, at most once a minute; behind a proxy, as KEYPLANE_TRUST_PROXY decides); null if never used since Keyplane began recording it. */
  last_used_address?: Maybe<Scalars['String']['output']>;
};

/** The owner of an API key, as a key listing shows it. */
export type api_key_user = {
  __typename?: 'api_key_user';
  /** NORMAL for a person, SERVICE for a service account. */
  account_type: Scalars['String']['output'];
  /** The account's user id. */
  id: Scalars['uuid']['output'];
  /** Its name. */
  username: Scalars['String']['output'];
};

/** A filter on an account: a key's owner or creator, an audit event's actor. */
export type api_key_user_bool_exp = {
  /** Every one of these holds. */
  _and?: InputMaybe<Array<api_key_user_bool_exp>>;
  /** This does not hold. */
  _not?: InputMaybe<api_key_user_bool_exp>;
  /** At least one of these holds. */
  _or?: InputMaybe<Array<api_key_user_bool_exp>>;
  /** On its kind: NORMAL or SERVICE. */
  account_type?: InputMaybe<String_comparison_exp>;
  /** On its user id. */
  id?: InputMaybe<uuid_comparison_exp>;
  /** On its name. */
  username?: InputMaybe<String_comparison_exp>;
};

/** Sorting by a key's owner. */
export type api_key_user_order_by = {
  /** By the owner's kind. */
  account_type?: InputMaybe<order_by>;
  /** By the owner's name. */
  username?: InputMaybe<order_by>;
};

/** Keyplane: one recorded action. Never contains a key. */
export type audit_event = {
  __typename?: 'audit_event';
  /** What happened, one of api_key.create, api_key.revoke, api_key.update (cause: the fields changed), api_key.rotate (a successor issued; the old key's end is an api_key.revoke with cause rotation_first_use or rotation_overlap_ended), api_key.revoke with cause idle_expiry (by the scheduler: unused for the tenant's idle_days after a warning), api_key.leaked_reported (revoke_api_key_as_leaked; detail says where it was found), api_key.expiring (the scheduler's warning, actor null: detail says when the key expires, or when it will be revoked unused), api_key.expired (once, when a key's expiry passed), service_account.create, service_account.delete, membership.create, membership.role_change, membership.delete, invitation.create, invitation.revoke, tenant.create, tenant.rename, tenant.slug_change, tenant.policy_change (set_tenant_policy; detail names each field changed with its new value), api_key.policy_shortened (shorten_keys_to_tenant_policy; detail gives the new expiry and the old), tenant.delete, agent.register, api_key.canary_create, api_key.canary_delete, api_key.canary_used (a canary key was used: source_address and user_agent say from where), webhook.create, webhook.update (cause: the fields changed), webhook.delete, auth.log_in_failed, auth.password_change (by the person, change_password), auth.password_reset (by an operator, keyplane admin reset-password). */
  action: Scalars['String']['output'];
  /** Who did it, in full; null when unknown or the account no longer exists. */
  actor?: Maybe<api_key_user>;
  /** Who did it; null for a failed sign-in with an unknown email. */
  actor_id?: Maybe<Scalars['uuid']['output']>;
  /** Keyplane: why a change nobody asked for by itself was made; null when asked for directly. Keys: member_removed, member_left, service_account_removed, reported_leaked (revoke_api_key_as_leaked), rotation_first_use (its successor was used), rotation_overlap_ended (its rotation's overlap ended), idle_expiry (unused for the tenant's idle_days, revoked by the scheduler). Invitations: inviter_removed, inviter_left, inviter_demoted. Keys, invitations, memberships and service accounts: tenant_deleted. */
  cause?: Maybe<Scalars['String']['output']>;
  /** When it happened. */
  created: Scalars['timestamptz']['output'];
  /** Keyplane: what the event says beyond its target: for api_key.leaked_reported, where the key was found (as reported); for api_key.expiring and api_key.expired, when ("expires in 7 days (…)", "idle: revoked on 2026-12-10 unless used"); null for other actions. */
  detail?: Maybe<Scalars['String']['output']>;
  /** The event's id. */
  id: Scalars['uuid']['output'];
  /** The client's address (behind a proxy, as KEYPLANE_TRUST_PROXY decides). */
  source_address?: Maybe<Scalars['String']['output']>;
  /** The target's id. */
  target_id?: Maybe<Scalars['String']['output']>;
  /** The target's name at the time: a key's or account's name, an email, or a role change such as USER → TENANT_ADMIN. */
  target_name?: Maybe<Scalars['String']['output']>;
  /** What it acted on, one of api_key, service_account, membership, invitation, tenant, agent, user, canary_key, webhook. */
  target_type?: Maybe<Scalars['String']['output']>;
  /** The tenant it happened in. */
  tenant_id?: Maybe<Scalars['uuid']['output']>;
  /** Keyplane: the client's User-Agent, recorded where it is the evidence (api_key.canary_used); null otherwise. As the client sent it, at most 200 characters. */
  user_agent?: Maybe<Scalars['String']['output']>;
};

/**
 * Keyplane: an account that appears as an actor in the current tenant's audit log, a
 * member now or not: the people and service accounts an audit may be about.
 */
export type audit_event_actor = {
  __typename?: 'audit_event_actor';
  /** NORMAL for a person, SERVICE for a service account; null as username. */
  account_type?: Maybe<Scalars['String']['output']>;
  /** The account's user id, as audit_event.actor_id holds it (filter audit_event with actor_id: { _eq }). */
  id: Scalars['uuid']['output'];
  /** Whether it is a member of the current tenant now: false for a member who was removed or left, a deleted service account, or an account that no longer exists. */
  is_member: Scalars['Boolean']['output'];
  /** Its name now; null when no account has this id any more (the log keeps the id alone). */
  username?: Maybe<Scalars['String']['output']>;
};

/** Sorting of audit-log actors, one column an item. */
export type audit_event_actor_order_by = {
  /** By kind: NORMAL or SERVICE. */
  account_type?: InputMaybe<order_by>;
  /** By whether the account is a member now (false before true ascending). */
  is_member?: InputMaybe<order_by>;
  /** By name. */
  username?: InputMaybe<order_by>;
};

/** A filter on audit events. */
export type audit_event_bool_exp = {
  /** Every one of these holds. */
  _and?: InputMaybe<Array<audit_event_bool_exp>>;
  /** This does not hold. */
  _not?: InputMaybe<audit_event_bool_exp>;
  /** At least one of these holds. */
  _or?: InputMaybe<Array<audit_event_bool_exp>>;
  /** On what happened. */
  action?: InputMaybe<String_comparison_exp>;
  /** Keyplane: on the actor's fields. */
  actor?: InputMaybe<api_key_user_bool_exp>;
  /** On who did it. */
  actor_id?: InputMaybe<uuid_comparison_exp>;
  /** On when it happened. */
  created?: InputMaybe<timestamptz_comparison_exp>;
  /** Keyplane: on the client's address. */
  source_address?: InputMaybe<String_comparison_exp>;
  /** On the target's id. */
  target_id?: InputMaybe<String_comparison_exp>;
  /** Keyplane: on the target's name. */
  target_name?: InputMaybe<String_comparison_exp>;
  /** On the kind of target. */
  target_type?: InputMaybe<String_comparison_exp>;
};

/** Sorting of audit events, one column an item. */
export type audit_event_order_by = {
  /** By action. */
  action?: InputMaybe<order_by>;
  /** By time. */
  created?: InputMaybe<order_by>;
};

/** API key metadata. The key itself is returned once, by create_api_key, and never again. */
export type auth_api_key = {
  __typename?: 'auth_api_key';
  /** Keyplane: the agents seen with this key in the last 7 days (Prefect agents' register_agent, keyplane agent's check-ins), most recently seen first. A key keeps its 20 most recently seen. */
  agents: Array<agent>;
  /** When it was created. */
  created: Scalars['timestamptz']['output'];
  /** Who created it; null when that account no longer exists. */
  created_by?: Maybe<api_key_user>;
  /** The tenant the key acts in. */
  default_tenant_id: Scalars['uuid']['output'];
  /** Keyplane: what the key is for, in its owner's words (update_api_key sets it); null: none. */
  description?: Maybe<Scalars['String']['output']>;
  /** When it stops working; null: never. */
  expires_at?: Maybe<Scalars['timestamptz']['output']>;
  /** The key's id (delete_api_key takes it). */
  id: Scalars['uuid']['output'];
  /** Keyplane: prefix and first four random characters, e.g. kpu_Ab3d. */
  key_hint: Scalars['String']['output'];
  /** Keyplane: last successful authentication, to within a minute; null if never used. */
  last_used_at?: Maybe<Scalars['timestamptz']['output']>;
  /** Its name. */
  name: Scalars['String']['output'];
  /** Keyplane: the key that replaces this one (rotate_api_key); null if it was never rotated. */
  replaced_by_id?: Maybe<Scalars['uuid']['output']>;
  /** Keyplane: the key this one replaces (rotate_api_key); null if it replaces none. */
  replaces_id?: Maybe<Scalars['uuid']['output']>;
  /** Keyplane: the hint of the key this one replaces while that key still works (its first use here ends it); null otherwise. */
  replaces_key_hint?: Maybe<Scalars['String']['output']>;
  /** Keyplane: the key's own role (TENANT_ADMIN, USER or READ_ONLY_USER), at most its owner's when made; it acts with the lower of this and its owner's role at each request. null: it follows its owner's role. */
  role?: Maybe<Scalars['String']['output']>;
  /** Keyplane: while this key is being rotated, when it stops working unless its successor is used first; null when it is not being rotated. */
  rotation_ends_at?: Maybe<Scalars['timestamptz']['output']>;
  /** The tenant it acts in. */
  tenant: tenant;
  /** When its record last changed. */
  updated: Scalars['timestamptz']['output'];
  /** Its owner. */
  user: api_key_user;
  /** The owner: a person or a service account. */
  user_id: Scalars['uuid']['output'];
};


/** API key metadata. The key itself is returned once, by create_api_key, and never again. */
export type auth_api_keyagentsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};

/** A filter on API keys. */
export type auth_api_key_bool_exp = {
  /** Every one of these holds. */
  _and?: InputMaybe<Array<auth_api_key_bool_exp>>;
  /** This does not hold. */
  _not?: InputMaybe<auth_api_key_bool_exp>;
  /** At least one of these holds. */
  _or?: InputMaybe<Array<auth_api_key_bool_exp>>;
  /** On when it was created. */
  created?: InputMaybe<timestamptz_comparison_exp>;
  /** Keyplane: on its creator's fields. */
  created_by?: InputMaybe<api_key_user_bool_exp>;
  /** On the tenant it acts in. */
  default_tenant_id?: InputMaybe<uuid_comparison_exp>;
  /** Keyplane: on its description (null: none). */
  description?: InputMaybe<String_comparison_exp>;
  /** On when it expires (null: never). */
  expires_at?: InputMaybe<timestamptz_comparison_exp>;
  /** On the key's id. */
  id?: InputMaybe<uuid_comparison_exp>;
  /** Keyplane: on its hint, e.g. kpu_Ab3d. */
  key_hint?: InputMaybe<String_comparison_exp>;
  /** On when it was last used (null: never). */
  last_used_at?: InputMaybe<timestamptz_comparison_exp>;
  /** On its name. */
  name?: InputMaybe<String_comparison_exp>;
  /** Keyplane: on its own role (null: it follows its owner's). */
  role?: InputMaybe<String_comparison_exp>;
  /** On its tenant's fields. */
  tenant?: InputMaybe<tenant_bool_exp>;
  /** On when its record last changed. */
  updated?: InputMaybe<timestamptz_comparison_exp>;
  /** On its owner's fields. */
  user?: InputMaybe<api_key_user_bool_exp>;
  /** On its owner's id. */
  user_id?: InputMaybe<uuid_comparison_exp>;
};

/** Sorting of API keys, one column an item. */
export type auth_api_key_order_by = {
  /** By creation time. */
  created?: InputMaybe<order_by>;
  /** By expiry. */
  expires_at?: InputMaybe<order_by>;
  /** By id. */
  id?: InputMaybe<order_by>;
  /** By last use. */
  last_used_at?: InputMaybe<order_by>;
  /** By name. */
  name?: InputMaybe<order_by>;
  /** By the tenant's fields. */
  tenant?: InputMaybe<tenant_order_by>;
  /** By last change. */
  updated?: InputMaybe<order_by>;
  /** By the owner's fields. */
  user?: InputMaybe<api_key_user_order_by>;
};

/** Who is calling: the account, the tenant the request acts in, and what the role there allows. */
export type auth_info = {
  __typename?: 'auth_info';
  /** The key that authenticated this request; null for a browser session. */
  api_key_id?: Maybe<Scalars['uuid']['output']>;
  /** Prefect's licence: Keyplane has no licences, so always null. */
  license?: Maybe<Scalars['JSON']['output']>;
  /** What your role lets you do there, e.g. read:own_api_key, create:service_account; empty without a tenant. */
  permissions: Array<Scalars['String']['output']>;
  /** The caller's role in tenant_id. */
  role?: Maybe<Scalars['String']['output']>;
  /** The same as role: the id of its auth_role (Prefect's spelling). */
  role_id?: Maybe<Scalars['String']['output']>;
  /** The tenant in full; null as tenant_id. */
  tenant?: Maybe<tenant>;
  /** The tenant this request acts in: a key's own tenant, or for a session X-Tenant-Id, else your default membership's; null when there is none. */
  tenant_id?: Maybe<Scalars['uuid']['output']>;
  /** Keyplane: the caller and tenant in full. */
  user: api_key_user;
  /** Your user id. */
  user_id: Scalars['uuid']['output'];
};

/** A role a membership can have (Prefect's auth_role). Keyplane has the three built-in roles. */
export type auth_role = {
  __typename?: 'auth_role';
  /** null: the built-in roles were never created. */
  created?: Maybe<Scalars['timestamptz']['output']>;
  /** TENANT_ADMIN, USER or READ_ONLY_USER: what role and role_id take in set_membership_role, create_service_account and create_membership_invitation. */
  id: Scalars['String']['output'];
  /** The same as id: Prefect names its built-in roles by their key (role_detail.name is the display name). */
  name: Scalars['String']['output'];
  /** What a person with this role may do (auth_info.permissions). */
  permissions: Array<Scalars['String']['output']>;
  /** null: the built-in roles belong to every tenant. */
  tenant_id?: Maybe<Scalars['uuid']['output']>;
  /** null: nor updated. */
  updated?: Maybe<Scalars['timestamptz']['output']>;
};

/** What bootstrap takes: the first administrator and their tenant. */
export type bootstrap_input = {
  /** The administrator's sign-in email, at most 254 characters. */
  email: Scalars['String']['input'];
  /** 10 to 1000 characters. */
  password: Scalars['String']['input'];
  /** The first tenant's name, 1 to 100 characters after trimming, no control or invisible characters. Its slug is made from it. */
  tenant_name: Scalars['String']['input'];
  /** Their name, 1 to 100 characters after trimming, no control or invisible characters. */
  username: Scalars['String']['input'];
};

/** The first administrator and tenant; the browser is signed in. */
export type bootstrap_payload = {
  __typename?: 'bootstrap_payload';
  /** The tenant's id. */
  tenant_id: Scalars['UUID']['output'];
  /** Its name in URLs. */
  tenant_slug: Scalars['String']['output'];
  /** The administrator's user id. */
  user_id: Scalars['UUID']['output'];
};

/**
 * Keyplane: a canary key, a decoy planted where a leak would show (a repository, a CI
 * variable, a laptop). It is a kps_ key of the same form as a service account's, but no API
 * key: every use of it is refused exactly as a revoked key's is, and recorded here; the first
 * use, and then at most one an hour, raises an alert (audit event api_key.canary_used). No
 * list or count of keys, members or service accounts includes it.
 */
export type canary_key = {
  __typename?: 'canary_key';
  /** When it was created. */
  created: Scalars['timestamptz']['output'];
  /** Who created it; null when that account no longer exists. */
  created_by?: Maybe<api_key_user>;
  /** Where it was planted, as noted at its creation; null when none was. */
  description?: Maybe<Scalars['String']['output']>;
  /** When it was first used: it has tripped. Null while it never was. */
  first_used_at?: Maybe<Scalars['timestamptz']['output']>;
  /** The canary's id (delete_canary_key takes it). */
  id: Scalars['uuid']['output'];
  /** The key's prefix and first four random characters, as auth_api_key shows them. */
  key_hint: Scalars['String']['output'];
  /** The address its last use came from (behind a proxy, as KEYPLANE_TRUST_PROXY decides). */
  last_source_address?: Maybe<Scalars['String']['output']>;
  /** When it was last used. */
  last_used_at?: Maybe<Scalars['timestamptz']['output']>;
  /** The User-Agent its last use sent, at most 200 characters; null when it sent none. */
  last_user_agent?: Maybe<Scalars['String']['output']>;
  /** Its name, to tell canaries apart (e.g. where it was planted). */
  name: Scalars['String']['output'];
  /** How many times it was used (each a refused request). */
  use_count: Scalars['Int']['output'];
};

/** What change_password takes. */
export type change_password_input = {
  /** Your password now. */
  current_password: Scalars['String']['input'];
  /** The new one, 10 to 1000 characters. */
  new_password: Scalars['String']['input'];
};

/** What create_api_key takes. */
export type create_api_key_input = {
  /** A tenant you belong to; defaults to the current tenant. Ignored for service accounts. */
  default_tenant_id?: InputMaybe<Scalars['UUID']['input']>;
  /** When the key stops working, in the future; null or absent: never. */
  expires_at?: InputMaybe<Scalars['DateTime']['input']>;
  /** The key's name, 1 to 100 characters after trimming, no control or invisible characters. */
  name: Scalars['String']['input'];
  /** Keyplane: the key's own role, at most its owner's in the tenant (TENANT_ADMIN, USER or READ_ONLY_USER): the key acts with the lower of this and its owner's role at each request. Absent or null: the key follows its owner's role, as Prefect's keys do; made with a key that has a role of its own, the new key gets at most that role. */
  role?: InputMaybe<Scalars['String']['input']>;
  /** Yourself, or (administrators) a service account of the current tenant. */
  user_id: Scalars['UUID']['input'];
};

/** The new key. This answer is the one place the key ever appears: it is stored only as a hash. */
export type create_api_key_payload = {
  __typename?: 'create_api_key_payload';
  /** The key's id (auth_api_key.id, delete_api_key's key_id). */
  id: Scalars['UUID']['output'];
  /** The key, shown this once. */
  key: Scalars['String']['output'];
  /** The same value as key (older clients' spelling). */
  token: Scalars['String']['output'];
};

/** What create_canary_key takes. */
export type create_canary_key_input = {
  /** Where it will be planted, at most 500 characters; empty or absent: none. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Its name, 1 to 100 characters after trimming, no control or invisible characters. */
  name: Scalars['String']['input'];
  /** The tenant it watches for; you must administer it. Defaults to the current tenant. */
  tenant_id?: InputMaybe<Scalars['UUID']['input']>;
};

/** The new canary key. This answer is the one place the key ever appears: it is stored only as a hash. */
export type create_canary_key_payload = {
  __typename?: 'create_canary_key_payload';
  /** The canary's id (canary_key.id). */
  id: Scalars['UUID']['output'];
  /** The key, shown this once: a kps_ key that no one can tell from a service account's. */
  key: Scalars['String']['output'];
};

/** What create_membership_invitation takes. */
export type create_membership_invitation_input = {
  /** Who is invited: an email address of at most 254 characters, not already a member. */
  email: Scalars['String']['input'];
  /** TENANT_ADMIN, USER or READ_ONLY_USER; or give role_id. */
  role?: InputMaybe<Scalars['String']['input']>;
  /** The same, as an auth_role id (Prefect's spelling). */
  role_id?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to the request's tenant. */
  tenant_id?: InputMaybe<Scalars['UUID']['input']>;
};

/** The new invitation. */
export type create_membership_invitation_payload = {
  __typename?: 'create_membership_invitation_payload';
  /** Its id (delete_membership_invitation takes it). */
  id: Scalars['UUID']['output'];
  /** The invitation token, shown this once: the link is /invite/<token>. */
  token: Scalars['String']['output'];
};

/** What create_service_account takes. */
export type create_service_account_input = {
  /** Its name, 1 to 100 characters after trimming, no control or invisible characters. */
  name: Scalars['String']['input'];
  /** Its role: TENANT_ADMIN (the default), USER or READ_ONLY_USER. */
  role?: InputMaybe<Scalars['String']['input']>;
  /** The same, as an auth_role id (Prefect's spelling); give one of role and role_id, or both alike. */
  role_id?: InputMaybe<Scalars['String']['input']>;
  /** The tenant it joins; you must administer it. */
  tenant_id: Scalars['UUID']['input'];
};

/** What create_tenant takes. */
export type create_tenant_input = {
  /** Its name, 1 to 100 characters after trimming, no control or invisible characters. */
  name: Scalars['String']['input'];
  /** Its name in URLs: lowercase letters, digits and inner hyphens, at most 40 characters, unique, and not one of the app's own paths (graphql, setup, assets, ...). Default: made from the name, with -2, -3, ... when taken. */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** The new tenant. */
export type create_tenant_payload = {
  __typename?: 'create_tenant_payload';
  /** Its id. */
  id: Scalars['UUID']['output'];
  /** Its name in URLs, as given or as made from its name. */
  slug: Scalars['String']['output'];
};

/** What create_webhook takes. */
export type create_webhook_input = {
  /** The events to send, at least one: names from docs/webhooks.md, or the wildcards service_account.* and membership.*. */
  events: Array<Scalars['String']['input']>;
  /** The tenant whose events it receives; you must administer it. Defaults to the current tenant. */
  tenant_id?: InputMaybe<Scalars['UUID']['input']>;
  /** Where events are posted: an https:// URL of at most 2000 characters, without a user name or password. */
  url: Scalars['String']['input'];
};

/** The new webhook. This answer is the one place its secret ever appears. */
export type create_webhook_payload = {
  __typename?: 'create_webhook_payload';
  /** The webhook's id (webhook.id). */
  id: Scalars['UUID']['output'];
  /** The signing secret (whsec_ and 32 characters), shown this once: the receiver checks Keyplane-Signature with it. */
  secret: Scalars['String']['output'];
};

/** Which key delete_api_key revokes. */
export type delete_api_key_input = {
  /** The key's id (auth_api_key.id). */
  key_id: Scalars['UUID']['input'];
};

/** Which canary delete_canary_key deletes. */
export type delete_canary_key_input = {
  /** The canary's id (canary_key.id). */
  canary_key_id: Scalars['UUID']['input'];
};

/** Which membership delete_membership ends. */
export type delete_membership_input = {
  /** The membership's id (user_view_same_tenant.memberships.id). */
  membership_id: Scalars['UUID']['input'];
};

/** Which invitation delete_membership_invitation revokes. */
export type delete_membership_invitation_input = {
  /** The invitation's id (membership_invitation.id). */
  invitation_id: Scalars['UUID']['input'];
};

/** What delete_other_sessions did. */
export type delete_other_sessions_payload = {
  __typename?: 'delete_other_sessions_payload';
  /** How many sessions ended. */
  deleted: Scalars['Int']['output'];
  /** Always true: a failure is an error instead. */
  success: Scalars['Boolean']['output'];
};

/** Which service account delete_service_account removes. */
export type delete_service_account_input = {
  /** The service account's user id (user_view_same_tenant.id). */
  user_id: Scalars['UUID']['input'];
};

/** What delete_session takes. */
export type delete_session_input = {
  /** A user_session id from my_sessions. */
  session_id: Scalars['UUID']['input'];
};

/** What delete_tenant takes. */
export type delete_tenant_input = {
  /** Must be true. */
  confirm: Scalars['Boolean']['input'];
  /** Defaults to the request's tenant. */
  tenant_id?: InputMaybe<Scalars['UUID']['input']>;
};

/** Which webhook delete_webhook deletes. */
export type delete_webhook_input = {
  /** The webhook (webhook.id). */
  webhook_id: Scalars['UUID']['input'];
};

/** What a mutation created or changed. */
export type id_payload = {
  __typename?: 'id_payload';
  /** Its id. */
  id: Scalars['UUID']['output'];
};

/**
 * Keyplane: what the accept-invitation page shows about an invitation token (public).
 * Not whether the invited email has an account: anyone can invite any email to a tenant
 * of their own, so that would tell them who has one. Accepting says it instead.
 */
export type invitation_preview = {
  __typename?: 'invitation_preview';
  /** The invited email. */
  email: Scalars['String']['output'];
  /** The role on joining: TENANT_ADMIN, USER or READ_ONLY_USER (a closed set; a String, as Prefect sends it). */
  role: Scalars['String']['output'];
  /** The role with its display name. */
  role_detail: role_detail;
  /** VALID, EXPIRED, USED or REVOKED (a closed set). */
  status: Scalars['String']['output'];
  /** The tenant's name. */
  tenant_name: Scalars['String']['output'];
};

/** Keyplane: keys that need acting on within 7 days: they expire, or the tenant's idle policy (idle_days) revokes them unless they are used. */
export type key_notices = {
  __typename?: 'key_notices';
  /** The caller's own live keys in the tenant that expire within 7 days. */
  own_expiring_count: Scalars['Int']['output'];
  /** The caller's own live keys in the tenant that its idle policy will revoke within 7 days unless they are used (0 without a policy). */
  own_idle_count: Scalars['Int']['output'];
  /** The tenant's service-account keys that expire within 7 days; null unless the caller is an administrator of the tenant. */
  service_expiring_count?: Maybe<Scalars['Int']['output']>;
  /** The tenant's service-account keys that its idle policy will revoke within 7 days unless used; null unless the caller is an administrator. */
  service_idle_count?: Maybe<Scalars['Int']['output']>;
};

/** What log_in takes. */
export type log_in_input = {
  /** Your sign-in email. */
  email: Scalars['String']['input'];
  /** Your password. */
  password: Scalars['String']['input'];
};

/** Who signed in, and until when. */
export type log_in_payload = {
  __typename?: 'log_in_payload';
  /** When the session ends at the latest (KEYPLANE_SESSION_MAX_HOURS after sign-in); it ends sooner after KEYPLANE_SESSION_IDLE_MINUTES without a request. */
  expires_at: Scalars['DateTime']['output'];
  /** The account signed in. */
  user_id: Scalars['UUID']['output'];
};

/** A member's place in one tenant, with their role there. */
export type membership = {
  __typename?: 'membership';
  /** Keyplane: when the membership began (shown as Joined). */
  created: Scalars['timestamptz']['output'];
  /** The membership's id (set_membership_role and delete_membership take it). */
  id: Scalars['uuid']['output'];
  /** Their role there: TENANT_ADMIN, USER or READ_ONLY_USER (a closed set; a String, as Prefect sends it). */
  role: Scalars['String']['output'];
  /** The role with its display name. */
  role_detail: role_detail;
  /** The same as role: the id of its auth_role (Prefect's spelling). */
  role_id: Scalars['String']['output'];
  /** The tenant in full. */
  tenant: tenant;
  /** The tenant. */
  tenant_id: Scalars['uuid']['output'];
  /** The member: a person or a service account. */
  user_id: Scalars['uuid']['output'];
};

/** Which memberships the root membership list answers, Hasura style. */
export type membership_bool_exp = {
  /** Every one of these holds. */
  _and?: InputMaybe<Array<membership_bool_exp>>;
  /** This does not hold. */
  _not?: InputMaybe<membership_bool_exp>;
  /** At least one of these holds. */
  _or?: InputMaybe<Array<membership_bool_exp>>;
  /** On when it began. */
  created?: InputMaybe<timestamptz_comparison_exp>;
  /** On the membership's id. */
  id?: InputMaybe<uuid_comparison_exp>;
  /** On its role: TENANT_ADMIN, USER or READ_ONLY_USER. */
  role?: InputMaybe<String_comparison_exp>;
  /** The same as role (Prefect's spelling). */
  role_id?: InputMaybe<String_comparison_exp>;
  /** On its tenant. */
  tenant_id?: InputMaybe<uuid_comparison_exp>;
  /** On its member's user id. */
  user_id?: InputMaybe<uuid_comparison_exp>;
};

/** Keyplane: a pending invitation to join a tenant. */
export type membership_invitation = {
  __typename?: 'membership_invitation';
  /** When it was made. */
  created: Scalars['timestamptz']['output'];
  /** Who is invited. */
  email: Scalars['String']['output'];
  /** When its link stops working: 7 days after it was made. */
  expires_at: Scalars['timestamptz']['output'];
  /** The invitation's id (delete_membership_invitation takes it). */
  id: Scalars['uuid']['output'];
  /** Who invited; null when that account no longer exists. */
  invited_by?: Maybe<api_key_user>;
  /** The role on joining: TENANT_ADMIN, USER or READ_ONLY_USER (a closed set; a String, as Prefect sends it). */
  role: Scalars['String']['output'];
  /** The role with its display name. */
  role_detail: role_detail;
  /** The same as role: the id of its auth_role (Prefect's spelling). */
  role_id: Scalars['String']['output'];
  /** The tenant it invites to (its name, for the invited person too). */
  tenant: tenant;
  /** The tenant it invites to. */
  tenant_id: Scalars['uuid']['output'];
  /**
   * The invited person, to that person alone; null to administrators, as whether an
   * email has an account is not told (see invitation_preview).
   */
  user?: Maybe<user>;
};

/** Which pending invitations membership_invitation answers, Hasura style. */
export type membership_invitation_bool_exp = {
  /** Every one of these holds. */
  _and?: InputMaybe<Array<membership_invitation_bool_exp>>;
  /** This does not hold. */
  _not?: InputMaybe<membership_invitation_bool_exp>;
  /** At least one of these holds. */
  _or?: InputMaybe<Array<membership_invitation_bool_exp>>;
  /** On when it was sent. */
  created?: InputMaybe<timestamptz_comparison_exp>;
  /** On the invited email, whatever its case; _eq with your own email also lists the invitations sent to you. */
  email?: InputMaybe<String_comparison_exp>;
  /** On when it expires. */
  expires_at?: InputMaybe<timestamptz_comparison_exp>;
  /** On the invitation's id. */
  id?: InputMaybe<uuid_comparison_exp>;
  /** On the role it gives: TENANT_ADMIN, USER or READ_ONLY_USER. */
  role?: InputMaybe<String_comparison_exp>;
  /** The same as role (Prefect's spelling). */
  role_id?: InputMaybe<String_comparison_exp>;
  /** On the tenant it invites to. */
  tenant_id?: InputMaybe<uuid_comparison_exp>;
};

/** Sorting of invitations, one column an item. */
export type membership_invitation_order_by = {
  /** By when it was sent. */
  created?: InputMaybe<order_by>;
  /** By invited email. */
  email?: InputMaybe<order_by>;
  /** By when it expires. */
  expires_at?: InputMaybe<order_by>;
  /** By role. */
  role?: InputMaybe<order_by>;
};

/** Sorting of memberships, one column an item. */
export type membership_order_by = {
  /** By when it began. */
  created?: InputMaybe<order_by>;
  /** By role. */
  role?: InputMaybe<order_by>;
};

/** A sort direction. Ascending puts nulls last and descending puts them first, unless the direction says otherwise. */
export type order_by =
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
export type redeliver_webhook_delivery_input = {
  /** The delivery (webhook_delivery.id). */
  delivery_id: Scalars['UUID']['input'];
};

/** What register_agent takes: what a Prefect agent sends when it starts. */
export type register_agent_input = {
  /** An agent configuration's id; recorded as sent. */
  agent_config_id?: InputMaybe<Scalars['UUID']['input']>;
  /** Its labels, at most 100, each 1 to 100 characters. */
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Its name, 1 to 100 characters; default agent. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to the request's tenant: a key's own. */
  tenant_id?: InputMaybe<Scalars['UUID']['input']>;
  /** The agent's class, e.g. LocalAgent. */
  type: Scalars['String']['input'];
};

/** What revoke_api_key_as_leaked takes. */
export type revoke_api_key_as_leaked_input = {
  /** Where it was found: a URL, a file, "CI log"; at most 500 characters, one line, never the key. Kept in the audit log. */
  found_at?: InputMaybe<Scalars['String']['input']>;
  /** The whole key, as it was found. */
  key: Scalars['String']['input'];
};

/** A role with the name the app shows: TENANT_ADMIN (Administrator), USER (User), READ_ONLY_USER (Read-only). */
export type role_detail = {
  __typename?: 'role_detail';
  /** The role: TENANT_ADMIN, USER or READ_ONLY_USER (a closed set; a String, as Prefect sends it). */
  id: Scalars['String']['output'];
  /** How the app shows it: Administrator, User or Read-only. */
  name: Scalars['String']['output'];
};

/** What rotate_api_key takes. */
export type rotate_api_key_input = {
  /** When the successor stops working, in the future; absent: the old key's expiry. null: never. */
  expires_at?: InputMaybe<Scalars['DateTime']['input']>;
  /** The key to rotate (auth_api_key.id). */
  key_id: Scalars['UUID']['input'];
  /** How long the old key keeps working beside its successor, in whole seconds: 0 (ends at once) to 2592000 (30 days); absent: 86400 (24 h). The successor's first use ends it sooner. */
  overlap?: InputMaybe<Scalars['Int']['input']>;
};

/** Which webhook send_test_webhook tests. */
export type send_test_webhook_input = {
  /** The webhook (webhook.id). */
  webhook_id: Scalars['UUID']['input'];
};

/** What set_membership_role takes. */
export type set_membership_role_input = {
  /** The membership's id (user_view_same_tenant.memberships.id). */
  membership_id: Scalars['UUID']['input'];
  /** TENANT_ADMIN, USER or READ_ONLY_USER; or give role_id. */
  role?: InputMaybe<Scalars['String']['input']>;
  /** The same, as an auth_role id (Prefect's spelling). */
  role_id?: InputMaybe<Scalars['String']['input']>;
};

/** What set_tenant_policy takes: each field left out keeps its value; null lifts that limit. */
export type set_tenant_policy_input = {
  /** Days, 1 to 3650; null: unused keys are not revoked. */
  idle_days?: InputMaybe<Scalars['Int']['input']>;
  /** Whether every new key must expire; null is refused (send true or false). */
  require_expiry?: InputMaybe<Scalars['Boolean']['input']>;
  /** Days, 1 to 3650; null: no limit. */
  service_key_max_days?: InputMaybe<Scalars['Int']['input']>;
  /** Defaults to the request's tenant. */
  tenant_id?: InputMaybe<Scalars['UUID']['input']>;
  /** Days, 1 to 3650; null: no limit. */
  user_key_max_days?: InputMaybe<Scalars['Int']['input']>;
};

/** What shorten_keys_to_tenant_policy did. */
export type shorten_keys_payload = {
  __typename?: 'shorten_keys_payload';
  /** How many keys now expire at the policy's limit. */
  shortened: Scalars['Int']['output'];
};

/** What shorten_keys_to_tenant_policy takes. */
export type shorten_keys_to_tenant_policy_input = {
  /** Defaults to the request's tenant. */
  tenant_id?: InputMaybe<Scalars['UUID']['input']>;
};

/** Whether a mutation did what it was asked. */
export type success_payload = {
  __typename?: 'success_payload';
  /** Always null (the field is Prefect's): a failure is an error in errors instead. */
  error?: Maybe<Scalars['String']['output']>;
  /** true: it did (a failure is an error in errors instead). */
  success: Scalars['Boolean']['output'];
};

/** A tenant (a team): people, service accounts and keys belong to tenants. You see the tenants you are a member of; a key sees its own tenant alone. */
export type tenant = {
  __typename?: 'tenant';
  /** When it was created. */
  created: Scalars['timestamptz']['output'];
  /** The tenant's id. */
  id: Scalars['uuid']['output'];
  /** Prefect's tenant details: Keyplane keeps none, so an empty object. */
  info: Scalars['JSON']['output'];
  /** Keyplane: the number of live (unrevoked, unexpired) keys acting in the tenant, of every member and service account: the keys delete_tenant would stop at once. null unless you are the tenant's administrator. */
  live_api_key_count?: Maybe<Scalars['Int']['output']>;
  /** Its name, 1 to 100 characters after trimming, no control or invisible characters. */
  name: Scalars['String']['output'];
  /** Prefect's tenant settings: Keyplane keeps none, so an empty object. */
  settings: Scalars['JSON']['output'];
  /** Its name in URLs (the acme of /acme/user/keys): lowercase letters, digits and inner hyphens, at most 40 characters, unique. */
  slug: Scalars['String']['output'];
};

/** A filter on tenants. */
export type tenant_bool_exp = {
  /** Every one of these holds. */
  _and?: InputMaybe<Array<tenant_bool_exp>>;
  /** This does not hold. */
  _not?: InputMaybe<tenant_bool_exp>;
  /** At least one of these holds. */
  _or?: InputMaybe<Array<tenant_bool_exp>>;
  /** On when it was created. */
  created?: InputMaybe<timestamptz_comparison_exp>;
  /** On the tenant's id. */
  id?: InputMaybe<uuid_comparison_exp>;
  /** On its name. */
  name?: InputMaybe<String_comparison_exp>;
  /** On its slug. */
  slug?: InputMaybe<String_comparison_exp>;
};

/** Sorting of tenants, one column an item. */
export type tenant_order_by = {
  /** By creation time. */
  created?: InputMaybe<order_by>;
  /** By id. */
  id?: InputMaybe<order_by>;
  /** By name. */
  name?: InputMaybe<order_by>;
  /** By slug. */
  slug?: InputMaybe<order_by>;
};

/** A tenant's key policy: limits on the keys created or rotated from now on. Keys made before a change keep their expiry until an administrator shortens them (shorten_keys_to_tenant_policy). */
export type tenant_policy = {
  __typename?: 'tenant_policy';
  /** A key not used for this many days (1 to 3650) is revoked, after a warning; null: unused keys are never revoked for it. */
  idle_days?: Maybe<Scalars['Int']['output']>;
  /** The tenant's live keys that expire later than the policy lets a new key, or never, by kind; null unless you are the tenant's administrator. */
  keys_outside?: Maybe<tenant_policy_keys_outside>;
  /** true: every new key must have an expiry, whatever its kind (a longest lifetime implies it for its kind). */
  require_expiry: Scalars['Boolean']['output'];
  /** The longest a new service-account key may live, in days (1 to 3650); null: no limit. */
  service_key_max_days?: Maybe<Scalars['Int']['output']>;
  /** The tenant it governs. */
  tenant_id: Scalars['uuid']['output'];
  /** When the policy was last changed; null for a tenant that never set one (the policy of no limits). */
  updated?: Maybe<Scalars['timestamptz']['output']>;
  /** Who last changed it; null when nobody has. */
  updated_by_id?: Maybe<Scalars['uuid']['output']>;
  /** The longest a new user key acting in the tenant may live, in days (1 to 3650); null: no limit. */
  user_key_max_days?: Maybe<Scalars['Int']['output']>;
};

/** Live keys outside a tenant's key policy. */
export type tenant_policy_keys_outside = {
  __typename?: 'tenant_policy_keys_outside';
  /** The tenant's service-account keys. */
  service_account_keys: Scalars['Int']['output'];
  /** Members' user keys acting in the tenant. */
  user_keys: Scalars['Int']['output'];
};

/** Conditions on a timestamp column (ISO-8601; instants compare in time order); every one given must hold. */
export type timestamptz_comparison_exp = {
  /** Equal to. */
  _eq?: InputMaybe<Scalars['timestamptz']['input']>;
  /** Later than. */
  _gt?: InputMaybe<Scalars['timestamptz']['input']>;
  /** At or later than. */
  _gte?: InputMaybe<Scalars['timestamptz']['input']>;
  /** One of these, at most 1000. */
  _in?: InputMaybe<Array<Scalars['timestamptz']['input']>>;
  /** true: the column is null; false: it is not. */
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  /** Earlier than. */
  _lt?: InputMaybe<Scalars['timestamptz']['input']>;
  /** At or earlier than. */
  _lte?: InputMaybe<Scalars['timestamptz']['input']>;
  /** Not equal to. */
  _neq?: InputMaybe<Scalars['timestamptz']['input']>;
  /** None of these, at most 1000. */
  _nin?: InputMaybe<Array<Scalars['timestamptz']['input']>>;
};

/** What update_api_key changes: each field given is set, each absent is left as it is. */
export type update_api_key_input = {
  /** Keyplane: what the key is for, at most 500 characters after trimming, lines of text without control or invisible characters; null or empty clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Keyplane: an earlier expiry, in the future: an expiry can be brought forward or set on a key that never expires, never pushed back or removed (null on a key that expires is BAD_USER_INPUT). */
  expires_at?: InputMaybe<Scalars['DateTime']['input']>;
  /** The key's id (auth_api_key.id). */
  key_id: Scalars['UUID']['input'];
  /** Keyplane: its new name, 1 to 100 characters after trimming, no control or invisible characters; null or absent: unchanged. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** What update_tenant_name takes. */
export type update_tenant_name_input = {
  /** The new name: 1 to 100 characters after trimming. */
  name: Scalars['String']['input'];
  /** Defaults to the request's tenant. */
  tenant_id?: InputMaybe<Scalars['UUID']['input']>;
};

/** What update_tenant_slug takes. */
export type update_tenant_slug_input = {
  /** The new slug: lowercase letters, digits and hyphens, not another tenant's slug or id. */
  slug: Scalars['String']['input'];
  /** Defaults to the request's tenant. */
  tenant_id?: InputMaybe<Scalars['UUID']['input']>;
};

/** What update_user_profile takes. */
export type update_user_profile_input = {
  /** Your first name, 1 to 100 characters after trimming, no control or invisible characters; null or empty for none. */
  first_name?: InputMaybe<Scalars['String']['input']>;
  /** Your last name, as first_name. */
  last_name?: InputMaybe<Scalars['String']['input']>;
};

/** What update_webhook changes: each field given is set. */
export type update_webhook_input = {
  /** Whether events are sent to it. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** A new list of events, by the rule of create_webhook. */
  events?: InputMaybe<Array<Scalars['String']['input']>>;
  /** A new URL, by the rule of create_webhook. */
  url?: InputMaybe<Scalars['String']['input']>;
  /** The webhook (webhook.id). */
  webhook_id: Scalars['UUID']['input'];
};

/** The signed-in caller (the `user` query returns a list holding the caller alone). */
export type user = {
  __typename?: 'user';
  /** NORMAL for a person, SERVICE for a service account (a closed set; a String, as Prefect sends it). */
  account_type: Scalars['String']['output'];
  /** When your account was created. */
  created: Scalars['timestamptz']['output'];
  /** The membership whose tenant a browser session acts in when it names none (X-Tenant-Id). */
  default_membership_id?: Maybe<Scalars['uuid']['output']>;
  /** Your sign-in email. */
  email?: Maybe<Scalars['String']['output']>;
  /** Your first name, as you gave it (update_user_profile); null when you gave none or for a service account. */
  first_name?: Maybe<Scalars['String']['output']>;
  /** Your user id. */
  id: Scalars['uuid']['output'];
  /** Your last name, as first_name. */
  last_name?: Maybe<Scalars['String']['output']>;
  /** The caller's memberships; for a request made with a key, the one in the key's tenant alone. */
  memberships: Array<membership>;
  /** Prefect's user settings: Keyplane keeps none, so an empty object. */
  settings: Scalars['JSON']['output'];
  /** Your name as others see it. */
  username: Scalars['String']['output'];
};

/** One of your browser sessions. Neither the cookie's value nor anything stored of it is shown. */
export type user_session = {
  __typename?: 'user_session';
  /** When it signed in. */
  created: Scalars['timestamptz']['output'];
  /** true for the session this request was made with. */
  current: Scalars['Boolean']['output'];
  /** When it ends at the latest (KEYPLANE_SESSION_MAX_HOURS after sign-in); sooner after KEYPLANE_SESSION_IDLE_MINUTES without a request. */
  expires_at: Scalars['timestamptz']['output'];
  /** The session's id for delete_session, made from it one way: it cannot be turned into the cookie. */
  id: Scalars['uuid']['output'];
  /** When it last made a request, to within a minute. */
  last_seen: Scalars['timestamptz']['output'];
};

/** A member (person or service account) of the caller's current tenant. */
export type user_view_same_tenant = {
  __typename?: 'user_view_same_tenant';
  /** NORMAL for a person, SERVICE for a service account (a closed set; a String, as Prefect sends it). */
  account_type: Scalars['String']['output'];
  /** Keyplane: the number of live (unrevoked, unexpired) keys of a service account; null unless the caller may see them. */
  api_key_count?: Maybe<Scalars['Int']['output']>;
  /** When the account was created. */
  created: Scalars['timestamptz']['output'];
  /** Their email; null for a service account. */
  email?: Maybe<Scalars['String']['output']>;
  /** Their first name, as they gave it (update_user_profile); null when none. */
  first_name?: Maybe<Scalars['String']['output']>;
  /** The member's user id. */
  id: Scalars['uuid']['output'];
  /** Their last name, as first_name. */
  last_name?: Maybe<Scalars['String']['output']>;
  /** Memberships in the caller's current tenant only. */
  memberships: Array<membership>;
  /** Their name. */
  username: Scalars['String']['output'];
};

/** A filter on members. */
export type user_view_same_tenant_bool_exp = {
  /** Every one of these holds. */
  _and?: InputMaybe<Array<user_view_same_tenant_bool_exp>>;
  /** This does not hold. */
  _not?: InputMaybe<user_view_same_tenant_bool_exp>;
  /** At least one of these holds. */
  _or?: InputMaybe<Array<user_view_same_tenant_bool_exp>>;
  /** On their kind: NORMAL or SERVICE. */
  account_type?: InputMaybe<String_comparison_exp>;
  /** On when the account was created. */
  created?: InputMaybe<timestamptz_comparison_exp>;
  /** On their email. */
  email?: InputMaybe<String_comparison_exp>;
  /** On the member's user id. */
  id?: InputMaybe<uuid_comparison_exp>;
  /** On their name. */
  username?: InputMaybe<String_comparison_exp>;
};

/** Sorting of members, one column an item. */
export type user_view_same_tenant_order_by = {
  /** By kind. */
  account_type?: InputMaybe<order_by>;
  /** By creation time. */
  created?: InputMaybe<order_by>;
  /** By email. */
  email?: InputMaybe<order_by>;
  /** By user id. */
  id?: InputMaybe<order_by>;
  /** By name. */
  username?: InputMaybe<order_by>;
};

/** Conditions on a uuid column; every one given must hold. */
export type uuid_comparison_exp = {
  /** Equal to. */
  _eq?: InputMaybe<Scalars['uuid']['input']>;
  /** One of these, at most 1000. */
  _in?: InputMaybe<Array<Scalars['uuid']['input']>>;
  /** true: the column is null; false: it is not. */
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  /** Not equal to. */
  _neq?: InputMaybe<Scalars['uuid']['input']>;
  /** None of these, at most 1000. */
  _nin?: InputMaybe<Array<Scalars['uuid']['input']>>;
};

/**
 * Keyplane: a webhook: a URL of the tenant's that Keyplane posts signed events to (key
 * created, revoked, rotated; service accounts and members added, changed and removed), as
 * docs/webhooks.md describes. Its signing secret is shown once, by create_webhook, and never
 * again.
 */
export type webhook = {
  __typename?: 'webhook';
  /** When it was created. */
  created: Scalars['timestamptz']['output'];
  /** Whether events are sent to it; a disabled webhook queues nothing, and what it had queued waits until it is enabled again. */
  enabled: Scalars['Boolean']['output'];
  /** The events it subscribes to (event names such as api_key.created, or the wildcards service_account.* and membership.*). */
  events: Array<Scalars['String']['output']>;
  /** The webhook's id (update_webhook, delete_webhook and webhook_delivery take it). */
  id: Scalars['uuid']['output'];
  /** When its newest delivery was queued; null before its first. */
  last_delivery_at?: Maybe<Scalars['timestamptz']['output']>;
  /** The status of its newest delivery (pending, delivered or failed); null before its first. */
  last_delivery_status?: Maybe<Scalars['String']['output']>;
  /** The tenant whose events it receives. */
  tenant_id: Scalars['uuid']['output'];
  /** When it was last changed. */
  updated: Scalars['timestamptz']['output'];
  /** Where events are posted: https://, or http:// to this machine where KEYPLANE_WEBHOOKS_ALLOW_PRIVATE allows it. */
  url: Scalars['String']['output'];
};

/**
 * Keyplane: one event sent (or being sent) to one webhook, with its last attempt. A webhook
 * keeps its 100 newest finished deliveries.
 */
export type webhook_delivery = {
  __typename?: 'webhook_delivery';
  /** How many attempts were made. */
  attempts: Scalars['Int']['output'];
  /** When it was queued. */
  created: Scalars['timestamptz']['output'];
  /** How long the last attempt took, in milliseconds. */
  duration_ms?: Maybe<Scalars['Int']['output']>;
  /** Why the last attempt failed (an HTTP status, a timeout, an address refused); null when it did not. */
  error?: Maybe<Scalars['String']['output']>;
  /** The event's id, the payload's id: the same for a redelivery, so that receivers can tell repeats. */
  event_id: Scalars['uuid']['output'];
  /** The event's type, sent as the Keyplane-Event header (such as api_key.created). */
  event_type: Scalars['String']['output'];
  /** The delivery's id, sent as the Keyplane-Delivery header (redeliver_webhook_delivery takes it). */
  id: Scalars['uuid']['output'];
  /** When the last attempt was made; null before the first. */
  last_attempt_at?: Maybe<Scalars['timestamptz']['output']>;
  /** When the next attempt is due, while pending. */
  next_attempt_at?: Maybe<Scalars['timestamptz']['output']>;
  /** The JSON body sent, the same text at every attempt. It never holds a key. */
  payload: Scalars['String']['output'];
  /** The HTTP status the receiver answered at the last attempt; null when it did not answer (or before the first attempt). */
  response_status?: Maybe<Scalars['Int']['output']>;
  /** pending (queued, or waiting to be retried), delivered (the receiver answered 2xx) or failed (no 2xx within 24 hours of retries). */
  status: Scalars['String']['output'];
  /** The webhook it is for. */
  webhook_id: Scalars['uuid']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  String_comparison_exp: String_comparison_exp;
  UUID: ResolverTypeWrapper<Scalars['UUID']['output']>;
  accept_membership_invitation_input: accept_membership_invitation_input;
  accept_membership_invitation_payload: ResolverTypeWrapper<accept_membership_invitation_payload>;
  agent: ResolverTypeWrapper<AgentRecord>;
  aggregate_count: ResolverTypeWrapper<aggregate_count>;
  aggregate_result: ResolverTypeWrapper<aggregate_result>;
  api_key_lookup: ResolverTypeWrapper<Omit<api_key_lookup, 'api_key'> & { api_key: ResolversTypes['auth_api_key'] }>;
  api_key_user: ResolverTypeWrapper<UserRef>;
  api_key_user_bool_exp: api_key_user_bool_exp;
  api_key_user_order_by: api_key_user_order_by;
  audit_event: ResolverTypeWrapper<AuditEventRecord>;
  audit_event_actor: ResolverTypeWrapper<audit_event_actor>;
  audit_event_actor_order_by: audit_event_actor_order_by;
  audit_event_bool_exp: audit_event_bool_exp;
  audit_event_order_by: audit_event_order_by;
  auth_api_key: ResolverTypeWrapper<ApiKeyRow>;
  auth_api_key_bool_exp: auth_api_key_bool_exp;
  auth_api_key_order_by: auth_api_key_order_by;
  auth_info: ResolverTypeWrapper<Principal>;
  auth_role: ResolverTypeWrapper<auth_role>;
  bootstrap_input: bootstrap_input;
  bootstrap_payload: ResolverTypeWrapper<bootstrap_payload>;
  canary_key: ResolverTypeWrapper<Omit<canary_key, 'created_by'> & { created_by?: Maybe<ResolversTypes['api_key_user']> }>;
  change_password_input: change_password_input;
  create_api_key_input: create_api_key_input;
  create_api_key_payload: ResolverTypeWrapper<create_api_key_payload>;
  create_canary_key_input: create_canary_key_input;
  create_canary_key_payload: ResolverTypeWrapper<create_canary_key_payload>;
  create_membership_invitation_input: create_membership_invitation_input;
  create_membership_invitation_payload: ResolverTypeWrapper<create_membership_invitation_payload>;
  create_service_account_input: create_service_account_input;
  create_tenant_input: create_tenant_input;
  create_tenant_payload: ResolverTypeWrapper<create_tenant_payload>;
  create_webhook_input: create_webhook_input;
  create_webhook_payload: ResolverTypeWrapper<create_webhook_payload>;
  delete_api_key_input: delete_api_key_input;
  delete_canary_key_input: delete_canary_key_input;
  delete_membership_input: delete_membership_input;
  delete_membership_invitation_input: delete_membership_invitation_input;
  delete_other_sessions_payload: ResolverTypeWrapper<delete_other_sessions_payload>;
  delete_service_account_input: delete_service_account_input;
  delete_session_input: delete_session_input;
  delete_tenant_input: delete_tenant_input;
  delete_webhook_input: delete_webhook_input;
  id_payload: ResolverTypeWrapper<id_payload>;
  invitation_preview: ResolverTypeWrapper<invitation_preview>;
  key_notices: ResolverTypeWrapper<key_notices>;
  log_in_input: log_in_input;
  log_in_payload: ResolverTypeWrapper<log_in_payload>;
  membership: ResolverTypeWrapper<MembershipRecord>;
  membership_bool_exp: membership_bool_exp;
  membership_invitation: ResolverTypeWrapper<InvitationRecord>;
  membership_invitation_bool_exp: membership_invitation_bool_exp;
  membership_invitation_order_by: membership_invitation_order_by;
  membership_order_by: membership_order_by;
  order_by: order_by;
  redeliver_webhook_delivery_input: redeliver_webhook_delivery_input;
  register_agent_input: register_agent_input;
  revoke_api_key_as_leaked_input: revoke_api_key_as_leaked_input;
  role_detail: ResolverTypeWrapper<role_detail>;
  rotate_api_key_input: rotate_api_key_input;
  send_test_webhook_input: send_test_webhook_input;
  set_membership_role_input: set_membership_role_input;
  set_tenant_policy_input: set_tenant_policy_input;
  shorten_keys_payload: ResolverTypeWrapper<shorten_keys_payload>;
  shorten_keys_to_tenant_policy_input: shorten_keys_to_tenant_policy_input;
  success_payload: ResolverTypeWrapper<success_payload>;
  tenant: ResolverTypeWrapper<TenantRecord>;
  tenant_bool_exp: tenant_bool_exp;
  tenant_order_by: tenant_order_by;
  tenant_policy: ResolverTypeWrapper<TenantPolicy>;
  tenant_policy_keys_outside: ResolverTypeWrapper<tenant_policy_keys_outside>;
  timestamptz: ResolverTypeWrapper<Scalars['timestamptz']['output']>;
  timestamptz_comparison_exp: timestamptz_comparison_exp;
  update_api_key_input: update_api_key_input;
  update_tenant_name_input: update_tenant_name_input;
  update_tenant_slug_input: update_tenant_slug_input;
  update_user_profile_input: update_user_profile_input;
  update_webhook_input: update_webhook_input;
  user: ResolverTypeWrapper<UserRecord>;
  user_session: ResolverTypeWrapper<user_session>;
  user_view_same_tenant: ResolverTypeWrapper<MemberRow>;
  user_view_same_tenant_bool_exp: user_view_same_tenant_bool_exp;
  user_view_same_tenant_order_by: user_view_same_tenant_order_by;
  uuid: ResolverTypeWrapper<Scalars['uuid']['output']>;
  uuid_comparison_exp: uuid_comparison_exp;
  webhook: ResolverTypeWrapper<WebhookRecord>;
  webhook_delivery: ResolverTypeWrapper<WebhookDeliveryRecord>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  String_comparison_exp: String_comparison_exp;
  UUID: Scalars['UUID']['output'];
  accept_membership_invitation_input: accept_membership_invitation_input;
  accept_membership_invitation_payload: accept_membership_invitation_payload;
  agent: AgentRecord;
  aggregate_count: aggregate_count;
  aggregate_result: aggregate_result;
  api_key_lookup: Omit<api_key_lookup, 'api_key'> & { api_key: ResolversParentTypes['auth_api_key'] };
  api_key_user: UserRef;
  api_key_user_bool_exp: api_key_user_bool_exp;
  api_key_user_order_by: api_key_user_order_by;
  audit_event: AuditEventRecord;
  audit_event_actor: audit_event_actor;
  audit_event_actor_order_by: audit_event_actor_order_by;
  audit_event_bool_exp: audit_event_bool_exp;
  audit_event_order_by: audit_event_order_by;
  auth_api_key: ApiKeyRow;
  auth_api_key_bool_exp: auth_api_key_bool_exp;
  auth_api_key_order_by: auth_api_key_order_by;
  auth_info: Principal;
  auth_role: auth_role;
  bootstrap_input: bootstrap_input;
  bootstrap_payload: bootstrap_payload;
  canary_key: Omit<canary_key, 'created_by'> & { created_by?: Maybe<ResolversParentTypes['api_key_user']> };
  change_password_input: change_password_input;
  create_api_key_input: create_api_key_input;
  create_api_key_payload: create_api_key_payload;
  create_canary_key_input: create_canary_key_input;
  create_canary_key_payload: create_canary_key_payload;
  create_membership_invitation_input: create_membership_invitation_input;
  create_membership_invitation_payload: create_membership_invitation_payload;
  create_service_account_input: create_service_account_input;
  create_tenant_input: create_tenant_input;
  create_tenant_payload: create_tenant_payload;
  create_webhook_input: create_webhook_input;
  create_webhook_payload: create_webhook_payload;
  delete_api_key_input: delete_api_key_input;
  delete_canary_key_input: delete_canary_key_input;
  delete_membership_input: delete_membership_input;
  delete_membership_invitation_input: delete_membership_invitation_input;
  delete_other_sessions_payload: delete_other_sessions_payload;
  delete_service_account_input: delete_service_account_input;
  delete_session_input: delete_session_input;
  delete_tenant_input: delete_tenant_input;
  delete_webhook_input: delete_webhook_input;
  id_payload: id_payload;
  invitation_preview: invitation_preview;
  key_notices: key_notices;
  log_in_input: log_in_input;
  log_in_payload: log_in_payload;
  membership: MembershipRecord;
  membership_bool_exp: membership_bool_exp;
  membership_invitation: InvitationRecord;
  membership_invitation_bool_exp: membership_invitation_bool_exp;
  membership_invitation_order_by: membership_invitation_order_by;
  membership_order_by: membership_order_by;
  redeliver_webhook_delivery_input: redeliver_webhook_delivery_input;
  register_agent_input: register_agent_input;
  revoke_api_key_as_leaked_input: revoke_api_key_as_leaked_input;
  role_detail: role_detail;
  rotate_api_key_input: rotate_api_key_input;
  send_test_webhook_input: send_test_webhook_input;
  set_membership_role_input: set_membership_role_input;
  set_tenant_policy_input: set_tenant_policy_input;
  shorten_keys_payload: shorten_keys_payload;
  shorten_keys_to_tenant_policy_input: shorten_keys_to_tenant_policy_input;
  success_payload: success_payload;
  tenant: TenantRecord;
  tenant_bool_exp: tenant_bool_exp;
  tenant_order_by: tenant_order_by;
  tenant_policy: TenantPolicy;
  tenant_policy_keys_outside: tenant_policy_keys_outside;
  timestamptz: Scalars['timestamptz']['output'];
  timestamptz_comparison_exp: timestamptz_comparison_exp;
  update_api_key_input: update_api_key_input;
  update_tenant_name_input: update_tenant_name_input;
  update_tenant_slug_input: update_tenant_slug_input;
  update_user_profile_input: update_user_profile_input;
  update_webhook_input: update_webhook_input;
  user: UserRecord;
  user_session: user_session;
  user_view_same_tenant: MemberRow;
  user_view_same_tenant_bool_exp: user_view_same_tenant_bool_exp;
  user_view_same_tenant_order_by: user_view_same_tenant_order_by;
  uuid: Scalars['uuid']['output'];
  uuid_comparison_exp: uuid_comparison_exp;
  webhook: WebhookRecord;
  webhook_delivery: WebhookDeliveryRecord;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface JSONScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  accept_membership_invitation?: Resolver<ResolversTypes['accept_membership_invitation_payload'], ParentType, ContextType, RequireFields<Mutationaccept_membership_invitationArgs, 'input'>>;
  bootstrap?: Resolver<ResolversTypes['bootstrap_payload'], ParentType, ContextType, RequireFields<MutationbootstrapArgs, 'input'>>;
  change_password?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<Mutationchange_passwordArgs, 'input'>>;
  create_api_key?: Resolver<ResolversTypes['create_api_key_payload'], ParentType, ContextType, RequireFields<Mutationcreate_api_keyArgs, 'input'>>;
  create_canary_key?: Resolver<ResolversTypes['create_canary_key_payload'], ParentType, ContextType, RequireFields<Mutationcreate_canary_keyArgs, 'input'>>;
  create_membership_invitation?: Resolver<ResolversTypes['create_membership_invitation_payload'], ParentType, ContextType, RequireFields<Mutationcreate_membership_invitationArgs, 'input'>>;
  create_service_account?: Resolver<ResolversTypes['id_payload'], ParentType, ContextType, RequireFields<Mutationcreate_service_accountArgs, 'input'>>;
  create_tenant?: Resolver<ResolversTypes['create_tenant_payload'], ParentType, ContextType, RequireFields<Mutationcreate_tenantArgs, 'input'>>;
  create_webhook?: Resolver<ResolversTypes['create_webhook_payload'], ParentType, ContextType, RequireFields<Mutationcreate_webhookArgs, 'input'>>;
  delete_api_key?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<Mutationdelete_api_keyArgs, 'input'>>;
  delete_canary_key?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<Mutationdelete_canary_keyArgs, 'input'>>;
  delete_membership?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<Mutationdelete_membershipArgs, 'input'>>;
  delete_membership_invitation?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<Mutationdelete_membership_invitationArgs, 'input'>>;
  delete_other_sessions?: Resolver<ResolversTypes['delete_other_sessions_payload'], ParentType, ContextType>;
  delete_service_account?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<Mutationdelete_service_accountArgs, 'input'>>;
  delete_session?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<Mutationdelete_sessionArgs, 'input'>>;
  delete_tenant?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<Mutationdelete_tenantArgs, 'input'>>;
  delete_webhook?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<Mutationdelete_webhookArgs, 'input'>>;
  log_in?: Resolver<ResolversTypes['log_in_payload'], ParentType, ContextType, RequireFields<Mutationlog_inArgs, 'input'>>;
  log_out?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType>;
  redeliver_webhook_delivery?: Resolver<ResolversTypes['webhook_delivery'], ParentType, ContextType, RequireFields<Mutationredeliver_webhook_deliveryArgs, 'input'>>;
  register_agent?: Resolver<ResolversTypes['id_payload'], ParentType, ContextType, RequireFields<Mutationregister_agentArgs, 'input'>>;
  revoke_api_key_as_leaked?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<Mutationrevoke_api_key_as_leakedArgs, 'input'>>;
  rotate_api_key?: Resolver<ResolversTypes['create_api_key_payload'], ParentType, ContextType, RequireFields<Mutationrotate_api_keyArgs, 'input'>>;
  send_test_webhook?: Resolver<ResolversTypes['webhook_delivery'], ParentType, ContextType, RequireFields<Mutationsend_test_webhookArgs, 'input'>>;
  set_membership_role?: Resolver<ResolversTypes['id_payload'], ParentType, ContextType, RequireFields<Mutationset_membership_roleArgs, 'input'>>;
  set_tenant_policy?: Resolver<ResolversTypes['tenant_policy'], ParentType, ContextType, RequireFields<Mutationset_tenant_policyArgs, 'input'>>;
  shorten_keys_to_tenant_policy?: Resolver<ResolversTypes['shorten_keys_payload'], ParentType, ContextType, RequireFields<Mutationshorten_keys_to_tenant_policyArgs, 'input'>>;
  update_api_key?: Resolver<ResolversTypes['auth_api_key'], ParentType, ContextType, RequireFields<Mutationupdate_api_keyArgs, 'input'>>;
  update_tenant_name?: Resolver<ResolversTypes['tenant'], ParentType, ContextType, RequireFields<Mutationupdate_tenant_nameArgs, 'input'>>;
  update_tenant_slug?: Resolver<ResolversTypes['tenant'], ParentType, ContextType, RequireFields<Mutationupdate_tenant_slugArgs, 'input'>>;
  update_user_profile?: Resolver<ResolversTypes['user'], ParentType, ContextType, RequireFields<Mutationupdate_user_profileArgs, 'input'>>;
  update_webhook?: Resolver<ResolversTypes['webhook'], ParentType, ContextType, RequireFields<Mutationupdate_webhookArgs, 'input'>>;
};

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  agent?: Resolver<Array<ResolversTypes['agent']>, ParentType, ContextType, Partial<QueryagentArgs>>;
  audit_event?: Resolver<Array<ResolversTypes['audit_event']>, ParentType, ContextType, Partial<Queryaudit_eventArgs>>;
  audit_event_actor?: Resolver<Array<ResolversTypes['audit_event_actor']>, ParentType, ContextType, Partial<Queryaudit_event_actorArgs>>;
  audit_event_actor_aggregate?: Resolver<ResolversTypes['aggregate_result'], ParentType, ContextType>;
  audit_event_aggregate?: Resolver<ResolversTypes['aggregate_result'], ParentType, ContextType, Partial<Queryaudit_event_aggregateArgs>>;
  auth_api_key?: Resolver<Array<ResolversTypes['auth_api_key']>, ParentType, ContextType, Partial<Queryauth_api_keyArgs>>;
  auth_api_key_aggregate?: Resolver<ResolversTypes['aggregate_result'], ParentType, ContextType, Partial<Queryauth_api_key_aggregateArgs>>;
  auth_api_key_by_pk?: Resolver<Maybe<ResolversTypes['auth_api_key']>, ParentType, ContextType, RequireFields<Queryauth_api_key_by_pkArgs, 'id'>>;
  auth_info?: Resolver<ResolversTypes['auth_info'], ParentType, ContextType>;
  auth_role?: Resolver<Array<ResolversTypes['auth_role']>, ParentType, ContextType>;
  canary_key?: Resolver<Array<ResolversTypes['canary_key']>, ParentType, ContextType, Partial<Querycanary_keyArgs>>;
  canary_key_aggregate?: Resolver<ResolversTypes['aggregate_result'], ParentType, ContextType>;
  hello?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  invitation_preview?: Resolver<Maybe<ResolversTypes['invitation_preview']>, ParentType, ContextType, RequireFields<Queryinvitation_previewArgs, 'token'>>;
  key_notices?: Resolver<ResolversTypes['key_notices'], ParentType, ContextType, Partial<Querykey_noticesArgs>>;
  lookup_api_key?: Resolver<Array<ResolversTypes['api_key_lookup']>, ParentType, ContextType, Partial<Querylookup_api_keyArgs>>;
  membership?: Resolver<Array<ResolversTypes['membership']>, ParentType, ContextType, Partial<QuerymembershipArgs>>;
  membership_invitation?: Resolver<Array<ResolversTypes['membership_invitation']>, ParentType, ContextType, Partial<Querymembership_invitationArgs>>;
  membership_invitation_by_pk?: Resolver<Maybe<ResolversTypes['membership_invitation']>, ParentType, ContextType, RequireFields<Querymembership_invitation_by_pkArgs, 'id'>>;
  my_sessions?: Resolver<Array<ResolversTypes['user_session']>, ParentType, ContextType>;
  setup_required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  tenant?: Resolver<Array<ResolversTypes['tenant']>, ParentType, ContextType, Partial<QuerytenantArgs>>;
  tenant_aggregate?: Resolver<ResolversTypes['aggregate_result'], ParentType, ContextType, Partial<Querytenant_aggregateArgs>>;
  tenant_by_pk?: Resolver<Maybe<ResolversTypes['tenant']>, ParentType, ContextType, RequireFields<Querytenant_by_pkArgs, 'id'>>;
  tenant_by_previous_slug?: Resolver<Maybe<ResolversTypes['tenant']>, ParentType, ContextType, RequireFields<Querytenant_by_previous_slugArgs, 'slug'>>;
  tenant_policy?: Resolver<ResolversTypes['tenant_policy'], ParentType, ContextType, Partial<Querytenant_policyArgs>>;
  user?: Resolver<Array<ResolversTypes['user']>, ParentType, ContextType>;
  user_view_same_tenant?: Resolver<Array<ResolversTypes['user_view_same_tenant']>, ParentType, ContextType, Partial<Queryuser_view_same_tenantArgs>>;
  user_view_same_tenant_aggregate?: Resolver<ResolversTypes['aggregate_result'], ParentType, ContextType, Partial<Queryuser_view_same_tenant_aggregateArgs>>;
  user_view_same_tenant_by_pk?: Resolver<Maybe<ResolversTypes['user_view_same_tenant']>, ParentType, ContextType, RequireFields<Queryuser_view_same_tenant_by_pkArgs, 'id'>>;
  webhook?: Resolver<Array<ResolversTypes['webhook']>, ParentType, ContextType, Partial<QuerywebhookArgs>>;
  webhook_delivery?: Resolver<Array<ResolversTypes['webhook_delivery']>, ParentType, ContextType, RequireFields<Querywebhook_deliveryArgs, 'webhook_id'>>;
  webhook_delivery_aggregate?: Resolver<ResolversTypes['aggregate_result'], ParentType, ContextType, RequireFields<Querywebhook_delivery_aggregateArgs, 'webhook_id'>>;
};

export interface UUIDScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['UUID'], any> {
  name: 'UUID';
}

export type accept_membership_invitation_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['accept_membership_invitation_payload'] = ResolversParentTypes['accept_membership_invitation_payload']> = {
  id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  success?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  tenant_id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  tenant_slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type agentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['agent'] = ResolversParentTypes['agent']> = {
  agent_config_id?: Resolver<Maybe<ResolversTypes['uuid']>, ParentType, ContextType>;
  api_key_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  core_version?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  last_queried?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source_address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tenant_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['api_key_user'], ParentType, ContextType>;
};

export type aggregate_countResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['aggregate_count'] = ResolversParentTypes['aggregate_count']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type aggregate_resultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['aggregate_result'] = ResolversParentTypes['aggregate_result']> = {
  aggregate?: Resolver<ResolversTypes['aggregate_count'], ParentType, ContextType>;
};

export type api_key_lookupResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['api_key_lookup'] = ResolversParentTypes['api_key_lookup']> = {
  api_key?: Resolver<ResolversTypes['auth_api_key'], ParentType, ContextType>;
  last_used_address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type api_key_userResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['api_key_user'] = ResolversParentTypes['api_key_user']> = {
  account_type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type audit_eventResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['audit_event'] = ResolversParentTypes['audit_event']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<Maybe<ResolversTypes['api_key_user']>, ParentType, ContextType>;
  actor_id?: Resolver<Maybe<ResolversTypes['uuid']>, ParentType, ContextType>;
  cause?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  source_address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target_id?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target_name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target_type?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tenant_id?: Resolver<Maybe<ResolversTypes['uuid']>, ParentType, ContextType>;
  user_agent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type audit_event_actorResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['audit_event_actor'] = ResolversParentTypes['audit_event_actor']> = {
  account_type?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  is_member?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  username?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type auth_api_keyResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['auth_api_key'] = ResolversParentTypes['auth_api_key']> = {
  agents?: Resolver<Array<ResolversTypes['agent']>, ParentType, ContextType, Partial<auth_api_keyagentsArgs>>;
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  created_by?: Resolver<Maybe<ResolversTypes['api_key_user']>, ParentType, ContextType>;
  default_tenant_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  expires_at?: Resolver<Maybe<ResolversTypes['timestamptz']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  key_hint?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  last_used_at?: Resolver<Maybe<ResolversTypes['timestamptz']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  replaced_by_id?: Resolver<Maybe<ResolversTypes['uuid']>, ParentType, ContextType>;
  replaces_id?: Resolver<Maybe<ResolversTypes['uuid']>, ParentType, ContextType>;
  replaces_key_hint?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rotation_ends_at?: Resolver<Maybe<ResolversTypes['timestamptz']>, ParentType, ContextType>;
  tenant?: Resolver<ResolversTypes['tenant'], ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['api_key_user'], ParentType, ContextType>;
  user_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
};

export type auth_infoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['auth_info'] = ResolversParentTypes['auth_info']> = {
  api_key_id?: Resolver<Maybe<ResolversTypes['uuid']>, ParentType, ContextType>;
  license?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role_id?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tenant?: Resolver<Maybe<ResolversTypes['tenant']>, ParentType, ContextType>;
  tenant_id?: Resolver<Maybe<ResolversTypes['uuid']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['api_key_user'], ParentType, ContextType>;
  user_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
};

export type auth_roleResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['auth_role'] = ResolversParentTypes['auth_role']> = {
  created?: Resolver<Maybe<ResolversTypes['timestamptz']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  tenant_id?: Resolver<Maybe<ResolversTypes['uuid']>, ParentType, ContextType>;
  updated?: Resolver<Maybe<ResolversTypes['timestamptz']>, ParentType, ContextType>;
};

export type bootstrap_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['bootstrap_payload'] = ResolversParentTypes['bootstrap_payload']> = {
  tenant_id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  tenant_slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user_id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
};

export type canary_keyResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['canary_key'] = ResolversParentTypes['canary_key']> = {
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  created_by?: Resolver<Maybe<ResolversTypes['api_key_user']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  first_used_at?: Resolver<Maybe<ResolversTypes['timestamptz']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  key_hint?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  last_source_address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  last_used_at?: Resolver<Maybe<ResolversTypes['timestamptz']>, ParentType, ContextType>;
  last_user_agent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  use_count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type create_api_key_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['create_api_key_payload'] = ResolversParentTypes['create_api_key_payload']> = {
  id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type create_canary_key_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['create_canary_key_payload'] = ResolversParentTypes['create_canary_key_payload']> = {
  id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type create_membership_invitation_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['create_membership_invitation_payload'] = ResolversParentTypes['create_membership_invitation_payload']> = {
  id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type create_tenant_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['create_tenant_payload'] = ResolversParentTypes['create_tenant_payload']> = {
  id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type create_webhook_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['create_webhook_payload'] = ResolversParentTypes['create_webhook_payload']> = {
  id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type delete_other_sessions_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['delete_other_sessions_payload'] = ResolversParentTypes['delete_other_sessions_payload']> = {
  deleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  success?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type id_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['id_payload'] = ResolversParentTypes['id_payload']> = {
  id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
};

export type invitation_previewResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['invitation_preview'] = ResolversParentTypes['invitation_preview']> = {
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role_detail?: Resolver<ResolversTypes['role_detail'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tenant_name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type key_noticesResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['key_notices'] = ResolversParentTypes['key_notices']> = {
  own_expiring_count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  own_idle_count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  service_expiring_count?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  service_idle_count?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type log_in_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['log_in_payload'] = ResolversParentTypes['log_in_payload']> = {
  expires_at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user_id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
};

export type membershipResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['membership'] = ResolversParentTypes['membership']> = {
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role_detail?: Resolver<ResolversTypes['role_detail'], ParentType, ContextType>;
  role_id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tenant?: Resolver<ResolversTypes['tenant'], ParentType, ContextType>;
  tenant_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  user_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
};

export type membership_invitationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['membership_invitation'] = ResolversParentTypes['membership_invitation']> = {
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expires_at?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  invited_by?: Resolver<Maybe<ResolversTypes['api_key_user']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role_detail?: Resolver<ResolversTypes['role_detail'], ParentType, ContextType>;
  role_id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tenant?: Resolver<ResolversTypes['tenant'], ParentType, ContextType>;
  tenant_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['user']>, ParentType, ContextType>;
};

export type role_detailResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['role_detail'] = ResolversParentTypes['role_detail']> = {
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type shorten_keys_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['shorten_keys_payload'] = ResolversParentTypes['shorten_keys_payload']> = {
  shortened?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type success_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['success_payload'] = ResolversParentTypes['success_payload']> = {
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  success?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type tenantResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['tenant'] = ResolversParentTypes['tenant']> = {
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  info?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  live_api_key_count?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  settings?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type tenant_policyResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['tenant_policy'] = ResolversParentTypes['tenant_policy']> = {
  idle_days?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  keys_outside?: Resolver<Maybe<ResolversTypes['tenant_policy_keys_outside']>, ParentType, ContextType>;
  require_expiry?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  service_key_max_days?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  tenant_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  updated?: Resolver<Maybe<ResolversTypes['timestamptz']>, ParentType, ContextType>;
  updated_by_id?: Resolver<Maybe<ResolversTypes['uuid']>, ParentType, ContextType>;
  user_key_max_days?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type tenant_policy_keys_outsideResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['tenant_policy_keys_outside'] = ResolversParentTypes['tenant_policy_keys_outside']> = {
  service_account_keys?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user_keys?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface timestamptzScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['timestamptz'], any> {
  name: 'timestamptz';
}

export type userResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['user'] = ResolversParentTypes['user']> = {
  account_type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  default_membership_id?: Resolver<Maybe<ResolversTypes['uuid']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  first_name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  last_name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  memberships?: Resolver<Array<ResolversTypes['membership']>, ParentType, ContextType>;
  settings?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type user_sessionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['user_session'] = ResolversParentTypes['user_session']> = {
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  expires_at?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  last_seen?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
};

export type user_view_same_tenantResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['user_view_same_tenant'] = ResolversParentTypes['user_view_same_tenant']> = {
  account_type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  api_key_count?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  first_name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  last_name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  memberships?: Resolver<Array<ResolversTypes['membership']>, ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface uuidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['uuid'], any> {
  name: 'uuid';
}

export type webhookResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['webhook'] = ResolversParentTypes['webhook']> = {
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  last_delivery_at?: Resolver<Maybe<ResolversTypes['timestamptz']>, ParentType, ContextType>;
  last_delivery_status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tenant_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type webhook_deliveryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['webhook_delivery'] = ResolversParentTypes['webhook_delivery']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  duration_ms?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  event_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  event_type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  last_attempt_at?: Resolver<Maybe<ResolversTypes['timestamptz']>, ParentType, ContextType>;
  next_attempt_at?: Resolver<Maybe<ResolversTypes['timestamptz']>, ParentType, ContextType>;
  payload?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  response_status?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  webhook_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
};

export type Resolvers<ContextType = RequestContext> = {
  DateTime?: GraphQLScalarType;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  UUID?: GraphQLScalarType;
  accept_membership_invitation_payload?: accept_membership_invitation_payloadResolvers<ContextType>;
  agent?: agentResolvers<ContextType>;
  aggregate_count?: aggregate_countResolvers<ContextType>;
  aggregate_result?: aggregate_resultResolvers<ContextType>;
  api_key_lookup?: api_key_lookupResolvers<ContextType>;
  api_key_user?: api_key_userResolvers<ContextType>;
  audit_event?: audit_eventResolvers<ContextType>;
  audit_event_actor?: audit_event_actorResolvers<ContextType>;
  auth_api_key?: auth_api_keyResolvers<ContextType>;
  auth_info?: auth_infoResolvers<ContextType>;
  auth_role?: auth_roleResolvers<ContextType>;
  bootstrap_payload?: bootstrap_payloadResolvers<ContextType>;
  canary_key?: canary_keyResolvers<ContextType>;
  create_api_key_payload?: create_api_key_payloadResolvers<ContextType>;
  create_canary_key_payload?: create_canary_key_payloadResolvers<ContextType>;
  create_membership_invitation_payload?: create_membership_invitation_payloadResolvers<ContextType>;
  create_tenant_payload?: create_tenant_payloadResolvers<ContextType>;
  create_webhook_payload?: create_webhook_payloadResolvers<ContextType>;
  delete_other_sessions_payload?: delete_other_sessions_payloadResolvers<ContextType>;
  id_payload?: id_payloadResolvers<ContextType>;
  invitation_preview?: invitation_previewResolvers<ContextType>;
  key_notices?: key_noticesResolvers<ContextType>;
  log_in_payload?: log_in_payloadResolvers<ContextType>;
  membership?: membershipResolvers<ContextType>;
  membership_invitation?: membership_invitationResolvers<ContextType>;
  role_detail?: role_detailResolvers<ContextType>;
  shorten_keys_payload?: shorten_keys_payloadResolvers<ContextType>;
  success_payload?: success_payloadResolvers<ContextType>;
  tenant?: tenantResolvers<ContextType>;
  tenant_policy?: tenant_policyResolvers<ContextType>;
  tenant_policy_keys_outside?: tenant_policy_keys_outsideResolvers<ContextType>;
  timestamptz?: GraphQLScalarType;
  user?: userResolvers<ContextType>;
  user_session?: user_sessionResolvers<ContextType>;
  user_view_same_tenant?: user_view_same_tenantResolvers<ContextType>;
  uuid?: GraphQLScalarType;
  webhook?: webhookResolvers<ContextType>;
  webhook_delivery?: webhook_deliveryResolvers<ContextType>;
};

