import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import { Navigate } from 'react-router-dom';
import { PageSkeleton } from '../components/loading-skeleton';
import { QueryError } from '../components/query-error';
import { SetupRequiredQuery } from '../features/auth/setup-required-query';
import { AppShellQuery } from './shell-query';
import { paths, tenantHome } from '../lib/paths';

/** `/`: setup while no user exists, else sign-in, else the default tenant's keys. */
export function HomeRedirect() {
  const setup = useQuery(SetupRequiredQuery, { fetchPolicy: 'network-only' });
  const setupDone = setup.data?.setup_required === false;
  const shell = useQuery(AppShellQuery, { skip: !setupDone });

  const error = setup.error ?? shell.error;
  if (error) {
    return (
      <Box component="main" sx={{ p: 3 }}>
        <QueryError title="Could not reach Keyplane" error={error} onRetry={() => void (setup.error ? setup.refetch() : shell.refetch())} />
      </Box>
    );
  }
  if (setup.data?.setup_required) return <Navigate to={paths.setup.href()} replace />;
  const me = shell.data?.user[0];
  if (!me) return <PageSkeleton label="Loading Keyplane" />;

  const home = me.memberships.find((m) => m.id === me.default_membership_id) ?? me.memberships[0];
  if (!home) return <Navigate to={paths.noTenant.href()} replace />;
  return <Navigate to={tenantHome(home.tenant.slug)} replace />;
}
