import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse, type RequestHandler } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { globex, graphqlError, makeUser, renderApp, signedIn } from '../render';
import { findKeysTable, isoFromNow, keyListHandlers, variedKeys, type FakeKey, type KeyListRequest } from './fake-keys';

const alice = makeUser('USER', [{ tenant: globex, role: 'USER' }]);

// Load the lazy page and dialog once, outside any test's time limit: the first import
// transforms them, which on a busy machine can take longer than a lookup waits.
beforeAll(async () => {
  await Promise.all([import('../../../src/ui/features/api-keys/api-keys-page'), import('../../../src/ui/components/api-keys/revoke-key-dialog')]);
}, 120_000);

async function openRevoke(extra: RequestHandler[] = []) {
  const keys = variedKeys();
  const requests: KeyListRequest[] = [];
  const rendered = renderApp('/acme/user/keys', {
    handlers: [...extra, ...signedIn(alice), ...keyListHandlers(keys, requests)],
  });
  const table = await findKeysTable();
  const pageLoads = requests.length;
  await rendered.user.click(within(table).getByRole('button', { name: 'Revoke API key laptop' }));
  const dialog = await screen.findByRole('dialog', { name: 'Revoke API key' });
  return { ...rendered, keys, dialog, table, requests, pageLoads };
}

describe('Revoke API key', { timeout: 45_000 }, () => {
  it('names the key and says clients using it will fail at once', async () => {
    const { user, dialog, table } = await openRevoke();
    expect(dialog).toHaveTextContent('Revoke laptop? Clients using this key will fail to authenticate at once.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(table).getByRole('row', { name: /laptop/ })).toBeInTheDocument();
  });

  it('removes the row without reloading the page and confirms with a snackbar', async () => {
    const { user, dialog, table, keys, router } = await openRevoke();
    const laptopId = keys.find((k) => k.name === 'laptop')?.id;
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));

    expect(await screen.findByText('API key "laptop" revoked')).toBeInTheDocument();
    // While the dialog closes, MUI hides the page from the accessibility tree; look after it has gone.
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(within(table).queryByRole('row', { name: /laptop/ })).not.toBeInTheDocument());
    expect(await within(table).findByRole('row', { name: /ci deploy/ })).toBeInTheDocument();
    expect(keys.some((k) => k.id === laptopId)).toBe(false);
    expect(router.state.location.pathname).toBe('/acme/user/keys');
    await waitFor(() => expect(screen.getByText('1–2 of 2')).toBeInTheDocument());
  });

  it('shows the failure and keeps the row when the server refuses', async () => {
    const { user, dialog, table } = await openRevoke([graphql.mutation('RevokeApiKey', () => graphqlError('NOT_FOUND', 'No such API key.'))]);
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('No such API key.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(table).getByRole('row', { name: /laptop/ })).toBeInTheDocument();
    expect(screen.queryByText(/revoked/)).not.toBeInTheDocument();
  });

  it('shows the failure when the session has ended (HTTP 401) and keeps the row', async () => {
    const { user, dialog, table } = await openRevoke([
      graphql.mutation('RevokeApiKey', () =>
        HttpResponse.json({ data: null, errors: [{ message: 'Authentication required.', extensions: { code: 'UNAUTHENTICATED' } }] }, { status: 401 }),
      ),
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Your session has ended. Sign in again, then retry.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(table).getByRole('row', { name: /laptop/ })).toBeInTheDocument();
  });

  it('can show the revoke mutation with the key id, never a key', async () => {
    const { user, dialog, keys } = await openRevoke();
    await user.click(within(dialog).getByRole('button', { name: 'Show GraphQL' }));
    expect(within(dialog).getByLabelText('Mutation', { selector: 'pre' })).toHaveTextContent('delete_api_key(input: $input)');
    const variables = JSON.parse(within(dialog).getByLabelText('Variables', { selector: 'pre' }).textContent ?? '');
    expect(variables).toEqual({ input: { key_id: keys.find((k) => k.name === 'laptop')?.id } });
  });
});

describe('Revoke API key, for a key agents use', { timeout: 45_000 }, () => {
  let agentsAsked = 0;
  async function openRevokeWith(agents: FakeKey['agents']) {
    const keys = variedKeys();
    keys[0].agents = agents;
    agentsAsked = 0;
    const counting = graphql.query('RevokeKeyAgents', ({ variables }) => {
      agentsAsked += 1;
      const key = keys.find((k) => k.id === variables.id)!;
      const rows = (key.agents ?? []).map((a) => ({ __typename: 'agent', ...a }));
      return HttpResponse.json({ data: { auth_api_key: [{ __typename: 'auth_api_key', id: key.id, agents: rows }] } });
    });
    const rendered = renderApp('/acme/user/keys', { handlers: [counting, ...signedIn(alice), ...keyListHandlers(keys)] });
    const table = await findKeysTable();
    await rendered.user.click(within(table).getByRole('button', { name: 'Revoke API key laptop' }));
    return screen.findByRole('dialog', { name: 'Revoke API key' });
  }

  it('names the agents that used it in the last hour and will stop, most recent first', async () => {
    const dialog = await openRevokeWith([
      { id: 'a1', name: 'night-shift', last_queried: isoFromNow(-12 * 60_000) },
      { id: 'a2', name: 'prod-agent-1', last_queried: isoFromNow(-10_000) },
      { id: 'a3', name: 'old-agent', last_queried: isoFromNow(-3 * 3_600_000) },
    ]);
    await waitFor(() =>
      expect(dialog).toHaveTextContent('2 agents used this key in the last hour and will stop: prod-agent-1 (just now), night-shift (12 minutes ago).'),
    );
    expect(dialog).not.toHaveTextContent('old-agent');
  });

  it('says nothing of agents when none used it in the last hour', async () => {
    const dialog = await openRevokeWith([{ id: 'a3', name: 'old-agent', last_queried: isoFromNow(-3 * 3_600_000) }]);
    await waitFor(() => expect(agentsAsked).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(dialog).toHaveTextContent('Clients using this key will fail to authenticate at once. This cannot be undone.');
    expect(dialog).not.toHaveTextContent(/agent/);
  });
});
