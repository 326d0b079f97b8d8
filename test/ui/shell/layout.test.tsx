import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { appShellData, globex, graphqlError, makeUser, otherPagesFail, renderApp, signedIn, tenantOf, unauthenticated, type FixtureUser } from '../render';

const aliceInTwo = makeUser('TENANT_ADMIN', [{ tenant: globex, role: 'USER' }]);

function membersFor(seen: (string | null)[]) {
  return [
    graphql.query('MembersPage', ({ request }) => {
      seen.push(tenantOf(request));
      return HttpResponse.json({ data: { user_view_same_tenant: [], user_view_same_tenant_aggregate: { aggregate: { count: 0 } } } });
    }),
    graphql.query('InvitationsTable', () => HttpResponse.json({ data: { membership_invitation: [] } })),
  ];
}

describe('Home', () => {
  it('goes to setup while no user exists', async () => {
    const { router } = renderApp('/', {
      handlers: [graphql.query('SetupRequired', () => HttpResponse.json({ data: { setup_required: true } }))],
    });
    expect(await screen.findByRole('heading', { name: 'Set up Keyplane' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/setup');
  });

  it('goes to sign in when nobody is signed in', async () => {
    const { router } = renderApp('/', {
      handlers: [
        graphql.query('SetupRequired', () => HttpResponse.json({ data: { setup_required: false } })),
        graphql.query('AppShell', () => unauthenticated()),
      ],
    });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it("goes to the signed-in user's default tenant", async () => {
    const user: FixtureUser = { ...aliceInTwo };
    const shell = appShellData(user);
    shell.user[0].default_membership_id = user.memberships[1].id;
    const { router } = renderApp('/', {
      handlers: [
        graphql.query('SetupRequired', () => HttpResponse.json({ data: { setup_required: false } })),
        graphql.query('AppShell', () => HttpResponse.json({ data: shell })),
        otherPagesFail,
      ],
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/globex/user/keys'));
  });
});

describe('App layout', () => {
  it('offers User › API Keys, Team › Service Accounts and Team › Members for the tenant in the URL', async () => {
    renderApp('/acme/team/members', { handlers: [...signedIn(aliceInTwo), ...membersFor([])] });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('list', { name: 'User' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'API Keys' })).toHaveAttribute('href', '/acme/user/keys');
    const team = within(nav).getByRole('list', { name: 'Team' });
    expect(within(team).getByRole('link', { name: 'Service Accounts' })).toHaveAttribute('href', '/acme/team/service-accounts');
    expect(within(team).getByRole('link', { name: 'Members' })).toHaveAttribute('aria-current', 'page');
  });

  it('sends the tenant in the URL with page requests, and none with the account query', async () => {
    const shellTenants: (string | null)[] = [];
    const memberTenants: (string | null)[] = [];
    renderApp('/globex/team/members', {
      handlers: [
        graphql.query('AppShell', ({ request }) => {
          shellTenants.push(tenantOf(request));
          return HttpResponse.json({ data: appShellData(aliceInTwo) });
        }),
        ...membersFor(memberTenants),
      ],
    });
    expect(await screen.findByText('No members yet')).toBeInTheDocument();
    expect(memberTenants).toEqual(['globex']);
    expect(shellTenants).toEqual([null]);
  });

  it('switches tenant from the app bar and keeps the current page', async () => {
    const seen: (string | null)[] = [];
    const { user, router } = renderApp('/acme/team/members', { handlers: [...signedIn(aliceInTwo), ...membersFor(seen)] });
    await user.click(await screen.findByRole('button', { name: /tenant: acme/i }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: /acme/i })).toHaveTextContent('Administrator');
    await user.click(within(menu).getByRole('menuitem', { name: /globex/i }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/globex/team/members'));
    expect(await screen.findByRole('button', { name: /tenant: globex/i })).toBeInTheDocument();
    await waitFor(() => expect(seen).toEqual(['acme', 'globex']));
    // In Globex alice is a plain user: no administrator controls.
    expect(screen.queryByRole('button', { name: 'Invite member' })).not.toBeInTheDocument();
  });

  it('creates a tenant from the switcher and moves to it', async () => {
    let user = aliceInTwo;
    let sent: unknown;
    const initech = { id: '33333333-3333-4333-8333-333333333333', name: 'Initech', slug: 'initech' };
    const { user: u, router } = renderApp('/acme/team/members', {
      handlers: [
        graphql.query('AppShell', () => HttpResponse.json({ data: appShellData(user) })),
        graphql.mutation('CreateTenant', ({ variables }) => {
          sent = variables.input;
          user = makeUser('TENANT_ADMIN', [
            { tenant: globex, role: 'USER' },
            { tenant: initech, role: 'TENANT_ADMIN' },
          ]);
          return HttpResponse.json({ data: { create_tenant: { __typename: 'create_tenant_payload', id: initech.id, slug: 'initech' } } });
        }),
        ...membersFor([]),
      ],
    });
    await u.click(await screen.findByRole('button', { name: /tenant: acme/i }));
    await u.click(await screen.findByRole('menuitem', { name: 'Create tenant' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create tenant' });
    await u.type(within(dialog).getByLabelText(/tenant name/i), 'Initech');
    await u.click(within(dialog).getByRole('button', { name: 'Create tenant' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/initech/team/members'));
    expect(sent).toEqual({ name: 'Initech' });
    expect(await screen.findByRole('button', { name: /tenant: initech/i })).toBeInTheDocument();
  });

  it("shows the server's complaint about a tenant's URL name on that field", async () => {
    const { user } = renderApp('/acme/team/members', {
      handlers: [
        ...signedIn(aliceInTwo),
        ...membersFor([]),
        graphql.mutation('CreateTenant', () => graphqlError('BAD_USER_INPUT', 'That URL name is taken.', 'slug')),
      ],
    });
    await user.click(await screen.findByRole('button', { name: /tenant: acme/i }));
    await user.click(await screen.findByRole('menuitem', { name: 'Create tenant' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create tenant' });
    await user.type(within(dialog).getByLabelText(/tenant name/i), 'Globex');
    await user.type(within(dialog).getByLabelText(/url name/i), 'globex');
    await user.click(within(dialog).getByRole('button', { name: 'Create tenant' }));
    expect(await within(dialog).findByText('That URL name is taken.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/url name/i)).toHaveAttribute('aria-invalid', 'true');
  });

  it("shows the server's refusal of a name the person already has a tenant by on the name field, and keeps the dialog open", async () => {
    const sent: unknown[] = [];
    const { user, router } = renderApp('/acme/team/members', {
      handlers: [
        ...signedIn(aliceInTwo),
        ...membersFor([]),
        graphql.mutation('CreateTenant', ({ variables }) => {
          sent.push(variables.input);
          return graphqlError('BAD_USER_INPUT', 'You already belong to a tenant named Globex.', 'name');
        }),
      ],
    });
    await user.click(await screen.findByRole('button', { name: /tenant: acme/i }));
    await user.click(await screen.findByRole('menuitem', { name: 'Create tenant' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create tenant' });
    await user.type(within(dialog).getByLabelText(/tenant name/i), 'GLOBEX');
    await user.click(within(dialog).getByRole('button', { name: 'Create tenant' }));
    expect(await within(dialog).findByText('You already belong to a tenant named Globex.')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /tenant name/i })).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText(/url name/i)).not.toHaveAttribute('aria-invalid', 'true');
    expect(sent).toEqual([{ name: 'GLOBEX' }]);
    expect(router.state.location.pathname).toBe('/acme/team/members');
  });

  it('signs out from the user menu', async () => {
    let signedOut = false;
    const { user, router } = renderApp('/acme/team/members', {
      handlers: [
        graphql.mutation('LogOut', () => {
          signedOut = true;
          return HttpResponse.json({ data: { log_out: { __typename: 'success_payload', success: true } } });
        }),
        ...signedIn(aliceInTwo),
        ...membersFor([]),
        graphql.query('SetupRequired', () => HttpResponse.json({ data: { setup_required: false } })),
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Account: alice' }));
    expect(await screen.findByText('alice@example.com')).toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(signedOut).toBe(true);
  });

  it('explains a tenant the user does not belong to and lists their tenants', async () => {
    renderApp('/umbrella/team/members', { handlers: [...signedIn(aliceInTwo)] });
    expect(await screen.findByRole('heading', { name: 'No access to this tenant' })).toBeInTheDocument();
    expect(screen.getByText(/you are not a member of “umbrella”/i)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Globex' })).toHaveAttribute('href', '/globex/user/keys');
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
  });

  it('reads a mistyped top-level address as Page not found, not as a tenant', async () => {
    for (const path of ['/acmee', '/settings/profile']) {
      const { unmount } = renderApp(path, { handlers: [...signedIn(aliceInTwo)] });
      expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
      expect(screen.queryByText(/you are not a member/i)).not.toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Globex' })).toHaveAttribute('href', '/globex/user/keys');
      unmount();
    }
  });

  it('shows a 404 page for an unknown page, inside the layout', async () => {
    renderApp('/acme/no-such-page', { handlers: [...signedIn(aliceInTwo)] });
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /tenant: acme/i })).toBeInTheDocument();
  });

  it('offers a retry when the account cannot be loaded', async () => {
    let calls = 0;
    const { user } = renderApp('/acme/team/members', {
      handlers: [
        graphql.query('AppShell', () => {
          calls += 1;
          return calls === 1 ? graphqlError('INTERNAL_SERVER_ERROR', 'Unexpected error.') : HttpResponse.json({ data: appShellData(aliceInTwo) });
        }),
        ...membersFor([]),
      ],
    });
    expect(await screen.findByText('Could not load your account')).toBeInTheDocument();
    expect(screen.getByText('Something went wrong on our side. Please try again.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: /tenant: acme/i })).toBeInTheDocument();
  });
});
