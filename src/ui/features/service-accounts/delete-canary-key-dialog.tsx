import { ConfirmDialog } from '../../components/confirm-dialog';
import { ShowGraphql } from '../../components/api-keys/show-graphql';
import { useConfirmedMutation } from '../../lib/use-confirmed-mutation';
import { useRetained } from '../../lib/use-retained';
import { DeleteCanaryKeyMutation, useDeleteCanaryKey } from './use-delete-canary-key';

export interface DeletableCanary {
  id: string;
  name: string;
}

interface DeleteCanaryKeyDialogProps {
  /** The canary to delete; null keeps the dialog closed. */
  canary: DeletableCanary | null;
  onClose: () => void;
  onDeleted: (canary: DeletableCanary) => void;
}

/** Confirms deleting a canary, saying what stops: its alerts, not its refusals. */
export function DeleteCanaryKeyDialog({ canary, onClose, onDeleted }: DeleteCanaryKeyDialogProps) {
  const shown = useRetained(canary);
  const { error, run, clearError } = useConfirmedMutation(canary !== null);
  const [remove, { loading }] = useDeleteCanaryKey();

  const confirm = () => {
    if (shown && !loading)
      void run(
        () => remove(shown.id),
        () => onDeleted(shown),
      );
  };

  return (
    <ConfirmDialog
      open={canary !== null}
      title={`Delete ${shown?.name}?`}
      confirmLabel="Delete"
      busyLabel="Deleting…"
      destructive
      busy={loading}
      error={error}
      details={shown ? <ShowGraphql document={DeleteCanaryKeyMutation} variables={{ input: { canary_key_id: shown.id } }} /> : null}
      onConfirm={confirm}
      onClose={onClose}
      onExited={clearError}
    >
      The canary key <strong>{shown?.name}</strong> will be deleted. Whoever holds it will still be refused, but its uses will no longer be recorded or raise
      alerts. Its past uses stay in the audit log. This cannot be undone.
    </ConfirmDialog>
  );
}
