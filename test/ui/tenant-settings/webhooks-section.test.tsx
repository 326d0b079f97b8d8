import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { acme, appShellData, graphqlError, makeUser, otherPagesFail, renderApp } from '../render';

// Team › Settings › Webhooks, as an administrator uses it: the list and its states, adding
// one (the secret shown once), enabling, deleting with confirmation, and the deliveries.

interface FixtureWebhook {
  __typename: 'webhook';
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  created: string;
  updated: string;
  last_delivery_status: string | null;
  last_delivery_at: string | null;
}

const SECRET = 'whsec_AbCdEfGhIjKlMnOpQrStUvWxYz012345';
let webhooks: FixtureWebhook[];
let requests: { operation: string; input: unknown }[];
let listAnswer: 'ok' | 'error';

const webhook = (id: string, url: string, extra: Partial<FixtureWebhook> = {}): FixtureWebhook => ({
  __typename: 'webhook',
  id,
  url,
  events: ['api_key.created'],
  enabled: true,
  created: '2026-12-01T10:00:00.000Z',
  updated: '2026-12-01T10:00:00.000Z',
  last_delivery_status: null,
  last_delivery_at: null,
  ...extra,
});

const deliveries = Array.from({ length: 30 }, (_, i) => ({
  __typename: 'webhook_delivery',
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  event_type: 'api_key.created',
  status: i === 0 ? 'failed' : 'delivered',
  attempts: 1,
  response_status: i === 0 ? 500 : 200,
  duration_ms: 40 + i,
  error: i === 0 ? 'The receiver answered HTTP 500.' : null,
  created: new Date(Date.now() - i * 60_000).toISOString(),
  last_attempt_at: new Date(Date.now() - i * 60_000).toISOString(),
}));

beforeEach(() => {
  webhooks = [
    webhook('11111111-1111-4111-8111-111111111111', 'https://hooks.acme.test/keyplane', {
      last_delivery_status: 'delivered',
      last_delivery_at: new Date().toISOString(),
    }),
  ];
  requests = [];
  listAnswer = 'ok';
});

function handlers() {
  const me = makeUser('TENANT_ADMIN');
  return [
    graphql.query('AppShell', () => HttpResponse.json({ data: appShellData(me) })),
    graphql.query('TenantByPreviousSlug', () => HttpResponse.json({ data: { tenant_by_previous_slug: null } })),
    graphql.query('TenantSettingsPage', () =>
      HttpResponse.json({ data: { tenant_by_pk: { __typename: 'tenant', id: acme.id, name: acme.name, slug: acme.slug, live_api_key_count: 3 } } }),
    ),
    graphql.query('WebhooksSection', () =>
      listAnswer === 'error' ? graphqlError('INTERNAL_SERVER_ERROR', 'masked') : HttpResponse.json({ data: { webhook: webhooks } }),
    ),
    graphql.mutation('CreateWebhook', ({ variables }) => {
      requests.push({ operation: 'CreateWebhook', input: variables.input });
      if (variables.input.url.includes('10.0.0.1'))
        return graphqlError('BAD_USER_INPUT', 'The host 10.0.0.1 resolves to 10.0.0.1, a private, loopback or link-local address.', 'url');
      const id = '22222222-2222-4222-8222-222222222222';
      webhooks = [...webhooks, webhook(id, variables.input.url, { events: variables.input.events })];
      return HttpResponse.json({ data: { create_webhook: { __typename: 'create_webhook_payload', id, secret: SECRET } } });
    }),
    graphql.mutation('UpdateWebhook', ({ variables }) => {
      requests.push({ operation: 'UpdateWebhook', input: variables.input });
      webhooks = webhooks.map((w) => (w.id === variables.input.webhook_id ? { ...w, enabled: variables.input.enabled } : w));
      return HttpResponse.json({ data: { update_webhook: webhooks.find((w) => w.id === variables.input.webhook_id) } });
    }),
    graphql.mutation('DeleteWebhook', ({ variables }) => {
      requests.push({ operation: 'DeleteWebhook', input: variables.input });
      webhooks = webhooks.filter((w) => w.id !== variables.input.webhook_id);
      return HttpResponse.json({ data: { delete_webhook: { __typename: 'success_payload', success: true } } });
    }),
    graphql.query('WebhookDeliveries', ({ variables }) =>
      HttpResponse.json({
        data: {
          webhook_delivery: deliveries.slice(variables.offset, variables.offset + variables.limit),
          webhook_delivery_aggregate: { __typename: 'aggregate_result', aggregate: { __typename: 'aggregate_count', count: deliveries.length } },
        },
      }),
    ),
    graphql.mutation('RedeliverWebhookDelivery', ({ variables }) => {
      requests.push({ operation: 'RedeliverWebhookDelivery', input: variables.input });
      return HttpResponse.json({ data: { redeliver_webhook_delivery: { __typename: 'webhook_delivery', id: 'new-delivery', status: 'pending' } } });
    }),
    otherPagesFail,
  ];
}

const section = async () => within(await screen.findByRole('region', { name: 'Webhooks' }));

