import { Navigate, type RouteObject } from 'react-router-dom';
import { PageSkeleton } from '../components/loading-skeleton';
import { RootLayout } from './root-layout';
import { RouteErrorBoundary } from './route-error-boundary';

/**
 * Every page is loaded lazily so the first load carries only the shell.
 * Public pages: /setup, /sign-in, /invite/:token. App pages live under /:tenant.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: RootLayout,
    // Shown while the first page's code loads.
    HydrateFallback: () => <PageSkeleton label="Loading Keyplane" />,
    errorElement: <RouteErrorBoundary standalone />,
    children: [
      {
        errorElement: <RouteErrorBoundary standalone />,
        children: [
          { index: true, lazy: () => import('./home-redirect').then((m) => ({ Component: m.HomeRedirect })) },
          { path: 'setup', lazy: () => import('../features/auth/setup-page').then((m) => ({ Component: m.SetupPage })) },
          {
            path: 'sign-in',
            lazy: () => import('../features/auth/sign-in-page').then((m) => ({ Component: m.SignInPage })),
          },
          {
            path: 'invite/:token',
            lazy: () =>
              import('../features/auth/accept-invitation-page').then((m) => ({ Component: m.AcceptInvitationPage })),
          },
        ],
      },
      {
        path: ':tenant',
        lazy: () => import('./tenant-layout').then((m) => ({ Component: m.TenantLayout })),
        children: [
          {
            // A boundary inside the layout keeps the app bar and navigation on screen.
            errorElement: <RouteErrorBoundary />,
            children: [
              { index: true, element: <Navigate to="user/keys" replace /> },
              { path: 'user', element: <Navigate to="keys" replace /> },
              {
                path: 'user/keys',
                lazy: () => import('../features/api-keys/api-keys-page').then((m) => ({ Component: m.ApiKeysPage })),
              },
              { path: 'team', element: <Navigate to="members" replace /> },
              {
                path: 'team/service-accounts',
                lazy: () =>
                  import('../features/service-accounts/service-accounts-page').then((m) => ({
                    Component: m.ServiceAccountsPage,
                  })),
              },
              {
                path: 'team/members',
                lazy: () => import('../features/members/members-page').then((m) => ({ Component: m.MembersPage })),
              },
              {
                path: 'team/audit-log',
                lazy: () => import('../features/audit-log/audit-log-page').then((m) => ({ Component: m.AuditLogPage })),
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
