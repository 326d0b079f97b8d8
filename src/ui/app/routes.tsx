import { Navigate, useParams, type RouteObject } from 'react-router-dom';
import { PageSkeleton } from '../components/loading-skeleton';
import { paths } from '../lib/paths';
import { ApiKeysPage } from '../features/api-keys/api-keys-page';
import { HomeRedirect } from './home-redirect';
import { RootLayout } from './root-layout';
import { RouteErrorBoundary } from './route-error-boundary';
import { TenantLayout } from './tenant-layout';

/** `/acme` and `/acme/user` go to `/acme/user/keys`; `/acme/team` to its members. */
function TenantRedirect({ to }: { to: (slug: string) => string }) {
  const { tenant = '' } = useParams();
  return <Navigate to={to(tenant)} replace />;
}

/**
 * Every page is loaded lazily except the one a signed-in user lands on (`/` → the tenant
 * layout → User › API Keys), which is bundled with the entry: lazy, its code was ~40
 * chunks (one per set of pages sharing a module), each a request and a preload for the
 * main thread to issue, and a cold load of the page took 0.5–1 s longer (see "Cold start"
 * in docs/performance.md). Paths come from lib/paths.ts: public pages at the top, app
 * pages under the tenant's slug.
 */
export const routes: RouteObject[] = [
  {
    path: paths.home.path,
    Component: RootLayout,
    // Shown while the first page's code loads.
    HydrateFallback: () => <PageSkeleton label="Loading Keyplane" />,
    errorElement: <RouteErrorBoundary standalone />,
    children: [
      {
        errorElement: <RouteErrorBoundary standalone />,
        children: [
          { index: true, Component: HomeRedirect },
          { path: paths.setup.path, lazy: () => import('../features/auth/setup-page').then((m) => ({ Component: m.SetupPage })) },
          {
            path: paths.signIn.path,
            lazy: () => import('../features/auth/sign-in-page').then((m) => ({ Component: m.SignInPage })),
          },
          {
            path: paths.invitation.path,
            lazy: () => import('../features/auth/accept-invitation-page').then((m) => ({ Component: m.AcceptInvitationPage })),
          },
        ],
      },
      {
        path: paths.tenant.path,
        Component: TenantLayout,
        children: [
          {
            // A boundary inside the layout keeps the app bar and navigation on screen.
            errorElement: <RouteErrorBoundary />,
            children: [
              { index: true, element: <TenantRedirect to={paths.apiKeys.href} /> },
              { path: `${paths.tenant.path}/user`, element: <TenantRedirect to={paths.apiKeys.href} /> },
              { path: paths.apiKeys.path, Component: ApiKeysPage },
              {
                path: paths.account.path,
                lazy: () => import('../features/account/account-page').then((m) => ({ Component: m.AccountPage })),
              },
              { path: `${paths.tenant.path}/team`, element: <TenantRedirect to={paths.members.href} /> },
              {
                path: paths.serviceAccounts.path,
                lazy: () =>
                  import('../features/service-accounts/service-accounts-page').then((m) => ({
                    Component: m.ServiceAccountsPage,
                  })),
              },
              {
                path: paths.members.path,
                lazy: () => import('../features/members/members-page').then((m) => ({ Component: m.MembersPage })),
              },
              {
                path: paths.auditLog.path,
                lazy: () => import('../features/audit-log/audit-log-page').then((m) => ({ Component: m.AuditLogPage })),
              },
              {
                path: paths.keyLookup.path,
                lazy: () => import('../features/key-lookup/key-lookup-page').then((m) => ({ Component: m.KeyLookupPage })),
              },
              {
                path: paths.tenantSettings.path,
                lazy: () => import('../features/tenant-settings/tenant-settings-page').then((m) => ({ Component: m.TenantSettingsPage })),
              },
              {
                path: '*',
                lazy: () => import('../features/not-found/not-found-page').then((m) => ({ Component: m.NotFoundInTenant })),
              },
            ],
          },
        ],
      },
      {
        path: '*',
        lazy: () => import('../features/not-found/not-found-page').then((m) => ({ Component: m.NotFoundPage })),
      },
    ],
  },
];
