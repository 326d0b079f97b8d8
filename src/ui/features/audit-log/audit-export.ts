import type { ApolloClient } from '@apollo/client';
import { graphql } from '../../gql';
import type { Audit_Event_Bool_Exp, AuditLogExportQuery as AuditLogExportAnswer } from '../../gql/graphql';

/**
 * Every field of an event the export writes. None can hold key material: the API records
 * a key's name and id, never the key (test/server's audit tests hold that), and the
 * export adds nothing but the actor's name and kind, which the page shows too. The
 * client's User-Agent (canary uses) and the event's detail (where a leaked key was found,
 * a policy's new values) are the evidence an export is for.
 */
export const AuditLogExportQuery = graphql(`
  query AuditLogExport($where: audit_event_bool_exp!, $limit: Int!, $offset: Int!) {
    audit_event(where: $where, order_by: [{ created: desc }], limit: $limit, offset: $offset) {
      id
      created
      action
      actor_id
      actor {
        id
        username
        account_type
      }
      target_type
      target_id
      target_name
      source_address
      cause
      user_agent
      detail
    }
    audit_event_aggregate(where: $where) {
      aggregate {
        count
      }
    }
  }
`);

export type ExportedEvent = AuditLogExportAnswer['audit_event'][number];
export type ExportFormat = 'csv' | 'jsonl';

/** The most rows the API gives in one answer. */
export const EXPORT_PAGE_SIZE = 1000;

export interface ExportProgress {
  done: number;
  total: number;
}

/**
 * Every event the filter matches up to `asOf`, newest first, a page of `pageSize` at a
 * time. Events recorded while the export runs would shift the pages under it, so the
 * range ends when the export began; id breaks ties of time, so pages never overlap. It
 * stops at the first page that comes back short.
 */
export async function fetchAuditEvents(
  client: ApolloClient,
  filter: Audit_Event_Bool_Exp,
  onProgress: (progress: ExportProgress) => void = () => undefined,
  { pageSize = EXPORT_PAGE_SIZE, asOf = new Date() }: { pageSize?: number; asOf?: Date } = {},
): Promise<ExportedEvent[]> {
  const where: Audit_Event_Bool_Exp = { _and: [filter, { created: { _lte: asOf.toISOString() } }] };
  const events: ExportedEvent[] = [];
  for (;;) {
    // no-cache: thousands of rows read once have no place in the page's cache.
    const { data } = await client.query({
      query: AuditLogExportQuery,
      variables: { where, limit: pageSize, offset: events.length },
      fetchPolicy: 'no-cache',
    });
    if (!data) throw new Error('The audit log did not answer.');
    events.push(...data.audit_event);
    onProgress({ done: events.length, total: Math.max(events.length, data.audit_event_aggregate.aggregate.count) });
    if (data.audit_event.length < pageSize) return events;
  }
}

const CSV_COLUMNS = [
  'time',
  'action',
  'actor_id',
  'actor',
  'actor_type',
  'target_type',
  'target_id',
  'target_name',
  'source_address',
  'cause',
  'user_agent',
  'detail',
  'id',
] as const;

function row(event: ExportedEvent): Record<(typeof CSV_COLUMNS)[number], string | null> {
  return {
    time: event.created,
    action: event.action,
    actor_id: event.actor_id ?? null,
    actor: event.actor?.username ?? null,
    actor_type: event.actor?.account_type ?? null,
    target_type: event.target_type ?? null,
    target_id: event.target_id ?? null,
    target_name: event.target_name ?? null,
    source_address: event.source_address ?? null,
    cause: event.cause ?? null,
    user_agent: event.user_agent ?? null,
    detail: event.detail ?? null,
    id: event.id,
  };
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, or line break, with
 * quotes doubled. Text a spreadsheet would run as a formula (=, +, -, @ first, as a key
 * name may be) gets a leading apostrophe, as OWASP advises for CSV exports.
 */
export function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A header line, then one line per event, CRLF between lines as RFC 4180 has it. */
export function toCsv(events: readonly ExportedEvent[]): string {
  const lines = [CSV_COLUMNS.join(','), ...events.map((event) => CSV_COLUMNS.map((column) => csvField(row(event)[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** One JSON object per line, with the CSV's fields and names. */
export function toJsonLines(events: readonly ExportedEvent[]): string {
  return events.map((event) => `${JSON.stringify(row(event))}\n`).join('');
}

/** Hands the text to the browser as a download of that name. */
export function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export const EXPORT_TYPES: Record<ExportFormat, { label: string; extension: string; type: string }> = {
  csv: { label: 'CSV', extension: 'csv', type: 'text/csv;charset=utf-8' },
  jsonl: { label: 'JSON lines', extension: 'jsonl', type: 'application/x-ndjson' },
};
