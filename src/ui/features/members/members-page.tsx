import { useQuery } from '@apollo/client/react';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { LazyDialogSlot } from '../../components/lazy-dialog-slot';
import { TableSkeleton } from '../../components/loading-skeleton';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { TablePageNavigation } from '../../components/table-page-navigation';
import { graphql } from '../../gql';
import { lazyNamed } from '../../lib/lazy';
import { pageVariables, useClampPage, useUrlPaging } from '../../lib/paging';
import { useCurrentTenant } from '../../lib/tenant-context';
import { usePageTitle } from '../../lib/use-page-title';
import { InvitationsTable } from './invitations-table';
import { MembersTable } from './members-table';

const InviteMemberDialog = lazyNamed(() => import('./invite-member-dialog'), 'InviteMemberDialog');
const preloadInvite = () => void InviteMemberDialog.preload().catch(() => undefined);

export const MembersPageQuery = graphql(`
  query MembersPage($limit: Int!, $offset: Int!) {
    user_view_same_tenant(where: { account_type: { _eq: "NORMAL" } }, order_by: [{ username: asc }, { id: asc }], limit: $limit, offset: $offset) {
      ...MembersTable_member
    }
    user_view_same_tenant_aggregate(where: { account_type: { _eq: "NORMAL" } }) {
      aggregate {
        count
      }
    }
  }
`);

/** Team › Members: everyone in the tenant; administrators invite, re-role and remove. */
export function MembersPage() {
  usePageTitle('Members');
  const tenant = useCurrentTenant();
  const paging = useUrlPaging();
  const { data, previousData, error, refetch } = useQuery(MembersPageQuery, { variables: pageVariables(paging.page, paging.size) });
  // After a change the list refetches; the rows on screen stay until the new ones arrive.
  const shown = data ?? previousData;
  const total = shown ? shown.user_view_same_tenant_aggregate.aggregate.count : null;
  useClampPage(paging.page, total, paging.setPage, paging.size);
  const [inviting, setInviting] = useState(false);

  const inviteButton = tenant.isAdmin ? (
    <Button variant="contained" startIcon={<PersonAddIcon />} onClick={() => setInviting(true)} onPointerEnter={preloadInvite} onFocus={preloadInvite}>
      Invite member
    </Button>
  ) : null;

  let body;
  if (error && !shown) {
    body = <QueryError title="Could not load members" error={error} onRetry={() => void refetch()} />;
  } else if (!shown) {
    body = <TableSkeleton label="Loading members" columns={4} />;
  } else if (total === 0) {
    body = (
      <EmptyState
        title="No members yet"
        description={tenant.isAdmin ? 'Invite people by email to work in this tenant.' : 'Nobody has joined this tenant yet.'}
        action={inviteButton}
      />
    );
  } else {
    body = (
      <Paper variant="outlined">
        {error ? (
          <Alert severity="error" sx={{ borderRadius: 0 }}>
            Could not refresh the list. The rows below may be out of date.
          </Alert>
        ) : null}
        <MembersTable members={shown.user_view_same_tenant} />
        <TablePageNavigation count={total ?? 0} paging={paging} />
      </Paper>
    );
  }

  return (
    <>
      <PageHeader section="Team" title="Members" description={`People who belong to ${tenant.name} and their roles.`} actions={inviteButton} />
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
      <LazyDialogSlot open={inviting}>
        <InviteMemberDialog open={inviting} onClose={() => setInviting(false)} />
      </LazyDialogSlot>
    </>
  );
}
