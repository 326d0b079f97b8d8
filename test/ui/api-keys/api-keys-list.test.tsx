import { screen, waitFor, within } from '@testing-library/react';
import { graphql } from 'msw';
import { describe, expect, it } from 'vitest';
import { emulateWindowWidth, globex, graphqlError, makeUser, renderApp, signedIn } from '../render';
import { findKeysTable, keyListHandlers, makeKey, variedKeys, type KeyListRequest } from './fake-keys';

const alice = makeUser('USER', [{ tenant: globex, role: 'READ_ONLY_USER' }]);

describe('User › API Keys list', { timeout: 45_000 }, () => {
  it('shows a loading state, then each key with its hint, tenant, expiry and last use', async () => {
    let release = () => {};
    const answered = new Promise<void>((resolve) => (release = resolve));
    renderApp('/acme/user/keys', {
      handlers: [
        ...signedIn(alice),
        graphql.query('ApiKeysPage', async () => {
          await answered; // hold the answer so the loading state can be seen
          return undefined; // fall through to the fake list
        }),
        ...keyListHandlers(variedKeys()),
      ],
    });

    expect(await screen.findByRole('status', { name: 'Loading API keys' }, { timeout: 5000 })).toBeInTheDocument();
    release();
    const table = await findKeysTable();
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4); // header + 3

    const laptop = within(table).getByRole('row', { name: /laptop/ });
    expect(within(laptop).getByText('kpu_Ab01…')).toBeInTheDocument();
    expect(within(laptop).getByText('Acme')).toBeInTheDocument();
    expect(within(laptop).getByText('in 3 days')).toBeInTheDocument();
    expect(within(laptop).getByText('Expires soon')).toBeInTheDocument();
    expect(within(laptop).getByText('2 hours ago')).toBeInTheDocument();

    const ci = within(table).getByRole('row', { name: /ci deploy/ });
    expect(within(ci).getByText('Globex')).toBeInTheDocument();
    expect(within(ci).getAllByText('Never')).toHaveLength(2); // expires, last used
    expect(within(ci).queryByText('Expires soon')).not.toBeInTheDocument();

    const old = within(table).getByRole('row', { name: /old script/ });
    expect(within(old).getByText('Expired 2 hours ago')).toBeInTheDocument();

    expect(within(laptop).getByRole('button', { name: 'Revoke API key laptop' })).toBeInTheDocument();
    expect(screen.getByText('1–3 of 3')).toBeInTheDocument();
  });

  it('shows the exact expiry time in a tooltip', async () => {
    const { user } = renderApp('/acme/user/keys', {
      handlers: [...signedIn(alice), ...keyListHandlers(variedKeys())],
    });
    const inThreeDays = await screen.findByText('in 3 days');
    await user.hover(inThreeDays);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(/\d{4}, \d{1,2}:\d\d\s[AP]M GMT/);
  });

  it('asks only for the signed-in user’s own keys, 25 a page, newest first', async () => {
    const requests: KeyListRequest[] = [];
    renderApp('/acme/user/keys', { handlers: [...signedIn(alice), ...keyListHandlers(variedKeys(), requests)] });
    await findKeysTable();
    expect(requests[0]).toEqual({
      where: { user_id: { _eq: alice.id } },
      order_by: [{ created: 'desc' }, { id: 'asc' }],
      limit: 25,
      offset: 0,
    });
  });

  it('says what to do when the user has no keys', async () => {
    renderApp('/acme/user/keys', { handlers: [...signedIn(alice), ...keyListHandlers([])] });
    expect(await screen.findByText('You have no API keys yet')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Create an API Key' })).toHaveLength(2);
  });

  it('tells "no match" apart from "no keys" and clears the filters', async () => {
    const requests: KeyListRequest[] = [];
    const { user, router } = renderApp('/acme/user/keys?q=zzz', {
      handlers: [...signedIn(alice), ...keyListHandlers([], requests)],
    });
    expect(await screen.findByText('No API keys match these filters')).toBeInTheDocument();
    expect(screen.queryByText('You have no API keys yet')).not.toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]);
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await screen.findByText('You have no API keys yet')).toBeInTheDocument();
  });

  it('shows an error with a way to retry', async () => {
    let fail = true;
    const { user } = renderApp('/acme/user/keys', {
      handlers: [
        ...signedIn(alice),
        graphql.query('ApiKeysPage', () => (fail ? graphqlError('INTERNAL_SERVER_ERROR', 'boom') : undefined)),
        ...keyListHandlers(variedKeys()),
      ],
    });
    expect(await screen.findByText('Could not load your API keys')).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'API keys' })).toBeInTheDocument();
  });

  it('reads search, sort, filters and page from the URL and sends them to the server', async () => {
    const requests: KeyListRequest[] = [];
    const keys = Array.from({ length: 30 }, () => makeKey({ tenant: globex, expires_at: new Date(0).toISOString() }));
    renderApp('/acme/user/keys?q=ci&sort=name&dir=asc&tenant=globex&status=expired&page=2', {
      handlers: [...signedIn(alice), ...keyListHandlers(keys, requests)],
    });
    await findKeysTable();

    const sent = requests[0] as KeyListRequest & { where: { _and: Record<string, unknown>[] } };
    expect(sent.offset).toBe(25);
    expect(sent.limit).toBe(25);
    expect(sent.order_by).toEqual([{ name: 'asc' }, { id: 'asc' }]);
    const [mine, search, tenant, status] = sent.where._and;
    expect(mine).toEqual({ user_id: { _eq: alice.id } });
    expect(search).toEqual({ _or: [{ name: { _ilike: '%ci%' } }, { key_hint: { _ilike: '%ci%' } }] });
    expect(tenant).toEqual({ tenant: { slug: { _eq: 'globex' } } });
    const lte = (status as { expires_at: { _lte: string } }).expires_at._lte;
    expect(Math.abs(Date.parse(lte) - Date.now())).toBeLessThan(60_000);

    expect(screen.getByRole('searchbox', { name: 'Search by name or hint' })).toHaveValue('ci');
    expect(screen.getByRole('combobox', { name: 'Tenant' })).toHaveDisplayValue('Globex');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveDisplayValue('Expired');
    expect(screen.getByText('26–30 of 30')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /name/i })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('puts search, sort, filter and paging changes into the URL', async () => {
    const requests: KeyListRequest[] = [];
    const keys = Array.from({ length: 60 }, () => makeKey());
    const { user, router } = renderApp('/acme/user/keys', {
      handlers: [...signedIn(alice), ...keyListHandlers(keys, requests)],
    });
    await findKeysTable();
    expect(screen.getByText('1–25 of 60')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Go to next page' }));
    await waitFor(() => expect(router.state.location.search).toBe('?page=2'));
    expect(await screen.findByText('26–50 of 60')).toBeInTheDocument();
    expect(requests.at(-1)?.offset).toBe(25);

    await user.click(screen.getByRole('button', { name: 'Expires' }));
    await waitFor(() => expect(router.state.location.search).toBe('?sort=expires_at&dir=desc'));
    expect(requests.at(-1)?.order_by).toEqual([{ expires_at: 'desc_nulls_first' }, { id: 'asc' }]);
    await user.click(screen.getByRole('button', { name: 'Expires' }));
    await waitFor(() => expect(router.state.location.search).toBe('?sort=expires_at&dir=asc'));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Expiring soon');
    await waitFor(() => expect(router.state.location.search).toBe('?sort=expires_at&dir=asc&status=expiring'));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Tenant' }), 'Globex');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('tenant')).toBe('globex'));
  });

  it('searches by name after a pause in typing, from the first page', async () => {
    const requests: KeyListRequest[] = [];
    const { user, router } = renderApp('/acme/user/keys?page=2', {
      handlers: [
        ...signedIn(alice),
        ...keyListHandlers(
          Array.from({ length: 30 }, () => makeKey()),
          requests,
        ),
      ],
    });
    await findKeysTable();
    await user.type(screen.getByRole('searchbox', { name: 'Search by name or hint' }), 'deploy');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('deploy'));
    expect(router.state.location.search).toBe('?q=deploy');
    await waitFor(() =>
      expect(requests.at(-1)?.where).toEqual({
        _and: [{ user_id: { _eq: alice.id } }, { _or: [{ name: { _ilike: '%deploy%' } }, { key_hint: { _ilike: '%deploy%' } }] }],
      }),
    );
    expect(requests.at(-1)?.offset).toBe(0);
  });

  it('stacks each key on a phone: name as a heading, every column as a label and value, the trash icon kept', async () => {
    const restore = emulateWindowWidth(390);
    try {
      const { user } = renderApp('/acme/user/keys', { handlers: [...signedIn(alice), ...keyListHandlers(variedKeys())] });
      const list = await screen.findByRole('list', { name: 'API keys' }, { timeout: 10_000 });
      expect(screen.queryByRole('table', { name: 'API keys' })).not.toBeInTheDocument();
      const items = within(list).getAllByRole('listitem');
      expect(items).toHaveLength(3);
      const laptop = items.find((item) => within(item).queryByRole('heading', { name: 'laptop' }));
      expect(laptop).toBeDefined();
      const detail = (label: string) => within(laptop as HTMLElement).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
      expect(detail('Key')).toMatch(/^kpu_Ab\d\d…$/);
      expect(detail('Tenant')).toBe('Acme');
      expect(detail('Expires')).toContain('in 3 days');
      expect(detail('Last used')).toBe('2 hours ago');
      await user.click(within(laptop as HTMLElement).getByRole('button', { name: 'Revoke API key laptop' }));
      expect(await screen.findByRole('dialog', { name: 'Revoke API key' })).toHaveTextContent('laptop');
    } finally {
      restore();
    }
  });

  it('pages 2,000 keys: rows per page, first, last and a typed page number, all kept in the URL', async () => {
    const requests: KeyListRequest[] = [];
    const { user, router } = renderApp('/acme/user/keys', {
      handlers: [
        ...signedIn(alice),
        ...keyListHandlers(
          Array.from({ length: 2000 }, () => makeKey()),
          requests,
        ),
      ],
    });
    await findKeysTable();
    expect(screen.getByText('1–25 of 2,000')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Go to first page' })).toBeDisabled();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '50');
    expect(await screen.findByText('1–50 of 2,000')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?size=50');
    expect(requests.at(-1)).toMatchObject({ limit: 50, offset: 0 });

    await user.click(screen.getByRole('button', { name: 'Go to last page' }));
    expect(await screen.findByText('1,951–2,000 of 2,000')).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('page')).toBe('40');
    expect(screen.getByRole('textbox', { name: 'Page' })).toHaveValue('40');
    expect(screen.getByRole('button', { name: 'Go to next page' })).toBeDisabled();

    const pageNumber = screen.getByRole('textbox', { name: 'Page' });
    await user.clear(pageNumber);
    await user.type(pageNumber, '7{Enter}');
    expect(await screen.findByText('301–350 of 2,000')).toBeInTheDocument();
    expect(requests.at(-1)).toMatchObject({ limit: 50, offset: 300 });

    // A number past the end goes to the last page.
    await user.clear(screen.getByRole('textbox', { name: 'Page' }));
    await user.type(screen.getByRole('textbox', { name: 'Page' }), '999{Enter}');
    expect(await screen.findByText('1,951–2,000 of 2,000')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Go to first page' }));
    expect(await screen.findByText('1–50 of 2,000')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?size=50');
  });

  it('shows a use made while the user was in another tab or window as "Just now" when they come back', async () => {
    const keys = variedKeys();
    renderApp('/acme/user/keys', { handlers: [...signedIn(alice), ...keyListHandlers(keys)] });
    const table = await findKeysTable();
    const ci = within(table).getByRole('row', { name: /ci deploy/ });
    expect(within(ci).getAllByText('Never')).toHaveLength(2); // expires never, used never
    expect(within(ci).queryByText('Just now')).not.toBeInTheDocument();

    // Used from a terminal three seconds ago, then the user returns to the page.
    const used = keys.find((k) => k.name === 'ci deploy');
    if (used) used.last_used_at = new Date(Date.now() - 3_000).toISOString();
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(within(within(table).getByRole('row', { name: /ci deploy/ })).getByText('Just now')).toBeInTheDocument());
  });

  it('finds a key by the hint the list shows, copied with its ellipsis', async () => {
    const requests: KeyListRequest[] = [];
    const { user } = renderApp('/acme/user/keys', { handlers: [...signedIn(alice), ...keyListHandlers(variedKeys(), requests)] });
    await findKeysTable();
    const search = screen.getByRole('searchbox', { name: 'Search by name or hint' });
    await user.type(search, 'kpu_igpm…{Enter}');
    await waitFor(() =>
      expect(requests.at(-1)?.where).toEqual({
        _and: [{ user_id: { _eq: alice.id } }, { _or: [{ name: { _ilike: '%kpu_igpm…%' } }, { key_hint: { _ilike: '%kpu_igpm%' } }] }],
      }),
    );
  });
});
