import { ApolloProvider, useQuery } from '@apollo/client/react';
import MenuIcon from '@mui/icons-material/Menu';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Toolbar from '@mui/material/Toolbar';
import { Suspense, useMemo, useState } from 'react';
import { Link as RouterLink, Outlet, useLocation, useParams } from 'react-router-dom';
import { PageSkeleton } from '../components/loading-skeleton';
import { QueryError } from '../components/query-error';
import { UserMenu } from '../features/auth/user-menu';
import { TenantSwitcher } from '../features/tenants/tenant-switcher';
import { useApolloClients } from '../lib/apollo-clients-context';
import { lazyNamed } from '../lib/lazy';
import { buildCurrentTenant, CurrentTenantContext, type TenantMembership } from '../lib/tenant-context';
import { NavigationList } from './navigation-list';
import { AppShellQuery } from './shell-query';
import { useMountedOnceWanted } from '../lib/use-mounted-once-wanted';
import { paths, tenantHome } from '../lib/paths';

const DRAWER_WIDTH = 232;

// The small-screen drawer (MUI's Drawer, Slide and Modal) loads when first opened (issue 7).
const MobileNavigation = lazyNamed(() => import('./mobile-navigation'), 'MobileNavigation');
const preloadMobileNavigation = () => void MobileNavigation.preload().catch(() => undefined);

// Shown only for an address that is none of the user's tenants (an old slug among them): not on the first page.
const NoAccessPage = lazyNamed(() => import('../features/tenants/no-access-page'), 'NoAccessPage');

// The bell with the keys that need acting on this week: after the first page, in its own chunk.
const KeyNoticesBadge = lazyNamed(() => import('../components/key-notices/key-notices'), 'KeyNoticesBadge');

/**
 * The frame of every app page: app bar (tenant switcher, user menu), navigation and
 * the page itself, which talks to the API as the tenant in the URL.
 */
export function TenantLayout() {
  const { tenant: slug = '' } = useParams();
  const location = useLocation();
  const clients = useApolloClients();
  const { data, error, refetch } = useQuery(AppShellQuery);
  const [navOpen, setNavOpen] = useState(false);
  const navMounted = useMountedOnceWanted(navOpen);
  // Close the mobile navigation after following one of its links.
  const [lastPath, setLastPath] = useState(location.pathname);
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    setNavOpen(false);
  }

  const me = data?.user[0];
  const memberships: TenantMembership[] = useMemo(
    () => (me?.memberships ?? []).map((m) => ({ id: m.id, role: m.role, tenant: m.tenant })).sort((a, b) => a.tenant.name.localeCompare(b.tenant.name)),
    [me],
  );
  const current = useMemo(
    () =>
      me
        ? buildCurrentTenant(
            { id: me.id, username: me.username, email: me.email ?? null, defaultMembershipId: me.default_membership_id ?? null },
            memberships,
            slug,
          )
        : null,
    [me, memberships, slug],
  );

  if (error) {
    return (
      <Box component="main" sx={{ p: 3 }}>
        <QueryError title="Could not load your account" error={error} onRetry={() => void refetch()} />
      </Box>
    );
  }
  // Only the first load: a refetch (after a rename, a new tenant) keeps the page on screen.
  if (!me) return <PageSkeleton label="Loading Keyplane" />;

  const navigation = current ? <NavigationList slug={current.slug} isAdmin={current.isAdmin} /> : null;

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" color="default" elevation={0} sx={{ borderBottom: 1, borderColor: 'divider', zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 1 }}>
          {navigation ? (
            <IconButton
              edge="start"
              aria-label={navOpen ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navOpen}
              onClick={() => setNavOpen((wasOpen) => !wasOpen)}
              onPointerEnter={preloadMobileNavigation}
              onFocus={preloadMobileNavigation}
              sx={{ display: { md: 'none' } }}
            >
              <MenuIcon />
            </IconButton>
          ) : null}
          <Link
            component={RouterLink}
            to={current ? tenantHome(current.slug) : paths.home.href()}
            underline="none"
            color="inherit"
            sx={{ fontWeight: 700, fontSize: '1.1rem', mr: { xs: 0.5, sm: 2 }, display: { xs: 'none', sm: 'block' } }}
          >
            Keyplane
          </Link>
          <TenantSwitcher memberships={memberships} currentSlug={current?.slug ?? null} />
          <Box sx={{ flexGrow: 1 }} />
          {current ? (
            <Suspense fallback={null}>
              <KeyNoticesBadge key={current.id} tenantId={current.id} slug={current.slug} />
            </Suspense>
          ) : null}
          <UserMenu username={me.username} email={me.email ?? null} />
        </Toolbar>
      </AppBar>

      {navigation ? (
        <Box component="nav" aria-label="Main" sx={{ width: { md: DRAWER_WIDTH }, flexShrink: { md: 0 } }}>
          {navMounted && (
            <Suspense fallback={null}>
              <MobileNavigation open={navOpen} onClose={() => setNavOpen(false)} width={DRAWER_WIDTH}>
                {navigation}
              </MobileNavigation>
            </Suspense>
          )}
          {/* What MUI's permanent Drawer renders, without importing the Drawer (and its Modal). */}
          <Paper
            square
            elevation={0}
            sx={{
              display: { xs: 'none', md: 'flex' },
              flexDirection: 'column',
              position: 'fixed',
              top: 0,
              left: 0,
              height: '100%',
              width: DRAWER_WIDTH,
              overflowY: 'auto',
              borderRight: 1,
              borderColor: 'divider',
              zIndex: (t) => t.zIndex.drawer,
            }}
          >
            <Toolbar />
            {navigation}
          </Paper>
        </Box>
      ) : null}

      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, p: { xs: 2, sm: 3 } }}>
        <Toolbar />
        {current ? (
          <CurrentTenantContext.Provider value={current}>
            <ApolloProvider client={clients.forTenant(current.slug)}>
              <Outlet />
            </ApolloProvider>
          </CurrentTenantContext.Provider>
        ) : (
          <Suspense fallback={<PageSkeleton label="Loading Keyplane" />}>
            <NoAccessPage slug={slug} pathname={location.pathname} memberships={memberships} />
          </Suspense>
        )}
      </Box>
    </Box>
  );
}
