import { act, screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse, type RequestHandler } from 'msw';
import { addDays, addYears, endOfDay, format } from 'date-fns';
import { de } from 'date-fns/locale/de';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nameProblemMessage } from '../../../src/shared/names';
import { acme, globex, graphqlError, keyPolicyRule, makeUser, renderApp, signedIn } from '../render';
import { findKeysTable, keyListHandlers, makeKey, variedKeys, type FakeKey } from './fake-keys';

const alice = makeUser('USER', [{ tenant: globex, role: 'USER' }]);
const NEW_KEY = 'kpu_Zx9QabcdefghijklmnopqrstuvWXYZ01234567';
const DAY = 86_400_000;

interface SentInput {
  user_id: string;
  name: string;
  expires_at: string | null;
  default_tenant_id?: string;
}

/** Answers CreateApiKey like the server: records the input, adds the row, returns the key once. */
function createHandler(sent: SentInput[], keys: FakeKey[]) {
  return graphql.mutation('CreateApiKey', ({ variables }) => {
    const input = variables.input as SentInput;
    sent.push(input);
    const tenant = input.default_tenant_id === globex.id ? globex : acme;
    const row = makeKey({ name: input.name, expires_at: input.expires_at, tenant, key_hint: NEW_KEY.slice(0, 8) });
    keys.unshift(row);
    return HttpResponse.json({
      data: { create_api_key: { __typename: 'create_api_key_payload', id: row.id, key: NEW_KEY } },
    });
  });
}

/** The browser's languages, as navigator.languages gives them, for one test. */
function useLanguages(languages: string[]) {
  vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(languages);
}

afterEach(() => {
  vi.restoreAllMocks();
});

async function openCreateDialog(extra: RequestHandler[] = []) {
  const sent: SentInput[] = [];
  const keys = variedKeys();
  const rendered = renderApp('/acme/user/keys', {
    handlers: [...extra, ...signedIn(alice), createHandler(sent, keys), ...keyListHandlers(keys)],
  });
  await findKeysTable();
  await rendered.user.click(screen.getByRole('button', { name: 'Create an API Key' }));
  const dialog = await screen.findByRole('dialog', { name: 'Create an API Key' });
  return { ...rendered, sent, keys, dialog };
}

async function chooseExpiration(user: ReturnType<typeof renderApp>['user'], label: string) {
  await user.click(screen.getByRole('combobox', { name: /API Key Expiration/ }));
  await user.click(await screen.findByRole('option', { name: label }));
}

async function typeCustomDate(user: ReturnType<typeof renderApp>['user'], date: Date) {
  const field = await screen.findByRole('group', { name: /Expiration date/ });
  await user.click(within(field).getByRole('spinbutton', { name: 'Day' }));
  await user.keyboard(format(date, 'dd'));
  await user.click(within(field).getByRole('spinbutton', { name: 'Month' }));
  await user.keyboard(format(date, 'MM'));
  await user.click(within(field).getByRole('spinbutton', { name: 'Year' }));
  await user.keyboard(format(date, 'yyyy'));
}

