import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { Link as RouterLink, matchPath, Navigate, useLocation } from 'react-router-dom';
import { checkSlugText } from '../../../shared/slugs';
import { PageSkeleton } from '../../components/loading-skeleton';
import { graphql } from '../../gql';
import type { TenantMembership } from '../../lib/tenant-context';
import { usePageTitle } from '../../lib/use-page-title';
import { pathInTenant, paths, tenantHome } from '../../lib/paths';

interface NoAccessPageProps {
  slug: string;
  /** The whole path: only an app page's address (`/x/user/keys`) is read as a tenant's. */
  pathname: string;
  memberships: TenantMembership[];
}

const APP_PAGES = [paths.apiKeys, paths.serviceAccounts, paths.members, paths.auditLog, paths.tenantSettings];

const TenantByPreviousSlugQuery = graphql(`
  query TenantByPreviousSlug($slug: String!) {
    tenant_by_previous_slug(slug: $slug) {
      id
      slug
    }
  }
`);

/**
 * A tenant's old slug (it was changed in Team › Settings) leads to the same page under
 * its new one, keeping the query and the fragment; anything else is the page below.
 */
export function NoAccessPage(props: NoAccessPageProps) {
  const location = useLocation();
  const isSlug = checkSlugText(props.slug).ok;
  // Asked afresh each time: the answer changes when a slug changes hands.
  const { data, loading } = useQuery(TenantByPreviousSlugQuery, { variables: { slug: props.slug }, skip: !isSlug, fetchPolicy: 'network-only' });
  const moved = data?.tenant_by_previous_slug;
  if (moved) return <Navigate to={`${pathInTenant(props.pathname, moved.slug)}${location.search}${location.hash}`} replace />;
  if (isSlug && loading) return <PageSkeleton label="Loading Keyplane" />;
  return <NotInTenant {...props} />;
}

/**
 * The URL's first segment is none of the caller's tenants. An app page's address
 * (`/globex/team/members`, a colleague's link) names a tenant the caller is not in, or
 * one that does not exist; anything else (`/acmee`, `/settings`) is a mistyped address.
 * `/no-tenant` is where someone in no tenant is sent (after deleting their last one, too).
 */
function NotInTenant({ slug, pathname, memberships }: NoAccessPageProps) {
  const appPage = APP_PAGES.some((page) => matchPath(page.path, pathname) !== null);
  const inNoTenant = memberships.length === 0 && (appPage || pathname === paths.noTenant.href());
  usePageTitle(inNoTenant ? 'No tenant' : appPage ? 'No access' : 'Page not found');
  if (inNoTenant) {
    // Removed from their last tenant, left it or deleted it: nowhere to go yet.
    return (
      <Box sx={{ maxWidth: 640 }}>
        <Typography variant="h1" sx={{ mb: 2 }}>
          You are not in any tenant
        </Typography>
        <Alert severity="info">Create a tenant from the tenant menu at the top, or ask an administrator of an existing tenant to invite you.</Alert>
      </Box>
    );
  }
  if (!appPage) {
    return (
      <Box sx={{ maxWidth: 640 }}>
        <Typography variant="h1" sx={{ mb: 2 }}>
          Page not found
        </Typography>
        <Alert severity="warning">There is nothing at this address.</Alert>
        <TenantLinks memberships={memberships} />
      </Box>
    );
  }
  return (
    <Box sx={{ maxWidth: 640 }}>
      <Typography variant="h1" sx={{ mb: 2 }}>
        No access to this tenant
      </Typography>
      <Alert severity="warning">
        <AlertTitle>You are not a member of “{slug}”</AlertTitle>
        The tenant does not exist or you have not been invited to it. Ask one of its administrators for an invitation.
      </Alert>
      <TenantLinks memberships={memberships} />
    </Box>
  );
}

function TenantLinks({ memberships }: { memberships: TenantMembership[] }) {
  if (memberships.length === 0) return null;
  return (
    <>
      <Typography variant="h2" sx={{ mt: 3 }}>
        Your tenants
      </Typography>
      <List>
        {memberships.map((m) => (
          <ListItem key={m.id} disableGutters>
            <Link component={RouterLink} to={tenantHome(m.tenant.slug)}>
              {m.tenant.name}
            </Link>
          </ListItem>
        ))}
      </List>
    </>
  );
}
