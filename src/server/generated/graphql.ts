import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TenantRecord, MembershipRecord, UserRecord, MemberRow, ApiKeyRow, UserRef, InvitationRecord, AuditEventRecord } from '../store/types.js';
import type { Principal, RequestContext } from '../context.js';
export type Maybe<T> = T | null | undefined;
export type InputMaybe<T> = T | null | undefined;
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
  /** UUID as a lowercase hyphenated string (Prefect mutation spelling). */
  UUID: { input: string; output: string; }
  /** ISO-8601 timestamp in UTC (Hasura spelling). */
  timestamptz: { input: string; output: string; }
  /** UUID as a lowercase hyphenated string (Hasura spelling). */
  uuid: { input: string; output: string; }
};

export type Mutation = {
  __typename?: 'Mutation';
  accept_membership_invitation: accept_membership_invitation_payload;
  bootstrap: bootstrap_payload;
  create_api_key: create_api_key_payload;
  create_membership_invitation: create_membership_invitation_payload;
  create_service_account: id_payload;
  create_tenant: create_tenant_payload;
  delete_api_key: success_payload;
  delete_membership: success_payload;
  delete_membership_invitation: success_payload;
  delete_service_account: success_payload;
  log_in: log_in_payload;
  log_out: success_payload;
  set_membership_role: id_payload;
};


export type Mutationaccept_membership_invitationArgs = {
  input: accept_membership_invitation_input;
};


export type MutationbootstrapArgs = {
  input: bootstrap_input;
};


