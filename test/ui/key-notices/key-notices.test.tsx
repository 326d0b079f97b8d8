import { screen } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { makeUser, renderApp, signedIn } from '../render';
import { findKeysTable, keyListHandlers, variedKeys } from '../api-keys/fake-keys';

const alice = makeUser('USER');

const notices = (counts: { own_expiring_count: number; own_idle_count: number; service_expiring_count?: number | null; service_idle_count?: number | null }) =>
  graphql.query('KeyNotices', () =>
    HttpResponse.json({ data: { key_notices: { __typename: 'key_notices', service_expiring_count: null, service_idle_count: null, ...counts } } }),
  );

describe('Key notices', { timeout: 45_000 }, () => {
  it('says on User › API Keys how many of your keys expire this week, and shows a badge in the top bar that leads there', async () => {
    renderApp('/acme/user/keys', { handlers: [notices({ own_expiring_count: 2, own_idle_count: 1 }), ...signedIn(alice), ...keyListHandlers(variedKeys())] });
    await findKeysTable();
    expect(await screen.findByText(/2 keys expire this week\. 1 unused key will be revoked this week unless it is used\./)).toBeInTheDocument();
    const badge = await screen.findByRole('link', { name: '3 key notices' });
    expect(badge).toHaveAttribute('href', '/acme/user/keys');
  });

  it('says "1 key expires" for one', async () => {
    renderApp('/acme/user/keys', {
      handlers: [notices({ own_expiring_count: 1, own_idle_count: 0 }), ...signedIn(alice), ...keyListHandlers(variedKeys())],
    });
    expect(await screen.findByText(/^1 key expires this week\./)).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '1 key notice' })).toBeInTheDocument();
  });

  it('shows nothing when no key needs acting on', async () => {
    renderApp('/acme/user/keys', { handlers: [...signedIn(alice), ...keyListHandlers(variedKeys())] });
    await findKeysTable();
    expect(screen.queryByText(/this week/)).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /key notice/ })).not.toBeInTheDocument();
  });
});
