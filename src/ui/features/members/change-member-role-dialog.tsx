import { useNavigate } from 'react-router-dom';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useSetMembershipRole } from '../../components/memberships/use-set-membership-role';
import { roleLabel, type Role } from '../../lib/roles';
import { useCurrentTenant } from '../../lib/tenant-context';
import { useConfirmedMutation } from '../../lib/use-confirmed-mutation';
import { useRetained } from '../../lib/use-retained';
import { MEMBER_ROLE_HELP } from './member-roles';

export interface MemberRoleChange {
  userId: string;
  username: string;
  membershipId: string;
  from: string;
  to: Role;
}

interface ChangeMemberRoleDialogProps {
  /** The change the role menu asked for; null keeps the dialog closed. */
  change: MemberRoleChange | null;
  onClose: () => void;
}

/** "Change bob's role?": from what to what, and what the new role may do, before the API is asked. */
export function ChangeMemberRoleDialog({ change, onClose }: ChangeMemberRoleDialogProps) {
  const tenant = useCurrentTenant();
  const navigate = useNavigate();
  const shown = useRetained(change);
  const { error, run, clearError } = useConfirmedMutation(change !== null);
  const [setRole, { loading }] = useSetMembershipRole();
  const isMe = shown?.userId === tenant.user.id;

  const confirm = () => {
    if (!shown || loading) return;
    void run(
      () => setRole({ membershipId: shown.membershipId, role: shown.to, own: isMe }),
      () => {
        onClose();
        // The caller's own role changed: the shell (navigation, admin controls) has been refetched.
        if (isMe) void navigate('.', { replace: true });
      },
    );
  };

  return (
    <ConfirmDialog
      open={change !== null}
      title={isMe ? 'Change your role?' : `Change ${shown?.username}'s role?`}
      confirmLabel="Change role"
      busyLabel="Changing…"
      busy={loading}
      error={error}
      onConfirm={confirm}
      onClose={onClose}
      onExited={clearError}
    >
      {isMe ? 'You' : <strong>{shown?.username}</strong>} will be <strong>{roleLabel(shown?.to)}</strong> in {tenant.name} instead of {roleLabel(shown?.from)}:{' '}
      {shown ? MEMBER_ROLE_HELP[shown.to].toLowerCase() : null} {isMe ? 'Your' : 'Their'} API keys act with the new role from their next request.
    </ConfirmDialog>
  );
}
