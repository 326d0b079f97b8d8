import { configure, screen, waitFor, within } from '@testing-library/react';
import { subDays, subMinutes } from 'date-fns';
import { graphql, HttpResponse, type RequestHandler } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { emulateWindowWidth, graphqlError, makeUser, renderApp, signedIn } from '../render';

// The 1 s default is short for a loaded 2-core CI machine; files are isolated, so this stays here.
configure({ asyncUtilTimeout: 5000 });

const admin = makeUser('TENANT_ADMIN');
const member = makeUser('USER', [], { username: 'uma', email: 'uma@example.com' });
const NEW_KEY = 'kps_Cn4rYabcdefghijklmnopqrstuvwxyz012345'.slice(0, 40);

interface FakeCanary {
  __typename: 'canary_key';
  id: string;
  name: string;
  description: string | null;
  key_hint: string;
  created: string;
  created_by: { __typename: 'api_key_user'; id: string; username: string } | null;
  first_used_at: string | null;
  last_used_at: string | null;
  use_count: number;
  last_source_address: string | null;
  last_user_agent: string | null;
}

function canary(id: string, name: string, used: Partial<FakeCanary> = {}): FakeCanary {
  return {
    __typename: 'canary_key',
    id,
    name,
    description: null,
    key_hint: 'kps_Ab12',
    created: subDays(new Date(), 2).toISOString(),
    created_by: { __typename: 'api_key_user', id: admin.id, username: 'alice' },
    first_used_at: null,
    last_used_at: null,
    use_count: 0,
    last_source_address: null,
    last_user_agent: null,
    ...used,
  };
}

let canaries: FakeCanary[];
let sent: { create: unknown[]; delete: unknown[]; listed: number };

beforeEach(() => {
  const now = new Date();
  canaries = [
    canary('cccccccc-0000-4000-8000-000000000001', 'infra repo .env', {
      description: 'github.com/acme/infra, .env.example',
      first_used_at: subMinutes(now, 40).toISOString(),
      last_used_at: subMinutes(now, 3).toISOString(),
      use_count: 4,
      last_source_address: '203.0.113.7',
      last_user_agent: 'curl/8.5.0',
    }),
    canary('cccccccc-0000-4000-8000-000000000002', 'CI variable'),
  ];
  sent = { create: [], delete: [], listed: 0 };
});

const handlers = () => [
  graphql.query('CanaryKeysPanel', () => {
    sent.listed++;
    return HttpResponse.json({
      data: {
        canary_key: canaries,
        canary_key_aggregate: { __typename: 'aggregate_result', aggregate: { __typename: 'aggregate_count', count: canaries.length } },
      },
    });
  }),
  graphql.mutation('CreateCanaryKey', ({ variables }) => {
    sent.create.push(variables.input);
    const input = variables.input as { name: string; description: string | null };
    const id = 'cccccccc-0000-4000-8000-000000000003';
    canaries = [{ ...canary(id, input.name), description: input.description, created: new Date().toISOString() }, ...canaries];
    return HttpResponse.json({ data: { create_canary_key: { __typename: 'create_canary_key_payload', id, key: NEW_KEY } } });
  }),
  graphql.mutation('DeleteCanaryKey', ({ variables }) => {
    const input = variables.input as { canary_key_id: string };
    sent.delete.push(input);
    canaries = canaries.filter((c) => c.id !== input.canary_key_id);
    return HttpResponse.json({ data: { delete_canary_key: { __typename: 'success_payload', success: true, error: null } } });
  }),
];

/** An empty list of service accounts, for the accounts tab. */
const accountsPage = graphql.query('ServiceAccountsPage', () =>
  HttpResponse.json({
    data: {
      user_view_same_tenant: [],
      user_view_same_tenant_aggregate: { __typename: 'aggregate_result', aggregate: { __typename: 'aggregate_count', count: 0 } },
    },
  }),
);

function renderPage(user = admin, extra: RequestHandler[] = [], path = '/acme/team/service-accounts?view=canaries') {
  return renderApp(path, { handlers: [...extra, ...signedIn(user), ...handlers()] });
}

const findTable = () => screen.findByRole('table', { name: 'Canary keys' }, { timeout: 5000 });

