import { createApolloClients } from '../lib/apollo';
import { EARLY_REQUESTS_GLOBAL, type EarlyRequests } from '../lib/early-responses';
import { startApiKeysPageQuery } from './api-keys-first-query';
import { AppShellQuery } from './shell-query';

/**
 * The first page's requests, sent by a script inline in index.html before the app's code
 * has arrived: on a cold load of /:tenant/user/keys the shell query leaves as the page is
 * parsed, and the keys page's query as soon as the shell has answered, while the entry
 * script (~200 kB) is still downloading; the app then finds both answers waiting
 * (lib/early-responses.ts). The build writes the script (vite.config.ts): the requests in
 * it are captured from the app's own Apollo clients, run in Node, so their bodies are the
 * app's byte for byte, and any other request is fetched as usual.
 */

export interface CapturedRequest {
  /** The headers the app's HTTP link sends, without X-Tenant-Id (set per request). */
  headers: Record<string, string>;
  body: string;
}

export interface EarlyRequestsConfig {
  global: string;
  uri: string;
  /** The shell query (the root client). */
  shell: CapturedRequest;
  /** User › API Keys' query for its default view, for the user named userIdPlaceholder. */
  page: CapturedRequest;
  userIdPlaceholder: string;
}

const USER_ID_PLACEHOLDER = 'keyplane-early-request-user-id';

/** The requests the app sends for the shell and for the keys page's default view, as it sends them. */
export async function captureFirstPageRequests(): Promise<EarlyRequestsConfig> {
  const sent: CapturedRequest[] = [];
  const capture: typeof fetch = (_input, init) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    delete headers['x-tenant-id'];
    sent.push({ headers, body: typeof init?.body === 'string' ? init.body : '' });
    return Promise.resolve(Response.json({ errors: [{ message: 'captured at build time' }] }));
  };
  const clients = createApolloClients({ uri: '/graphql', fetch: capture });
  await clients.root.query({ query: AppShellQuery }).catch(() => undefined);
  const me = {
    id: USER_ID_PLACEHOLDER,
    username: '',
    email: null,
    default_membership_id: null,
    memberships: [{ id: '', role: 'USER', tenant: { id: '', name: '', slug: 'tenant' } }],
  } as unknown as Parameters<typeof startApiKeysPageQuery>[1];
  void startApiKeysPageQuery(clients, me, 'tenant', new URLSearchParams());
  for (let i = 0; i < 100 && sent.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 1));
  const [shell, page] = sent;
  if (!shell || !page?.body.includes(USER_ID_PLACEHOLDER)) throw new Error('Could not capture the first page requests: see app/first-page-requests.ts');
  return { global: EARLY_REQUESTS_GLOBAL, uri: '/graphql', shell, page, userIdPlaceholder: USER_ID_PLACEHOLDER };
}

/**
 * The inline script. Self-contained (it is written into index.html as its source text):
 * on /:tenant/user/keys, POST the shell query; on the default view (no query string), once
 * the shell has answered with the caller and a membership in that tenant, POST the page's
 * query for them. Each request goes into window[config.global] for the app to find, and
 * `done` is set once the last answer is in.
 */
export function startEarlyRequests(config: EarlyRequestsConfig): void {
  const match = /^\/([^/]+)\/user\/keys\/?$/.exec(window.location.pathname);
  if (!match) return;
  const early: EarlyRequests = { requests: [], done: false };
  (window as unknown as Record<string, unknown>)[config.global] = early;
  const finish = () => (early.done = true);
  const post = (request: CapturedRequest, body: string, tenant: string | null) => {
    const headers: Record<string, string> = { ...request.headers };
    if (tenant) headers['x-tenant-id'] = tenant;
    const response = fetch(config.uri, { method: 'POST', credentials: 'same-origin', headers, body });
    early.requests.push({ body, tenant, sentAt: performance.now(), response });
    return response;
  };
  const shell = post(config.shell, config.shell.body, null);
  let slug: string | null = null;
  try {
    if (!window.location.search) slug = decodeURIComponent(match[1]);
  } catch {
    slug = null;
  }
  shell
    .then((response) => response.clone().json())
    .then((answer: { data?: { user?: { id?: unknown; memberships?: { tenant: { id: string; slug: string } }[] }[] } }) => {
      const me = answer.data?.user?.[0];
      const membership = me?.memberships?.find((m) => m.tenant.slug === slug || m.tenant.id === slug);
      if (slug === null || typeof me?.id !== 'string' || !membership) return;
      const id = JSON.stringify(me.id).slice(1, -1);
      return post(
        config.page,
        config.page.body.replace(config.userIdPlaceholder, () => id),
        membership.tenant.slug,
      );
    })
    .then(finish, finish);
}

/** The script's source for index.html. */
export function earlyRequestsScript(config: EarlyRequestsConfig): string {
  // `<` escaped: the JSON sits inside a <script> element.
  return `(${startEarlyRequests.toString()})(${JSON.stringify(config).replaceAll('<', '\\u003c')});`;
}
