import { ConfirmDialog } from '../../components/confirm-dialog';
import { useCurrentTenant } from '../../lib/tenant-context';
import { useConfirmedMutation } from '../../lib/use-confirmed-mutation';
import { useRetained } from '../../lib/use-retained';
import { useDeleteServiceAccount } from './use-delete-service-account';

export interface RemovableAccount {
  id: string;
  name: string;
  /** Live keys that stop working when the account goes. */
  keyCount: number;
}

interface RemoveServiceAccountDialogProps {
  /** The account to remove; null keeps the dialog closed. */
  account: RemovableAccount | null;
  onClose: () => void;
  onRemoved: (account: RemovableAccount) => void;
}

export function keysThatStop(count: number): string {
  if (count === 0) return 'It has no active API keys.';
  return count === 1 ? '1 API key will stop working at once.' : `${count} API keys will stop working at once.`;
}

/** Confirms removal, naming the account and how many keys it takes with it. */
export function RemoveServiceAccountDialog({ account, onClose, onRemoved }: RemoveServiceAccountDialogProps) {
  const tenant = useCurrentTenant();
  const shown = useRetained(account);
  const { error, run, clearError } = useConfirmedMutation(account !== null);
  const [remove, { loading }] = useDeleteServiceAccount();

  const confirm = () => {
    if (shown && !loading)
      void run(
        () => remove(shown.id),
        () => onRemoved(shown),
      );
  };

  return (
    <ConfirmDialog
      open={account !== null}
      title={`Remove ${shown?.name}?`}
      confirmLabel="Remove"
      busyLabel="Removing…"
      destructive
      busy={loading}
      error={error}
      onConfirm={confirm}
      onClose={onClose}
      onExited={clearError}
    >
      The service account <strong>{shown?.name}</strong> will be removed from {tenant.name}, and all its API keys revoked.{' '}
      <strong>{keysThatStop(shown?.keyCount ?? 0)}</strong> This cannot be undone.
    </ConfirmDialog>
  );
}