describe('Team › Service Accounts › Canary keys', { timeout: 60_000 }, () => {
  it('shows each canary with its trip status: when, from where and with what, or that it is quiet', async () => {
    renderPage();
    const table = await findTable();
    expect(screen.getByRole('tab', { name: 'Canary keys', selected: true })).toBeInTheDocument();
    const tripped = within(table).getByRole('row', { name: /infra repo/ });
    expect(tripped).toHaveTextContent('Tripped 3 minutes ago from 203.0.113.7, curl/8.5.0');
    expect(tripped).toHaveTextContent('(4 uses, first 40 minutes ago)');
    expect(tripped).toHaveTextContent('github.com/acme/infra, .env.example');
    expect(within(table).getByRole('row', { name: /CI variable/ })).toHaveTextContent('Not used yet');
    expect(screen.getByRole('alert')).toHaveTextContent('1 canary key has been used');
  });

  it('says a use seconds old happened just now, not "0 seconds ago"', async () => {
    canaries[0] = { ...canaries[0], last_used_at: new Date(Date.now() - 4000).toISOString(), use_count: 1, first_used_at: null };
    renderPage();
    const tripped = within(await findTable()).getByRole('row', { name: /infra repo/ });
    expect(tripped).toHaveTextContent('Tripped just now from 203.0.113.7, curl/8.5.0 (1 use)');
  });

  it('is a tab of Team › Service Accounts for administrators, kept in the URL', async () => {
    const { user, router } = renderPage(admin, [accountsPage], '/acme/team/service-accounts');
    await user.click(await screen.findByRole('tab', { name: 'Canary keys' }, { timeout: 5000 }));
    await findTable();
    expect(router.state.location.search).toBe('?view=canaries');
    expect(screen.queryAllByRole('button', { name: 'Add Service Account' })).toHaveLength(0);
    await user.click(screen.getByRole('tab', { name: 'Service accounts' }));
    expect((await screen.findAllByRole('button', { name: 'Add Service Account' })).length).toBeGreaterThan(0);
  });

  it('is no tab for a member, who is shown the accounts and asks the server nothing about canaries', async () => {
    renderPage(member, [accountsPage]);
    expect(await screen.findByText(/Only tenant administrators can manage service accounts/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Canary keys' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create Canary Key' })).not.toBeInTheDocument();
    expect(sent.listed).toBe(0);
  });

  it('creates a canary: the key once, with where to plant it instead of how to use it, and Show GraphQL', async () => {
    const { user } = renderPage();
    await findTable();
    await user.click(screen.getByRole('button', { name: 'Create Canary Key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create Canary Key' });
    await user.type(within(dialog).getByRole('textbox', { name: /Canary Key Name/ }), 'laptop dotfiles');
    await user.type(within(dialog).getByRole('textbox', { name: /Where it will be planted/ }), '~/.prefect/config.toml on the build box');
    await user.click(within(dialog).getByRole('button', { name: 'Show GraphQL' }));
    expect(within(dialog).getByLabelText('Mutation', { selector: 'pre' })).toHaveTextContent('create_canary_key(input: $input)');
    const variables = JSON.parse(within(dialog).getByLabelText('Variables', { selector: 'pre' }).textContent ?? '');
    expect(variables).toEqual({
      input: { tenant_id: admin.memberships[0].tenant.id, name: 'laptop dotfiles', description: '~/.prefect/config.toml on the build box' },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    const reveal = await screen.findByRole('dialog', { name: 'Your canary key has been created' });
    expect(sent.create).toEqual([variables.input]);
    expect(reveal).not.toHaveTextContent(NEW_KEY);
    expect(within(reveal).getByRole('region', { name: 'Where to plant it' })).toHaveTextContent(/Do not try it yourself/);
    expect(within(reveal).queryByRole('region', { name: 'How to use it' })).not.toBeInTheDocument();
    await user.click(within(reveal).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(NEW_KEY);
    await user.click(within(reveal).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await within(await findTable()).findByRole('row', { name: /laptop dotfiles/ })).toHaveTextContent('Not used yet');
  });

  it('refuses a name the server would refuse, with its words, before sending', async () => {
    const { user } = renderPage();
    await findTable();
    await user.click(screen.getByRole('button', { name: 'Create Canary Key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create Canary Key' });
    await user.type(within(dialog).getByRole('textbox', { name: /Canary Key Name/ }), ' ');
    await user.clear(within(dialog).getByRole('textbox', { name: /Canary Key Name/ }));
    expect(await within(dialog).findByText('Canary Key Name is required.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Create' })).toBeDisabled();
    expect(sent.create).toEqual([]);
  });

  it('shows the server’s refusal in the dialog', async () => {
    const { user } = renderPage(admin, [
      graphql.mutation('CreateCanaryKey', () => graphqlError('FORBIDDEN', 'Only tenant administrators can manage canary keys.')),
    ]);
    await findTable();
    await user.click(screen.getByRole('button', { name: 'Create Canary Key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create Canary Key' });
    await user.type(within(dialog).getByRole('textbox', { name: /Canary Key Name/ }), 'x');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Only tenant administrators can manage canary keys.')).toBeInTheDocument();
  });

  it('deletes a canary after confirmation naming it, with Show GraphQL', async () => {
    const { user } = renderPage();
    const table = await findTable();
    await user.click(within(table).getByRole('button', { name: 'Delete canary key CI variable' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete CI variable?' });
    expect(dialog).toHaveTextContent('its uses will no longer be recorded');
    await user.click(within(dialog).getByRole('button', { name: 'Show GraphQL' }));
    expect(JSON.parse(within(dialog).getByLabelText('Variables', { selector: 'pre' }).textContent ?? '')).toEqual({
      input: { canary_key_id: 'cccccccc-0000-4000-8000-000000000002' },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(within(table).queryByRole('row', { name: /CI variable/ })).not.toBeInTheDocument());
    expect(sent.delete).toEqual([{ canary_key_id: 'cccccccc-0000-4000-8000-000000000002' }]);
  });

  it('stacks each canary on a phone with its status as a labelled value', async () => {
    const restore = emulateWindowWidth(390);
    try {
      renderPage();
      const list = await screen.findByRole('list', { name: 'Canary keys' }, { timeout: 5000 });
      const item = within(list)
        .getAllByRole('listitem')
        .find((li) => within(li).queryByRole('heading', { name: 'infra repo .env' }));
      expect(within(item as HTMLElement).getByText('Status', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
        /^Tripped 3 minutes ago from 203\.0\.113\.7/,
      );
    } finally {
      restore();
    }
  });
});
