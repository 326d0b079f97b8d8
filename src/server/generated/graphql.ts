import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { RequestContext } from '../context.js';
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
  accept_membership_invitation: Accept_Membership_Invitation_Payload;
  bootstrap: Bootstrap_Payload;
  create_api_key: Create_Api_Key_Payload;
  create_membership_invitation: Create_Membership_Invitation_Payload;
  create_service_account: Id_Payload;
  create_tenant: Create_Tenant_Payload;
  delete_api_key: Success_Payload;
  delete_membership: Success_Payload;
  delete_membership_invitation: Success_Payload;
  delete_service_account: Success_Payload;
  log_in: Log_In_Payload;
  log_out: Success_Payload;
  set_membership_role: Id_Payload;
};


export type MutationAccept_Membership_InvitationArgs = {
  input: Accept_Membership_Invitation_Input;
};


export type MutationBootstrapArgs = {
  input: Bootstrap_Input;
};


export type MutationCreate_Api_KeyArgs = {
  input: Create_Api_Key_Input;
};


export type MutationCreate_Membership_InvitationArgs = {
  input: Create_Membership_Invitation_Input;
};


export type MutationCreate_Service_AccountArgs = {
  input: Create_Service_Account_Input;
};


export type MutationCreate_TenantArgs = {
  input: Create_Tenant_Input;
};


export type MutationDelete_Api_KeyArgs = {
  input: Delete_Api_Key_Input;
};


export type MutationDelete_MembershipArgs = {
  input: Delete_Membership_Input;
};


export type MutationDelete_Membership_InvitationArgs = {
  input: Delete_Membership_Invitation_Input;
};


export type MutationDelete_Service_AccountArgs = {
  input: Delete_Service_Account_Input;
};


export type MutationLog_InArgs = {
  input: Log_In_Input;
};


export type MutationSet_Membership_RoleArgs = {
  input: Set_Membership_Role_Input;
};

export type Query = {
  __typename?: 'Query';
  /** Keyplane: the current tenant's audit log (administrators). */
  audit_event: Array<Audit_Event>;
  audit_event_aggregate: Aggregate_Result;
  /** The caller's own keys (every tenant), and for administrators every service-account key of the current tenant. */
  auth_api_key: Array<Auth_Api_Key>;
  auth_api_key_aggregate: Aggregate_Result;
  /** Who is calling, in which tenant, with what role. */
  auth_info: Auth_Info;
  /** Keyplane: what an invitation link is for; public. */
  invitation_preview?: Maybe<Invitation_Preview>;
  /** Keyplane: pending invitations of the current tenant (administrators). */
  membership_invitation: Array<Membership_Invitation>;
  /** Keyplane: true while no user exists and the first-run setup is open; public. */
  setup_required: Scalars['Boolean']['output'];
  /** Tenants the caller belongs to. */
  tenant: Array<Tenant>;
  tenant_aggregate: Aggregate_Result;
  /** The caller alone, Hasura style. */
  user: Array<User>;
  user_view_same_tenant: Array<User_View_Same_Tenant>;
  user_view_same_tenant_aggregate: Aggregate_Result;
};


export type QueryAudit_EventArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Audit_Event_Order_By>>;
  where?: InputMaybe<Audit_Event_Bool_Exp>;
};


export type QueryAudit_Event_AggregateArgs = {
  where?: InputMaybe<Audit_Event_Bool_Exp>;
};


export type QueryAuth_Api_KeyArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Auth_Api_Key_Order_By>>;
  where?: InputMaybe<Auth_Api_Key_Bool_Exp>;
};


export type QueryAuth_Api_Key_AggregateArgs = {
  where?: InputMaybe<Auth_Api_Key_Bool_Exp>;
};


export type QueryInvitation_PreviewArgs = {
  token: Scalars['String']['input'];
};


export type QueryMembership_InvitationArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTenantArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Tenant_Order_By>>;
  where?: InputMaybe<Tenant_Bool_Exp>;
};


export type QueryTenant_AggregateArgs = {
  where?: InputMaybe<Tenant_Bool_Exp>;
};


