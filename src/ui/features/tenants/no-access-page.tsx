import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, matchPath } from 'react-router-dom';
import type { TenantMembership } from '../../lib/tenant-context';
import { usePageTitle } from '../../lib/use-page-title';
import { paths, tenantHome } from '../../lib/paths';

interface NoAccessPageProps {
  slug: string;
  /** The whole path: only an app page's address (`/x/user/keys`) is read as a tenant's. */
  pathname: string;
  memberships: TenantMembership[];
}

const APP_PAGES = [paths.apiKeys, paths.serviceAccounts, paths.members, paths.auditLog];

/**
 * The URL's first segment is none of the caller's tenants. An app page's address
 * (`/globex/team/members`, a colleague's link) names a tenant the caller is not in, or
 * one that does not exist; anything else (`/acmee`, `/settings`) is a mistyped address.
 */
export function NoAccessPage({ slug, pathname, memberships }: NoAccessPageProps) {
  const appPage = APP_PAGES.some((page) => matchPath(page.path, pathname) !== null);
  usePageTitle(appPage ? 'No access' : 'Page not found');
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
  if (memberships.length === 0) {
    // Removed from their last tenant (or left it): nowhere to go yet.
    return (
      <Box sx={{ maxWidth: 640 }}>
        <Typography variant="h1" sx={{ mb: 2 }}>
          You are not in any tenant
        </Typography>
        <Alert severity="info">Create a tenant from the tenant menu at the top, or ask an administrator of an existing tenant to invite you.</Alert>
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
