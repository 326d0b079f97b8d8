import { useNavigate } from 'react-router-dom';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { paths } from '../../lib/paths';
import { useCurrentTenant } from '../../lib/tenant-context';
import { useConfirmedMutation } from '../../lib/use-confirmed-mutation';
import { useRetained } from '../../lib/use-retained';
import type { Member } from './members-table';
import { useRemoveMember } from './use-remove-member';

interface RemoveMemberDialogProps {
  /** The member to remove; null keeps the dialog closed. */
  member: Member | null;
  onClose: () => void;
}

/** "Remove bob from Acme?", or "Leave Acme?" for the caller's own row. */
export function RemoveMemberDialog({ member, onClose }: RemoveMemberDialogProps) {
  const tenant = useCurrentTenant();
  const navigate = useNavigate();
  const shown = useRetained(member);
  const { error, run, clearError } = useConfirmedMutation(member !== null);
  const [remove, { loading }] = useRemoveMember();
  const isMe = shown?.id === tenant.user.id;
  const membership = shown?.memberships[0];

  const confirm = () => {
    if (!shown || !membership || loading) return;
    void run(
      () => remove({ userId: shown.id, membershipId: membership.id, own: isMe }),
      // Leaving the tenant: this page is no longer ours to see.
      () => (isMe ? void navigate(paths.home.href(), { replace: true }) : onClose()),
    );
  };

  return (
    <ConfirmDialog
      open={member !== null}
      title={isMe ? `Leave ${tenant.name}?` : `Remove ${shown?.username} from ${tenant.name}?`}
      confirmLabel={isMe ? 'Leave' : 'Remove'}
      busyLabel={isMe ? 'Leaving…' : 'Removing…'}
      destructive
      busy={loading}
      error={error}
      onConfirm={confirm}
      onClose={onClose}
      onExited={clearError}
    >
      {isMe
        ? 'You will lose access to this tenant, and your API keys for it will be revoked.'
        : `${shown?.username} will lose access to ${tenant.name}, and their API keys for it will be revoked at once.`}
    </ConfirmDialog>
  );
}
