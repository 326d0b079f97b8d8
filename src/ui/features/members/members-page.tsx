import { useQuery } from '@apollo/client/react';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useState } from 'react';
import { TableSkeleton } from '../../components/loading-skeleton';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { EmptyState } from '../../components/empty-state';
import { useCurrentTenant } from '../../lib/tenant-context';
import { usePageTitle } from '../../lib/use-page-title';
import { InvitationsTable } from './invitations-table';
import { MembersQuery } from './members-documents';
import { MembersTable } from './members-table';

const InviteMemberDialog = lazy(() => import('./invite-member-dialog').then((m) => ({ default: m.InviteMemberDialog })));

/** Team › Members: everyone in the tenant; administrators invite, re-role and remove. */
export function MembersPage() {
  usePageTitle('Members');
  const tenant = useCurrentTenant();
  const members = useQuery(MembersQuery);
  const [inviting, setInviting] = useState(false);

  const inviteButton = tenant.isAdmin ? (
    <Button variant="contained" startIcon={<PersonAddIcon />} onClick={() => setInviting(true)}>
      Invite member
    </Button>
  ) : null;

  let body;
  if (members.error) {
    body = <QueryError title="Could not load members" error={members.error} onRetry={() => void members.refetch()} />;
  } else if (!members.data) {
    body = <TableSkeleton label="Loading members" columns={4} />;
  } else if (members.data.user_view_same_tenant.length === 0) {
    body = (
      <EmptyState
        title="No members yet"
        description={tenant.isAdmin ? 'Invite people by email to work in this tenant.' : 'Nobody has joined this tenant yet.'}
        action={inviteButton}
      />
    );
  } else {
    body = <MembersTable members={members.data.user_view_same_tenant} />;
  }

  return (
    <>
      <PageHeader
        section="Team"
        title="Members"
        description={`People who belong to ${tenant.name} and their roles.`}
        actions={inviteButton}
      />
      {!tenant.isAdmin ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          Only administrators can invite members, change roles or remove members.
        </Alert>
      ) : null}
      {body}
      {tenant.isAdmin ? (
        <Box component="section" aria-labelledby="pending-invitations" sx={{ mt: 5 }}>
          <Typography id="pending-invitations" variant="h2" sx={{ mb: 1 }}>
            Pending invitations
          </Typography>
          <InvitationsTable />
        </Box>
      ) : null}
      {inviting ? (
        <Suspense fallback={null}>
          <InviteMemberDialog onClose={() => setInviting(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