describe('Create an API Key: the form', { timeout: 45_000 }, () => {
  it('keeps Create disabled until the name is valid, with a message for each rule', async () => {
    const { user, dialog } = await openCreateDialog();
    const name = within(dialog).getByRole('textbox', { name: /API Key Name/ });
    const create = within(dialog).getByRole('button', { name: 'Create' });
    expect(name).toHaveFocus();
    expect(create).toBeDisabled();

    // The shared name rule's words (src/shared/names.ts), which the API answers with too.
    await user.type(name, '   ');
    expect(await within(dialog).findByText(nameProblemMessage('API Key Name', 'required'))).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(create).toBeDisabled();

    await user.clear(name);
    await user.paste('x'.repeat(101));
    expect(await within(dialog).findByText(nameProblemMessage('API Key Name', 'too_long'))).toBeInTheDocument();
    expect(create).toBeDisabled();

    // Characters, not UTF-16 units: 100 emoji are 200 units and still fit, as the API counts them.
    await user.clear(name);
    await user.paste('🔑'.repeat(100));
    await waitFor(() => expect(create).toBeEnabled());
    expect(within(dialog).getByText(/\(100\/100\)/)).toBeInTheDocument();

    await user.clear(name);
    await user.paste('bad\u0007name');
    expect(await within(dialog).findByText(nameProblemMessage('API Key Name', 'unsafe'))).toBeInTheDocument();
    expect(create).toBeDisabled();

    // Text-direction controls too, which the form once let through to the API.
    await user.clear(name);
    await user.paste('invoice\u202Egpj.exe');
    expect(await within(dialog).findByText(nameProblemMessage('API Key Name', 'unsafe'))).toBeInTheDocument();
    expect(create).toBeDisabled();

    await user.clear(name);
    await user.type(name, 'laptop');
    await waitFor(() => expect(create).toBeEnabled());
    expect(name).toHaveAttribute('aria-invalid', 'false');
  });

  it('defaults to 30 days in the current tenant and sends the trimmed name for the signed-in user', async () => {
    const { user, dialog, sent } = await openCreateDialog();
    expect(within(dialog).getByRole('combobox', { name: /API Key Expiration/ })).toHaveTextContent('30 days');
    expect(within(dialog).getByRole('combobox', { name: /Tenant/ })).toHaveTextContent('Acme');
    expect(within(dialog).getByText(`The key will expire on ${format(addDays(new Date(), 30), 'MMM d, yyyy')}.`)).toBeInTheDocument();

    await user.type(within(dialog).getByRole('textbox', { name: /API Key Name/ }), '  laptop  ');
    const before = Date.now();
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await screen.findByRole('dialog', { name: 'Your API key has been created' });
    const after = Date.now();

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ user_id: alice.id, name: 'laptop', default_tenant_id: acme.id });
    const expires = Date.parse(sent[0].expires_at ?? '');
    expect(expires).toBeGreaterThanOrEqual(before + 30 * DAY);
    expect(expires).toBeLessThanOrEqual(after + 30 * DAY);
  });

  it.each([
    ['7 days', 7],
    ['60 days', 60],
    ['90 days', 90],
  ])('sends expires_at %s from now', async (label, days) => {
    const { user, dialog, sent } = await openCreateDialog();
    await user.type(within(dialog).getByRole('textbox', { name: /API Key Name/ }), 'ci');
    await chooseExpiration(user, label);
    const before = Date.now();
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await screen.findByRole('dialog', { name: 'Your API key has been created' });
    const after = Date.now();
    const expires = Date.parse(sent[0].expires_at ?? '');
    expect(expires).toBeGreaterThanOrEqual(before + days * DAY);
    expect(expires).toBeLessThanOrEqual(after + days * DAY);
  });

  it('sends no expiry for "Never expires" and advises a service-account key for long-lived uses', async () => {
    const { user, dialog, sent } = await openCreateDialog();
    await user.type(within(dialog).getByRole('textbox', { name: /API Key Name/ }), 'forever');
    await chooseExpiration(user, 'Never expires');
    expect(within(dialog).getByText(/For long-lived uses such as CI and agents, use a service-account key instead/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await screen.findByRole('dialog', { name: 'Your API key has been created' });
    expect(sent[0].expires_at).toBeNull();
  });

  it('takes a custom date from tomorrow on and sends the end of that day', async () => {
    const { user, dialog, sent } = await openCreateDialog();
    await user.type(within(dialog).getByRole('textbox', { name: /API Key Name/ }), 'audit');
    await chooseExpiration(user, 'Custom date');
    const create = within(dialog).getByRole('button', { name: 'Create' });
    expect(create).toBeDisabled();

    await typeCustomDate(user, new Date());
    expect(await within(dialog).findByText('Choose a date from tomorrow on')).toBeInTheDocument();
    expect(create).toBeDisabled();

    const chosen = addDays(new Date(), 45);
    await typeCustomDate(user, chosen);
    await waitFor(() => expect(create).toBeEnabled());
    await user.click(create);
    await screen.findByRole('dialog', { name: 'Your API key has been created' });
    expect(sent[0].expires_at).toBe(endOfDay(chosen).toISOString());
  });

  it.each([
    ['en-US', 'Month Day Year', (d: Date) => format(d, 'MMddyyyy'), (d: Date) => format(d, 'MMM d, yyyy')],
    ['en-GB', 'Day Month Year', (d: Date) => format(d, 'ddMMyyyy'), (d: Date) => format(d, 'd MMM yyyy')],
    ['de-DE', 'Day Month Year', (d: Date) => format(d, 'ddMMyyyy'), (d: Date) => format(d, 'd. MMM yyyy', { locale: de })],
  ])('takes the date in the order of the user’s locale (%s) and shows dates that way', async (language, order, typed, shown) => {
    useLanguages([language]);
    const { user, dialog, sent } = await openCreateDialog();
    expect(within(dialog).getByText(`The key will expire on ${shown(addDays(new Date(), 30))}.`)).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /API Key Name/ }), 'holidays');
    await chooseExpiration(user, 'Custom date');
    const field = await screen.findByRole('group', { name: /Expiration date/ });
    const sections = within(field).getAllByRole('spinbutton');
    expect(sections.map((section) => section.getAttribute('aria-label')).join(' ')).toBe(order);

    // Typed as a person of that locale types it, from the first section on: 12/25/2027 in the US.
    const christmas = new Date(new Date().getFullYear() + 1, 11, 25);
    await user.click(sections[0]);
    await user.keyboard(typed(christmas));
    const create = within(dialog).getByRole('button', { name: 'Create' });
    await waitFor(() => expect(create).toBeEnabled());
    await user.click(create);
    await screen.findByRole('dialog', { name: 'Your API key has been created' });
    expect(sent[0].expires_at).toBe(endOfDay(christmas).toISOString());
  });

  it('says how far ahead a custom date may be and refuses a later one', async () => {
    const { user, dialog } = await openCreateDialog();
    await user.type(within(dialog).getByRole('textbox', { name: /API Key Name/ }), 'forever-ish');
    await chooseExpiration(user, 'Custom date');
    expect(within(dialog).getByText('Pick the last day the key works, at most 5 years from now.')).toBeInTheDocument();
    await typeCustomDate(user, addYears(new Date(), 6));
    expect(await within(dialog).findByText('The expiration can be at most 5 years from now.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Create' })).toBeDisabled();

    await typeCustomDate(user, addDays(addYears(new Date(), 5), -1));
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Create' })).toBeEnabled());
  });

  it('starts in the tenant the user is in now, after switching tenants', async () => {
    const { user, router } = await openCreateDialog();
    await user.click(within(screen.getByRole('dialog', { name: 'Create an API Key' })).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await router.navigate('/globex/user/keys');
    await screen.findByRole('button', { name: /Tenant: Globex/ });
    await user.click(screen.getByRole('button', { name: 'Create an API Key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an API Key' });
    expect(within(dialog).getByRole('combobox', { name: /Tenant/ })).toHaveTextContent('Globex');
  });

  it('creates the key in the tenant chosen, and Enter submits', async () => {
    const { user, dialog, sent } = await openCreateDialog();
    await user.click(within(dialog).getByRole('combobox', { name: /Tenant/ }));
    await user.click(await screen.findByRole('option', { name: 'Globex' }));
    await user.type(within(dialog).getByRole('textbox', { name: /API Key Name/ }), 'globex job{Enter}');
    await screen.findByRole('dialog', { name: 'Your API key has been created' });
    expect(sent[0]).toMatchObject({ name: 'globex job', default_tenant_id: globex.id });
  });

  it('shows a refused name next to the field and other server errors inside the dialog', async () => {
    let answer = graphqlError('BAD_USER_INPUT', 'A key with this name already exists.', 'name');
    const { user, dialog } = await openCreateDialog([graphql.mutation('CreateApiKey', () => answer)]);
    const name = within(dialog).getByRole('textbox', { name: /API Key Name/ });
    await user.type(name, 'laptop{Enter}');
    expect(await within(dialog).findByText('A key with this name already exists.')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');

    answer = graphqlError('FORBIDDEN', 'You cannot create keys in this tenant.');
    // Editing the name clears its refusal; Enter once the form has taken the edit (a loaded
    // machine can deliver the key before the re-check, and the form rightly holds back).
    await user.type(name, '2');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'false'));
    await user.keyboard('{Enter}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('You cannot create keys in this tenant.');
    expect(screen.getByRole('dialog', { name: 'Create an API Key' })).toBeInTheDocument();
  });

  it('shows the exact mutation and variables it will send, with Copy and a GraphiQL link', async () => {
    const { user, dialog } = await openCreateDialog();
    await user.type(within(dialog).getByRole('textbox', { name: /API Key Name/ }), 'scripted');
    await chooseExpiration(user, 'Never expires');
    await user.click(within(dialog).getByRole('button', { name: 'Show GraphQL' }));

    const mutation = within(dialog).getByLabelText('Mutation', { selector: 'pre' });
    expect(mutation).toHaveTextContent('mutation CreateApiKey($input: create_api_key_input!)');
    const variables = JSON.parse(within(dialog).getByLabelText('Variables', { selector: 'pre' }).textContent ?? '');
    expect(variables).toEqual({
      input: { user_id: alice.id, name: 'scripted', expires_at: null, default_tenant_id: acme.id },
    });

    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    const copied = JSON.parse(await navigator.clipboard.readText());
    expect(copied.query).toContain('create_api_key(input: $input)');
    expect(copied.variables).toEqual(variables);

    const link = within(dialog).getByRole('link', { name: /Open in GraphiQL/ });
    const href = new URL(link.getAttribute('href') ?? '', 'http://localhost');
    expect(href.pathname).toBe('/graphiql');
    expect(href.searchParams.get('query')).toContain('create_api_key');
    expect(JSON.parse(href.searchParams.get('variables') ?? '')).toEqual(variables);
    expect(link).toHaveAttribute('target', '_blank');

    // Mercurius' GraphiQL ignores URL parameters: following the link also leaves the operation
    // where GraphiQL restores its editors from.
    link.addEventListener('click', (event) => event.preventDefault()); // jsdom cannot open windows
    await user.click(link);
    expect(localStorage.getItem('graphiql:query')).toContain('create_api_key(input: $input)');
    expect(JSON.parse(localStorage.getItem('graphiql:variables') ?? '')).toEqual(variables);
    expect(JSON.parse(localStorage.getItem('graphiql:headers') ?? '')).toEqual({ 'X-Keyplane-CSRF': '1' });
  });
});

