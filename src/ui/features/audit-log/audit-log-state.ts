import { endOfDay, format, isValid, parse, startOfDay } from 'date-fns';
import type { Audit_Event_Bool_Exp } from '../../gql/graphql';
import { PAGE_SIZE, parsePage, parsePageSize, writePaging } from '../../lib/paging';

/**
 * The log's view (filters and page) lives in the URL, so a reload or a link shared
 * with another administrator shows the same events; the server filters and pages.
 */
export interface AuditLogState {
  /** An action such as `api_key.create`, or '' for every action. */
  action: string;
  /** An account id, or '' for everyone. */
  actor: string;
  /** Days as yyyy-MM-dd in the viewer's time zone, or ''. Both ends are inclusive. */
  from: string;
  to: string;
  /** Zero-based; the URL shows it one-based. */
  page: number;
  size: number;
}

export const DEFAULT_STATE: AuditLogState = { action: '', actor: '', from: '', to: '', page: 0, size: PAGE_SIZE };

const DAY_FORMAT = 'yyyy-MM-dd';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A yyyy-MM-dd day as a local Date, or null when the text is not a real day. */
export function parseDay(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = parse(value, DAY_FORMAT, new Date());
  return isValid(date) ? date : null;
}

export function formatDay(date: Date): string {
  return format(date, DAY_FORMAT);
}

export function parseAuditLogState(params: URLSearchParams): AuditLogState {
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return parseDay(value) ? value : '';
  };
  return {
    action: params.get('action')?.trim() ?? '',
    // The API refuses a malformed id; an edited link should show everything, not an error.
    actor: UUID.test(params.get('actor') ?? '') ? (params.get('actor') as string).toLowerCase() : '',
    from: day('from'),
    to: day('to'),
    page: parsePage(params.get('page')),
    size: parsePageSize(params.get('size')),
  };
}

/** The URL form of a state; empty filters are left out so plain links stay plain. */
export function auditLogStateToParams(state: AuditLogState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.action) params.set('action', state.action);
  if (state.actor) params.set('actor', state.actor);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  return writePaging(params, state);
}

export function hasFilters(state: AuditLogState): boolean {
  return Boolean(state.action || state.actor || state.from || state.to);
}

/** The server-side filter: a day range covers the whole of both days in the viewer's time zone. */
export function buildWhere(state: AuditLogState): Audit_Event_Bool_Exp {
  const conditions: Audit_Event_Bool_Exp[] = [];
  if (state.action) conditions.push({ action: { _eq: state.action } });
  if (state.actor) conditions.push({ actor_id: { _eq: state.actor } });
  const from = parseDay(state.from);
  const to = parseDay(state.to);
  if (from || to) {
    conditions.push({
      created: {
        ...(from ? { _gte: startOfDay(from).toISOString() } : {}),
        ...(to ? { _lte: endOfDay(to).toISOString() } : {}),
      },
    });
  }
  if (conditions.length === 0) return {};
  return conditions.length === 1 ? conditions[0] : { _and: conditions };
}
