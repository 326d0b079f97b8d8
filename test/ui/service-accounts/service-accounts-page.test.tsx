import { screen, waitFor, within } from '@testing-library/react';
import { delay, graphql, HttpResponse, type RequestHandler } from 'msw';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphqlError, makeUser, renderApp, signedIn } from '../render';
import { serviceAccountHandlers, standardAccounts, type FakeServiceAccount, type SentInputs } from './fake-service-accounts';

const admin = makeUser('TENANT_ADMIN');
const member = makeUser('USER', [], { username: 'bob', email: 'bob@example.com' });
const reader = makeUser('READ_ONLY_USER', [], { username: 'rita', email: 'rita@example.com' });

let accounts: FakeServiceAccount[];
let sent: SentInputs;

// Load the lazy route modules once, outside any test's time limit: the first import
// transforms them, which on a busy machine can take longer than a test may.
beforeAll(async () => {
  await Promise.all([import('../../../src/ui/app/tenant-layout'), import('../../../src/ui/features/service-accounts/service-accounts-page')]);
}, 120_000);

beforeEach(() => {
  accounts = standardAccounts();
  sent = { createAccount: [], createKey: [], tenants: [] };
});

function renderPage(user = admin, extra: RequestHandler[] = [], path = '/acme/team/service-accounts') {
  const isAdmin = user.memberships[0]?.role === 'TENANT_ADMIN';
  return renderApp(path, {
    handlers: [...extra, ...signedIn(user), ...serviceAccountHandlers(accounts, { admin: isAdmin }, sent)],
  });
}

/** The first render of a file also loads the lazy route, so allow time. */
function findAccountsTable() {
  return screen.findByRole('table', { name: 'Service accounts' }, { timeout: 10_000 });
}

async function findAccountRow(name: string) {
  const table = await findAccountsTable();
  return (await within(table).findByRole('rowheader', { name })).closest('tr') as HTMLElement;
}

