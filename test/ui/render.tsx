/**
 * Shared helpers for UI component tests: the real providers and routes in a memory
 * router, talking to msw GraphQL handlers. Usage:
 *
 *   const { user } = renderApp('/acme/team/members', {
 *     handlers: [...signedIn(aliceInAcme), graphql.query('MembersPage', () => HttpResponse.json({ data }))],
 *   });
 *   await user.click(await screen.findByRole('button', { name: /invite member/i }));
 */
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { graphql, HttpResponse, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { AppProviders } from '../../src/ui/app/providers';
import { routes } from '../../src/ui/app/routes';
import { createApolloClients, type ApolloClients } from '../../src/ui/lib/apollo';

/** A tenant without a key policy: what the create and rotate dialogs ask about, unless a test says otherwise. */
export function keyPolicyRule(policy: { user_key_max_days?: number | null; service_key_max_days?: number | null; require_expiry?: boolean } = {}) {
  return graphql.query('KeyPolicyRule', ({ variables }) =>
    HttpResponse.json({
      data: {
        tenant_policy: {
          __typename: 'tenant_policy',
          tenant_id: variables.id,
          user_key_max_days: null,
          service_key_max_days: null,
          require_expiry: false,
          ...policy,
        },
      },
    }),
  );
}

/**
 * The msw server every UI test shares; `test/ui/setup.ts` starts and resets it (back to these
 * standing handlers): a tenant without a key policy, and no key notices in the top bar,
 * unless a test's handler says otherwise.
 */
export const server = setupServer(
  keyPolicyRule(),
  graphql.query('KeyNotices', () =>
    HttpResponse.json({
      data: { key_notices: { __typename: 'key_notices', own_expiring_count: 0, own_idle_count: 0, service_expiring_count: null, service_idle_count: null } },
    }),
  ),
);

/** Requests no handler answered, reported by setup.ts as a test failure. */
export const unhandledRequests: string[] = [];

export interface RenderAppOptions {
  handlers?: RequestHandler[];
}

export interface RenderAppResult extends RenderResult {
  user: UserEvent;
  router: ReturnType<typeof createMemoryRouter>;
  clients: ApolloClients;
}

/** Renders the whole app at `path` with real providers and routes. */
export function renderApp(path: string, { handlers = [] }: RenderAppOptions = {}): RenderAppResult {
  if (handlers.length > 0) server.use(...handlers);
  const clients = createApolloClients();
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const result = render(
    <AppProviders clients={clients}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, user, router, clients };
}

// ------------------------------------------------------------------ fixtures

export interface FixtureTenant {
  id: string;
  name: string;
  slug: string;
}

export interface FixtureMembership {
  id: string;
  role: string;
  tenant: FixtureTenant;
}

export interface FixtureUser {
  id: string;
  username: string;
  email: string;
  memberships: FixtureMembership[];
}

const ROLE_NAMES: Record<string, string> = {
  TENANT_ADMIN: 'Administrator',
  USER: 'User',
  READ_ONLY_USER: 'Read-only',
};

export function roleDetail(role: string) {
  return { __typename: 'role_detail', id: role, name: ROLE_NAMES[role] ?? role };
}

export const acme: FixtureTenant = { id: '11111111-1111-4111-8111-111111111111', name: 'Acme', slug: 'acme' };
export const globex: FixtureTenant = { id: '22222222-2222-4222-8222-222222222222', name: 'Globex', slug: 'globex' };

/** A signed-in person; `role` is their role in Acme, and they may belong to more tenants. */
export function makeUser(
  role = 'TENANT_ADMIN',
  extra: { tenant: FixtureTenant; role: string }[] = [],
  overrides: Partial<Pick<FixtureUser, 'id' | 'username' | 'email'>> = {},
): FixtureUser {
  const memberships = [{ tenant: acme, role }, ...extra].map((m, index) => ({
    id: `aaaaaaaa-0000-4000-8000-00000000000${index + 1}`,
    role: m.role,
    tenant: m.tenant,
  }));
  return {
    id: overrides.id ?? '99999999-9999-4999-8999-999999999999',
    username: overrides.username ?? 'alice',
    email: overrides.email ?? 'alice@example.com',
    memberships,
  };
}

/** The AppShell answer for a signed-in user (what every page under /:tenant loads first). */
export function appShellData(user: FixtureUser) {
  return {
    user: [
      {
        __typename: 'user',
        id: user.id,
        username: user.username,
        email: user.email,
        first_name: null,
        last_name: null,
        default_membership_id: user.memberships[0]?.id ?? null,
        memberships: user.memberships.map((m) => ({
          __typename: 'membership',
          id: m.id,
          tenant_id: m.tenant.id,
          role: m.role,
          role_detail: roleDetail(m.role),
          tenant: { __typename: 'tenant', ...m.tenant },
        })),
      },
    ],
  };
}

/** Handlers that make `user` signed in: the shell query and sign-out. */
export function signedIn(user: FixtureUser): RequestHandler[] {
  return [
    graphql.query('AppShell', () => HttpResponse.json({ data: appShellData(user) })),
    graphql.mutation('LogOut', () => HttpResponse.json({ data: { log_out: { __typename: 'success_payload', success: true } } })),
    // A slug that is none of the user's tenants is no old slug of theirs either, unless a test says so.
    graphql.query('TenantByPreviousSlug', () => HttpResponse.json({ data: { tenant_by_previous_slug: null } })),
  ];
}

/** A GraphQL error as the API sends it (HTTP 200, `extensions.code`). */
type AnyGraphQLResponse = HttpResponse<any>;

export function graphqlError(code: string, message: string, field?: string): AnyGraphQLResponse {
  return HttpResponse.json({
    data: null,
    errors: [{ message, extensions: field ? { code, field } : { code } }],
  });
}

/** What the API answers when nobody is signed in. */
export function unauthenticated(): AnyGraphQLResponse {
  return HttpResponse.json(
    { data: null, errors: [{ message: 'Authentication required.', extensions: { code: 'UNAUTHENTICATED' } }] },
    { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } },
  );
}

/** What the API answers for a tenant the caller does not belong to. */
export function forbidden(message = 'You are not a member of this tenant.'): AnyGraphQLResponse {
  return HttpResponse.json({ data: null, errors: [{ message, extensions: { code: 'FORBIDDEN' } }] }, { status: 403 });
}

/**
 * For tests whose subject hands over to another page (setup, sign-in and invitations
 * land on API Keys): that page's own queries get an error instead of failing the
 * test as unhandled. Put it last so specific handlers win.
 */
export const otherPagesFail = graphql.operation(() => graphqlError('INTERNAL_SERVER_ERROR', 'Not part of this test.'));

/** The tenant a request was sent for (the X-Tenant-Id header), or null. */
export function tenantOf(request: Request): string | null {
  return request.headers.get('x-tenant-id');
}

/**
 * Makes `matchMedia` answer as a window `width` px wide would (jsdom answers every query
 * with false), for the layouts MUI's useMediaQuery picks. Returns the undo.
 */
export function emulateWindowWidth(width: number): () => void {
  const original = window.matchMedia.bind(window);
  window.matchMedia = (query: string) => {
    const max = /max-width:\s*([\d.]+)px/.exec(query);
    const min = /min-width:\s*([\d.]+)px/.exec(query);
    const matches = (!max || width <= Number(max[1])) && (!min || width >= Number(min[1]));
    return {
      matches,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    } as MediaQueryList;
  };
  return () => {
    window.matchMedia = original;
  };
}
