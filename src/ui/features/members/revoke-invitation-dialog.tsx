import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { describeProblem } from '../../lib/errors';
import { useRetained } from '../../lib/use-retained';
import { useRevokeInvitation } from './use-revoke-invitation';

interface RevokeInvitationDialogProps {
  /** The invitation to revoke; null keeps the dialog closed. */
  invitation: { id: string; email: string } | null;
  onClose: () => void;
}

export function RevokeInvitationDialog({ invitation, onClose }: RevokeInvitationDialogProps) {
  const shown = useRetained(invitation);
  const [error, setError] = useState<string | null>(null);
  const [revoke, { loading }] = useRevokeInvitation();

  const confirm = async () => {
    if (!shown || loading) return;
    setError(null);
    try {
      const refused = await revoke(shown.id);
      if (refused) setError(refused);
      else onClose();
    } catch (caught) {
      setError(describeProblem(caught).message);
    }
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
      onConfirm={() => void confirm()}
      onClose={onClose}
      onExited={() => setError(null)}
    >
      The invitation link sent to <strong>{shown?.email}</strong> will stop working.
    </ConfirmDialog>
  );
}
