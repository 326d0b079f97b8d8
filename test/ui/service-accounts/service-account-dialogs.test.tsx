import { screen, waitFor, within } from '@testing-library/react';
import { graphql, type RequestHandler } from 'msw';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nameProblemMessage } from '../../../src/shared/names';
import { acme, graphqlError, makeUser, renderApp, signedIn } from '../render';
import {
  DAY,
  isoFromNow,
  makeAgent,
  makeServiceKey,
  serviceAccountHandlers,
  standardAccounts,
  type FakeServiceAccount,
  type SentInputs,
} from './fake-service-accounts';

// Each test walks a whole dialog in jsdom with MUI; on a busy 2-core machine that takes
// seconds, so the describes allow more than the project's default.
const admin = makeUser('TENANT_ADMIN');
const NEW_KEY = 'kps_Zx9QabcdefghijklmnopqrstuvWXYZ01234567';

let accounts: FakeServiceAccount[];
let sent: SentInputs;

// Load the lazy route modules once, outside any test's time limit: the first import
// transforms them, which on a busy machine can take longer than a test may.
beforeAll(async () => {
  await Promise.all([import('../../../src/ui/app/tenant-layout'), import('../../../src/ui/features/service-accounts/service-accounts-page')]);
}, 120_000);

beforeEach(() => {
  accounts = standardAccounts();
  sent = { createAccount: [], createKey: [], tenants: [] };
});

function renderPage(extra: RequestHandler[] = []) {
  return renderApp('/acme/team/service-accounts', {
    handlers: [...extra, ...signedIn(admin), ...serviceAccountHandlers(accounts, { admin: true, newKey: NEW_KEY }, sent)],
  });
}

async function findAccountRow(name: string) {
  const table = await screen.findByRole('table', { name: 'Service accounts' }, { timeout: 10_000 });
  return (await within(table).findByRole('rowheader', { name })).closest('tr') as HTMLElement;
}

/** Pastes instead of typing key by key: one input event, much faster under MUI in jsdom. */
async function fill(user: ReturnType<typeof renderApp>['user'], field: HTMLElement, text: string, submit = false) {
  await user.click(field);
  await user.paste(text);
  if (submit) await user.keyboard('{Enter}');
}

async function openKeys(user: ReturnType<typeof renderApp>['user'], name: string) {
  await user.click(within(await findAccountRow(name)).getByRole('button', { name: `Show keys of ${name}` }));
  return screen.findByRole('region', { name: `API keys of ${name}` }, { timeout: 5000 });
}

