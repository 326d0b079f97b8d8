import { useMutation } from '@apollo/client/react';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useApolloClients } from '../../lib/apollo-clients-context';
import { describeError } from '../../lib/errors';
import { useCurrentTenant } from '../../lib/tenant-context';
import { RemoveMemberMutation } from './members-documents';
import type { Member } from './members-table';

interface RemoveMemberDialogProps {
  member: Member;
  onClose: () => void;
}

export function RemoveMemberDialog({ member, onClose }: RemoveMemberDialogProps) {
  const tenant = useCurrentTenant();
  const clients = useApolloClients();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const isMe = member.id === tenant.user.id;
  const [removeMember, { loading }] = useMutation(RemoveMemberMutation, {
    refetchQueries: isMe ? [] : ['Members'],
    awaitRefetchQueries: true,
  });
  const membership = member.memberships[0];

  const confirm = async () => {
    if (!membership) return;
    setError(null);
    try {
      const result = await removeMember({ variables: { input: { membership_id: membership.id } } });
      const payload = result.data?.delete_membership;
      if (!payload?.success) {
        setError(payload?.error ?? 'The member could not be removed.');
        return;
      }
      if (isMe) {
        // Leaving the tenant: this page is no longer ours to see.
        await clients.root.refetchQueries({ include: ['AppShell'] });
        navigate('/', { replace: true });
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
      title={isMe ? `Leave ${tenant.name}?` : `Remove ${member.username} from ${tenant.name}?`}
      confirmLabel={isMe ? 'Leave' : 'Remove'}
      destructive
      busy={loading}
      error={error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <Typography>
        {isMe
          ? 'You will lose access to this tenant, and your API keys for it will be revoked.'
          : `${member.username} will lose access to ${tenant.name}, and their API keys for it will be revoked at once.`}
      </Typography>
    </ConfirmDialog>
  );
}
