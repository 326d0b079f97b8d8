import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureFirstPageRequests, startEarlyRequests, type EarlyRequestsConfig } from '../../../src/ui/app/first-page-requests';
import { startFirstPageQueries } from '../../../src/ui/app/first-page-data';
import { createApolloClients } from '../../../src/ui/lib/apollo';
import { EARLY_REQUESTS_GLOBAL, earlyResponsesArrived, fetchWithEarlyResponses } from '../../../src/ui/lib/early-responses';

// index.html's inline script sends the first page's requests before the app's code has
// arrived; the app's HTTP link takes their answers when its own requests are the same.

const ME = {
  __typename: 'user',
  id: 'user-1',
  username: 'ada',
  email: 'ada@example.com',
  first_name: null,
  last_name: null,
  default_membership_id: 'membership-1',
  memberships: [
    {
      __typename: 'membership',
      id: 'membership-1',
      tenant_id: 'tenant-1',
      role: 'TENANT_ADMIN',
      role_detail: { __typename: 'role', id: 'role-1', name: 'TENANT_ADMIN' },
      tenant: { __typename: 'tenant', id: 'tenant-1', name: 'Acme', slug: 'acme' },
    },
  ],
};
const NO_KEYS = { auth_api_key: [], auth_api_key_aggregate: { __typename: 'auth_api_key_aggregate', aggregate: { __typename: 'aggregate', count: 0 } } };

interface Sent {
  body: string;
  tenant: string | null;
}

let config: EarlyRequestsConfig;
let sent: Sent[];
/** The answer the fake server gives each operation. */
let answers: Record<string, () => Response>;

beforeEach(async () => {
  config = await captureFirstPageRequests();
  sent = [];
  answers = {
    AppShell: () => Response.json({ data: { user: [ME] } }),
    ApiKeysPage: () => Response.json({ data: NO_KEYS }),
  };
  vi.stubGlobal('fetch', (_input: RequestInfo | URL, init?: RequestInit) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    sent.push({ body, tenant: new Headers(init?.headers).get('x-tenant-id') });
    const { operationName } = JSON.parse(body) as { operationName: string };
    return Promise.resolve(answers[operationName]());
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  delete (window as unknown as Record<string, unknown>)[EARLY_REQUESTS_GLOBAL];
  window.history.replaceState(null, '', '/');
});

async function loadWithEarlyRequests(path: string) {
  window.history.replaceState(null, '', path);
  startEarlyRequests(config);
  await vi.waitFor(() => expect(earlyResponsesArrived()).toBe(true));
}

describe('early requests of the first page', () => {
  it('sends the shell and the keys page queries as the app does, and the app asks for neither again', async () => {
    await loadWithEarlyRequests('/acme/user/keys');
    expect(sent.map((s) => [JSON.parse(s.body).operationName, s.tenant])).toEqual([
      ['AppShell', null],
      ['ApiKeysPage', 'acme'],
    ]);
    expect(JSON.parse(sent[1].body).variables.where).toEqual({ user_id: { _eq: 'user-1' } });

    const clients = createApolloClients();
    await startFirstPageQueries(clients, window.location);
    expect(sent).toHaveLength(2);
    expect(clients.root.readQuery({ query: (await import('../../../src/ui/app/shell-query')).AppShellQuery })?.user[0].id).toBe('user-1');
  });

  it('sends nothing on another page, and only the shell query for a view with a query string', async () => {
    window.history.replaceState(null, '', '/acme/team/members');
    startEarlyRequests(config);
    expect(sent).toEqual([]);

    await loadWithEarlyRequests('/acme/user/keys?sort=name&dir=asc');
    expect(sent.map((s) => JSON.parse(s.body).operationName)).toEqual(['AppShell']);
  });

  it('sends no page query for a tenant the caller is not in', async () => {
    await loadWithEarlyRequests('/globex/user/keys');
    expect(sent.map((s) => JSON.parse(s.body).operationName)).toEqual(['AppShell']);
  });

  it('fetches normally when an early answer failed, has errors, or does not match, and uses each answer once', async () => {
    answers.AppShell = () => Response.json({ errors: [{ message: 'try again' }] }, { status: 503 });
    await loadWithEarlyRequests('/acme/user/keys');
    expect(sent).toHaveLength(1);
    answers.AppShell = () => Response.json({ data: { user: [ME] } });
    const init = (tenant?: string): RequestInit => ({ method: 'POST', body: config.shell.body, headers: tenant ? { 'x-tenant-id': tenant } : {} });

    // The early answer was a 503: asked again.
    expect(await (await fetchWithEarlyResponses('/graphql', init())).json()).toEqual({ data: { user: [ME] } });
    expect(sent).toHaveLength(2);

    const early = (window as unknown as Record<string, { requests: unknown[] }>)[EARLY_REQUESTS_GLOBAL];
    const entry = (response: Response, tenant: string | null = null) => ({
      body: config.shell.body,
      tenant,
      sentAt: performance.now(),
      response: Promise.resolve(response),
    });
    early.requests.push(entry(Response.json({ data: null, errors: [{ message: 'no' }] })));
    await fetchWithEarlyResponses('/graphql', init());
    expect(sent).toHaveLength(3);

    early.requests.push(entry(Response.json({ data: { user: [] } }), 'globex'));
    await fetchWithEarlyResponses('/graphql', init('acme'));
    expect(sent).toHaveLength(4);

    early.requests.splice(0);
    early.requests.push(entry(Response.json({ data: { user: [] } })));
    expect(await (await fetchWithEarlyResponses('/graphql', init())).json()).toEqual({ data: { user: [] } });
    expect(sent).toHaveLength(4);
    await fetchWithEarlyResponses('/graphql', init());
    expect(sent).toHaveLength(5);
  });

  it('forgets unused answers when the clients are reset (signing in or out)', async () => {
    await loadWithEarlyRequests('/acme/user/keys');
    const clients = createApolloClients();
    await clients.reset();
    await startFirstPageQueries(clients, window.location);
    expect(sent.map((s) => JSON.parse(s.body).operationName)).toEqual(['AppShell', 'ApiKeysPage', 'AppShell', 'ApiKeysPage']);
  });
});
