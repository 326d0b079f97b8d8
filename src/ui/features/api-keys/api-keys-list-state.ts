import { addDays } from 'date-fns';
import type { Auth_Api_Key_Bool_Exp, Auth_Api_Key_Order_By } from '../../gql/graphql';
import { EXPIRING_SOON_DAYS } from '../../components/api-keys/key-time';
import { PAGE_SIZE, parsePage, parsePageSize, writePaging } from '../../lib/paging';
import type { KeySortDirection, KeySortField } from '../../components/api-keys/api-keys-table';

/**
 * The list's view (search, sort, filters, page) lives in the URL so a reload or a shared
 * link shows the same rows; the server does the filtering, sorting and paging.
 */
export const SORT_FIELDS: readonly KeySortField[] = ['name', 'tenant', 'created', 'expires_at', 'last_used_at'];
export type SortField = KeySortField;
export type SortDirection = KeySortDirection;

export const STATUS_FILTERS = ['active', 'expiring', 'expired'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const STATUS_LABELS: Record<StatusFilter, string> = {
  active: 'Active',
  expiring: 'Expiring soon',
  expired: 'Expired',
};

export interface ApiKeysListState {
  search: string;
  sort: SortField;
  direction: SortDirection;
  /** A tenant slug, or '' for every tenant. */
  tenant: string;
  status: StatusFilter | '';
  /** Zero-based; the URL shows it one-based. */
  page: number;
  size: number;
}

export const DEFAULT_LIST_STATE: ApiKeysListState = {
  search: '',
  sort: 'created',
  direction: 'desc',
  tenant: '',
  status: '',
  page: 0,
  size: PAGE_SIZE,
};

/** Which way a column sorts first: names A→Z, dates newest first. */
export function firstDirection(field: SortField): SortDirection {
  return field === 'name' || field === 'tenant' ? 'asc' : 'desc';
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

export function parseListState(params: URLSearchParams): ApiKeysListState {
  const sort = oneOf(params.get('sort'), SORT_FIELDS) ?? DEFAULT_LIST_STATE.sort;
  const direction = oneOf(params.get('dir'), ['asc', 'desc'] as const) ?? (params.has('sort') ? firstDirection(sort) : DEFAULT_LIST_STATE.direction);
  return {
    search: params.get('q') ?? '',
    sort,
    direction,
    tenant: params.get('tenant') ?? '',
    status: oneOf(params.get('status'), STATUS_FILTERS) ?? '',
    page: parsePage(params.get('page')),
    size: parsePageSize(params.get('size')),
  };
}

/** The URL form of a state; defaults are left out so plain links stay plain. */
export function listStateToParams(state: ApiKeysListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search) params.set('q', state.search);
  if (state.sort !== DEFAULT_LIST_STATE.sort || state.direction !== DEFAULT_LIST_STATE.direction) {
    params.set('sort', state.sort);
    params.set('dir', state.direction);
  }
  if (state.tenant) params.set('tenant', state.tenant);
  if (state.status) params.set('status', state.status);
  return writePaging(params, state);
}

export function hasFilters(state: ApiKeysListState): boolean {
  return Boolean(state.search.trim() || state.tenant || state.status);
}

/** Whether the where clause depends on the clock (so the page must pass a `now`). */
export function needsNow(state: ApiKeysListState): boolean {
  return state.status !== '';
}

/** The caller's own keys only: administrators also see service-account keys in auth_api_key. */
export function buildWhere(state: ApiKeysListState, userId: string, now: Date): Auth_Api_Key_Bool_Exp {
  const conditions: Auth_Api_Key_Bool_Exp[] = [{ user_id: { _eq: userId } }];
  const search = state.search.trim();
  if (search) {
    // The list shows a key's hint as "kpu_igpm…": a hint copied from it (or from a log) finds the key.
    const hint = search.replace(/[…•]+$/u, '');
    conditions.push({ _or: [{ name: { _ilike: `%${search}%` } }, { key_hint: { _ilike: `%${hint}%` } }] });
  }
  if (state.tenant) conditions.push({ tenant: { slug: { _eq: state.tenant } } });
  const nowIso = now.toISOString();
  if (state.status === 'active') {
    conditions.push({ _or: [{ expires_at: { _is_null: true } }, { expires_at: { _gt: nowIso } }] });
  } else if (state.status === 'expiring') {
    conditions.push({ expires_at: { _gt: nowIso, _lte: addDays(now, EXPIRING_SOON_DAYS).toISOString() } });
  } else if (state.status === 'expired') {
    conditions.push({ expires_at: { _lte: nowIso } });
  }
  return conditions.length === 1 ? conditions[0] : { _and: conditions };
}

/**
 * "Never" sorts as the farthest future for expiry and as the oldest past for last use;
 * the id breaks ties so pages never overlap or skip rows.
 */
export function buildOrderBy(state: ApiKeysListState): Auth_Api_Key_Order_By[] {
  const dir = state.direction;
  let primary: Auth_Api_Key_Order_By;
  switch (state.sort) {
    case 'tenant':
      primary = { tenant: { name: dir } };
      break;
    case 'expires_at':
      primary = { expires_at: dir === 'asc' ? 'asc_nulls_last' : 'desc_nulls_first' };
      break;
    case 'last_used_at':
      primary = { last_used_at: dir === 'asc' ? 'asc_nulls_first' : 'desc_nulls_last' };
      break;
    default:
      primary = { [state.sort]: dir };
  }
  return [primary, { id: 'asc' }];
}