describe('Add Service Account', { timeout: 60_000 }, () => {
  it('adds an Administrator by default, opens it and says to create a key', async () => {
    const { user, router } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Add Service Account' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Add Service Account' });
    const name = within(dialog).getByRole('textbox', { name: /Service Account Name/ });
    expect(name).toHaveFocus();
    expect(within(dialog).getByRole('combobox', { name: 'Role' })).toHaveTextContent('Administrator');
    expect(within(dialog).queryByRole('combobox', { name: /Tenant/ })).not.toBeInTheDocument();

    await fill(user, name, '  nightly-etl ', true);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent.createAccount).toEqual([{ tenant_id: acme.id, name: 'nightly-etl', role: 'TENANT_ADMIN' }]);

    const row = await findAccountRow('nightly-etl');
    expect(within(row).getByText('Administrator')).toBeInTheDocument();
    expect(await screen.findByText('Service account "nightly-etl" added. Create an API key for it below.')).toBeInTheDocument();
    // Opening goes through the router (the URL remembers it), which is asynchronous.
    const region = await screen.findByRole('region', { name: 'API keys of nightly-etl' }, { timeout: 5000 });
    expect(within(region).getByText(/nightly-etl has no API keys yet/)).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?account=${accounts.find((a) => a.username === 'nightly-etl')!.id}`);
  });

  it('adds an account with another role', async () => {
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Add Service Account' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Add Service Account' });
    await fill(user, within(dialog).getByRole('textbox', { name: /Service Account Name/ }), 'dashboards');
    await user.click(within(dialog).getByRole('combobox', { name: 'Role' }));
    await user.click(await screen.findByRole('option', { name: 'Read-only' }));
    expect(within(dialog).getByText('Its keys can read, but not change anything.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));

    const row = await findAccountRow('dashboards');
    expect(within(row).getByText('Read-only')).toBeInTheDocument();
  });

  it('checks the name before sending, and shows the server’s reason on the field', async () => {
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Add Service Account' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Add Service Account' });
    const name = within(dialog).getByRole('textbox', { name: /Service Account Name/ });
    await fill(user, name, '   ', true);
    // The shared name rule's words, which the API would answer with too.
    expect(await within(dialog).findByText(nameProblemMessage('Service Account Name', 'required'))).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByRole('button', { name: 'Add' })).toBeDisabled();
    expect(sent.createAccount).toHaveLength(0);

    await user.clear(name);
    await fill(user, name, 'ci-deployer');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(await within(dialog).findByText('A service account with this name already exists.')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(accounts.filter((a) => a.username === 'ci-deployer')).toHaveLength(1);
  });

  it('shows a refusal in the dialog and closes on Cancel without adding', async () => {
    const { user } = renderPage([
      graphql.mutation('CreateServiceAccount', () => graphqlError('FORBIDDEN', 'Only tenant administrators can create service accounts.')),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Add Service Account' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Add Service Account' });
    await fill(user, within(dialog).getByRole('textbox', { name: /Service Account Name/ }), 'sneaky', true);
    expect(await within(dialog).findByText('Only tenant administrators can create service accounts.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(screen.getByRole('table', { name: 'Service accounts' })).queryByText('sneaky')).not.toBeInTheDocument();
  });
});

describe('Create API Key for a service account', { timeout: 60_000 }, () => {
  async function openCreate() {
    const rendered = renderPage();
    const region = await openKeys(rendered.user, 'reporting');
    await rendered.user.click(within(region).getByRole('button', { name: 'Create API Key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an API Key for reporting' });
    return { ...rendered, dialog };
  }

  it('asks for name and expiration only, and creates the key for the account', async () => {
    const { user, dialog } = await openCreate();
    expect(within(dialog).getByRole('textbox', { name: /API Key Name/ })).toHaveFocus();
    expect(within(dialog).getByRole('combobox', { name: /API Key Expiration/ })).toBeInTheDocument();
    expect(within(dialog).queryByRole('combobox', { name: /Tenant/ })).not.toBeInTheDocument();
    expect(within(dialog).getByText(/e\.g\. "github actions"/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('combobox', { name: /API Key Expiration/ }));
    await user.click(await screen.findByRole('option', { name: 'Never expires' }));
    expect(within(dialog).getByText(/Keep it in a secret manager and rotate it regularly/)).toBeInTheDocument();
    await fill(user, within(dialog).getByRole('textbox', { name: /API Key Name/ }), 'grafana', true);

    const reveal = await screen.findByRole('dialog', { name: 'Your API key has been created' });
    expect(sent.createKey).toEqual([{ user_id: accounts[1].id, name: 'grafana', expires_at: null }]);
    expect(within(reveal).getByText(/You will not be able to see it again/)).toBeInTheDocument();
    expect(reveal).not.toHaveTextContent(NEW_KEY);
    expect(within(reveal).getByRole('textbox', { name: 'API key' })).toHaveTextContent(/^kps_Zx9Q•+$/);
    const howTo = within(reveal).getByRole('region', { name: 'How to use it' });
    await user.click(within(howTo).getByRole('button', { name: 'Copy Agent' }));
    expect(await navigator.clipboard.readText()).toBe(`keyplane agent start --key ${NEW_KEY}`);

    await user.click(within(reveal).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(NEW_KEY);
    await user.click(within(reveal).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const keys = await screen.findByRole('table', { name: 'API keys of reporting' });
    const row = within(keys).getByRole('row', { name: /grafana/ });
    expect(within(row).getByText('kps_Zx9Q…')).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getAllByRole('row', { name: /reporting/ })[0]).getByRole('cell', { name: '1' })).toBeInTheDocument());
  });

  it('guards against closing before the key was copied', async () => {
    const { user, dialog } = await openCreate();
    await fill(user, within(dialog).getByRole('textbox', { name: /API Key Name/ }), 'grafana', true);
    const reveal = await screen.findByRole('dialog', { name: 'Your API key has been created' });
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

  it('shows the exact mutation without a tenant in Show GraphQL', async () => {
    const { user, dialog } = await openCreate();
    await fill(user, within(dialog).getByRole('textbox', { name: /API Key Name/ }), 'agent');
    await user.click(within(dialog).getByRole('button', { name: 'Show GraphQL' }));
    const variables = JSON.parse(within(dialog).getByLabelText('Variables', { selector: 'pre' }).textContent ?? '');
    expect(variables.input.user_id).toBe(accounts[1].id);
    expect(variables.input).not.toHaveProperty('default_tenant_id');
  });
});

describe('Revoke a service account’s key', { timeout: 60_000 }, () => {
  it('names the key, leaves it on Cancel, and removes it on Revoke', async () => {
    const { user } = renderPage();
    const region = await openKeys(user, 'ci-deployer');
    const keys = await within(region).findByRole('table', { name: 'API keys of ci-deployer' });

    await user.click(within(keys).getByRole('button', { name: 'Revoke API key github actions' }));
    let dialog = await screen.findByRole('dialog', { name: 'Revoke API key' });
    expect(within(dialog).getByText('github actions')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(keys).getByRole('row', { name: /github actions/ })).toBeInTheDocument();

    await user.click(within(keys).getByRole('button', { name: 'Revoke API key github actions' }));
    dialog = await screen.findByRole('dialog', { name: 'Revoke API key' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(within(keys).queryByRole('row', { name: /github actions/ })).not.toBeInTheDocument());
    expect(await screen.findByText('API key "github actions" revoked')).toBeInTheDocument();
    // Two live keys before, one now.
    const deployer = await findAccountRow('ci-deployer');
    await waitFor(() => expect(within(deployer).getByRole('cell', { name: '1' })).toBeInTheDocument());
  });

  it('shows the server’s refusal and keeps the key', async () => {
    const { user } = renderPage([graphql.mutation('RevokeApiKey', () => graphqlError('NOT_FOUND', 'API key not found.'))]);
    const region = await openKeys(user, 'ci-deployer');
    const keys = await within(region).findByRole('table', { name: 'API keys of ci-deployer' });
    await user.click(within(keys).getByRole('button', { name: 'Revoke API key forever agent' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke API key' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect(await within(dialog).findByText('API key not found.')).toBeInTheDocument();
    expect(accounts[0].keys.map((k) => k.name)).toContain('forever agent');
  });
});

describe('Change role', { timeout: 60_000 }, () => {
  it('offers every role with what it allows, and saves the new one', async () => {
    const { user } = renderPage();
    await user.click(within(await findAccountRow('reporting')).getByRole('button', { name: 'Change role of reporting' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change role of reporting' });
    const group = within(dialog).getByRole('radiogroup', { name: 'Role' });
    expect(within(group).getByRole('radio', { name: /Read-only/ })).toBeChecked();
    expect(within(group).getAllByRole('radio')).toHaveLength(3);

    await user.click(within(group).getByRole('radio', { name: /^User/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(await findAccountRow('reporting')).getByText('User')).toBeInTheDocument();
    expect(await screen.findByText('reporting is now User')).toBeInTheDocument();
    expect(accounts[1].role).toBe('USER');
  });

  it('shows a refusal and keeps the old role', async () => {
    const { user } = renderPage([graphql.mutation('SetMembershipRole', () => graphqlError('FORBIDDEN', 'Only tenant administrators can change roles.'))]);
    await user.click(within(await findAccountRow('ci-deployer')).getByRole('button', { name: 'Change role of ci-deployer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change role of ci-deployer' });
    await user.click(within(dialog).getByRole('radio', { name: /Read-only/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Only tenant administrators can change roles.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(await findAccountRow('ci-deployer')).getByText('Administrator')).toBeInTheDocument();
  });
});

describe('Remove a service account', { timeout: 60_000 }, () => {
  it('names the account and how many keys stop working, and removes it', async () => {
    const { user } = renderPage();
    await user.click(within(await findAccountRow('ci-deployer')).getByRole('button', { name: 'Remove ci-deployer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove ci-deployer?' });
    expect(dialog).toHaveTextContent('The service account ci-deployer will be removed from Acme');
    expect(dialog).toHaveTextContent('2 API keys will stop working at once.');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await findAccountRow('ci-deployer')).toBeInTheDocument();

    await user.click(within(await findAccountRow('ci-deployer')).getByRole('button', { name: 'Remove ci-deployer' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Remove ci-deployer?' })).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const table = screen.getByRole('table', { name: 'Service accounts' });
    await waitFor(() => expect(within(table).queryByRole('rowheader', { name: 'ci-deployer' })).not.toBeInTheDocument());
    expect(await screen.findByText('Service account "ci-deployer" removed')).toBeInTheDocument();
  });

  it('says so when no key will stop working, and uses the singular for one', async () => {
    accounts[1].keys = [];
    accounts.push({ ...accounts[1], id: 'eeeeeeee-0000-4000-8000-0000000000ff', username: 'solo', keys: [makeServiceKey()] });
    const { user } = renderPage();
    await user.click(within(await findAccountRow('reporting')).getByRole('button', { name: 'Remove reporting' }));
    expect(await screen.findByRole('dialog', { name: 'Remove reporting?' })).toHaveTextContent('It has no active API keys.');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(within(await findAccountRow('solo')).getByRole('button', { name: 'Remove solo' }));
    expect(await screen.findByRole('dialog', { name: 'Remove solo?' })).toHaveTextContent('1 API key will stop working at once.');
  });

  it('closes the opened account when it is removed, and shows a refusal in the dialog', async () => {
    let refuse = true;
    const { user, router } = renderPage([
      graphql.mutation('DeleteServiceAccount', () => {
        if (refuse) return graphqlError('NOT_FOUND', 'Service account not found.');
        return undefined;
      }),
    ]);
    await openKeys(user, 'ci-deployer');
    await user.click(within(await findAccountRow('ci-deployer')).getByRole('button', { name: 'Remove ci-deployer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove ci-deployer?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await within(dialog).findByText('Service account not found.')).toBeInTheDocument();
    expect(accounts.some((a) => a.username === 'ci-deployer')).toBe(true);

    refuse = false;
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(router.state.location.search).toBe('');
    expect(screen.queryByRole('region', { name: 'API keys of ci-deployer' })).not.toBeInTheDocument();
  });
});

describe('Agents seen with a service account’s keys', { timeout: 60_000 }, () => {
  function withAgents() {
    const deployer = accounts.find((a) => a.username === 'ci-deployer')!;
    deployer.keys[0].agents = [
      makeAgent({ name: 'prod-agent-1', type: 'LocalAgent', labels: ['prod', 'gpu'], source_address: '203.0.113.5', last_queried: isoFromNow(-10_000) }),
      makeAgent({ name: 'prod-agent-2', last_queried: isoFromNow(-20 * 60_000) }),
      makeAgent({ name: 'weekend-agent', last_queried: isoFromNow(-2 * DAY) }),
    ];
    deployer.keys[1].agents = [makeAgent({ name: 'other-key-agent', last_queried: isoFromNow(-5 * 60_000) })];
    return deployer;
  }

  it('lists each key’s agents with type, labels, source address and last seen', async () => {
    const deployer = withAgents();
    const { user } = renderPage();
    const region = await openKeys(user, 'ci-deployer');
    const agents = await within(region).findByRole('region', { name: 'Agents seen with these keys' });
    const first = within(agents).getByRole('list', { name: deployer.keys[0].name });
    const items = within(first).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'prod-agent-1LocalAgentprodgpufrom 203.0.113.5last seen just now',
      'prod-agent-2KeyplaneAgentfrom 198.51.100.7last seen 20 minutes ago',
      'weekend-agentKeyplaneAgentfrom 198.51.100.7last seen 2 days ago',
    ]);
    expect(within(agents).getByRole('list', { name: deployer.keys[1].name })).toHaveTextContent('other-key-agent');
  });

  it('says when no agent used the keys', async () => {
    const { user } = renderPage();
    const region = await openKeys(user, 'ci-deployer');
    expect(await within(region).findByRole('region', { name: 'Agents seen with these keys' })).toHaveTextContent(
      'No agent has used these keys in the last 7 days.',
    );
  });

  it('the revoke dialog names the key’s agents of the last hour that will stop', async () => {
    const deployer = withAgents();
    const { user } = renderPage();
    const region = await openKeys(user, 'ci-deployer');
    const keys = await within(region).findByRole('table', { name: 'API keys of ci-deployer' });
    await user.click(within(keys).getByRole('button', { name: `Revoke API key ${deployer.keys[0].name}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke API key' });
    await waitFor(() =>
      expect(dialog).toHaveTextContent('2 agents used this key in the last hour and will stop: prod-agent-1 (just now), prod-agent-2 (20 minutes ago).'),
    );
  });

  it('the remove dialog names the agents of all its keys', async () => {
    withAgents();
    const { user } = renderPage();
    await user.click(within(await findAccountRow('ci-deployer')).getByRole('button', { name: 'Remove ci-deployer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove ci-deployer?' });
    await waitFor(() =>
      expect(dialog).toHaveTextContent(
        '3 agents used its keys in the last hour and will stop: prod-agent-1 (just now), other-key-agent (5 minutes ago), prod-agent-2 (20 minutes ago).',
      ),
    );
    expect(dialog).not.toHaveTextContent('weekend-agent');
  });
});
