import { ConfirmDialog } from '../../components/confirm-dialog';
import { useConfirmedMutation } from '../../lib/use-confirmed-mutation';
import { useRetained } from '../../lib/use-retained';
import { useRevokeInvitation } from './use-revoke-invitation';

interface RevokeInvitationDialogProps {
  /** The invitation to revoke; null keeps the dialog closed. */
  invitation: { id: string; email: string } | null;
  onClose: () => void;
}

export function RevokeInvitationDialog({ invitation, onClose }: RevokeInvitationDialogProps) {
  const shown = useRetained(invitation);
  const { error, run, clearError } = useConfirmedMutation(invitation !== null);
  const [revoke, { loading }] = useRevokeInvitation();

  const confirm = () => {
    if (shown && !loading) void run(() => revoke(shown.id), onClose);
  };

  return (
    <ConfirmDialog
      open={invitation !== null}
      title="Revoke invitation?"
      confirmLabel="Revoke"
      busyLabel="Revoking…"
      destructive
      busy={loading}
      error={error}
      onConfirm={confirm}
      onClose={onClose}
      onExited={clearError}
    >
      The invitation link sent to <strong>{shown?.email}</strong> will stop working.
    </ConfirmDialog>
  );
}