export type QueryUser_View_Same_TenantArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<User_View_Same_Tenant_Order_By>>;
  where?: InputMaybe<User_View_Same_Tenant_Bool_Exp>;
};


export type QueryUser_View_Same_Tenant_AggregateArgs = {
  where?: InputMaybe<User_View_Same_Tenant_Bool_Exp>;
};

export type String_Comparison_Exp = {
  _eq?: InputMaybe<Scalars['String']['input']>;
  _gt?: InputMaybe<Scalars['String']['input']>;
  _gte?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive match; % and _ are wildcards. */
  _ilike?: InputMaybe<Scalars['String']['input']>;
  _in?: InputMaybe<Array<Scalars['String']['input']>>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  _lt?: InputMaybe<Scalars['String']['input']>;
  _lte?: InputMaybe<Scalars['String']['input']>;
  _neq?: InputMaybe<Scalars['String']['input']>;
  _nin?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type Accept_Membership_Invitation_Input = {
  password?: InputMaybe<Scalars['String']['input']>;
  token: Scalars['String']['input'];
  /** For a new account; omit both when signed in to join with the current account. */
  username?: InputMaybe<Scalars['String']['input']>;
};

export type Accept_Membership_Invitation_Payload = {
  __typename?: 'accept_membership_invitation_payload';
  success: Scalars['Boolean']['output'];
  tenant_id: Scalars['UUID']['output'];
  tenant_slug: Scalars['String']['output'];
};

export type Aggregate_Count = {
  __typename?: 'aggregate_count';
  count: Scalars['Int']['output'];
};

export type Aggregate_Result = {
  __typename?: 'aggregate_result';
  aggregate: Aggregate_Count;
};

/** The owner of an API key, as a key listing shows it. */
export type Api_Key_User = {
  __typename?: 'api_key_user';
  account_type: Scalars['String']['output'];
  id: Scalars['uuid']['output'];
  username: Scalars['String']['output'];
};

export type Api_Key_User_Bool_Exp = {
  account_type?: InputMaybe<String_Comparison_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  username?: InputMaybe<String_Comparison_Exp>;
};

export type Api_Key_User_Order_By = {
  account_type?: InputMaybe<Order_By>;
  username?: InputMaybe<Order_By>;
};

/** Keyplane: one recorded action. Never contains a key. */
export type Audit_Event = {
  __typename?: 'audit_event';
  /** e.g. api_key.create, api_key.revoke, service_account.create, membership.role_change, auth.log_in_failed */
  action: Scalars['String']['output'];
  actor?: Maybe<Api_Key_User>;
  actor_id?: Maybe<Scalars['uuid']['output']>;
  created: Scalars['timestamptz']['output'];
  id: Scalars['uuid']['output'];
  source_address?: Maybe<Scalars['String']['output']>;
  target_id?: Maybe<Scalars['String']['output']>;
  target_name?: Maybe<Scalars['String']['output']>;
  target_type?: Maybe<Scalars['String']['output']>;
  tenant_id?: Maybe<Scalars['uuid']['output']>;
};

export type Audit_Event_Bool_Exp = {
  _and?: InputMaybe<Array<Audit_Event_Bool_Exp>>;
  _not?: InputMaybe<Audit_Event_Bool_Exp>;
  _or?: InputMaybe<Array<Audit_Event_Bool_Exp>>;
  action?: InputMaybe<String_Comparison_Exp>;
  actor_id?: InputMaybe<Uuid_Comparison_Exp>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  target_id?: InputMaybe<String_Comparison_Exp>;
  target_type?: InputMaybe<String_Comparison_Exp>;
};

export type Audit_Event_Order_By = {
  action?: InputMaybe<Order_By>;
  created?: InputMaybe<Order_By>;
};

/** API key metadata. The key itself is returned once, by create_api_key, and never again. */
export type Auth_Api_Key = {
  __typename?: 'auth_api_key';
  created: Scalars['timestamptz']['output'];
  created_by?: Maybe<Api_Key_User>;
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
  tenant: Tenant;
  updated: Scalars['timestamptz']['output'];
  user: Api_Key_User;
  /** The owner: a person or a service account. */
  user_id: Scalars['uuid']['output'];
};

export type Auth_Api_Key_Bool_Exp = {
  _and?: InputMaybe<Array<Auth_Api_Key_Bool_Exp>>;
  _not?: InputMaybe<Auth_Api_Key_Bool_Exp>;
  _or?: InputMaybe<Array<Auth_Api_Key_Bool_Exp>>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  default_tenant_id?: InputMaybe<Uuid_Comparison_Exp>;
  expires_at?: InputMaybe<Timestamptz_Comparison_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  last_used_at?: InputMaybe<Timestamptz_Comparison_Exp>;
  name?: InputMaybe<String_Comparison_Exp>;
  tenant?: InputMaybe<Tenant_Bool_Exp>;
  updated?: InputMaybe<Timestamptz_Comparison_Exp>;
  user?: InputMaybe<Api_Key_User_Bool_Exp>;
  user_id?: InputMaybe<Uuid_Comparison_Exp>;
};

export type Auth_Api_Key_Order_By = {
  created?: InputMaybe<Order_By>;
  expires_at?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  last_used_at?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  tenant?: InputMaybe<Tenant_Order_By>;
  updated?: InputMaybe<Order_By>;
  user?: InputMaybe<Api_Key_User_Order_By>;
};

export type Auth_Info = {
  __typename?: 'auth_info';
  /** The key that authenticated this request; null for a browser session. */
  api_key_id?: Maybe<Scalars['uuid']['output']>;
  permissions: Array<Scalars['String']['output']>;
  /** The caller's role in tenant_id. */
  role?: Maybe<Scalars['String']['output']>;
  tenant?: Maybe<Tenant>;
  tenant_id?: Maybe<Scalars['uuid']['output']>;
  /** Keyplane: the caller and tenant in full. */
  user: Api_Key_User;
  user_id: Scalars['uuid']['output'];
};

export type Bootstrap_Input = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  tenant_name: Scalars['String']['input'];
  username: Scalars['String']['input'];
};

