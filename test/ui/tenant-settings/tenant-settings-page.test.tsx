import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { nameProblemMessage } from '../../../src/shared/names';
import { acme, appShellData, globex, graphqlError, makeUser, otherPagesFail, renderApp, type FixtureTenant, type FixtureUser } from '../render';

let tenant: FixtureTenant;
let me: FixtureUser;
let requests: { operation: string; input: unknown }[];

beforeEach(() => {
  tenant = { ...acme };
  requests = [];
});

/** The shell, the settings query and the three mutations, answering from `tenant` as it changes. */
function handlers(user: FixtureUser, keyCount: number | null = 14) {
  me = user;
  const shell = () => ({ ...me, memberships: me.memberships.map((m) => (m.tenant.id === acme.id ? { ...m, tenant } : m)) });
  return [
    graphql.query('AppShell', () => HttpResponse.json({ data: appShellData(shell()) })),
    graphql.query('TenantByPreviousSlug', () => HttpResponse.json({ data: { tenant_by_previous_slug: null } })),
    graphql.query('TenantSettingsPage', () =>
      HttpResponse.json({
        data: { tenant_by_pk: { __typename: 'tenant', id: tenant.id, name: tenant.name, slug: tenant.slug, live_api_key_count: keyCount } },
      }),
    ),
    graphql.mutation('RenameTenant', ({ variables }) => {
      requests.push({ operation: 'RenameTenant', input: variables.input });
      tenant = { ...tenant, name: variables.input.name };
      return HttpResponse.json({ data: { update_tenant_name: { __typename: 'tenant', id: tenant.id, name: tenant.name } } });
    }),
    graphql.mutation('ChangeTenantSlug', ({ variables }) => {
      requests.push({ operation: 'ChangeTenantSlug', input: variables.input });
      if (variables.input.slug === 'globex') return graphqlError('BAD_USER_INPUT', 'The slug "globex" is already taken.', 'slug');
      tenant = { ...tenant, slug: variables.input.slug };
      return HttpResponse.json({ data: { update_tenant_slug: { __typename: 'tenant', id: tenant.id, slug: tenant.slug } } });
    }),
    graphql.mutation('DeleteTenant', ({ variables }) => {
      requests.push({ operation: 'DeleteTenant', input: variables.input });
      me = { ...me, memberships: me.memberships.filter((m) => m.tenant.id !== acme.id) };
      return HttpResponse.json({ data: { delete_tenant: { __typename: 'success_payload', success: true } } });
    }),
    otherPagesFail,
  ];
}

