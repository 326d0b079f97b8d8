import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import type { TenantMembership } from '../../lib/tenant-context';
import { usePageTitle } from '../../lib/use-page-title';
import { tenantHome } from '../../lib/paths';

interface NoAccessPageProps {
  slug: string;
  memberships: TenantMembership[];
}

/** The URL names a tenant the caller is not a member of (or that does not exist). */
export function NoAccessPage({ slug, memberships }: NoAccessPageProps) {
  usePageTitle('No access');
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
      {memberships.length > 0 ? (
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
      ) : null}
    </Box>
  );
}
