import { configure, screen, waitFor, within } from '@testing-library/react';
import { endOfDay, format, startOfDay, subDays, subHours, subMinutes } from 'date-fns';
import { delay, graphql, HttpResponse, type RequestHandler } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { emulateWindowWidth, graphqlError, makeUser, renderApp, signedIn } from '../render';
import { ada, auditHandlers, bob, deployer, joy, makeEvent, oldRunner, vanishedId, type AuditRequest, type FakeEvent } from './fake-audit';

// The 1 s default is short for a loaded 2-core CI machine; files are isolated, so this stays here.
configure({ asyncUtilTimeout: 5000 });

const admin = makeUser('TENANT_ADMIN');
const member = makeUser('USER', [], { username: 'uma', email: 'uma@example.com' });

let events: FakeEvent[];
let requests: AuditRequest[];

beforeEach(() => {
  const now = new Date();
  events = [
    makeEvent('api_key.create', ada, 'laptop', subMinutes(now, 5)),
    makeEvent('api_key.revoke', ada, 'laptop', subMinutes(now, 2)),
    makeEvent('membership.role_change', ada, 'USER → TENANT_ADMIN', subHours(now, 3)),
    makeEvent('service_account.create', bob, 'ci-deployer', subDays(now, 2)),
    makeEvent('api_key.create', deployer, 'nightly', subDays(now, 3)),
    makeEvent('auth.log_in_failed', null, 'mallory@example.com', subDays(now, 4), { source_address: '198.51.100.23' }),
  ];
  requests = [];
});

function renderLog(path = '/acme/team/audit-log', user = admin, extra: RequestHandler[] = []) {
  return renderApp(path, { handlers: [...extra, ...signedIn(user), ...auditHandlers(() => events, requests)] });
}

async function findTable() {
  // The first render loads the route's code, which takes a moment in jsdom.
  return screen.findByRole('table', { name: 'Audit events' }, { timeout: 5000 });
}

/** The data rows, top to bottom, as their text. */
function rowTexts(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.textContent ?? '');
}

