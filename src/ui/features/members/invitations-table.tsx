import { useQuery } from '@apollo/client/react';
import CancelScheduleSendIcon from '@mui/icons-material/CancelScheduleSend';
import MailOutlinedIcon from '@mui/icons-material/MailOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import visuallyHidden from '@mui/utils/visuallyHidden';
import { useState } from 'react';
import { useNow } from '../../lib/use-now';
import { DateTime } from '../../components/date-time';
import { EmptyState } from '../../components/empty-state';
import { LazyDialogSlot } from '../../components/lazy-dialog-slot';
import { LazyTooltip } from '../../components/lazy-tooltip';
import { TableSkeleton } from '../../components/loading-skeleton';
import { QueryError } from '../../components/query-error';
import { TablePageNavigation } from '../../components/table-page-navigation';
import { graphql } from '../../gql';
import { lazyNamed } from '../../lib/lazy';
import { useClampPage, useUrlPaging } from '../../lib/paging';
import { roleLabel } from '../../lib/roles';

const RevokeInvitationDialog = lazyNamed(() => import('./revoke-invitation-dialog'), 'RevokeInvitationDialog');
const preloadRevoke = () => void RevokeInvitationDialog.preload().catch(() => undefined);

// The API has no total for invitations: each page asks for one row more than it
// shows, and the pager gives a total only once the last page is known.
export const InvitationsTableQuery = graphql(`
  query InvitationsTable($limit: Int!, $offset: Int!) {
    membership_invitation(limit: $limit, offset: $offset) {
      id
      email
      role
      expires_at
      invited_by {
        id
        username
      }
    }
  }
`);

const wideOnly = { display: { xs: 'none', sm: 'table-cell' } } as const;

/** Invitations not yet accepted (administrators only). */
export function InvitationsTable() {
  const now = useNow();
  const paging = useUrlPaging('invitations');
  const { page, size } = paging;
  const { data, previousData, error, refetch } = useQuery(InvitationsTableQuery, {
    variables: { limit: size + 1, offset: page * size },
  });
  const shown = data ?? previousData;
  const found = shown?.membership_invitation ?? [];
  const rows = found.slice(0, size);
  const more = found.length > size;
  // Known only on the last page; -1 tells the pager there are more.
  const total = shown && !more ? page * size + found.length : null;
  const count = total ?? -1;
  useClampPage(page, total, paging.setPage, size);
  const [revoking, setRevoking] = useState<{ id: string; email: string } | null>(null);

  if (error && !shown) {
    return <QueryError title="Could not load invitations" error={error} onRetry={() => void refetch()} />;
  }
  if (!shown) return <TableSkeleton label="Loading invitations" rows={2} columns={4} />;
  if (count === 0) {
    return (
      <EmptyState
        icon={<MailOutlinedIcon />}
        title="No pending invitations"
        description="Use Invite member to add someone. Invitations appear here until they are accepted, expire or are revoked."
      />
    );
  }

  return (
    <Paper variant="outlined" onPointerEnter={preloadRevoke}>
      {error ? (
        <Alert severity="error" sx={{ borderRadius: 0 }}>
          Could not refresh the invitations. The rows below may be out of date.
        </Alert>
      ) : null}
      <TableContainer sx={{ '& .MuiTableCell-root': { px: { xs: 1, sm: 2 } } }}>
        <Table aria-label="Pending invitations">
          <TableHead>
            <TableRow>
              <TableCell>Email</TableCell>
              <TableCell>Role</TableCell>
              <TableCell sx={wideOnly}>Invited by</TableCell>
              <TableCell sx={wideOnly}>Expires</TableCell>
              <TableCell align="right">
                <Box component="span" sx={visuallyHidden}>
                  Actions
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((invitation) => (
              <TableRow key={invitation.id}>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{invitation.email}</TableCell>
                <TableCell>{roleLabel(invitation.role)}</TableCell>
                <TableCell sx={wideOnly}>{invitation.invited_by?.username ?? '—'}</TableCell>
                <TableCell sx={wideOnly}>
                  <DateTime iso={invitation.expires_at} format="relative" now={now} />
                </TableCell>
                <TableCell align="right">
                  <LazyTooltip title="Revoke invitation">
                    <IconButton aria-label={`Revoke invitation for ${invitation.email}`} onClick={() => setRevoking(invitation)} onFocus={preloadRevoke}>
                      <CancelScheduleSendIcon />
                    </IconButton>
                  </LazyTooltip>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePageNavigation count={count} paging={paging} />
      <LazyDialogSlot open={revoking !== null}>
        <RevokeInvitationDialog invitation={revoking} onClose={() => setRevoking(null)} />
      </LazyDialogSlot>
    </Paper>
  );
}
