import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { globex, graphqlError, makeUser, renderApp, signedIn } from '../render';
import { findKeysTable, isoFromNow, keyListHandlers, makeKey, type FakeKey } from './fake-keys';

// A key's own role (Create an API Key's Key role, the list, the reveal) and Edit API key.

const DAY = 86_400_000;
const NEW_KEY = 'kpu_Zx9QabcdefghijklmnopqrstuvWXYZ01234567';
// An administrator of Acme and a read-only member of Globex.
const admin = makeUser('TENANT_ADMIN', [{ tenant: globex, role: 'READ_ONLY_USER' }]);

beforeAll(async () => {
  await Promise.all([
    import('../../../src/ui/features/api-keys/api-keys-page'),
    import('../../../src/ui/components/api-keys/create-key-dialog'),
    import('../../../src/ui/components/api-keys/edit-key-dialog'),
  ]);
}, 120_000);

function renderKeys(keys: FakeKey[], sent: Record<string, unknown>[] = []) {
  const create = graphql.mutation('CreateApiKey', ({ variables }) => {
    const input = variables.input as { name: string; role?: string };
    sent.push(variables.input as Record<string, unknown>);
    const row = makeKey({ name: input.name, role: input.role ?? null });
    keys.unshift(row);
    return HttpResponse.json({ data: { create_api_key: { __typename: 'create_api_key_payload', id: row.id, key: NEW_KEY } } });
  });
  return renderApp('/acme/user/keys', { handlers: [...signedIn(admin), create, ...keyListHandlers(keys)] });
}