export type Bootstrap_Payload = {
  __typename?: 'bootstrap_payload';
  tenant_id: Scalars['UUID']['output'];
  tenant_slug: Scalars['String']['output'];
  user_id: Scalars['UUID']['output'];
};

export type Create_Api_Key_Input = {
  /** A tenant you belong to; defaults to the current tenant. Ignored for service accounts. */
  default_tenant_id?: InputMaybe<Scalars['UUID']['input']>;
  /** null: never expires. */
  expires_at?: InputMaybe<Scalars['DateTime']['input']>;
  name: Scalars['String']['input'];
  /** Yourself, or (administrators) a service account of the current tenant. */
  user_id: Scalars['UUID']['input'];
};

export type Create_Api_Key_Payload = {
  __typename?: 'create_api_key_payload';
  id: Scalars['UUID']['output'];
  /** The key, shown this once. */
  key: Scalars['String']['output'];
  /** The same value as key (older clients' spelling). */
  token: Scalars['String']['output'];
};

export type Create_Membership_Invitation_Input = {
  email: Scalars['String']['input'];
  role: Scalars['String']['input'];
  tenant_id: Scalars['UUID']['input'];
};

export type Create_Membership_Invitation_Payload = {
  __typename?: 'create_membership_invitation_payload';
  id: Scalars['UUID']['output'];
  /** The invitation token, shown this once: the link is /invite/<token>. */
  token: Scalars['String']['output'];
};

export type Create_Service_Account_Input = {
  name: Scalars['String']['input'];
  /** TENANT_ADMIN (default), USER or READ_ONLY_USER. */
  role?: InputMaybe<Scalars['String']['input']>;
  tenant_id: Scalars['UUID']['input'];
};

export type Create_Tenant_Input = {
  name: Scalars['String']['input'];
  slug?: InputMaybe<Scalars['String']['input']>;
};

export type Create_Tenant_Payload = {
  __typename?: 'create_tenant_payload';
  id: Scalars['UUID']['output'];
  slug: Scalars['String']['output'];
};

export type Delete_Api_Key_Input = {
  key_id: Scalars['UUID']['input'];
};

export type Delete_Membership_Input = {
  membership_id: Scalars['UUID']['input'];
};