describe('Team › Settings › Webhooks', () => {
  it("lists the tenant's webhooks with their events and last delivery; says so when there are none, and when loading fails", async () => {
    const first = renderApp('/acme/team/settings', { handlers: handlers() });
    const webhooksSection = await section();
    const row = await webhooksSection.findByRole('listitem', { name: 'https://hooks.acme.test/keyplane' });
    expect(within(row).getByText('api_key.created')).toBeInTheDocument();
    expect(within(row).getByText('Delivered')).toBeInTheDocument();
    expect(within(row).getByRole('switch', { name: 'Enabled' })).toBeChecked();
    first.unmount();

    webhooks = [];
    const empty = renderApp('/acme/team/settings', { handlers: handlers() });
    expect(await (await section()).findByText('No webhooks yet')).toBeInTheDocument();
    empty.unmount();

    listAnswer = 'error';
    renderApp('/acme/team/settings', { handlers: handlers() });
    expect(await (await section()).findByText('Could not load the webhooks')).toBeInTheDocument();
  });

  it('adds a webhook with the events chosen, refusing a private address as the server does, and shows its secret once', async () => {
    const { user } = renderApp('/acme/team/settings', { handlers: handlers() });
    await user.click(await (await section()).findByRole('button', { name: 'Add webhook' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add webhook' });
    // The form's own checks first: no URL, no events.
    await user.click(within(dialog).getByRole('checkbox', { name: 'api_key.created' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'api_key.revoked' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add webhook' }));
    expect(await within(dialog).findByText('Enter the URL that receives the events.')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose at least one event.')).toBeInTheDocument();
    expect(requests).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: 'URL' }), 'https://10.0.0.1/hooks');
    await user.click(within(dialog).getByRole('checkbox', { name: 'membership.deleted' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add webhook' }));
    expect(await within(dialog).findByText(/a private, loopback or link-local address/)).toBeInTheDocument();

    const url = within(dialog).getByRole('textbox', { name: 'URL' });
    await user.clear(url);
    await user.type(url, 'https://hooks.acme.test/second');
    await user.click(within(dialog).getByRole('checkbox', { name: 'api_key.rotated' }));
    // Every membership event, present and future.
    await user.click(within(dialog).getByRole('checkbox', { name: 'membership.*' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add webhook' }));
    const reveal = await screen.findByRole('dialog', { name: 'Your webhook has been added' });
    expect(within(reveal).getByRole('textbox', { name: 'Signing secret' })).toHaveTextContent(SECRET);
    expect(within(reveal).getByText(/You will not be able to see it again/)).toBeInTheDocument();
    expect(requests.at(-1)).toEqual({
      operation: 'CreateWebhook',
      input: { tenant_id: acme.id, url: 'https://hooks.acme.test/second', events: ['api_key.rotated', 'membership.deleted', 'membership.*'] },
    });
    // Closing before copying asks first; after Copy it closes at once.
    await user.click(within(reveal).getByRole('button', { name: 'Done' }));
    expect(within(reveal).getByText(/You have not copied the secret/)).toBeInTheDocument();
    await user.click(within(reveal).getByRole('button', { name: 'Copy' }));
    await user.click(within(reveal).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await (await section()).findByRole('listitem', { name: 'https://hooks.acme.test/second' })).toBeInTheDocument();
    expect(screen.queryByText(SECRET)).not.toBeInTheDocument();
  });

  it('disables a webhook, and deletes one after a confirmation naming it', async () => {
    const { user } = renderApp('/acme/team/settings', { handlers: handlers() });
    const row = await (await section()).findByRole('listitem', { name: 'https://hooks.acme.test/keyplane' });
    await user.click(within(row).getByRole('switch', { name: 'Enabled' }));
    await waitFor(() => expect(requests).toContainEqual({ operation: 'UpdateWebhook', input: { webhook_id: webhooks[0].id, enabled: false } }));
    await waitFor(() => expect(within(row).getByRole('switch', { name: 'Enabled' })).not.toBeChecked());

    await user.click(within(row).getByRole('button', { name: 'Delete webhook https://hooks.acme.test/keyplane' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete webhook?' });
    expect(confirm).toHaveTextContent('https://hooks.acme.test/keyplane');
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    expect(await (await section()).findByText('No webhooks yet')).toBeInTheDocument();
    expect(requests.at(-1)).toEqual({ operation: 'DeleteWebhook', input: { webhook_id: '11111111-1111-4111-8111-111111111111' } });
  });

  it("shows a webhook's deliveries with status, response, duration and time, a pager with the total, and redelivers one", async () => {
    const { user } = renderApp('/acme/team/settings', { handlers: handlers() });
    const row = await (await section()).findByRole('listitem', { name: 'https://hooks.acme.test/keyplane' });
    await user.click(within(row).getByRole('button', { name: 'Deliveries' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deliveries' });
    const table = await within(dialog).findByRole('table', { name: 'Deliveries' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(26);
    expect(rows[1]).toHaveTextContent('Failed');
    expect(rows[1]).toHaveTextContent('500');
    expect(rows[1]).toHaveTextContent('40 ms');
    expect(rows[1]).toHaveTextContent('The receiver answered HTTP 500.');
    expect(rows[2]).toHaveTextContent('Delivered');
    expect(within(dialog).getByText(/1–25 of 30/)).toBeInTheDocument();
    await user.click(within(rows[1]).getByRole('button', { name: 'Redeliver' }));
    expect(await within(dialog).findByText('Queued again: it is sent in a moment.')).toBeInTheDocument();
    expect(requests.at(-1)).toEqual({ operation: 'RedeliverWebhookDelivery', input: { delivery_id: deliveries[0].id } });
  });
});