describe('Create an API Key: the one-time reveal', { timeout: 45_000 }, () => {
  async function createKey() {
    const opened = await openCreateDialog();
    await opened.user.type(within(opened.dialog).getByRole('textbox', { name: /API Key Name/ }), 'laptop{Enter}');
    const reveal = await screen.findByRole('dialog', { name: 'Your API key has been created' });
    return { ...opened, reveal };
  }

  it('shows the key masked, with show and hide, and the warning that it cannot be seen again', async () => {
    const { user, reveal } = await createKey();
    expect(within(reveal).getByText(/You will not be able to see it again/)).toBeInTheDocument();
    expect(reveal).not.toHaveTextContent(NEW_KEY);
    expect(within(reveal).getByRole('textbox', { name: 'API key' })).toHaveTextContent(/^kpu_Zx9Q•+$/);

    await user.click(within(reveal).getByRole('button', { name: 'Show key' }));
    expect(within(reveal).getByRole('textbox', { name: 'API key' })).toHaveTextContent(NEW_KEY);
    await user.click(within(reveal).getByRole('button', { name: 'Hide key' }));
    expect(reveal).not.toHaveTextContent(NEW_KEY);
  });

  it('copies the key and says so', async () => {
    const { user, reveal } = await createKey();
    await user.click(within(reveal).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(NEW_KEY);
    expect(within(reveal).getByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });

  it('offers ready-to-copy snippets for curl, the environment, config.toml and the agent', async () => {
    const { user, reveal } = await createKey();
    const howTo = within(reveal).getByRole('region', { name: 'How to use it' });
    const expected: Record<string, string[]> = {
      curl: [`curl ${window.location.origin}/graphql`, `-H "Authorization: Bearer ${NEW_KEY}"`, 'auth_info { user_id tenant_id }'],
      'Environment variable': [`export PREFECT__CLOUD__API_KEY=${NEW_KEY}`],
      'config.toml': [`[cloud]\napi_key = "${NEW_KEY}"`],
      Agent: [`keyplane agent start --key ${NEW_KEY}`],
    };
    for (const [title, parts] of Object.entries(expected)) {
      await user.click(within(howTo).getByRole('button', { name: `Copy ${title}` }));
      const text = await navigator.clipboard.readText();
      for (const part of parts) expect(text).toContain(part);
    }
  });

  it('asks before closing when the key was not copied', async () => {
    const { user, reveal } = await createKey();
    await user.click(within(reveal).getByRole('button', { name: 'Done' }));
    const guard = await screen.findByRole('dialog', { name: 'Close without copying the key?' });
    await user.click(within(guard).getByRole('button', { name: 'Go back' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Close without copying the key?' })).not.toBeInTheDocument());
    expect(screen.getByRole('dialog', { name: 'Your API key has been created' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    const again = await screen.findByRole('dialog', { name: 'Close without copying the key?' });
    await user.click(within(again).getByRole('button', { name: 'Close without copying' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('asks before leaving the page while the key was not copied, and stays on Stay', async () => {
    const { user, router } = await createKey();
    act(() => void router.navigate('/acme/team/audit-log'));
    const guard = await screen.findByRole('dialog', { name: 'Leave without copying the key?' });
    expect(router.state.location.pathname).toBe('/acme/user/keys');
    await user.click(within(guard).getByRole('button', { name: 'Stay' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Leave without copying the key?' })).not.toBeInTheDocument());
    expect(router.state.location.pathname).toBe('/acme/user/keys');
    expect(screen.getByRole('dialog', { name: 'Your API key has been created' })).toBeInTheDocument();
  });

  it('leaves without the key once the user confirms', async () => {
    const { user, router } = await createKey();
    act(() => void router.navigate('/acme/team/audit-log'));
    const guard = await screen.findByRole('dialog', { name: 'Leave without copying the key?' });
    await user.click(within(guard).getByRole('button', { name: 'Leave without copying' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/acme/team/audit-log'));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Your API key has been created' })).not.toBeInTheDocument());
  });

  it('asks the browser before a reload or closing the tab until the key was copied', async () => {
    const { user, reveal, router } = await createKey();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(true);

    await user.click(within(reveal).getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(unload()).toBe(false));
    act(() => void router.navigate('/acme/team/audit-log'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/acme/team/audit-log'));
    expect(screen.queryByRole('dialog', { name: 'Leave without copying the key?' })).not.toBeInTheDocument();
  });

  it('closes at once after the key was copied, and the new key is in the list', async () => {
    const { user, reveal } = await createKey();
    await user.click(within(reveal).getByRole('button', { name: 'Copy' }));
    await user.click(within(reveal).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const table = await findKeysTable();
    expect(within(table).getByRole('row', { name: /laptop.*kpu_Zx9Q…/ })).toBeInTheDocument();
  });

  it('never puts the key in the Apollo cache, localStorage or the URL', async () => {
    const { user, reveal, clients, router } = await createKey();
    await user.click(within(reveal).getByRole('button', { name: 'Show key' }));
    expect(reveal).toHaveTextContent(NEW_KEY); // it is on screen…
    const caches = [clients.root, clients.forTenant('acme'), clients.forTenant('globex')];
    for (const client of caches) expect(JSON.stringify(client.cache.extract())).not.toContain(NEW_KEY);
    const stored = Object.keys(localStorage)
      .map((k) => localStorage.getItem(k))
      .join('\n');
    expect(stored).not.toContain(NEW_KEY);
    expect(router.state.location.pathname + router.state.location.search).not.toContain(NEW_KEY);
  });
});

describe('User › API Keys: a new key the view hides, and the tenants the list covers', { timeout: 45_000 }, () => {
  /** Creates "hidden one" from the page at `path`, copies it and closes the reveal. */
  async function createFrom(path: string, keys: FakeKey[], extra: RequestHandler[] = []) {
    const sent: SentInput[] = [];
    const rendered = renderApp(path, { handlers: [...extra, ...signedIn(alice), createHandler(sent, keys), ...keyListHandlers(keys)] });
    await screen.findByRole('button', { name: 'Create an API Key' });
    await rendered.user.click(screen.getByRole('button', { name: 'Create an API Key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an API Key' });
    await rendered.user.type(within(dialog).getByRole('textbox', { name: /API Key Name/ }), 'hidden one{Enter}');
    const reveal = await screen.findByRole('dialog', { name: 'Your API key has been created' });
    await rendered.user.click(within(reveal).getByRole('button', { name: 'Copy' }));
    await rendered.user.click(within(reveal).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    return rendered;
  }

  it('says so when the filters hide the new key, and Show it clears them', async () => {
    const keys = variedKeys();
    // A search that matches none of the keys: the fake answers it with no rows.
    const searchFindsNothing = graphql.query('ApiKeysPage', ({ variables }) =>
      JSON.stringify(variables.where).includes('_ilike')
        ? HttpResponse.json({
            data: { auth_api_key: [], auth_api_key_aggregate: { __typename: 'aggregate_result', aggregate: { __typename: 'aggregate_count', count: 0 } } },
          })
        : undefined,
    );
    const { user, router } = await createFrom('/acme/user/keys?q=zzz', keys, [searchFindsNothing]);
    const alert = await screen.findByText('API key "hidden one" created. The filters hide it.');
    await user.click(within(alert.closest('.MuiAlert-root') as HTMLElement).getByRole('button', { name: 'Show it' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    const table = await findKeysTable();
    expect(await within(table).findByRole('row', { name: /hidden one/ })).toBeInTheDocument();
  });

  it('says so when the new key is on another page, and Show it goes to the first', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => makeKey({ name: `key ${i}` }));
    const { user, router } = await createFrom('/acme/user/keys?page=2', keys);
    const alert = await screen.findByText('API key "hidden one" created, on another page.');
    await user.click(within(alert.closest('.MuiAlert-root') as HTMLElement).getByRole('button', { name: 'Show it' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await within(await findKeysTable()).findByRole('row', { name: /hidden one/ })).toBeInTheDocument();
  });

  it('says nothing more when the new key is in the list', async () => {
    await createFrom('/acme/user/keys', variedKeys());
    expect(await within(await findKeysTable()).findByRole('row', { name: /hidden one/ })).toBeInTheDocument();
    expect(screen.queryByText(/created\. The filters hide it|on another page/)).not.toBeInTheDocument();
  });

  it('says the list holds every tenant’s keys, naming the tenant switched to, and offers that one alone', async () => {
    const { user, router } = renderApp('/acme/user/keys', { handlers: [...signedIn(alice), ...keyListHandlers(variedKeys())] });
    await findKeysTable();
    expect(screen.getByText(/Showing your keys in all 2 tenants, not only Acme\./)).toBeInTheDocument();
    // The switcher moves to Globex: the same keys, and the line names the new tenant.
    await router.navigate('/globex/user/keys');
    expect(await screen.findByText(/Showing your keys in all 2 tenants, not only Globex\./)).toBeInTheDocument();
    expect(within(await findKeysTable()).getByRole('row', { name: /laptop/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Only Globex' }));
    await waitFor(() => expect(router.state.location.search).toBe('?tenant=globex'));
    expect(screen.queryByText(/Showing your keys in all/)).not.toBeInTheDocument();
  });
});

describe("the tenant's key policy", () => {
  it('offers only the expirations it allows, says why, and sends one within it', async () => {
    const { user, dialog, sent } = await openCreateDialog([keyPolicyRule({ user_key_max_days: 30 })]);
    const expiration = within(dialog).getByRole('combobox', { name: /API Key Expiration/ });
    await waitFor(() => expect(within(dialog).getByText(/This tenant's key policy limits user keys to 30 days\./)).toBeInTheDocument());
    await user.click(expiration);
    const options = (await screen.findAllByRole('option')).map((option) => option.textContent);
    expect(options).toEqual(['7 days', '30 days', 'Custom date']);
    await user.click(screen.getByRole('option', { name: '30 days' }));
    await user.type(within(dialog).getByRole('textbox', { name: /API Key Name/ }), 'laptop');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(Math.abs(Date.parse(sent[0].expires_at!) - (Date.now() + 30 * DAY))).toBeLessThan(60_000);
  });

  it('moves a choice the policy does not leave to the longest it does, and leaves out "Never expires" when keys must expire', async () => {
    const { user, dialog } = await openCreateDialog([keyPolicyRule({ user_key_max_days: 14, require_expiry: true })]);
    const expiration = within(dialog).getByRole('combobox', { name: /API Key Expiration/ });
    await waitFor(() => expect(expiration).toHaveTextContent('7 days'));
    await user.click(expiration);
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual(['7 days', 'Custom date']);
  });
});