export type Delete_Membership_Invitation_Input = {
  invitation_id: Scalars['UUID']['input'];
};

export type Delete_Service_Account_Input = {
  user_id: Scalars['UUID']['input'];
};

export type Id_Payload = {
  __typename?: 'id_payload';
  id: Scalars['UUID']['output'];
};

/** Keyplane: what the accept-invitation page shows about an invitation token (public). */
export type Invitation_Preview = {
  __typename?: 'invitation_preview';
  /** Whether an account with the invited email already exists (then: sign in to join). */
  account_exists: Scalars['Boolean']['output'];
  email: Scalars['String']['output'];
  role: Scalars['String']['output'];
  role_detail: Role_Detail;
  /** VALID, EXPIRED, USED or REVOKED. */
  status: Scalars['String']['output'];
  tenant_name: Scalars['String']['output'];
};

export type Log_In_Input = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type Log_In_Payload = {
  __typename?: 'log_in_payload';
  expires_at: Scalars['DateTime']['output'];
  user_id: Scalars['UUID']['output'];
};

export type Membership = {
  __typename?: 'membership';
  /** Keyplane: when the membership began (shown as Joined). */
  created: Scalars['timestamptz']['output'];
  id: Scalars['uuid']['output'];
  role: Scalars['String']['output'];
  role_detail: Role_Detail;
  tenant: Tenant;
  tenant_id: Scalars['uuid']['output'];
  user_id: Scalars['uuid']['output'];
};

/** Keyplane: a pending invitation to join a tenant. */
export type Membership_Invitation = {
  __typename?: 'membership_invitation';
  created: Scalars['timestamptz']['output'];
  email: Scalars['String']['output'];
  expires_at: Scalars['timestamptz']['output'];
  id: Scalars['uuid']['output'];
  invited_by?: Maybe<Api_Key_User>;
  role: Scalars['String']['output'];
  role_detail: Role_Detail;
  tenant_id: Scalars['uuid']['output'];
};

export type Order_By =
  | 'asc'
  | 'asc_nulls_first'
  | 'asc_nulls_last'
  | 'desc'
  | 'desc_nulls_first'
  | 'desc_nulls_last';