describe('Team › Settings', () => {
  it('is in the navigation for administrators only, and its page tells others who may change settings', async () => {
    const admin = renderApp('/acme/team/members', { handlers: handlers(makeUser('TENANT_ADMIN')) });
    expect(await screen.findByRole('link', { name: 'Settings' })).toHaveAttribute('href', '/acme/team/settings');
    admin.unmount();

    for (const role of ['USER', 'READ_ONLY_USER']) {
      const other = renderApp('/acme/team/settings', { handlers: handlers(makeUser(role)) });
      expect(await screen.findByText('Only administrators can change the settings')).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Members' })).toBeInTheDocument();
      expect(screen.queryByRole('link', { name: 'Settings' })).not.toBeInTheDocument();
      expect(screen.queryByRole('textbox', { name: /tenant name/i })).not.toBeInTheDocument();
      other.unmount();
    }
  });

  it('renames the tenant with the shared name rule, and says it saved', async () => {
    const { user } = renderApp('/acme/team/settings', { handlers: handlers(makeUser('TENANT_ADMIN')) });
    const name = await screen.findByRole('textbox', { name: 'Tenant name' });
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByText(nameProblemMessage('Tenant name', 'required'))).toBeInTheDocument();
    expect(requests).toEqual([]);

    await user.type(name, '  Acme Industries ');
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(await screen.findByText('Name saved.')).toBeInTheDocument();
    expect(requests).toEqual([{ operation: 'RenameTenant', input: { tenant_id: acme.id, name: 'Acme Industries' } }]);
    // The tenant menu shows the new name once the account is refetched.
    expect(await screen.findByRole('button', { name: /Acme Industries/ })).toBeInTheDocument();
  });

  it("shows the server's refusal of another of the person's tenants' names on the name field, and keeps the name", async () => {
    const refused = graphql.mutation('RenameTenant', ({ variables }) => {
      requests.push({ operation: 'RenameTenant', input: variables.input });
      return graphqlError('BAD_USER_INPUT', 'You already belong to a tenant named Globex.', 'name');
    });
    const { user } = renderApp('/acme/team/settings', {
      handlers: [refused, ...handlers(makeUser('TENANT_ADMIN', [{ tenant: globex, role: 'TENANT_ADMIN' }]))],
    });
    const name = await screen.findByRole('textbox', { name: 'Tenant name' });
    await user.clear(name);
    await user.type(name, 'globex');
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByText('You already belong to a tenant named Globex.')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveValue('globex');
    expect(screen.queryByText('Name saved.')).not.toBeInTheDocument();
    expect(requests).toEqual([{ operation: 'RenameTenant', input: { tenant_id: acme.id, name: 'globex' } }]);
  });

  it("refuses a taken slug with the server's words, then moves to the new URL", async () => {
    const { user, router } = renderApp('/acme/team/settings', { handlers: handlers(makeUser('TENANT_ADMIN', [{ tenant: globex, role: 'USER' }])) });
    const slug = await screen.findByRole('textbox', { name: 'URL name' });
    await user.clear(slug);
    await user.type(slug, 'Not a slug');
    await user.click(screen.getByRole('button', { name: 'Change URL' }));
    expect(await screen.findByText(/A slug is 1–40 lowercase letters/)).toBeInTheDocument();
    expect(requests).toEqual([]);

    await user.clear(slug);
    await user.type(slug, 'globex');
    await user.click(screen.getByRole('button', { name: 'Change URL' }));
    expect(await screen.findByText('The slug "globex" is already taken.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/acme/team/settings');

    await user.clear(slug);
    await user.type(slug, 'acme-corp');
    await user.click(screen.getByRole('button', { name: 'Change URL' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/acme-corp/team/settings'));
    expect(await screen.findByText('The URL is now /acme-corp. Links to /acme lead here until another tenant takes that name.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'URL name' })).toHaveValue('acme-corp');
  });

  it('deletes the tenant only once its exact name is typed, saying how many keys stop, and lands on another tenant', async () => {
    const { user, router } = renderApp('/acme/team/settings', { handlers: handlers(makeUser('TENANT_ADMIN', [{ tenant: globex, role: 'USER' }])) });
    await user.click(await screen.findByRole('button', { name: 'Delete tenant' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Acme?' });
    expect(within(dialog).getByText(/14 API keys will stop working at once\./)).toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: 'Delete tenant' });
    expect(confirm).toBeDisabled();
    const typed = within(dialog).getByRole('textbox', { name: 'Tenant name' });
    for (const almost of ['acme', 'Acme ', 'Acm']) {
      await user.clear(typed);
      await user.type(typed, almost);
      expect(confirm, almost).toBeDisabled();
    }
    await user.type(typed, '{Enter}');
    expect(requests).toEqual([]);

    await user.clear(typed);
    await user.type(typed, 'Acme');
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    await waitFor(() => expect(router.state.location.pathname).toBe('/globex/user/keys'));
    expect(requests).toEqual([{ operation: 'DeleteTenant', input: { tenant_id: acme.id, confirm: true } }]);
  });

  it('sends someone whose last tenant it was to the page for people in no tenant', async () => {
    const { user, router } = renderApp('/acme/team/settings', { handlers: handlers(makeUser('TENANT_ADMIN'), 1) });
    await user.click(await screen.findByRole('button', { name: 'Delete tenant' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Acme?' });
    expect(within(dialog).getByText(/1 API key will stop working at once\./)).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Tenant name' }), 'Acme');
    await user.click(within(dialog).getByRole('button', { name: 'Delete tenant' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/no-tenant'));
    expect(await screen.findByRole('heading', { name: 'You are not in any tenant' })).toBeInTheDocument();
  });
});

describe('an old tenant slug', () => {
  it('leads to the same page under the new slug, keeping the query', async () => {
    const { router } = renderApp('/old-acme/team/members?page=2&size=50', {
      handlers: [
        graphql.query('TenantByPreviousSlug', ({ variables }) =>
          HttpResponse.json({ data: { tenant_by_previous_slug: variables.slug === 'old-acme' ? { __typename: 'tenant', id: acme.id, slug: 'acme' } : null } }),
        ),
        ...handlers(makeUser('TENANT_ADMIN')),
      ],
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/acme/team/members'));
    expect(router.state.location.search).toBe('?page=2&size=50');
  });

  it('that is no old slug of yours still says you are not a member', async () => {
    renderApp('/initech/team/members', { handlers: handlers(makeUser('TENANT_ADMIN')) });
    expect(await screen.findByText('You are not a member of “initech”')).toBeInTheDocument();
  });
});
