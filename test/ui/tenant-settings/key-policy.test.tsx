import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { acme, appShellData, graphqlError, makeUser, otherPagesFail, renderApp } from '../render';

// Team › Settings › Key policy: the form sends what was chosen, the server's refusal lands
// on its field, and keys already outside the policy are shortened only when confirmed.

interface Policy {
  user_key_max_days: number | null;
  service_key_max_days: number | null;
  require_expiry: boolean;
  idle_days: number | null;
}

let policy: Policy;
let outside: { user_keys: number; service_account_keys: number };
let requests: { operation: string; input: unknown }[];

beforeEach(() => {
  policy = { user_key_max_days: null, service_key_max_days: 45, require_expiry: false, idle_days: null };
  outside = { user_keys: 0, service_account_keys: 0 };
  requests = [];
});

const answer = () => ({ __typename: 'tenant_policy', tenant_id: acme.id, ...policy, keys_outside: { __typename: 'tenant_policy_keys_outside', ...outside } });

function handlers() {
  const admin = makeUser('TENANT_ADMIN');
  return [
    graphql.query('AppShell', () => HttpResponse.json({ data: appShellData(admin) })),
    graphql.query('TenantByPreviousSlug', () => HttpResponse.json({ data: { tenant_by_previous_slug: null } })),
    graphql.query('TenantSettingsPage', () =>
      HttpResponse.json({ data: { tenant_by_pk: { __typename: 'tenant', id: acme.id, name: acme.name, slug: acme.slug, live_api_key_count: 3 } } }),
    ),
    graphql.query('KeyPolicySection', () => HttpResponse.json({ data: { tenant_policy: answer() } })),
    graphql.mutation('SetTenantPolicy', ({ variables }) => {
      requests.push({ operation: 'SetTenantPolicy', input: variables.input });
      if (variables.input.idle_days === 30)
        return graphqlError('BAD_USER_INPUT', 'Give a whole number of days from 1 to 3650, or none for no limit.', 'idle_days');
      const { tenant_id: _tenant, ...sent } = variables.input as Policy & { tenant_id: string };
      policy = sent;
      if (policy.user_key_max_days !== null) outside = { user_keys: 2, service_account_keys: 1 };
      return HttpResponse.json({ data: { set_tenant_policy: answer() } });
    }),
    graphql.mutation('ShortenKeysToTenantPolicy', ({ variables }) => {
      requests.push({ operation: 'ShortenKeysToTenantPolicy', input: variables.input });
      const shortened = outside.user_keys + outside.service_account_keys;
      outside = { user_keys: 0, service_account_keys: 0 };
      return HttpResponse.json({ data: { shorten_keys_to_tenant_policy: { __typename: 'shorten_keys_payload', shortened } } });
    }),
    otherPagesFail,
  ];
}

describe('Team › Settings › Key policy', () => {
  it('shows the policy the server holds, an unlisted day count included', async () => {
    renderApp('/acme/team/settings', { handlers: handlers() });
    const section = await screen.findByRole('region', { name: 'Key policy' });
    expect(await within(section).findByRole('combobox', { name: 'Longest lifetime of user keys' })).toHaveTextContent('No limit');
    expect(within(section).getByRole('combobox', { name: 'Longest lifetime of service-account keys' })).toHaveTextContent('45 days');
    expect(within(section).getByRole('checkbox', { name: 'Every key must expire' })).not.toBeChecked();
    expect(within(section).getByRole('combobox', { name: 'Revoke keys unused for' })).toHaveTextContent('Never');
    expect(within(section).getByText('Every live key is within this policy.')).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Save policy' })).toBeDisabled();
  });

  it('saves what was chosen, then says how many keys fall outside and shortens them once confirmed', async () => {
    const { user } = renderApp('/acme/team/settings', { handlers: handlers() });
    const section = await screen.findByRole('region', { name: 'Key policy' });
    await user.click(await within(section).findByRole('combobox', { name: 'Longest lifetime of user keys' }));
    await user.click(await screen.findByRole('option', { name: '90 days' }));
    await user.click(within(section).getByRole('checkbox', { name: 'Every key must expire' }));
    await user.click(within(section).getByRole('button', { name: 'Save policy' }));
    expect(await within(section).findByText('Policy saved.')).toBeInTheDocument();
    expect(requests).toEqual([
      {
        operation: 'SetTenantPolicy',
        input: { tenant_id: acme.id, user_key_max_days: 90, service_key_max_days: 45, require_expiry: true, idle_days: null },
      },
    ]);

    expect(await within(section).findByText(/3 keys that exist fall outside this policy \(2 user keys and 1 service-account key\)/)).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Shorten them' }));
    const dialog = await screen.findByRole('dialog', { name: 'Shorten 3 keys?' });
    expect(within(dialog).getByText(/user keys by .*, service-account keys by /)).toBeInTheDocument();
    // Cancel leaves the keys alone.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requests).toHaveLength(1);

    await user.click(within(section).getByRole('button', { name: 'Shorten them' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Shorten 3 keys?' })).getByRole('button', { name: 'Shorten keys' }));
    expect(await within(section).findByText('Shortened 3 keys. Every live key is within this policy.')).toBeInTheDocument();
    expect(requests[1]).toEqual({ operation: 'ShortenKeysToTenantPolicy', input: { tenant_id: acme.id } });
  });

  it("puts the server's refusal on its field and keeps the choice", async () => {
    const { user } = renderApp('/acme/team/settings', { handlers: handlers() });
    const section = await screen.findByRole('region', { name: 'Key policy' });
    await user.click(await within(section).findByRole('combobox', { name: 'Revoke keys unused for' }));
    await user.click(await screen.findByRole('option', { name: '30 days' }));
    await user.click(within(section).getByRole('button', { name: 'Save policy' }));
    expect(await within(section).findByText('Give a whole number of days from 1 to 3650, or none for no limit.')).toBeInTheDocument();
    expect(within(section).getByRole('combobox', { name: 'Revoke keys unused for' })).toHaveTextContent('30 days');
    expect(within(section).queryByText('Policy saved.')).not.toBeInTheDocument();
  });
});