/** TENANT_ADMIN (shown Administrator), USER, READ_ONLY_USER (shown Read-only). */
export type Role_Detail = {
  __typename?: 'role_detail';
  id: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type Set_Membership_Role_Input = {
  membership_id: Scalars['UUID']['input'];
  role: Scalars['String']['input'];
};

export type Success_Payload = {
  __typename?: 'success_payload';
  error?: Maybe<Scalars['String']['output']>;
  success: Scalars['Boolean']['output'];
};

export type Tenant = {
  __typename?: 'tenant';
  created: Scalars['timestamptz']['output'];
  id: Scalars['uuid']['output'];
  name: Scalars['String']['output'];
  slug: Scalars['String']['output'];
};

export type Tenant_Bool_Exp = {
  _and?: InputMaybe<Array<Tenant_Bool_Exp>>;
  _not?: InputMaybe<Tenant_Bool_Exp>;
  _or?: InputMaybe<Array<Tenant_Bool_Exp>>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  name?: InputMaybe<String_Comparison_Exp>;
  slug?: InputMaybe<String_Comparison_Exp>;
};

export type Tenant_Order_By = {
  created?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  slug?: InputMaybe<Order_By>;
};

export type Timestamptz_Comparison_Exp = {
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
export type User = {
  __typename?: 'user';
  /** NORMAL for people, SERVICE for service accounts. */
  account_type: Scalars['String']['output'];
  created: Scalars['timestamptz']['output'];
  default_membership_id?: Maybe<Scalars['uuid']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  first_name?: Maybe<Scalars['String']['output']>;
  id: Scalars['uuid']['output'];
  last_name?: Maybe<Scalars['String']['output']>;
  memberships: Array<Membership>;
  username: Scalars['String']['output'];
};

/** A member (person or service account) of the caller's current tenant. */
export type User_View_Same_Tenant = {
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
  memberships: Array<Membership>;
  username: Scalars['String']['output'];
};

export type User_View_Same_Tenant_Bool_Exp = {
  _and?: InputMaybe<Array<User_View_Same_Tenant_Bool_Exp>>;
  _not?: InputMaybe<User_View_Same_Tenant_Bool_Exp>;
  _or?: InputMaybe<Array<User_View_Same_Tenant_Bool_Exp>>;
  account_type?: InputMaybe<String_Comparison_Exp>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  email?: InputMaybe<String_Comparison_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  username?: InputMaybe<String_Comparison_Exp>;
};

export type User_View_Same_Tenant_Order_By = {
  account_type?: InputMaybe<Order_By>;
  created?: InputMaybe<Order_By>;
  email?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  username?: InputMaybe<Order_By>;
};

export type Uuid_Comparison_Exp = {
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
  String_comparison_exp: String_Comparison_Exp;
  UUID: ResolverTypeWrapper<Scalars['UUID']['output']>;
  accept_membership_invitation_input: Accept_Membership_Invitation_Input;
  accept_membership_invitation_payload: ResolverTypeWrapper<Accept_Membership_Invitation_Payload>;
  aggregate_count: ResolverTypeWrapper<Aggregate_Count>;
  aggregate_result: ResolverTypeWrapper<Aggregate_Result>;
  api_key_user: ResolverTypeWrapper<Api_Key_User>;
  api_key_user_bool_exp: Api_Key_User_Bool_Exp;
  api_key_user_order_by: Api_Key_User_Order_By;
  audit_event: ResolverTypeWrapper<Audit_Event>;
  audit_event_bool_exp: Audit_Event_Bool_Exp;
  audit_event_order_by: Audit_Event_Order_By;
  auth_api_key: ResolverTypeWrapper<Auth_Api_Key>;
  auth_api_key_bool_exp: Auth_Api_Key_Bool_Exp;
  auth_api_key_order_by: Auth_Api_Key_Order_By;
  auth_info: ResolverTypeWrapper<Auth_Info>;
  bootstrap_input: Bootstrap_Input;
  bootstrap_payload: ResolverTypeWrapper<Bootstrap_Payload>;
  create_api_key_input: Create_Api_Key_Input;
  create_api_key_payload: ResolverTypeWrapper<Create_Api_Key_Payload>;
  create_membership_invitation_input: Create_Membership_Invitation_Input;
  create_membership_invitation_payload: ResolverTypeWrapper<Create_Membership_Invitation_Payload>;
  create_service_account_input: Create_Service_Account_Input;
  create_tenant_input: Create_Tenant_Input;
  create_tenant_payload: ResolverTypeWrapper<Create_Tenant_Payload>;
  delete_api_key_input: Delete_Api_Key_Input;
  delete_membership_input: Delete_Membership_Input;
  delete_membership_invitation_input: Delete_Membership_Invitation_Input;
  delete_service_account_input: Delete_Service_Account_Input;
  id_payload: ResolverTypeWrapper<Id_Payload>;
  invitation_preview: ResolverTypeWrapper<Invitation_Preview>;
  log_in_input: Log_In_Input;
  log_in_payload: ResolverTypeWrapper<Log_In_Payload>;
  membership: ResolverTypeWrapper<Membership>;
  membership_invitation: ResolverTypeWrapper<Membership_Invitation>;
  order_by: Order_By;
  role_detail: ResolverTypeWrapper<Role_Detail>;
  set_membership_role_input: Set_Membership_Role_Input;
  success_payload: ResolverTypeWrapper<Success_Payload>;
  tenant: ResolverTypeWrapper<Tenant>;
  tenant_bool_exp: Tenant_Bool_Exp;
  tenant_order_by: Tenant_Order_By;
  timestamptz: ResolverTypeWrapper<Scalars['timestamptz']['output']>;
  timestamptz_comparison_exp: Timestamptz_Comparison_Exp;
  user: ResolverTypeWrapper<User>;
  user_view_same_tenant: ResolverTypeWrapper<User_View_Same_Tenant>;
  user_view_same_tenant_bool_exp: User_View_Same_Tenant_Bool_Exp;
  user_view_same_tenant_order_by: User_View_Same_Tenant_Order_By;
  uuid: ResolverTypeWrapper<Scalars['uuid']['output']>;
  uuid_comparison_exp: Uuid_Comparison_Exp;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  Int: Scalars['Int']['output'];
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  String_comparison_exp: String_Comparison_Exp;
  UUID: Scalars['UUID']['output'];
  accept_membership_invitation_input: Accept_Membership_Invitation_Input;
  accept_membership_invitation_payload: Accept_Membership_Invitation_Payload;
  aggregate_count: Aggregate_Count;
  aggregate_result: Aggregate_Result;
  api_key_user: Api_Key_User;
  api_key_user_bool_exp: Api_Key_User_Bool_Exp;
  api_key_user_order_by: Api_Key_User_Order_By;
  audit_event: Audit_Event;
  audit_event_bool_exp: Audit_Event_Bool_Exp;
  audit_event_order_by: Audit_Event_Order_By;
  auth_api_key: Auth_Api_Key;
  auth_api_key_bool_exp: Auth_Api_Key_Bool_Exp;
  auth_api_key_order_by: Auth_Api_Key_Order_By;
  auth_info: Auth_Info;
  bootstrap_input: Bootstrap_Input;
  bootstrap_payload: Bootstrap_Payload;
  create_api_key_input: Create_Api_Key_Input;
  create_api_key_payload: Create_Api_Key_Payload;
  create_membership_invitation_input: Create_Membership_Invitation_Input;
  create_membership_invitation_payload: Create_Membership_Invitation_Payload;
  create_service_account_input: Create_Service_Account_Input;
  create_tenant_input: Create_Tenant_Input;
  create_tenant_payload: Create_Tenant_Payload;
  delete_api_key_input: Delete_Api_Key_Input;
  delete_membership_input: Delete_Membership_Input;
  delete_membership_invitation_input: Delete_Membership_Invitation_Input;
  delete_service_account_input: Delete_Service_Account_Input;
  id_payload: Id_Payload;
  invitation_preview: Invitation_Preview;
  log_in_input: Log_In_Input;
  log_in_payload: Log_In_Payload;
  membership: Membership;
  membership_invitation: Membership_Invitation;
  role_detail: Role_Detail;
  set_membership_role_input: Set_Membership_Role_Input;
  success_payload: Success_Payload;
  tenant: Tenant;
  tenant_bool_exp: Tenant_Bool_Exp;
  tenant_order_by: Tenant_Order_By;
  timestamptz: Scalars['timestamptz']['output'];
  timestamptz_comparison_exp: Timestamptz_Comparison_Exp;
  user: User;
  user_view_same_tenant: User_View_Same_Tenant;
  user_view_same_tenant_bool_exp: User_View_Same_Tenant_Bool_Exp;
  user_view_same_tenant_order_by: User_View_Same_Tenant_Order_By;
  uuid: Scalars['uuid']['output'];
  uuid_comparison_exp: Uuid_Comparison_Exp;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  accept_membership_invitation?: Resolver<ResolversTypes['accept_membership_invitation_payload'], ParentType, ContextType, RequireFields<MutationAccept_Membership_InvitationArgs, 'input'>>;
  bootstrap?: Resolver<ResolversTypes['bootstrap_payload'], ParentType, ContextType, RequireFields<MutationBootstrapArgs, 'input'>>;
  create_api_key?: Resolver<ResolversTypes['create_api_key_payload'], ParentType, ContextType, RequireFields<MutationCreate_Api_KeyArgs, 'input'>>;
  create_membership_invitation?: Resolver<ResolversTypes['create_membership_invitation_payload'], ParentType, ContextType, RequireFields<MutationCreate_Membership_InvitationArgs, 'input'>>;
  create_service_account?: Resolver<ResolversTypes['id_payload'], ParentType, ContextType, RequireFields<MutationCreate_Service_AccountArgs, 'input'>>;
  create_tenant?: Resolver<ResolversTypes['create_tenant_payload'], ParentType, ContextType, RequireFields<MutationCreate_TenantArgs, 'input'>>;
  delete_api_key?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<MutationDelete_Api_KeyArgs, 'input'>>;
  delete_membership?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<MutationDelete_MembershipArgs, 'input'>>;
  delete_membership_invitation?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<MutationDelete_Membership_InvitationArgs, 'input'>>;
  delete_service_account?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType, RequireFields<MutationDelete_Service_AccountArgs, 'input'>>;
  log_in?: Resolver<ResolversTypes['log_in_payload'], ParentType, ContextType, RequireFields<MutationLog_InArgs, 'input'>>;
  log_out?: Resolver<ResolversTypes['success_payload'], ParentType, ContextType>;
  set_membership_role?: Resolver<ResolversTypes['id_payload'], ParentType, ContextType, RequireFields<MutationSet_Membership_RoleArgs, 'input'>>;
};

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  audit_event?: Resolver<Array<ResolversTypes['audit_event']>, ParentType, ContextType, Partial<QueryAudit_EventArgs>>;
  audit_event_aggregate?: Resolver<ResolversTypes['aggregate_result'], ParentType, ContextType, Partial<QueryAudit_Event_AggregateArgs>>;
  auth_api_key?: Resolver<Array<ResolversTypes['auth_api_key']>, ParentType, ContextType, Partial<QueryAuth_Api_KeyArgs>>;
  auth_api_key_aggregate?: Resolver<ResolversTypes['aggregate_result'], ParentType, ContextType, Partial<QueryAuth_Api_Key_AggregateArgs>>;
  auth_info?: Resolver<ResolversTypes['auth_info'], ParentType, ContextType>;
  invitation_preview?: Resolver<Maybe<ResolversTypes['invitation_preview']>, ParentType, ContextType, RequireFields<QueryInvitation_PreviewArgs, 'token'>>;
  membership_invitation?: Resolver<Array<ResolversTypes['membership_invitation']>, ParentType, ContextType, Partial<QueryMembership_InvitationArgs>>;
  setup_required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  tenant?: Resolver<Array<ResolversTypes['tenant']>, ParentType, ContextType, Partial<QueryTenantArgs>>;
  tenant_aggregate?: Resolver<ResolversTypes['aggregate_result'], ParentType, ContextType, Partial<QueryTenant_AggregateArgs>>;
  user?: Resolver<Array<ResolversTypes['user']>, ParentType, ContextType>;
  user_view_same_tenant?: Resolver<Array<ResolversTypes['user_view_same_tenant']>, ParentType, ContextType, Partial<QueryUser_View_Same_TenantArgs>>;
  user_view_same_tenant_aggregate?: Resolver<ResolversTypes['aggregate_result'], ParentType, ContextType, Partial<QueryUser_View_Same_Tenant_AggregateArgs>>;
};

export interface UuidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['UUID'], any> {
  name: 'UUID';
}

export type Accept_Membership_Invitation_PayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['accept_membership_invitation_payload'] = ResolversParentTypes['accept_membership_invitation_payload']> = {
  success?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  tenant_id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  tenant_slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Aggregate_CountResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['aggregate_count'] = ResolversParentTypes['aggregate_count']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type Aggregate_ResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['aggregate_result'] = ResolversParentTypes['aggregate_result']> = {
  aggregate?: Resolver<ResolversTypes['aggregate_count'], ParentType, ContextType>;
};

export type Api_Key_UserResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['api_key_user'] = ResolversParentTypes['api_key_user']> = {
  account_type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Audit_EventResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['audit_event'] = ResolversParentTypes['audit_event']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<Maybe<ResolversTypes['api_key_user']>, ParentType, ContextType>;
  actor_id?: Resolver<Maybe<ResolversTypes['uuid']>, ParentType, ContextType>;
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  source_address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target_id?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target_name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target_type?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tenant_id?: Resolver<Maybe<ResolversTypes['uuid']>, ParentType, ContextType>;
};

export type Auth_Api_KeyResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['auth_api_key'] = ResolversParentTypes['auth_api_key']> = {
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

export type Auth_InfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['auth_info'] = ResolversParentTypes['auth_info']> = {
  api_key_id?: Resolver<Maybe<ResolversTypes['uuid']>, ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tenant?: Resolver<Maybe<ResolversTypes['tenant']>, ParentType, ContextType>;
  tenant_id?: Resolver<Maybe<ResolversTypes['uuid']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['api_key_user'], ParentType, ContextType>;
  user_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
};

export type Bootstrap_PayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['bootstrap_payload'] = ResolversParentTypes['bootstrap_payload']> = {
  tenant_id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  tenant_slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user_id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
};

export type Create_Api_Key_PayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['create_api_key_payload'] = ResolversParentTypes['create_api_key_payload']> = {
  id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Create_Membership_Invitation_PayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['create_membership_invitation_payload'] = ResolversParentTypes['create_membership_invitation_payload']> = {
  id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Create_Tenant_PayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['create_tenant_payload'] = ResolversParentTypes['create_tenant_payload']> = {
  id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Id_PayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['id_payload'] = ResolversParentTypes['id_payload']> = {
  id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
};

export type Invitation_PreviewResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['invitation_preview'] = ResolversParentTypes['invitation_preview']> = {
  account_exists?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role_detail?: Resolver<ResolversTypes['role_detail'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tenant_name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Log_In_PayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['log_in_payload'] = ResolversParentTypes['log_in_payload']> = {
  expires_at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user_id?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
};

export type MembershipResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['membership'] = ResolversParentTypes['membership']> = {
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role_detail?: Resolver<ResolversTypes['role_detail'], ParentType, ContextType>;
  tenant?: Resolver<ResolversTypes['tenant'], ParentType, ContextType>;
  tenant_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  user_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
};

export type Membership_InvitationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['membership_invitation'] = ResolversParentTypes['membership_invitation']> = {
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expires_at?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  invited_by?: Resolver<Maybe<ResolversTypes['api_key_user']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role_detail?: Resolver<ResolversTypes['role_detail'], ParentType, ContextType>;
  tenant_id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
};

export type Role_DetailResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['role_detail'] = ResolversParentTypes['role_detail']> = {
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Success_PayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['success_payload'] = ResolversParentTypes['success_payload']> = {
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  success?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type TenantResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['tenant'] = ResolversParentTypes['tenant']> = {
  created?: Resolver<ResolversTypes['timestamptz'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['uuid'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface TimestamptzScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['timestamptz'], any> {
  name: 'timestamptz';
}

export type UserResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['user'] = ResolversParentTypes['user']> = {
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

export type User_View_Same_TenantResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['user_view_same_tenant'] = ResolversParentTypes['user_view_same_tenant']> = {
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

export interface UuidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['uuid'], any> {
  name: 'uuid';
}

export type Resolvers<ContextType = RequestContext> = {
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  UUID?: GraphQLScalarType;
  accept_membership_invitation_payload?: Accept_Membership_Invitation_PayloadResolvers<ContextType>;
  aggregate_count?: Aggregate_CountResolvers<ContextType>;
  aggregate_result?: Aggregate_ResultResolvers<ContextType>;
  api_key_user?: Api_Key_UserResolvers<ContextType>;
  audit_event?: Audit_EventResolvers<ContextType>;
  auth_api_key?: Auth_Api_KeyResolvers<ContextType>;
  auth_info?: Auth_InfoResolvers<ContextType>;
  bootstrap_payload?: Bootstrap_PayloadResolvers<ContextType>;
  create_api_key_payload?: Create_Api_Key_PayloadResolvers<ContextType>;
  create_membership_invitation_payload?: Create_Membership_Invitation_PayloadResolvers<ContextType>;
  create_tenant_payload?: Create_Tenant_PayloadResolvers<ContextType>;
  id_payload?: Id_PayloadResolvers<ContextType>;
  invitation_preview?: Invitation_PreviewResolvers<ContextType>;
  log_in_payload?: Log_In_PayloadResolvers<ContextType>;
  membership?: MembershipResolvers<ContextType>;
  membership_invitation?: Membership_InvitationResolvers<ContextType>;
  role_detail?: Role_DetailResolvers<ContextType>;
  success_payload?: Success_PayloadResolvers<ContextType>;
  tenant?: TenantResolvers<ContextType>;
  timestamptz?: GraphQLScalarType;
  user?: UserResolvers<ContextType>;
  user_view_same_tenant?: User_View_Same_TenantResolvers<ContextType>;
  uuid?: GraphQLScalarType;
};

