import { useMutation, useQuery } from '@apollo/client/react';
import CancelScheduleSendIcon from '@mui/icons-material/CancelScheduleSend';
import MailOutlinedIcon from '@mui/icons-material/MailOutlined';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { TableSkeleton } from '../../components/loading-skeleton';
import { QueryError } from '../../components/query-error';
import type { MemberInvitationsQuery } from '../../gql/graphql';
import { describeError } from '../../lib/errors';
import { formatDateTime, formatRelative } from '../../lib/format';
import { roleLabel } from '../../lib/roles';
import visuallyHidden from '@mui/utils/visuallyHidden';
import { MemberInvitationsQuery as InvitationsQuery, RevokeInvitationMutation } from './members-documents';

type Invitation = MemberInvitationsQuery['membership_invitation'][number];

const wideOnly = { display: { xs: 'none', sm: 'table-cell' } } as const;

/** Invitations not yet accepted (administrators only). */
export function InvitationsTable() {
  const invitations = useQuery(InvitationsQuery);
  const [revoking, setRevoking] = useState<Invitation | null>(null);

  if (invitations.error) {
    return (
      <QueryError title="Could not load invitations" error={invitations.error} onRetry={() => void invitations.refetch()} />
    );
  }
  if (!invitations.data) return <TableSkeleton label="Loading invitations" rows={2} columns={4} />;
  const rows = invitations.data.membership_invitation;
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={<MailOutlinedIcon />}
        title="No pending invitations"
        description="Use Invite member to add someone. Invitations appear here until they are accepted, expire or are revoked."
      />
    );
  }

  return (
    <>
      <TableContainer component={Paper} variant="outlined" sx={{ '& .MuiTableCell-root': { px: { xs: 1, sm: 2 } } }}>
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
                  <Tooltip title={formatDateTime(invitation.expires_at)}>
                    <span>{formatRelative(invitation.expires_at)}</span>
                  </Tooltip>
                </TableCell>
                <TableCell align="right">
                  <Tooltip title="Revoke invitation">
                    <IconButton aria-label={`Revoke invitation for ${invitation.email}`} onClick={() => setRevoking(invitation)}>
                      <CancelScheduleSendIcon />
                    </IconButton>
                  </Tooltip>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {revoking ? <RevokeInvitationDialog invitation={revoking} onClose={() => setRevoking(null)} /> : null}
    </>
  );
}

function RevokeInvitationDialog({ invitation, onClose }: { invitation: Invitation; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [revoke, { loading }] = useMutation(RevokeInvitationMutation, {
    refetchQueries: ['MemberInvitations'],
    awaitRefetchQueries: true,
  });

  const confirm = async () => {
    setError(null);
    try {
      const result = await revoke({ variables: { input: { invitation_id: invitation.id } } });
      if (!result.data?.delete_membership_invitation.success) {
        setError(result.data?.delete_membership_invitation.error ?? 'The invitation could not be revoked.');
        return;
      }
      onClose();
    } catch (caught) {
      setError(describeError(caught).message);
    }
  };

  return (
    <ConfirmDialog
      open
      title="Revoke invitation?"
      confirmLabel="Revoke"
      destructive
      busy={loading}
      error={error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <Typography>
        The invitation link sent to <strong>{invitation.email}</strong> will stop working.
      </Typography>
    </ConfirmDialog>
  );
}