export type Mutationcreate_api_keyArgs = {
  input: create_api_key_input;
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


export type Mutationdelete_api_keyArgs = {
  input: delete_api_key_input;
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


export type Mutationlog_inArgs = {
  input: log_in_input;
};


export type Mutationset_membership_roleArgs = {
  input: set_membership_role_input;
};

export type Query = {
  __typename?: 'Query';
  /** Keyplane: the current tenant's audit log (administrators). */
  audit_event: Array<audit_event>;
  audit_event_aggregate: aggregate_result;
  /** The caller's own keys (every tenant), and for administrators every service-account key of the current tenant. */
  auth_api_key: Array<auth_api_key>;
  auth_api_key_aggregate: aggregate_result;
  auth_api_key_by_pk?: Maybe<auth_api_key>;
  /** Who is calling, in which tenant, with what role. */
  auth_info: auth_info;
  /** Keyplane: what an invitation link is for; public. */
  invitation_preview?: Maybe<invitation_preview>;
  /** Keyplane: pending invitations of the current tenant (administrators). */
  membership_invitation: Array<membership_invitation>;
  /** Keyplane: true while no user exists and the first-run setup is open; public. */
  setup_required: Scalars['Boolean']['output'];
  /** Tenants the caller belongs to; for a request made with a key, the key's tenant alone. */
  tenant: Array<tenant>;
  tenant_aggregate: aggregate_result;
  /** The caller alone, Hasura style. */
  user: Array<user>;
  user_view_same_tenant: Array<user_view_same_tenant>;
  user_view_same_tenant_aggregate: aggregate_result;
  user_view_same_tenant_by_pk?: Maybe<user_view_same_tenant>;
};


export type Queryaudit_eventArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<audit_event_order_by>>;
  where?: InputMaybe<audit_event_bool_exp>;
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


export type Queryinvitation_previewArgs = {
  token: Scalars['String']['input'];
};


export type Querymembership_invitationArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
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

export type String_comparison_exp = {
  _eq?: InputMaybe<Scalars['String']['input']>;
  _gt?: InputMaybe<Scalars['String']['input']>;
  _gte?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive match; % and _ are wildcards. */
  _ilike?: InputMaybe<Scalars['String']['input']>;
  _in?: InputMaybe<Array<Scalars['String']['input']>>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  /** Case-sensitive match; % and _ are wildcards. */
  _like?: InputMaybe<Scalars['String']['input']>;
  _lt?: InputMaybe<Scalars['String']['input']>;
  _lte?: InputMaybe<Scalars['String']['input']>;
  _neq?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive non-match; % and _ are wildcards. */
  _nilike?: InputMaybe<Scalars['String']['input']>;
  _nin?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Case-sensitive non-match; % and _ are wildcards. */
  _nlike?: InputMaybe<Scalars['String']['input']>;
};

export type accept_membership_invitation_input = {
  password?: InputMaybe<Scalars['String']['input']>;
  token: Scalars['String']['input'];
  /** For a new account; omit both when signed in to join with the current account. */
  username?: InputMaybe<Scalars['String']['input']>;
};

export type accept_membership_invitation_payload = {
  __typename?: 'accept_membership_invitation_payload';
  success: Scalars['Boolean']['output'];
  tenant_id: Scalars['UUID']['output'];
  tenant_slug: Scalars['String']['output'];
};

export type aggregate_count = {
  __typename?: 'aggregate_count';
  count: Scalars['Int']['output'];
};

export type aggregate_result = {
  __typename?: 'aggregate_result';
  aggregate: aggregate_count;
};

/** The owner of an API key, as a key listing shows it. */
export type api_key_user = {
  __typename?: 'api_key_user';
  account_type: Scalars['String']['output'];
  id: Scalars['uuid']['output'];
  username: Scalars['String']['output'];
};

export type api_key_user_bool_exp = {
  _and?: InputMaybe<Array<api_key_user_bool_exp>>;
  _not?: InputMaybe<api_key_user_bool_exp>;
  _or?: InputMaybe<Array<api_key_user_bool_exp>>;
  account_type?: InputMaybe<String_comparison_exp>;
  id?: InputMaybe<uuid_comparison_exp>;
  username?: InputMaybe<String_comparison_exp>;
};

export type api_key_user_order_by = {
  account_type?: InputMaybe<order_by>;
  username?: InputMaybe<order_by>;
};

/** Keyplane: one recorded action. Never contains a key. */
export type audit_event = {
  __typename?: 'audit_event';
  /** e.g. api_key.create, api_key.revoke, service_account.create, membership.role_change, auth.log_in_failed */
  action: Scalars['String']['output'];
  actor?: Maybe<api_key_user>;
  actor_id?: Maybe<Scalars['uuid']['output']>;
  /** Keyplane: why a change nobody asked for by itself was made; null when asked for directly. Keys: member_removed, member_left, service_account_removed. Invitations: inviter_removed, inviter_left, inviter_demoted. */
  cause?: Maybe<Scalars['String']['output']>;
  created: Scalars['timestamptz']['output'];
  id: Scalars['uuid']['output'];
  source_address?: Maybe<Scalars['String']['output']>;
  target_id?: Maybe<Scalars['String']['output']>;
  target_name?: Maybe<Scalars['String']['output']>;
  target_type?: Maybe<Scalars['String']['output']>;
  tenant_id?: Maybe<Scalars['uuid']['output']>;
};

export type audit_event_bool_exp = {
  _and?: InputMaybe<Array<audit_event_bool_exp>>;
  _not?: InputMaybe<audit_event_bool_exp>;
  _or?: InputMaybe<Array<audit_event_bool_exp>>;
  action?: InputMaybe<String_comparison_exp>;
  actor?: InputMaybe<api_key_user_bool_exp>;
  actor_id?: InputMaybe<uuid_comparison_exp>;
  created?: InputMaybe<timestamptz_comparison_exp>;
  source_address?: InputMaybe<String_comparison_exp>;
  target_id?: InputMaybe<String_comparison_exp>;
  target_name?: InputMaybe<String_comparison_exp>;
  target_type?: InputMaybe<String_comparison_exp>;
};

export type audit_event_order_by = {
  action?: InputMaybe<order_by>;
  created?: InputMaybe<order_by>;
};

/** API key metadata. The key itself is returned once, by create_api_key, and never again. */
export type auth_api_key = {
  __typename?: 'auth_api_key';
  created: Scalars['timestamptz']['output'];
  created_by?: Maybe<api_key_user>;
  /** The tenant the key acts in. */
  default_tenant_id: Scalars['uuid']['output'];
  /** null: never expires. */
  expires_at?: Maybe<Scalars['timestamptz']['output']>;
  id: Scalars['uuid']['output'];
  /** Keyplane: prefix and first four random characters, e.g. kpu_Ab3d. */
  key_hint: Scalars['String']['output'];
  /** Keyplane: last successful authentication, to within a minute; null if never used. */
  last_used_at?: Maybe<Scalars['timestamptz']['output']>;
  name: Scalars['String']['output'];
  tenant: tenant;
  updated: Scalars['timestamptz']['output'];
  user: api_key_user;
  /** The owner: a person or a service account. */
  user_id: Scalars['uuid']['output'];
};

export type auth_api_key_bool_exp = {
  _and?: InputMaybe<Array<auth_api_key_bool_exp>>;
  _not?: InputMaybe<auth_api_key_bool_exp>;
  _or?: InputMaybe<Array<auth_api_key_bool_exp>>;
  created?: InputMaybe<timestamptz_comparison_exp>;
  created_by?: InputMaybe<api_key_user_bool_exp>;
  default_tenant_id?: InputMaybe<uuid_comparison_exp>;
  expires_at?: InputMaybe<timestamptz_comparison_exp>;
  id?: InputMaybe<uuid_comparison_exp>;
  key_hint?: InputMaybe<String_comparison_exp>;
  last_used_at?: InputMaybe<timestamptz_comparison_exp>;
  name?: InputMaybe<String_comparison_exp>;
  tenant?: InputMaybe<tenant_bool_exp>;
  updated?: InputMaybe<timestamptz_comparison_exp>;
  user?: InputMaybe<api_key_user_bool_exp>;
  user_id?: InputMaybe<uuid_comparison_exp>;
};

export type auth_api_key_order_by = {
  created?: InputMaybe<order_by>;
  expires_at?: InputMaybe<order_by>;
  id?: InputMaybe<order_by>;
  last_used_at?: InputMaybe<order_by>;
  name?: InputMaybe<order_by>;
  tenant?: InputMaybe<tenant_order_by>;
  updated?: InputMaybe<order_by>;
  user?: InputMaybe<api_key_user_order_by>;
};

export type auth_info = {
  __typename?: 'auth_info';
  /** The key that authenticated this request; null for a browser session. */
  api_key_id?: Maybe<Scalars['uuid']['output']>;
  permissions: Array<Scalars['String']['output']>;
  /** The caller's role in tenant_id. */
  role?: Maybe<Scalars['String']['output']>;
  tenant?: Maybe<tenant>;
  tenant_id?: Maybe<Scalars['uuid']['output']>;
  /** Keyplane: the caller and tenant in full. */
  user: api_key_user;
  user_id: Scalars['uuid']['output'];
};

export type bootstrap_input = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  tenant_name: Scalars['String']['input'];
  username: Scalars['String']['input'];
};

export type bootstrap_payload = {
  __typename?: 'bootstrap_payload';
  tenant_id: Scalars['UUID']['output'];
  tenant_slug: Scalars['String']['output'];
  user_id: Scalars['UUID']['output'];
};

export type create_api_key_input = {
  /** A tenant you belong to; defaults to the current tenant. Ignored for service accounts. */
  default_tenant_id?: InputMaybe<Scalars['UUID']['input']>;
  /** null: never expires. */
  expires_at?: InputMaybe<Scalars['DateTime']['input']>;
  name: Scalars['String']['input'];
  /** Yourself, or (administrators) a service account of the current tenant. */
  user_id: Scalars['UUID']['input'];
};

export type create_api_key_payload = {
  __typename?: 'create_api_key_payload';
  id: Scalars['UUID']['output'];
  /** The key, shown this once. */
  key: Scalars['String']['output'];
  /** The same value as key (older clients' spelling). */
  token: Scalars['String']['output'];
};

export type create_membership_invitation_input = {
  email: Scalars['String']['input'];
  role: Scalars['String']['input'];
  tenant_id: Scalars['UUID']['input'];
};

export type create_membership_invitation_payload = {
  __typename?: 'create_membership_invitation_payload';
  id: Scalars['UUID']['output'];
  /** The invitation token, shown this once: the link is /invite/<token>. */
  token: Scalars['String']['output'];
};

export type create_service_account_input = {
  name: Scalars['String']['input'];
  /** TENANT_ADMIN (default), USER or READ_ONLY_USER. */
  role?: InputMaybe<Scalars['String']['input']>;
  tenant_id: Scalars['UUID']['input'];
};

export type create_tenant_input = {
  name: Scalars['String']['input'];
  slug?: InputMaybe<Scalars['String']['input']>;
};

export type create_tenant_payload = {
  __typename?: 'create_tenant_payload';
  id: Scalars['UUID']['output'];
  slug: Scalars['String']['output'];
};

export type delete_api_key_input = {
  key_id: Scalars['UUID']['input'];
};

export type delete_membership_input = {
  membership_id: Scalars['UUID']['input'];
};

export type delete_membership_invitation_input = {
  invitation_id: Scalars['UUID']['input'];
};

export type delete_service_account_input = {
  user_id: Scalars['UUID']['input'];
};

export type id_payload = {
  __typename?: 'id_payload';
  id: Scalars['UUID']['output'];
};

/**
 * Keyplane: what the accept-invitation page shows about an invitation token (public).
 * Not whether the invited email has an account: anyone can invite any email to a tenant
 * of their own, so that would tell them who has one. Accepting says it instead.
 */
export type invitation_preview = {
  __typename?: 'invitation_preview';
  email: Scalars['String']['output'];
  role: Scalars['String']['output'];
  role_detail: role_detail;
  /** VALID, EXPIRED, USED or REVOKED. */
  status: Scalars['String']['output'];
  tenant_name: Scalars['String']['output'];
};

export type log_in_input = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type log_in_payload = {
  __typename?: 'log_in_payload';
  expires_at: Scalars['DateTime']['output'];
  user_id: Scalars['UUID']['output'];
};

export type membership = {
  __typename?: 'membership';
  /** Keyplane: when the membership began (shown as Joined). */
  created: Scalars['timestamptz']['output'];
  id: Scalars['uuid']['output'];
  role: Scalars['String']['output'];
  role_detail: role_detail;
  tenant: tenant;
  tenant_id: Scalars['uuid']['output'];
  user_id: Scalars['uuid']['output'];
};

/** Keyplane: a pending invitation to join a tenant. */
export type membership_invitation = {
  __typename?: 'membership_invitation';
  created: Scalars['timestamptz']['output'];
  email: Scalars['String']['output'];
  expires_at: Scalars['timestamptz']['output'];
  id: Scalars['uuid']['output'];
  invited_by?: Maybe<api_key_user>;
  role: Scalars['String']['output'];
  role_detail: role_detail;
  tenant_id: Scalars['uuid']['output'];
};

export type order_by =
  | 'asc'
  | 'asc_nulls_first'
  | 'asc_nulls_last'
  | 'desc'
  | 'desc_nulls_first'
  | 'desc_nulls_last';

/** TENANT_ADMIN (shown Administrator), USER, READ_ONLY_USER (shown Read-only). */
export type role_detail = {
  __typename?: 'role_detail';
  id: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type set_membership_role_input = {
  membership_id: Scalars['UUID']['input'];
  role: Scalars['String']['input'];
};

export type success_payload = {
  __typename?: 'success_payload';
  error?: Maybe<Scalars['String']['output']>;
  success: Scalars['Boolean']['output'];
};

export type tenant = {
  __typename?: 'tenant';
  created: Scalars['timestamptz']['output'];
  id: Scalars['uuid']['output'];
  name: Scalars['String']['output'];
  slug: Scalars['String']['output'];
};

export type tenant_bool_exp = {
  _and?: InputMaybe<Array<tenant_bool_exp>>;
  _not?: InputMaybe<tenant_bool_exp>;
  _or?: InputMaybe<Array<tenant_bool_exp>>;
  created?: InputMaybe<timestamptz_comparison_exp>;
  id?: InputMaybe<uuid_comparison_exp>;
  name?: InputMaybe<String_comparison_exp>;
  slug?: InputMaybe<String_comparison_exp>;
};

export type tenant_order_by = {
  created?: InputMaybe<order_by>;
  id?: InputMaybe<order_by>;
  name?: InputMaybe<order_by>;
  slug?: InputMaybe<order_by>;
};

export type timestamptz_comparison_exp = {
  _eq?: InputMaybe<Scalars['timestamptz']['input']>;
  _gt?: InputMaybe<Scalars['timestamptz']['input']>;
  _gte?: InputMaybe<Scalars['timestamptz']['input']>;
  _in?: InputMaybe<Array<Scalars['timestamptz']['input']>>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  _lt?: InputMaybe<Scalars['timestamptz']['input']>;
  _lte?: InputMaybe<Scalars['timestamptz']['input']>;
  _neq?: InputMaybe<Scalars['timestamptz']['input']>;
  _nin?: InputMaybe<Array<Scalars['timestamptz']['input']>>;
};

/** The signed-in caller (the `user` query returns a list holding the caller alone). */
export type user = {
  __typename?: 'user';
  /** NORMAL for people, SERVICE for service accounts. */
  account_type: Scalars['String']['output'];
  created: Scalars['timestamptz']['output'];
  default_membership_id?: Maybe<Scalars['uuid']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  first_name?: Maybe<Scalars['String']['output']>;
  id: Scalars['uuid']['output'];
  last_name?: Maybe<Scalars['String']['output']>;
  /** The caller's memberships; for a request made with a key, the one in the key's tenant alone. */
  memberships: Array<membership>;
  username: Scalars['String']['output'];
};

/** A member (person or service account) of the caller's current tenant. */
export type user_view_same_tenant = {
  __typename?: 'user_view_same_tenant';
  account_type: Scalars['String']['output'];
  /** Keyplane: the number of live (unrevoked, unexpired) keys of a service account; null unless the caller may see them. */
  api_key_count?: Maybe<Scalars['Int']['output']>;
  created: Scalars['timestamptz']['output'];
  email?: Maybe<Scalars['String']['output']>;
  first_name?: Maybe<Scalars['String']['output']>;
  id: Scalars['uuid']['output'];
  last_name?: Maybe<Scalars['String']['output']>;
  /** Memberships in the caller's current tenant only. */
  memberships: Array<membership>;
  username: Scalars['String']['output'];
};

export type user_view_same_tenant_bool_exp = {
  _and?: InputMaybe<Array<user_view_same_tenant_bool_exp>>;
  _not?: InputMaybe<user_view_same_tenant_bool_exp>;
  _or?: InputMaybe<Array<user_view_same_tenant_bool_exp>>;
  account_type?: InputMaybe<String_comparison_exp>;
  created?: InputMaybe<timestamptz_comparison_exp>;
  email?: InputMaybe<String_comparison_exp>;
  id?: InputMaybe<uuid_comparison_exp>;
  username?: InputMaybe<String_comparison_exp>;
};

export type user_view_same_tenant_order_by = {
  account_type?: InputMaybe<order_by>;
  created?: InputMaybe<order_by>;
  email?: InputMaybe<order_by>;
  id?: InputMaybe<order_by>;
  username?: InputMaybe<order_by>;
};

export type uuid_comparison_exp = {
  _eq?: InputMaybe<Scalars['uuid']['input']>;
  _in?: InputMaybe<Array<Scalars['uuid']['input']>>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  _neq?: InputMaybe<Scalars['uuid']['input']>;
  _nin?: InputMaybe<Array<Scalars['uuid']['input']>>;
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
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  String_comparison_exp: String_comparison_exp;
  UUID: ResolverTypeWrapper<Scalars['UUID']['output']>;
  accept_membership_invitation_input: accept_membership_invitation_input;
  accept_membership_invitation_payload: ResolverTypeWrapper<accept_membership_invitation_payload>;
  aggregate_count: ResolverTypeWrapper<aggregate_count>;
  aggregate_result: ResolverTypeWrapper<aggregate_result>;
  api_key_user: ResolverTypeWrapper<UserRef>;
  api_key_user_bool_exp: api_key_user_bool_exp;
  api_key_user_order_by: api_key_user_order_by;
  audit_event: ResolverTypeWrapper<AuditEventRecord>;
  audit_event_bool_exp: audit_event_bool_exp;
  audit_event_order_by: audit_event_order_by;
  auth_api_key: ResolverTypeWrapper<ApiKeyRow>;
  auth_api_key_bool_exp: auth_api_key_bool_exp;
  auth_api_key_order_by: auth_api_key_order_by;
  auth_info: ResolverTypeWrapper<Principal>;
  bootstrap_input: bootstrap_input;
  bootstrap_payload: ResolverTypeWrapper<bootstrap_payload>;
  create_api_key_input: create_api_key_input;
  create_api_key_payload: ResolverTypeWrapper<create_api_key_payload>;
  create_membership_invitation_input: create_membership_invitation_input;
  create_membership_invitation_payload: ResolverTypeWrapper<create_membership_invitation_payload>;
  create_service_account_input: create_service_account_input;
  create_tenant_input: create_tenant_input;
  create_tenant_payload: ResolverTypeWrapper<create_tenant_payload>;
  delete_api_key_input: delete_api_key_input;
  delete_membership_input: delete_membership_input;
  delete_membership_invitation_input: delete_membership_invitation_input;
  delete_service_account_input: delete_service_account_input;
  id_payload: ResolverTypeWrapper<id_payload>;
  invitation_preview: ResolverTypeWrapper<invitation_preview>;
  log_in_input: log_in_input;
  log_in_payload: ResolverTypeWrapper<log_in_payload>;
  membership: ResolverTypeWrapper<MembershipRecord>;
  membership_invitation: ResolverTypeWrapper<InvitationRecord>;
  order_by: order_by;
  role_detail: ResolverTypeWrapper<role_detail>;
  set_membership_role_input: set_membership_role_input;
  success_payload: ResolverTypeWrapper<success_payload>;
  tenant: ResolverTypeWrapper<TenantRecord>;
  tenant_bool_exp: tenant_bool_exp;
  tenant_order_by: tenant_order_by;
  timestamptz: ResolverTypeWrapper<Scalars['timestamptz']['output']>;
  timestamptz_comparison_exp: timestamptz_comparison_exp;
  user: ResolverTypeWrapper<UserRecord>;
  user_view_same_tenant: ResolverTypeWrapper<MemberRow>;
  user_view_same_tenant_bool_exp: user_view_same_tenant_bool_exp;
  user_view_same_tenant_order_by: user_view_same_tenant_order_by;
  uuid: ResolverTypeWrapper<Scalars['uuid']['output']>;
  uuid_comparison_exp: uuid_comparison_exp;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  Int: Scalars['Int']['output'];
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  String_comparison_exp: String_comparison_exp;
  UUID: Scalars['UUID']['output'];
  accept_membership_invitation_input: accept_membership_invitation_input;
  accept_membership_invitation_payload: accept_membership_invitation_payload;
  aggregate_count: aggregate_count;
  aggregate_result: aggregate_result;
  api_key_user: UserRef;
  api_key_user_bool_exp: api_key_user_bool_exp;
  api_key_user_order_by: api_key_user_order_by;
  audit_event: AuditEventRecord;
  audit_event_bool_exp: audit_event_bool_exp;
  audit_event_order_by: audit_event_order_by;
  auth_api_key: ApiKeyRow;
  auth_api_key_bool_exp: auth_api_key_bool_exp;
  auth_api_key_order_by: auth_api_key_order_by;
  auth_info: Principal;
  bootstrap_input: bootstrap_input;
  bootstrap_payload: bootstrap_payload;
  create_api_key_input: create_api_key_input;
  create_api_key_payload: create_api_key_payload;
  create_membership_invitation_input: create_membership_invitation_input;
  create_membership_invitation_payload: create_membership_invitation_payload;
  create_service_account_input: create_service_account_input;
  create_tenant_input: create_tenant_input;
  create_tenant_payload: create_tenant_payload;
  delete_api_key_input: delete_api_key_input;
  delete_membership_input: delete_membership_input;
  delete_membership_invitation_input: delete_membership_invitation_input;
  delete_service_account_input: delete_service_account_input;
  id_payload: id_payload;
  invitation_preview: invitation_preview;
  log_in_input: log_in_input;
  log_in_payload: log_in_payload;
  membership: MembershipRecord;
  membership_invitation: InvitationRecord;
  role_detail: role_detail;
  set_membership_role_input: set_membership_role_input;
  success_payload: success_payload;
  tenant: TenantRecord;
  tenant_bool_exp: tenant_bool_exp;
  tenant_order_by: tenant_order_by;
  timestamptz: Scalars['timestamptz']['output'];
  timestamptz_comparison_exp: timestamptz_comparison_exp;
  user: UserRecord;
  user_view_same_tenant: MemberRow;
  user_view_same_tenant_bool_exp: user_view_same_tenant_bool_exp;
  user_view_same_tenant_order_by: user_view_same_tenant_order_by;
  uuid: Scalars['uuid']['output'];
  uuid_comparison_exp: uuid_comparison_exp;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  accept_membership_invitation?: Resolver<ResolversTypes['accept_membership_invitation_payload'], ParentType, ContextType, RequireFields<Mutationaccept_membership_invitationArgs, 'input'>>;
  bootstrap?: Resolver<ResolversTypes['bootstrap_payload'], ParentType, ContextType, RequireFields<MutationbootstrapArgs, 'input'>>;
  create_api_key?: Resolver<ResolversTypes['create_api_key_payload'], ParentType, ContextType, RequireFields<Mutationcreate_api_keyArgs, 'input'>>;
  create_membership_invitation?: Resolver<ResolversTypes['create_membership_invitation_payload'], ParentType, ContextType, RequireFields<Mutationcreate_membership_invitationArgs, 'input'>>;
  create_service_account?: Resolver<ResolversTypes['id_payload'], ParentType, ContextType, RequireFields<Mutationcreate_service_accountArgs, 'input'>>;
  create_tenant?: Resolver<ResolversTypes['create_tenant_payload'], ParentType, ContextType, RequireFields<Mutationcreate_tenantArgs, 'input'>>;
  delete_api_key?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<Mutationdelete_api_keyArgs, 'input'>>;
  delete_membership?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<Mutationdelete_membershipArgs, 'input'>>;
  delete_membership_invitation?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<Mutationdelete_membership_invitationArgs, 'input'>>;
  delete_service_account?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<Mutationdelete_service_accountArgs, 'input'>>;
  log_in?: Resolver<ResolversTypes['log_in_payload'], ParentType, ContextType, RequireFields<Mutationlog_inArgs, 'input'>>;
  log_out?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType>;
  set_membership_role?: Resolver<ResolversTypes['id_payload'], ParentType, ContextType, RequireFields<Mutationset_membership_roleArgs, 'input'>>;
};

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  audit_event?: Resolver<Array<ResolversTypes['audit_event']>, ParentType, ContextType, Partial<Queryaudit_eventArgs>>;
  audit_event_aggregate?: Resolver<ResolversTypes['aggregate_result'], ParentType, ContextType, Partial<Queryaudit_event_aggregateArgs>>;
  auth_api_key?: Resolver<Array<ResolversTypes['auth_api_key']>, ParentType, ContextType, Partial<Queryauth_api_keyArgs>>;
  auth_api_key_aggregate?: Resolver<ResolversTypes['aggregate_result'], ParentType, ContextType, Partial<Queryauth_api_key_aggregateArgs>>;
  auth_api_key_by_pk?: Resolver<Maybe<ResolversTypes['auth_api_key']>, ParentType, ContextType, RequireFields<Queryauth_api_key_by_pkArgs, 'id'>>;
  auth_info?: Resolver<ResolversTypes['auth_info'], ParentType, ContextType>;
  invitation_preview?: Resolver<Maybe<ResolversTypes['invitation_preview']>, ParentType, ContextType, RequireFields<Queryinvitation_previewArgs, 'token'>>;
  membership_invitation?: Resolver<Array<ResolversTypes['membership_invitation']>, ParentType, ContextType, Partial<Querymembership_invitationArgs>>;
  setup_required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  tenant?: Resolver<Array<ResolversTypes['tenant']>, ParentType, ContextType, Partial<QuerytenantArgs>>;
  tenant_aggregate?: Resolver<ResolversTypes['aggregate_result'], ParentType, ContextType, Partial<Querytenant_aggregateArgs>>;
  user?: Resolver<Array<ResolversTypes['user']>, ParentType, ContextType>;
  user_view_same_tenant?: Resolver<Array<ResolversTypes['user_view_same_tenant']>, ParentType, ContextType, Partial<Queryuser_view_same_tenantArgs>>;
  user_view_same_tenant_aggregate?: Resolver<ResolversTypes['aggregate_result'], ParentType, ContextType, Partial<Queryuser_view_same_tenant_aggregateArgs>>;
  user_view_same_tenant_by_pk?: Resolver<Maybe<ResolversTypes['user_view_same_tenant']>, ParentType, ContextType, RequireFields<Queryuser_view_same_tenant_by_pkArgs, 'id'>>;
};

export interface UUIDScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['UUID'], any> {
  name: 'UUID';
}

export type accept_membership_invitation_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['accept_membership_invitation_payload'] = ResolversParentTypes['accept_membership_invitation_payload']> = {
  success?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  tenant_id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  tenant_slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type aggregate_countResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['aggregate_count'] = ResolversParentTypes['aggregate_count']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type aggregate_resultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['aggregate_result'] = ResolversParentTypes['aggregate_result']> = {
  aggregate?: Resolver<ResolversTypes['aggregate_count'], ParentType, ContextType>;
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
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  source_address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target_id?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target_name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target_type?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tenant_id?: Resolver<Maybe<ResolversTypes['uuid']>, ParentType, ContextType>;
};

export type auth_api_keyResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['auth_api_key'] = ResolversParentTypes['auth_api_key']> = {
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  created_by?: Resolver<Maybe<ResolversTypes['api_key_user']>, ParentType, ContextType>;
  default_tenant_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  expires_at?: Resolver<Maybe<ResolversTypes['timestamptz']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  key_hint?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  last_used_at?: Resolver<Maybe<ResolversTypes['timestamptz']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tenant?: Resolver<ResolversTypes['tenant'], ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['api_key_user'], ParentType, ContextType>;
  user_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
};

export type auth_infoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['auth_info'] = ResolversParentTypes['auth_info']> = {
  api_key_id?: Resolver<Maybe<ResolversTypes['uuid']>, ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tenant?: Resolver<Maybe<ResolversTypes['tenant']>, ParentType, ContextType>;
  tenant_id?: Resolver<Maybe<ResolversTypes['uuid']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['api_key_user'], ParentType, ContextType>;
  user_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
};

export type bootstrap_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['bootstrap_payload'] = ResolversParentTypes['bootstrap_payload']> = {
  tenant_id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  tenant_slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user_id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
};

export type create_api_key_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['create_api_key_payload'] = ResolversParentTypes['create_api_key_payload']> = {
  id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type create_membership_invitation_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['create_membership_invitation_payload'] = ResolversParentTypes['create_membership_invitation_payload']> = {
  id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type create_tenant_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['create_tenant_payload'] = ResolversParentTypes['create_tenant_payload']> = {
  id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export type log_in_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['log_in_payload'] = ResolversParentTypes['log_in_payload']> = {
  expires_at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user_id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
};

export type membershipResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['membership'] = ResolversParentTypes['membership']> = {
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role_detail?: Resolver<ResolversTypes['role_detail'], ParentType, ContextType>;
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
  tenant_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
};

export type role_detailResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['role_detail'] = ResolversParentTypes['role_detail']> = {
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type success_payloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['success_payload'] = ResolversParentTypes['success_payload']> = {
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  success?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type tenantResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['tenant'] = ResolversParentTypes['tenant']> = {
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export type Resolvers<ContextType = RequestContext> = {
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  UUID?: GraphQLScalarType;
  accept_membership_invitation_payload?: accept_membership_invitation_payloadResolvers<ContextType>;
  aggregate_count?: aggregate_countResolvers<ContextType>;
  aggregate_result?: aggregate_resultResolvers<ContextType>;
  api_key_user?: api_key_userResolvers<ContextType>;
  audit_event?: audit_eventResolvers<ContextType>;
  auth_api_key?: auth_api_keyResolvers<ContextType>;
  auth_info?: auth_infoResolvers<ContextType>;
  bootstrap_payload?: bootstrap_payloadResolvers<ContextType>;
  create_api_key_payload?: create_api_key_payloadResolvers<ContextType>;
  create_membership_invitation_payload?: create_membership_invitation_payloadResolvers<ContextType>;
  create_tenant_payload?: create_tenant_payloadResolvers<ContextType>;
  id_payload?: id_payloadResolvers<ContextType>;
  invitation_preview?: invitation_previewResolvers<ContextType>;
  log_in_payload?: log_in_payloadResolvers<ContextType>;
  membership?: membershipResolvers<ContextType>;
  membership_invitation?: membership_invitationResolvers<ContextType>;
  role_detail?: role_detailResolvers<ContextType>;
  success_payload?: success_payloadResolvers<ContextType>;
  tenant?: tenantResolvers<ContextType>;
  timestamptz?: GraphQLScalarType;
  user?: userResolvers<ContextType>;
  user_view_same_tenant?: user_view_same_tenantResolvers<ContextType>;
  uuid?: GraphQLScalarType;
};

