import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse, type RequestHandler } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { globex, graphqlError, keyPolicyRule, makeUser, renderApp, signedIn } from '../render';
import { findKeysTable, isoFromNow, keyListHandlers, makeKey, variedKeys, type FakeKey } from './fake-keys';

const alice = makeUser('USER', [{ tenant: globex, role: 'USER' }]);
const NEW_KEY = 'kpu_R0tated0000000000000000000000abcdef';

beforeAll(async () => {
  await Promise.all([import('../../../src/ui/features/api-keys/api-keys-page'), import('../../../src/ui/components/api-keys/rotate-key-dialog')]);
}, 120_000);

/** The server's rotate_api_key, as far as the list shows it: the old key rotating, the successor replacing it. */
function rotateHandler(keys: FakeKey[], calls: unknown[]) {
  return graphql.mutation('RotateApiKey', ({ variables }) => {
    calls.push(variables.input);
    const old = keys.find((k) => k.id === variables.input.key_id)!;
    const overlap = variables.input.overlap as number;
    const successor = makeKey({
      name: old.name,
      key_hint: 'kpu_R0ta',
      replaces_key_hint: overlap === 0 ? null : old.key_hint,
      created: new Date().toISOString(),
    });
    if (overlap === 0) keys.splice(keys.indexOf(old), 1);
    else old.rotation_ends_at = isoFromNow(overlap * 1000);
    keys.push(successor);
    return HttpResponse.json({ data: { rotate_api_key: { __typename: 'create_api_key_payload', id: successor.id, key: NEW_KEY } } });
  });
}

async function openRotate(fail = false, extra: RequestHandler[] = []) {
  const keys = variedKeys();
  const calls: unknown[] = [];
  const handlers = [
    ...extra,
    ...(fail
      ? [graphql.mutation('RotateApiKey', () => graphqlError('BAD_USER_INPUT', 'This key is already being rotated: use its successor.', 'key_id'))]
      : []),
    rotateHandler(keys, calls),
    ...signedIn(alice),
    ...keyListHandlers(keys),
  ];
  const rendered = renderApp('/acme/user/keys', { handlers });
  const table = await findKeysTable();
  await rendered.user.click(within(table).getByRole('button', { name: 'Rotate API key laptop' }));
  const dialog = await screen.findByRole('dialog', { name: 'Rotate API key' });
  return { ...rendered, keys, calls, dialog, table };
}

describe('Rotate API key', { timeout: 45_000 }, () => {
  it('sits beside the trash icon on every row, after Edit', async () => {
    renderApp('/acme/user/keys', { handlers: [...signedIn(alice), ...keyListHandlers(variedKeys())] });
    const table = await findKeysTable();
    const row = within(table).getByRole('row', { name: /ci deploy/ });
    const buttons = within(row)
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label'));
    expect(buttons).toEqual(['Edit API key ci deploy', 'Rotate API key ci deploy', 'Revoke API key ci deploy']);
  });

  it('rotates with a 24-hour overlap by default, reveals the new key once, and the list shows the rotation', async () => {
    const { user, dialog, calls, keys, table } = await openRotate();
    expect(dialog).toHaveTextContent('The old key keeps working until the new one is first used');
    await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));
    const reveal = await screen.findByRole('dialog', { name: 'Your new API key has been created' });
    expect(calls).toEqual([{ key_id: keys[0].id, overlap: 86_400 }]);
    await user.click(within(reveal).getByRole('button', { name: 'Copy' }));
    await user.click(within(reveal).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await within(table).findByText('rotating — old key ends at first use of the new one, or in 1 day')).toBeInTheDocument();
    expect(within(table).getByText(/replaces kpu_Ab\d\d… until this key is first used/)).toBeInTheDocument();
  });

  it('sends the chosen overlap and expiry, and Show GraphQL shows exactly that, never a key', async () => {
    const { user, dialog, keys } = await openRotate();
    await user.click(within(dialog).getByRole('combobox', { name: 'Old key keeps working for at most' }));
    await user.click(await screen.findByRole('option', { name: 'End the old key now' }));
    await user.click(within(dialog).getByRole('combobox', { name: 'New key expires' }));
    await user.click(await screen.findByRole('option', { name: 'Never expires' }));
    await user.click(within(dialog).getByRole('button', { name: 'Show GraphQL' }));
    expect(within(dialog).getByLabelText('Mutation', { selector: 'pre' })).toHaveTextContent('rotate_api_key(input: $input)');
    const variables = JSON.parse(within(dialog).getByLabelText('Variables', { selector: 'pre' }).textContent ?? '');
    expect(variables).toEqual({ input: { key_id: keys[0].id, overlap: 0, expires_at: null } });
  });

  it('shows the server’s refusal in the dialog', async () => {
    const { user, dialog } = await openRotate(true);
    await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This key is already being rotated: use its successor.');
  });
});

describe("Rotate API key under the tenant's key policy", { timeout: 45_000 }, () => {
  it("offers only expiries within it, the old key's among them when it is within, and says why", async () => {
    // laptop expires in 3 days: within a 7-day limit; 30 and 90 days are not, so the limit itself is offered.
    const { user, dialog } = await openRotate(false, [keyPolicyRule({ user_key_max_days: 7 })]);
    await waitFor(() => expect(within(dialog).getByText("This tenant's key policy limits user keys to 7 days.")).toBeInTheDocument());
    await user.click(within(dialog).getByRole('combobox', { name: 'New key expires' }));
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual(['Same as the old key', '7 days']);
  });
});
