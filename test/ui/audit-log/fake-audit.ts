/**
 * A small fake of the audit log API for component tests: it filters by action, actor
 * and time, pages newest first and counts, like the server, so tests assert what the
 * administrator sees rather than which calls were made.
 */
import { delay, graphql, HttpResponse, type RequestHandler } from 'msw';
import { graphqlError } from '../render';

export interface FakeActor {
  id: string;
  username: string;
  account_type: 'NORMAL' | 'SERVICE';
}

export interface FakeEvent {
  id: string;
  action: string;
  actor: FakeActor | null;
  actor_id: string | null;
  target_type: string | null;
  target_id: string | null;
  target_name: string | null;
  source_address: string | null;
  created: string;
  cause: string | null;
  detail: string | null;
  user_agent: string | null;
}

export interface AuditRequest {
  where: Record<string, unknown>;
  limit: number;
  offset: number;
  tenant: string | null;
}

export const ada: FakeActor = { id: '99999999-9999-4999-8999-999999999999', username: 'alice', account_type: 'NORMAL' };
export const bob: FakeActor = { id: 'b0b00000-0000-4000-8000-000000000001', username: 'bob', account_type: 'NORMAL' };
export const deployer: FakeActor = { id: '5e5e5e5e-0000-4000-8000-000000000001', username: 'ci-deployer', account_type: 'SERVICE' };
/** A member who was removed, and a service account that was deleted: still actors of the log. */
export const joy: FakeActor = { id: '10710000-0000-4000-8000-000000000001', username: 'joy', account_type: 'NORMAL' };
export const oldRunner: FakeActor = { id: '5e5e5e5e-0000-4000-8000-000000000002', username: 'old-runner', account_type: 'SERVICE' };
/** An id the log names that no account has any more (the API answers its username null). */
export const vanishedId = 'dead0000-0000-4000-8000-000000000001';

/** What audit_event_actor answers: every actor of the log, members now or not, in the server's order (username ascending). */
export const ACTORS = [
  { ...ada, is_member: true },
  { ...bob, is_member: true },
  { ...deployer, is_member: true },
  { ...joy, is_member: false },
  { ...oldRunner, is_member: false },
  { id: vanishedId, username: null, account_type: null, is_member: false },
];

let sequence = 0;

export function makeEvent(
  action: string,
  actor: FakeActor | null,
  targetName: string | null,
  created: Date | string,
  extra: Partial<FakeEvent> = {},
): FakeEvent {
  sequence += 1;
  const targetType = action.startsWith('auth.') ? 'user' : (action.split('.')[0] ?? null);
  return {
    id: `e0000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    action,
    actor,
    actor_id: actor?.id ?? null,
    target_type: targetType,
    target_id: `t-${sequence}`,
    target_name: targetName,
    source_address: '203.0.113.7',
    created: typeof created === 'string' ? created : created.toISOString(),
    cause: null,
    detail: null,
    user_agent: null,
    ...extra,
  };
}

interface Comparison {
  _eq?: string;
  _in?: string[];
  _gte?: string;
  _lte?: string;
}

type Where = {
  _and?: Where[];
  action?: Comparison;
  actor_id?: Comparison;
  created?: Comparison;
};

function matches(event: FakeEvent, where: Where): boolean {
  const unknown = Object.keys(where).filter((k) => !['_and', 'action', 'actor_id', 'created'].includes(k));
  if (unknown.length > 0) throw new Error(`fake audit log: unsupported where ${unknown.join(', ')}`);
  if (where._and && !where._and.every((w) => matches(event, w))) return false;
  if (where.action?._eq !== undefined && event.action !== where.action._eq) return false;
  if (where.action?._in && !where.action._in.includes(event.action)) return false;
  if (where.actor_id?._eq !== undefined && event.actor_id !== where.actor_id._eq) return false;
  const time = Date.parse(event.created);
  if (where.created?._gte && time < Date.parse(where.created._gte)) return false;
  if (where.created?._lte && time > Date.parse(where.created._lte)) return false;
  return true;
}

/** One page of the events that match, newest first, with their total, as the API answers. */
function answer(events: FakeEvent[], where: Where, limit: number, offset: number) {
  const matching = events.filter((e) => matches(e, where)).sort((a, b) => b.created.localeCompare(a.created) || a.id.localeCompare(b.id));
  return {
    audit_event: matching.slice(offset, offset + limit).map((e) => ({
      __typename: 'audit_event',
      ...e,
      actor: e.actor ? { __typename: 'api_key_user', ...e.actor } : null,
    })),
    audit_event_aggregate: { __typename: 'aggregate_result', aggregate: { __typename: 'aggregate_count', count: matching.length } },
  };
}

/** How long the export's later pages take, so a test can see its progress. */
let exportPageDelay = 0;
export function slowExportPages(ms: number): void {
  exportPageDelay = ms;
}

/** Handlers for the page's two queries over `events` (read at request time, so tests may change it). */
export function auditHandlers(events: () => FakeEvent[], requests: AuditRequest[] = []): RequestHandler[] {
  return [
    graphql.query('AuditLogPage', ({ variables, request }) => {
      const { where, limit, offset } = variables as { where: Where; limit: number; offset: number };
      requests.push({ where, limit, offset, tenant: request.headers.get('x-tenant-id') });
      if (limit > 100) return graphqlError('BAD_USER_INPUT', 'limit may be at most 100.', 'limit');
      return HttpResponse.json({ data: answer(events(), where, limit, offset) });
    }),
    graphql.query('AuditLogExport', async ({ variables, request }) => {
      const { where, limit, offset } = variables as { where: Where; limit: number; offset: number };
      requests.push({ where, limit, offset, tenant: request.headers.get('x-tenant-id') });
      if (limit > 1000) return graphqlError('BAD_USER_INPUT', 'limit may be at most 1000.', 'limit');
      if (offset > 0) await delay(exportPageDelay);
      return HttpResponse.json({ data: answer(events(), where, limit, offset) });
    }),
    graphql.query('AuditLogActors', () =>
      HttpResponse.json({
        data: { audit_event_actor: ACTORS.map((a) => ({ __typename: 'audit_event_actor', ...a })) },
      }),
    ),
  ];
}