describe('Team › Audit Log', () => {
  it('stacks each event on a phone, with its time, actor, target and address as labelled values', async () => {
    const restore = emulateWindowWidth(390);
    try {
      renderLog();
      const list = await screen.findByRole('list', { name: 'Audit events' }, { timeout: 5000 });
      expect(screen.queryByRole('table', { name: 'Audit events' })).not.toBeInTheDocument();
      const items = within(list).getAllByRole('listitem');
      expect(items).toHaveLength(6);
      const revoked = items.find((item) => within(item).queryByRole('heading', { name: 'Revoked API key' }));
      expect(revoked).toBeDefined();
      const detail = (label: string) => within(revoked as HTMLElement).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
      expect(detail('Time')).toBe('2 minutes ago');
      expect(detail('Actor')).toBe('alice');
      expect(detail('Target')).toBe('laptopAPI key');
      expect(detail('Source address')).toBe('203.0.113.7');
    } finally {
      restore();
    }
  });

  it('lists events newest first: time, action in words, actor, target and source address', async () => {
    renderLog();
    const table = await findTable();
    expect(rowTexts(table)).toHaveLength(6);

    const revoked = within(table).getByRole('row', { name: /Revoked API key/ });
    expect(within(revoked).getByText('2 minutes ago')).toBeInTheDocument();
    expect(within(revoked).getByText('alice')).toBeInTheDocument();
    expect(within(revoked).getByText('laptop')).toBeInTheDocument();
    expect(within(revoked).getByText('API key')).toBeInTheDocument();
    expect(within(revoked).getByText('203.0.113.7')).toBeInTheDocument();

    // Role changes are recorded in the API's words and read in the UI's.
    const role = within(table).getByRole('row', { name: /Changed member role/ });
    expect(within(role).getByText('User → Administrator')).toBeInTheDocument();
    expect(within(role).getByText('3 hours ago')).toBeInTheDocument();

    const bySa = within(table).getByRole('row', { name: /nightly/ });
    expect(within(bySa).getByText('ci-deployer')).toBeInTheDocument();
    expect(within(bySa).getByText('Service account')).toBeInTheDocument();

    const failed = within(table).getByRole('row', { name: /Failed sign-in/ });
    expect(within(failed).getByText('Unknown')).toBeInTheDocument();
    expect(within(failed).getByText('mallory@example.com')).toBeInTheDocument();
    expect(within(failed).getByText('198.51.100.23')).toBeInTheDocument();

    expect(rowTexts(table)[0]).toContain('Revoked API key');
    expect(rowTexts(table)[5]).toContain('Failed sign-in');
    expect(screen.getByText('1–6 of 6')).toBeInTheDocument();
    expect(requests[0]).toEqual({ where: {}, limit: 25, offset: 0, tenant: 'acme' });
    expect(screen.getByRole('heading', { name: 'Audit Log' })).toBeInTheDocument();
  });

  it('says why a change followed from another one, and nothing for changes asked for directly', async () => {
    const now = new Date();
    events = [
      makeEvent('api_key.revoke', ada, 'laptop', subMinutes(now, 9)),
      makeEvent('membership.delete', ada, 'Joy Joiner', subMinutes(now, 8)),
      makeEvent('api_key.revoke', ada, 'joy-laptop', subMinutes(now, 7), { cause: 'member_removed' }),
      makeEvent('invitation.revoke', ada, 'new@example.com', subMinutes(now, 6), { cause: 'inviter_demoted' }),
      makeEvent('api_key.revoke', bob, 'deploy-1', subMinutes(now, 5), { cause: 'service_account_removed' }),
      makeEvent('api_key.revoke', bob, 'expired-1', subMinutes(now, 4), { cause: 'some_later_policy' }),
    ];
    renderLog();
    const table = await findTable();
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(name) });
    expect(within(row('joy-laptop')).getByText('Owner removed from the tenant')).toBeInTheDocument();
    expect(within(row('new@example.com')).getByText('Inviter no longer an administrator')).toBeInTheDocument();
    expect(within(row('deploy-1')).getByText('Service account removed')).toBeInTheDocument();
    // A cause this UI does not know yet is shown as the server spells it.
    expect(within(row('expired-1')).getByText('some_later_policy')).toBeInTheDocument();
    expect(row('9 minutes ago').textContent).toBe('9 minutes agoRevoked API keyalicelaptopAPI key203.0.113.7');
  });

  it('says where a key reported as leaked was found, and why it was revoked', async () => {
    const now = new Date();
    events = [
      makeEvent('api_key.revoke', ada, 'deploy-2', subMinutes(now, 2), { cause: 'reported_leaked' }),
      makeEvent('api_key.leaked_reported', ada, 'deploy-2', subMinutes(now, 2), { detail: 'https://github.com/acme/app/blob/main/.env' }),
    ];
    renderLog();
    const table = await findTable();
    const [revoke, report] = within(table).getAllByRole('row').slice(1);
    expect(within(report).getByText('Reported API key as leaked')).toBeInTheDocument();
    expect(within(report).getByText('Found at: https://github.com/acme/app/blob/main/.env')).toBeInTheDocument();
    expect(within(revoke).getByText('Reported as leaked')).toBeInTheDocument();
  });

  it('shows the exact time in a tooltip', async () => {
    const { user } = renderLog();
    const table = await findTable();
    await user.hover(within(table).getByText('3 hours ago'));
    const exact = format(Date.parse(events[2].created), 'MMM d, yyyy, h:mm');
    expect(await screen.findByRole('tooltip')).toHaveTextContent(exact);
  });

  it('is reached from Team › Audit Log in the navigation', async () => {
    const { user, router } = renderApp('/acme/team/members', {
      handlers: [
        ...signedIn(admin),
        graphql.query('MembersPage', () =>
          HttpResponse.json({ data: { user_view_same_tenant: [], user_view_same_tenant_aggregate: { aggregate: { count: 0 } } } }),
        ),
        graphql.query('InvitationsTable', () => HttpResponse.json({ data: { membership_invitation: [] } })),
        ...auditHandlers(() => events, requests),
      ],
    });
    const team = await screen.findByRole('list', { name: 'Team' }, { timeout: 5000 });
    await user.click(within(team).getByRole('link', { name: 'Audit Log' }));
    await findTable();
    expect(router.state.location.pathname).toBe('/acme/team/audit-log');
  });

  it('renders names typed as HTML as plain text', async () => {
    events = [
      makeEvent('api_key.create', ada, '<img src=x onerror=alert(1)><b>bold</b>', subMinutes(new Date(), 1)),
      makeEvent('service_account.create', ada, '<script>alert(1)</script>', subMinutes(new Date(), 2)),
    ];
    const { container } = renderLog();
    const table = await findTable();
    expect(within(table).getByText('<img src=x onerror=alert(1)><b>bold</b>')).toBeInTheDocument();
    expect(within(table).getByText('<script>alert(1)</script>')).toBeInTheDocument();
    expect(container.querySelector('img, b, script')).toBeNull();
  });

  it('shows a loading state, then an error with a retry that works', async () => {
    let calls = 0;
    const { user } = renderLog('/acme/team/audit-log', admin, [
      graphql.query('AuditLogPage', async () => {
        calls += 1;
        await delay(150);
        return calls === 1 ? graphqlError('INTERNAL_SERVER_ERROR', 'Unexpected error.') : undefined;
      }),
    ]);
    expect(await screen.findByRole('status', { name: 'Loading audit events' })).toBeInTheDocument();
    expect(await screen.findByText('Could not load the audit log')).toBeInTheDocument();
    expect(screen.getByText('Something went wrong on our side. Please try again.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(rowTexts(await findTable())).toHaveLength(6);
  });

  it('says when nothing has been recorded yet', async () => {
    events = [];
    renderLog();
    expect(await screen.findByText('Nothing has been recorded yet')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('filters by action, keeps it in the URL and tells "no match" apart from "empty"', async () => {
    const { user, router } = renderLog();
    await findTable();
    await user.click(screen.getByRole('combobox', { name: 'Action' }));
    await user.click(await screen.findByRole('option', { name: 'Revoked API key' }));

    await waitFor(() => expect(rowTexts(screen.getByRole('table', { name: 'Audit events' }))).toHaveLength(1));
    expect(router.state.location.search).toBe('?action=api_key.revoke');
    expect(requests.at(-1)?.where).toEqual({ action: { _eq: 'api_key.revoke' } });
    expect(screen.getByRole('combobox', { name: 'Action' })).toHaveTextContent('Revoked API key');

    await user.click(screen.getByRole('combobox', { name: 'Action' }));
    await user.click(await screen.findByRole('option', { name: 'Removed member' }));
    expect(await screen.findByText('No events match these filters')).toBeInTheDocument();
    expect(screen.queryByText('Nothing has been recorded yet')).not.toBeInTheDocument();

    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]);
    await waitFor(() => expect(rowTexts(screen.getByRole('table', { name: 'Audit events' }))).toHaveLength(6));
    expect(router.state.location.search).toBe('');
  });

  it('filters by actor, people and service accounts alike', async () => {
    const { user, router } = renderLog();
    await findTable();
    await user.click(screen.getByRole('combobox', { name: 'Actor' }));
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getByText('People')).toBeInTheDocument();
    expect(within(listbox).getByText('Service accounts')).toBeInTheDocument();
    await user.click(within(listbox).getByRole('option', { name: 'ci-deployer' }));

    await waitFor(() => expect(rowTexts(screen.getByRole('table', { name: 'Audit events' }))).toHaveLength(1));
    expect(rowTexts(screen.getByRole('table', { name: 'Audit events' }))[0]).toContain('nightly');
    expect(router.state.location.search).toBe(`?actor=${deployer.id}`);
    expect(requests.at(-1)?.where).toEqual({ actor_id: { _eq: deployer.id } });
  });

  it('offers removed members and deleted service accounts too, marked removed, A→Z in their groups', async () => {
    events = [
      ...events,
      makeEvent('api_key.create', joy, 'joy-laptop', subDays(new Date(), 5)),
      makeEvent('api_key.create', oldRunner, 'old-nightly', subDays(new Date(), 6)),
      makeEvent('auth.log_in_failed', null, 'gone@example.com', subDays(new Date(), 7), { actor_id: vanishedId }),
    ];
    const { user, router } = renderLog();
    await findTable();
    await user.click(screen.getByRole('combobox', { name: 'Actor' }));
    const listbox = await screen.findByRole('listbox');
    const options = within(listbox).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['alice', 'bob', 'joy(removed)', 'Removed account(removed)', 'ci-deployer', 'old-runner(removed)']);
    const groups = within(listbox).getAllByRole('listitem');
    expect(groups.map((g) => within(g).getAllByRole('option').length)).toEqual([4, 2]);
    expect(groups[0]).toHaveTextContent(/^People/);
    expect(groups[1]).toHaveTextContent(/^Service accounts/);

    await user.click(within(listbox).getByRole('option', { name: /old-runner/ }));
    await waitFor(() => expect(rowTexts(screen.getByRole('table', { name: 'Audit events' }))).toHaveLength(1));
    expect(rowTexts(screen.getByRole('table', { name: 'Audit events' }))[0]).toContain('old-nightly');
    expect(router.state.location.search).toBe(`?actor=${oldRunner.id}`);
    expect(screen.getByRole('combobox', { name: 'Actor' })).toHaveValue('old-runner');

    // An id with no account left is still picked by id.
    await user.click(screen.getByRole('combobox', { name: 'Actor' }));
    await user.click(within(await screen.findByRole('listbox')).getByRole('option', { name: /^Removed account/ }));
    await waitFor(() => expect(requests.at(-1)?.where).toEqual({ actor_id: { _eq: vanishedId } }));
    await waitFor(() => expect(rowTexts(screen.getByRole('table', { name: 'Audit events' }))[0]).toContain('gone@example.com'));
  });

  it('keeps a linked actor the log does not name visible as "Removed account"', async () => {
    const stranger = 'a1a1a1a1-0000-4000-8000-000000000009';
    renderLog(`/acme/team/audit-log?actor=${stranger}`);
    expect(await screen.findByText('No events match these filters', {}, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Actor' })).toHaveValue('Removed account'));
    expect(requests[0]?.where).toEqual({ actor_id: { _eq: stranger } });
  });

  it('filters by a date range that covers both whole days', async () => {
    const { user, router } = renderLog();
    await findTable();
    const from = subDays(new Date(), 3);
    const to = subDays(new Date(), 2);
    const field = await screen.findByRole('group', { name: 'From' });
    await user.click(within(field).getByRole('spinbutton', { name: 'Month' }));
    await user.keyboard(format(from, 'MMddyyyy'));
    const toField = screen.getByRole('group', { name: 'To' });
    await user.click(within(toField).getByRole('spinbutton', { name: 'Month' }));
    await user.keyboard(format(to, 'MMddyyyy'));

    await waitFor(() => expect(router.state.location.search).toBe(`?from=${format(from, 'yyyy-MM-dd')}&to=${format(to, 'yyyy-MM-dd')}`));
    expect(requests.at(-1)?.where).toEqual({
      created: { _gte: startOfDay(from).toISOString(), _lte: endOfDay(to).toISOString() },
    });
    await waitFor(() => {
      const rows = rowTexts(screen.getByRole('table', { name: 'Audit events' }));
      expect(rows).toHaveLength(2);
      expect(rows.join()).toContain('Created service account');
      expect(rows.join()).toContain('nightly');
    });
  });

  it('does not apply a range that ends before it starts, and clears the pickers with the filters', async () => {
    const from = subDays(new Date(), 2);
    const fromParam = format(from, 'yyyy-MM-dd');
    const { user, router } = renderLog(`/acme/team/audit-log?from=${fromParam}`);
    await findTable();
    const toField = await screen.findByRole('group', { name: 'To' });
    await user.click(within(toField).getByRole('spinbutton', { name: 'Month' }));
    await user.keyboard(format(subDays(from, 5), 'MMddyyyy'));
    await waitFor(() => expect(toField.closest('.MuiPickersInputBase-root')).toHaveClass('Mui-error'));
    expect(router.state.location.search).toBe(`?from=${fromParam}`);
    expect(requests.every((r) => JSON.stringify(r.where).includes('_lte') === false)).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    const fromField = screen.getByRole('group', { name: 'From' });
    await waitFor(() => expect(within(fromField).getByRole('spinbutton', { name: 'Year' })).toHaveTextContent('YYYY'));
    expect(within(screen.getByRole('group', { name: 'To' })).getByRole('spinbutton', { name: 'Year' })).toHaveTextContent('YYYY');
  });

  it('opens with the filters and page of a shared link', async () => {
    const many = Array.from({ length: 30 }, (_, i) => makeEvent('api_key.create', bob, `key ${i + 1}`, subMinutes(new Date(), 10 + i)));
    events = [...events, ...many];
    const from = format(subDays(new Date(), 1), 'yyyy-MM-dd');
    renderLog(`/acme/team/audit-log?action=api_key.create&actor=${bob.id}&from=${from}&page=2`);
    const table = await findTable();
    expect(rowTexts(table)).toHaveLength(5);
    expect(screen.getByText('26–30 of 30')).toBeInTheDocument();
    expect(requests[0]).toMatchObject({
      where: { _and: [{ action: { _eq: 'api_key.create' } }, { actor_id: { _eq: bob.id } }, { created: { _gte: expect.any(String) } }] },
      offset: 25,
    });
    expect(screen.getByRole('combobox', { name: 'Action' })).toHaveTextContent('Created API key');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Actor' })).toHaveValue('bob'));
    expect(within(await screen.findByRole('group', { name: 'From' })).getByRole('spinbutton', { name: 'Year' })).toHaveTextContent(from.slice(0, 4));
  });

  it('pages 25 at a time on the server, with the total', async () => {
    events = Array.from({ length: 30 }, (_, i) => makeEvent('api_key.create', ada, `key ${i + 1}`, subMinutes(new Date(), i + 1)));
    const { user, router } = renderLog();
    const table = await findTable();
    expect(rowTexts(table)).toHaveLength(25);
    expect(screen.getByText('1–25 of 30')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Go to next page' }));
    await waitFor(() => expect(screen.getByText('26–30 of 30')).toBeInTheDocument());
    expect(rowTexts(screen.getByRole('table', { name: 'Audit events' }))).toHaveLength(5);
    expect(router.state.location.search).toBe('?page=2');
    expect(requests.at(-1)).toMatchObject({ limit: 25, offset: 25 });
  });

  it('goes to the last page when a link points past the end', async () => {
    const { router } = renderLog('/acme/team/audit-log?page=9');
    expect(rowTexts(await findTable())).toHaveLength(6);
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('ignores a malformed actor id in the URL instead of failing', async () => {
    renderLog('/acme/team/audit-log?actor=not-a-uuid');
    expect(rowTexts(await findTable())).toHaveLength(6);
    expect(requests[0]?.where).toEqual({});
  });

  it('tells a non-administrator that only administrators can read it, without asking the server', async () => {
    renderLog('/acme/team/audit-log', member);
    expect(await screen.findByText('Only administrators can read the audit log')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('search', { name: 'Filter audit events' })).not.toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it('shows the same message when the server refuses (the role changed meanwhile)', async () => {
    renderLog('/acme/team/audit-log', admin, [
      graphql.query('AuditLogPage', () =>
        HttpResponse.json({
          data: null,
          errors: [{ message: 'Only tenant administrators can read the audit log.', extensions: { code: 'FORBIDDEN' } }],
        }),
      ),
    ]);
    expect(await screen.findByText('Only administrators can read the audit log')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('goes to sign-in when the session ends while the log is open', async () => {
    let signedOut = false;
    const { user, router } = renderLog('/acme/team/audit-log', admin, [
      graphql.query('AuditLogPage', () =>
        signedOut
          ? HttpResponse.json({ data: null, errors: [{ message: 'Authentication required.', extensions: { code: 'UNAUTHENTICATED' } }] }, { status: 401 })
          : undefined,
      ),
      graphql.query('SetupRequired', () => HttpResponse.json({ data: { setup_required: false } })),
    ]);
    await findTable();
    signedOut = true;
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
  });

  it('sends a signed-out administrator to sign in', async () => {
    const { router } = renderLog('/acme/team/audit-log', admin, [
      graphql.query('AuditLogPage', () =>
        HttpResponse.json({ data: null, errors: [{ message: 'Authentication required.', extensions: { code: 'UNAUTHENTICATED' } }] }, { status: 401 }),
      ),
      graphql.query('SetupRequired', () => HttpResponse.json({ data: { setup_required: false } })),
    ]);
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'), { timeout: 5000 });
    expect(await screen.findByRole('button', { name: /sign in/i })).toBeInTheDocument();
  });
});
