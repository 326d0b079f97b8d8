import { configure, screen, waitFor } from '@testing-library/react';
import { subMinutes } from 'date-fns';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { csvField, toCsv, toJsonLines, type ExportedEvent } from '../../../src/ui/features/audit-log/audit-export';
import { makeUser, renderApp, signedIn } from '../render';
import { ada, auditHandlers, bob, makeEvent, slowExportPages, type AuditRequest, type FakeEvent } from './fake-audit';

configure({ asyncUtilTimeout: 5000 });

const admin = makeUser('TENANT_ADMIN');

/** jsdom's Blob has no text(); its FileReader reads it. */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('unreadable blob'));
    reader.readAsText(blob);
  });
}

function exported(extra: Partial<ExportedEvent> = {}): ExportedEvent {
  return {
    __typename: 'audit_event',
    id: 'e1',
    created: '2026-03-01T10:00:00.000Z',
    action: 'api_key.create',
    actor_id: ada.id,
    actor: { __typename: 'api_key_user', ...ada },
    target_type: 'api_key',
    target_id: 'k1',
    target_name: 'laptop',
    source_address: '203.0.113.7',
    cause: null,
    user_agent: 'curl/8.5.0',
    detail: 'Found at: gist, line 3',
    ...extra,
  } as ExportedEvent;
}

describe('audit export files', () => {
  it('quotes CSV fields with commas, quotes and line breaks, and doubles the quotes', () => {
    expect(csvField('laptop')).toBe('laptop');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('');
  });

  it('keeps a spreadsheet from running a name as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil.test")')).toBe('"\'=HYPERLINK(""http://evil.test"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-2')).toBe("'-2");
  });

  it('writes a header and one CRLF-ended line per event, and JSON lines that read back', () => {
    const events = [exported(), exported({ id: 'e2', target_name: 'ci, "prod"\nkey', actor: null, actor_id: null, user_agent: null, detail: null })];
    const csv = toCsv(events);
    expect(csv.split('\r\n')[0]).toBe('time,action,actor_id,actor,actor_type,target_type,target_id,target_name,source_address,cause,user_agent,detail,id');
    expect(csv).toBe(
      [
        'time,action,actor_id,actor,actor_type,target_type,target_id,target_name,source_address,cause,user_agent,detail,id',
        `2026-03-01T10:00:00.000Z,api_key.create,${ada.id},alice,NORMAL,api_key,k1,laptop,203.0.113.7,,curl/8.5.0,"Found at: gist, line 3",e1`,
        '2026-03-01T10:00:00.000Z,api_key.create,,,,api_key,k1,"ci, ""prod""\nkey",203.0.113.7,,,,e2',
        '',
      ].join('\r\n'),
    );
    const lines = toJsonLines(events).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[1])).toEqual({
      time: '2026-03-01T10:00:00.000Z',
      action: 'api_key.create',
      actor_id: null,
      actor: null,
      actor_type: null,
      target_type: 'api_key',
      target_id: 'k1',
      target_name: 'ci, "prod"\nkey',
      source_address: '203.0.113.7',
      cause: null,
      user_agent: null,
      detail: null,
      id: 'e2',
    });
  });
});

describe('Team › Audit Log › Export', { timeout: 60_000 }, () => {
  let events: FakeEvent[];
  let requests: AuditRequest[];
  let downloads: { name: string; blob: Blob }[];

  beforeEach(() => {
    const now = new Date();
    // 1,200 key creations by alice (two pages of the export) and some of bob's that the filter leaves out.
    events = [
      ...Array.from({ length: 1200 }, (_, i) => makeEvent('api_key.create', ada, `key ${i}`, subMinutes(now, i + 1))),
      ...Array.from({ length: 30 }, (_, i) => makeEvent('api_key.revoke', bob, `old ${i}`, subMinutes(now, i + 1))),
    ];
    requests = [];
    downloads = [];
    // jsdom has no object URLs; the anchor's click tells which file the browser was handed.
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = vi.fn((blob: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, blob: blobs.get(this.href) as Blob });
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
    slowExportPages(0);
  });

  function renderLog(path: string) {
    return renderApp(path, { handlers: [...signedIn(admin), ...auditHandlers(() => events, requests)] });
  }

  it('downloads every page of the filtered range as CSV, showing its progress meanwhile', async () => {
    slowExportPages(300);
    const { user } = renderLog('/acme/team/audit-log?action=api_key.create');
    await screen.findByRole('table', { name: 'Audit events' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('menuitem', { name: 'CSV' }));

    expect(await screen.findByRole('button', { name: 'Exporting…' })).toBeDisabled();
    await waitFor(() => expect(screen.getByRole('status', { name: 'Export progress' })).toHaveTextContent('1,000 of 1,200 events'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Export' })).toBeEnabled();

    const exports = requests.filter((r) => r.limit === 1000);
    expect(exports.map((r) => r.offset)).toEqual([0, 1000]);
    // The page's own filter, and the range ends when the export began so later events cannot shift the pages.
    expect(exports[0].where).toEqual({ _and: [{ action: { _eq: 'api_key.create' } }, { created: { _lte: expect.any(String) } }] });
    expect(exports[1].where).toEqual(exports[0].where);

    const { name, blob } = downloads[0];
    expect(name).toBe('audit-log-acme.csv');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const lines = (await readBlob(blob)).split('\r\n');
    expect(lines).toHaveLength(1 + 1200 + 1);
    expect(lines[1]).toContain(',api_key.create,');
    expect(lines[1]).toContain(',key 0,');
    expect(lines[1200]).toContain(',key 1199,');
    expect(lines.some((line) => line.includes('api_key.revoke'))).toBe(false);
  });

  it('downloads JSON lines named after the tenant and the date range', async () => {
    const { user } = renderLog('/acme/team/audit-log?from=2020-01-01');
    await screen.findByRole('table', { name: 'Audit events' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('menuitem', { name: 'JSON lines' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0].name).toBe('audit-log-acme-2020-01-01-to-now.jsonl');
    const lines = (await readBlob(downloads[0].blob)).trimEnd().split('\n');
    expect(lines).toHaveLength(1230);
    const first = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual([
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
    ]);
  });
});
