/**
 * Every address of the app, written once: `path` is the route pattern routes.tsx
 * matches, `href` builds a link to it. Links, redirects and navigation use these,
 * never a spelled-out string, so a renamed page cannot leave a stale link behind.
 * The tenant slug leads every app page; src/shared/slugs.ts keeps the first segments
 * of the public pages out of the slugs a tenant may take.
 */
export const paths = {
  home: { path: '/', href: () => '/' },
  setup: { path: '/setup', href: () => '/setup' },
  signIn: {
    path: '/sign-in',
    /** Sign-in, then back to `next` (a same-site path) afterwards. */
    href: (next?: string) => (next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'),
  },
  invitation: { path: '/invite/:token', href: (token: string) => `/invite/${encodeURIComponent(token)}` },
  /** Where `/` sends someone who belongs to no tenant (the tenant layout explains). */
  noTenant: { path: '/no-tenant', href: () => '/no-tenant' },
  tenant: { path: '/:tenant', href: (slug: string) => `/${slug}` },
  apiKeys: { path: '/:tenant/user/keys', href: (slug: string) => `/${slug}/user/keys` },
  account: { path: '/:tenant/user/account', href: (slug: string) => `/${slug}/user/account` },
  serviceAccounts: { path: '/:tenant/team/service-accounts', href: (slug: string) => `/${slug}/team/service-accounts` },
  members: { path: '/:tenant/team/members', href: (slug: string) => `/${slug}/team/members` },
  auditLog: { path: '/:tenant/team/audit-log', href: (slug: string) => `/${slug}/team/audit-log` },
  tenantSettings: { path: '/:tenant/team/settings', href: (slug: string) => `/${slug}/team/settings` },
  keyLookup: { path: '/:tenant/team/whose-key', href: (slug: string) => `/${slug}/team/whose-key` },
  /** GraphiQL is a page of its own, served by the server (not a route of the app). */
  graphiql: { path: '/graphiql', href: () => '/graphiql' },
} as const;

/** A tenant's landing page: User › API Keys. */
export const tenantHome = paths.apiKeys.href;

/** `/acme/team/members` → `/globex/team/members`: switching tenants keeps the page. */
export function pathInTenant(pathname: string, slug: string): string {
  const rest = pathname.split('/').slice(2).join('/');
  return rest ? `/${slug}/${rest}` : tenantHome(slug);
}

/** Where to go after signing in: only same-site paths, never `//evil.example`. */
export function safeNextPath(next: string | null | undefined, fallback: string = paths.home.href()): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