describe('a key’s own role', { timeout: 45_000 }, () => {
  it('shows a key’s role and description in the list', async () => {
    renderKeys([makeKey({ name: 'reporting', role: 'READ_ONLY_USER', description: 'Dashboards only' }), makeKey({ name: 'full' })]);
    const table = await findKeysTable();
    const row = within(table).getByRole('row', { name: /reporting/ });
    expect(row).toHaveTextContent('(Read-only key)');
    expect(row).toHaveTextContent('Dashboards only');
    expect(within(table).getByRole('row', { name: /full/ })).not.toHaveTextContent(/key\)/);
  });

  it('offers roles up to the owner’s in the chosen tenant, sends the one chosen, and says so in the reveal', async () => {
    const sent: Record<string, unknown>[] = [];
    const { user } = renderKeys([], sent);
    await user.click(await screen.findByRole('button', { name: 'Create an API Key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an API Key' });
    await user.type(within(dialog).getByRole('textbox', { name: /API Key Name/ }), 'reporting');
    await user.click(within(dialog).getByRole('combobox', { name: /Key role/ }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(["Owner's role (Administrator)", 'Administrator', 'User', 'Read-only']);
    await user.click(screen.getByRole('option', { name: 'Read-only' }));
    expect(within(dialog).getByText("The key acts as Read-only at most, even if its owner's role is higher.")).toBeInTheDocument();

    // In Globex the owner is read-only: only that is offered, and the choice goes back to following the owner.
    await user.click(within(dialog).getByRole('combobox', { name: /Tenant/ }));
    await user.click(await screen.findByRole('option', { name: globex.name }));
    await user.click(within(dialog).getByRole('combobox', { name: /Key role/ }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(["Owner's role (Read-only)", 'Read-only']);
    await user.click(screen.getByRole('option', { name: 'Read-only' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    const reveal = await screen.findByRole('dialog', { name: 'Your API key has been created' });
    expect(reveal).toHaveTextContent('It acts as Read-only at most');
    expect(sent).toEqual([expect.objectContaining({ name: 'reporting', role: 'READ_ONLY_USER', default_tenant_id: globex.id })]);
  });

  it('sends no role when the key follows its owner, as Prefect clients do', async () => {
    const sent: Record<string, unknown>[] = [];
    const { user } = renderKeys([], sent);
    await user.click(await screen.findByRole('button', { name: 'Create an API Key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an API Key' });
    await user.type(within(dialog).getByRole('textbox', { name: /API Key Name/ }), 'follows');
    await user.click(within(dialog).getByRole('button', { name: 'Show GraphQL' }));
    expect(JSON.parse(within(dialog).getByLabelText('Variables', { selector: 'pre' }).textContent ?? '').input).not.toHaveProperty('role');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await screen.findByRole('dialog', { name: 'Your API key has been created' });
    expect(sent[0]).not.toHaveProperty('role');
  });

  it('puts a refused role on the Key role field', async () => {
    const refusal = graphql.mutation('CreateApiKey', () =>
      graphqlError('BAD_USER_INPUT', "A key's role can be at most its owner's role in the tenant (User).", 'role'),
    );
    const { user } = renderApp('/acme/user/keys', { handlers: [refusal, ...signedIn(admin), ...keyListHandlers([])] });
    await user.click(await screen.findByRole('button', { name: 'Create an API Key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an API Key' });
    await user.type(within(dialog).getByRole('textbox', { name: /API Key Name/ }), 'up');
    await user.click(within(dialog).getByRole('combobox', { name: /Key role/ }));
    await user.click(await screen.findByRole('option', { name: 'Administrator' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText("A key's role can be at most its owner's role in the tenant (User).")).toBeInTheDocument();
  });
});

describe('Edit API key', { timeout: 45_000 }, () => {
  async function openEdit(key: FakeKey) {
    const keys = [key, makeKey({ name: 'other' })];
    const rendered = renderKeys(keys);
    const table = await findKeysTable();
    await rendered.user.click(within(table).getByRole('button', { name: `Edit API key ${key.name}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit API key' });
    return { ...rendered, keys, table, dialog };
  }

  it('renames, brings the expiry forward and describes a key, sending only what changed; the row updates in place', async () => {
    const key = makeKey({ name: 'deploy', expires_at: isoFromNow(45 * DAY) });
    const { user, dialog, table } = await openEdit(key);
    const save = within(dialog).getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    const name = within(dialog).getByRole('textbox', { name: /API Key Name/ });
    await user.clear(name);
    await user.type(name, 'deploy-prod');
    await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'GitHub Actions, prod');
    // Only expiries before the key's own (45 days) are offered.
    await user.click(within(dialog).getByRole('combobox', { name: /Expiration/ }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['Keep the current expiry', 'In 1 day', 'In 7 days', 'In 30 days']);
    await user.click(screen.getByRole('option', { name: 'In 7 days' }));

    await user.click(within(dialog).getByRole('button', { name: 'Show GraphQL' }));
    expect(within(dialog).getByLabelText('Mutation', { selector: 'pre' })).toHaveTextContent('update_api_key(input: $input)');
    const variables = JSON.parse(within(dialog).getByLabelText('Variables', { selector: 'pre' }).textContent ?? '');
    expect(variables.input).toMatchObject({ key_id: key.id, name: 'deploy-prod', description: 'GitHub Actions, prod' });
    expect(Date.parse(variables.input.expires_at)).toBeGreaterThan(Date.now() + 6 * DAY);

    await user.click(save);
    expect(await screen.findByText('API key "deploy-prod" saved')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const row = within(table).getByRole('row', { name: /deploy-prod/ });
    expect(row).toHaveTextContent('GitHub Actions, prod');
    expect(row).toHaveTextContent('in 7 days');
    expect(key).toMatchObject({ name: 'deploy-prod', description: 'GitHub Actions, prod' });
  });

  it('holds name and description to the shared rules, and offers every shorter expiry for a key that never expires', async () => {
    const key = makeKey({ name: 'forever', expires_at: null, description: 'old words' });
    const { user, dialog } = await openEdit(key);
    const name = within(dialog).getByRole('textbox', { name: /API Key Name/ });
    await user.clear(name);
    expect(await within(dialog).findByText('API Key Name is required.')).toBeInTheDocument();
    await user.type(name, 'forever');
    const description = within(dialog).getByRole('textbox', { name: 'Description' });
    await user.clear(description);
    await user.click(description);
    await user.paste('x'.repeat(501));
    expect(await within(dialog).findByText('Description must be at most 500 characters.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.click(within(dialog).getByRole('combobox', { name: /Expiration/ }));
    expect(await screen.findAllByRole('option')).toHaveLength(6);
  });

  it('shows the server’s refusal on its field and keeps the dialog open', async () => {
    const key = makeKey({ name: 'deploy' });
    const keys = [key];
    const refusal = graphql.mutation('UpdateApiKey', () =>
      graphqlError('BAD_USER_INPUT', 'Description cannot contain control, invisible or text-direction characters.', 'description'),
    );
    const { user } = renderApp('/acme/user/keys', { handlers: [refusal, ...signedIn(admin), ...keyListHandlers(keys)] });
    const table = await findKeysTable();
    await user.click(within(table).getByRole('button', { name: 'Edit API key deploy' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit API key' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'words');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Description cannot contain control, invisible or text-direction characters.')).toBeInTheDocument();
    expect(key.description).toBeNull();
  });
});
