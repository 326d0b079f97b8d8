import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { keyChecksum, MISTYPED_KEY_MESSAGE } from '../../../src/shared/key-format';
import { acme, appShellData, graphqlError, makeUser, otherPagesFail, renderApp } from '../render';

// Team › Whose key is this?: the checksum is checked as the key is typed (no request for
// a typo), the answer shows whose key it is, and Revoke as leaked asks where it was found.

const body = 'kps_igpmQ3xY7bLw2ZtR9cVn4KfHs8Dj1M';
const KEY = body + keyChecksum(body);
const TYPO = `${KEY.slice(0, 12)}${KEY[12] === 'a' ? 'b' : 'a'}${KEY.slice(13)}`;
const KEY_ID = 'a1a1a1a1-0000-4000-8000-000000000001';

let lookups: Record<string, unknown>[];
let reports: Record<string, unknown>[];

const match = {
  __typename: 'api_key_lookup',
  last_used_address: '203.0.113.7',
  api_key: {
    __typename: 'auth_api_key',
    id: KEY_ID,
    name: 'deploy-prod',
    key_hint: KEY.slice(0, 8),
    created: '2026-01-05T10:00:00.000Z',
    expires_at: null,
    last_used_at: new Date(Date.now() - 5 * 60_000).toISOString(),
    user: { __typename: 'api_key_user', id: 'b0b00000-0000-4000-8000-000000000009', username: 'ci-deployer', account_type: 'SERVICE' },
    created_by: { __typename: 'api_key_user', id: 'b0b00000-0000-4000-8000-000000000001', username: 'alice' },
    tenant: { __typename: 'tenant', id: acme.id, name: acme.name },
  },
};

function handlers(role = 'TENANT_ADMIN', found = true) {
  return [
    graphql.query('AppShell', () => HttpResponse.json({ data: appShellData(makeUser(role)) })),
    graphql.query('TenantByPreviousSlug', () => HttpResponse.json({ data: { tenant_by_previous_slug: null } })),
    graphql.query('KeyLookupPage', ({ variables }) => {
      lookups.push(variables);
      return HttpResponse.json({ data: { lookup_api_key: found ? [match] : [] } });
    }),
    graphql.mutation('RevokeApiKeyAsLeaked', ({ variables }) => {
      reports.push(variables.input as Record<string, unknown>);
      return HttpResponse.json({ data: { revoke_api_key_as_leaked: { __typename: 'success_payload', success: true, error: null } } });
    }),
    otherPagesFail,
  ];
}

beforeEach(() => {
  lookups = [];
  reports = [];
});

describe('Team › Whose key is this?', () => {
  it('is in the navigation for administrators, and tells others it is theirs alone', async () => {
    const admin = renderApp('/acme/team/members', { handlers: handlers() });
    expect(await screen.findByRole('link', { name: 'Whose key is this?' })).toHaveAttribute('href', '/acme/team/whose-key');
    admin.unmount();
    const user = renderApp('/acme/team/whose-key', { handlers: handlers('USER') });
    expect(await screen.findByText('Only administrators can look up whose a key is')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Whose key is this?' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Key or hint' })).not.toBeInTheDocument();
    user.unmount();
  });

  it('says a mistyped key is mistyped as it is pasted, without a request', async () => {
    const { user } = renderApp('/acme/team/whose-key', { handlers: handlers() });
    const field = await screen.findByRole('textbox', { name: 'Key or hint' });
    await user.click(field);
    await user.paste(TYPO);
    expect(field).toHaveAccessibleDescription(MISTYPED_KEY_MESSAGE);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Look up' })).toBeDisabled();
    await user.clear(field);
    await user.paste(KEY);
    expect(field).toHaveAccessibleDescription(`The checksum matches: a whole key (${KEY.slice(0, 8)}…).`);
    expect(lookups).toEqual([]);
  });

  it('shows whose key it is, and revokes it as leaked with where it was found', async () => {
    const { user } = renderApp('/acme/team/whose-key', { handlers: handlers() });
    await user.click(await screen.findByRole('textbox', { name: 'Key or hint' }));
    await user.paste(KEY);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    const card = await screen.findByRole('article', { name: "deploy-prod, ci-deployer's key" });
    expect(lookups).toEqual([{ key: KEY }]);
    expect(within(card).getByText('ci-deployer (service account)')).toBeInTheDocument();
    expect(within(card).getByText('Acme')).toBeInTheDocument();
    expect(within(card).getByText('alice')).toBeInTheDocument();
    expect(within(card).getByText('203.0.113.7')).toBeInTheDocument();
    expect(within(card).getByText('5 minutes ago')).toBeInTheDocument();

    // Show GraphQL shows the query, never the key.
    await user.click(screen.getByRole('button', { name: 'Show GraphQL' }));
    expect(await screen.findByText(/lookup_api_key\(key: \$key, hint: \$hint\)/)).toBeInTheDocument();
    expect(document.body.textContent).not.toContain(KEY.slice(8));

    await user.click(within(card).getByRole('button', { name: 'Revoke as leaked' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke deploy-prod as leaked?' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Where was it found?' }), 'https://github.com/acme/app/blob/main/.env');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke as leaked' }));
    await waitFor(() => expect(reports).toEqual([{ key: KEY, found_at: 'https://github.com/acme/app/blob/main/.env' }]));
    expect(await screen.findByText('Revoked deploy-prod as leaked.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('article')).not.toBeInTheDocument());
  });

  it('looks a hint up, and says when nothing of this tenant matches', async () => {
    const { user } = renderApp('/acme/team/whose-key', { handlers: handlers('TENANT_ADMIN', false) });
    const field = await screen.findByRole('textbox', { name: 'Key or hint' });
    await user.click(field);
    await user.paste('kps_igpm…');
    expect(field).toHaveAccessibleDescription('A hint: every key of this tenant that starts with kps_igpm is shown.');
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect(await screen.findByText('No key of this tenant matches')).toBeInTheDocument();
    expect(lookups).toEqual([{ hint: 'kps_igpm' }]);
  });

  it("shows the server's refusal, such as the limit on lookups", async () => {
    const { user } = renderApp('/acme/team/whose-key', {
      handlers: [
        graphql.query('KeyLookupPage', () => graphqlError('RATE_LIMITED', 'Too many lookups of keys that were not found; try again in 42 seconds.')),
        ...handlers(),
      ],
    });
    await user.click(await screen.findByRole('textbox', { name: 'Key or hint' }));
    await user.paste(KEY);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect(await screen.findByText(/try again/i)).toBeInTheDocument();
  });
});
