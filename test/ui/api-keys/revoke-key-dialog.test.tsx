import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse, type RequestHandler } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { globex, graphqlError, makeUser, renderApp, signedIn } from '../render';
import { findKeysTable, keyListHandlers, variedKeys, type KeyListRequest } from './fake-keys';

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