describe('Team › Service Accounts for an administrator', { timeout: 60_000 }, () => {
  it('lists the accounts with role chip, number of keys and created date, asking as the tenant in the URL', async () => {
    renderPage();
    const deployer = await findAccountRow('ci-deployer');
    expect(within(deployer).getByText('Administrator')).toBeInTheDocument();
    // Three keys, one expired: two still work.
    expect(within(deployer).getByRole('cell', { name: '2' })).toBeInTheDocument();
    expect(within(deployer).getByText('Jan 20, 2026')).toBeInTheDocument();
    const reporting = await findAccountRow('reporting');
    expect(within(reporting).getByText('Read-only')).toBeInTheDocument();
    expect(within(reporting).getByRole('cell', { name: '0' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Active keys' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add Service Account' })).toBeInTheDocument();
    expect(screen.queryByText(/Only tenant administrators can manage/)).not.toBeInTheDocument();
    expect(sent.tenants).toEqual(['acme']);
    expect(screen.getByRole('heading', { level: 1, name: 'Service Accounts' })).toBeInTheDocument();
  });

  it('opens an account to list its keys with hint, creator, created, expiry and last use; the URL remembers it', async () => {
    const { user, router } = renderPage();
    const deployer = await findAccountRow('ci-deployer');
    const toggle = within(deployer).getByRole('button', { name: 'Show keys of ci-deployer' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);

    const keys = await screen.findByRole('table', { name: 'API keys of ci-deployer' }, { timeout: 5000 });
    expect(within(deployer).getByRole('button', { name: 'Hide keys of ci-deployer' })).toHaveAttribute('aria-expanded', 'true');
    expect(router.state.location.search).toBe(`?account=${accounts[0].id}`);

    const github = within(keys).getByRole('row', { name: /github actions/ });
    expect(within(github).getByText(/^kps_Q\d{3}…$/)).toBeInTheDocument();
    expect(within(github).getByText('alice')).toBeInTheDocument();
    expect(within(github).getByText('4 days ago')).toBeInTheDocument();
    expect(within(github).getByText('in 3 days')).toBeInTheDocument();
    expect(within(github).getByText('Expires soon')).toBeInTheDocument();
    expect(within(github).getByText('2 hours ago')).toBeInTheDocument();
    expect(within(github).getByRole('button', { name: 'Revoke API key github actions' })).toBeInTheDocument();

    const forever = within(keys).getByRole('row', { name: /forever agent/ });
    expect(within(forever).getByText('bob')).toBeInTheDocument();
    // Expires and Last used both read "Never".
    expect(within(forever).getAllByText('Never')).toHaveLength(2);
    const old = within(keys).getByRole('row', { name: /old runner/ });
    expect(within(old).getByText('Expired 2 days ago')).toBeInTheDocument();

    await user.click(within(deployer).getByRole('button', { name: 'Hide keys of ci-deployer' }));
    await waitFor(() => expect(screen.queryByRole('table', { name: 'API keys of ci-deployer' })).not.toBeInTheDocument());
    expect(router.state.location.search).toBe('');
  });

  it('opens the account named in the URL, and says when it has no keys yet', async () => {
    renderPage(admin, [], `/acme/team/service-accounts?account=${accounts[1].id}`);
    const region = await screen.findByRole('region', { name: 'API keys of reporting' }, { timeout: 10_000 });
    expect(await within(region).findByText(/reporting has no API keys yet/)).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: 'Create API Key' })).toBeInTheDocument();
  });

  it('shows a loading skeleton, then an error with a retry that works', async () => {
    let calls = 0;
    const { user } = renderPage(admin, [
      graphql.query('ServiceAccountsPage', async () => {
        calls += 1;
        await delay(150);
        return calls === 1
          ? graphqlError('INTERNAL_SERVER_ERROR', 'Unexpected error.')
          : HttpResponse.json({ data: { user_view_same_tenant: [], user_view_same_tenant_aggregate: { aggregate: { count: 0 } } } });
      }),
    ]);
    expect(await screen.findByRole('status', { name: 'Loading service accounts' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(await screen.findByText('Could not load service accounts')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No service accounts yet')).toBeInTheDocument();
  });

  it('shows an error for one account’s keys in place, with a retry', async () => {
    let calls = 0;
    const { user } = renderPage(admin, [
      graphql.query('ServiceAccountKeys', () => {
        calls += 1;
        if (calls === 1) return graphqlError('INTERNAL_SERVER_ERROR', 'Unexpected error.');
        return HttpResponse.json({ data: { auth_api_key: [], auth_api_key_aggregate: { aggregate: { count: 0 } } } });
      }),
    ]);
    await user.click(within(await findAccountRow('ci-deployer')).getByRole('button', { name: 'Show keys of ci-deployer' }));
    expect(await screen.findByText('Could not load the keys of ci-deployer')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/ci-deployer has no API keys yet/, {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it('says what to do next when there are no service accounts', async () => {
    accounts.length = 0;
    renderPage();
    expect(await screen.findByText('No service accounts yet', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText(/then create an API key for it/)).toBeInTheDocument();
    // One Add button in the header, one in the empty state.
    expect(screen.getAllByRole('button', { name: 'Add Service Account' })).toHaveLength(2);
  });
});

describe.each([
  ['a user', member],
  ['a read-only user', reader],
])('Team › Service Accounts for %s', { timeout: 60_000 }, (_, viewer) => {
  it('shows names and roles only, no keys or management, and says who can manage them', async () => {
    renderPage(viewer);
    const deployer = await findAccountRow('ci-deployer');
    expect(within(deployer).getByText('Administrator')).toBeInTheDocument();
    expect(within(await findAccountRow('reporting')).getByText('Read-only')).toBeInTheDocument();

    expect(screen.getByText(/Only tenant administrators can manage service accounts/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add Service Account' })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Active keys' })).not.toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Service accounts' });
    // No show-keys, change-role or remove controls anywhere in the table.
    expect(within(table).queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByText(/API keys of/)).not.toBeInTheDocument();
  });

  it('explains the empty list without offering to add', async () => {
    accounts.length = 0;
    renderPage(viewer);
    expect(await screen.findByText('No service accounts yet', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText('An administrator of this tenant can add one.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add Service Account' })).not.toBeInTheDocument();
  });
});

describe('Team › Service Accounts: a link naming an account, for a non-administrator', { timeout: 60_000 }, () => {
  it('does not open the account or ask for its keys', async () => {
    renderPage(member, [], `/acme/team/service-accounts?account=${accounts[0].id}`);
    await findAccountRow('ci-deployer');
    expect(screen.queryByRole('region', { name: /API keys of/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /API keys of/ })).not.toBeInTheDocument();
  });
});
