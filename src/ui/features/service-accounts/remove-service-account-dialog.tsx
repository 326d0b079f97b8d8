import { useMutation } from '@apollo/client/react';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { describeProblem } from '../../components/api-keys/problem';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useCurrentTenant } from '../../lib/tenant-context';
import { DeleteServiceAccountMutation } from './service-accounts-documents';

export interface RemovableAccount {
  id: string;
  name: string;
  /** Live keys that stop working when the account goes. */
  keyCount: number;
}

interface RemoveServiceAccountDialogProps {
  account: RemovableAccount;
  onClose: () => void;
  onRemoved: (account: RemovableAccount) => void;
}

export function keysThatStop(count: number): string {
  if (count === 0) return 'It has no active API keys.';
  return count === 1
    ? '1 API key will stop working at once.'
    : `${count} API keys will stop working at once.`;
}

/** Confirms removal, naming the account and how many keys it takes with it. */
export function RemoveServiceAccountDialog({ account, onClose, onRemoved }: RemoveServiceAccountDialogProps) {
  const tenant = useCurrentTenant();
  const [error, setError] = useState<string | null>(null);
  const [remove, { loading }] = useMutation(DeleteServiceAccountMutation, {
    refetchQueries: ['ServiceAccounts'],
    awaitRefetchQueries: true,
  });

  const confirm = async () => {
    setError(null);
    try {
      const result = await remove({ variables: { input: { user_id: account.id } } });
      const payload = result.data?.delete_service_account;
      if (!payload?.success) {
        setError(payload?.error ?? 'The service account was not removed. Try again.');
        return;
      }
      onRemoved(account);
    } catch (caught) {
      setError(describeProblem(caught).message);
    }
  };

  return (
    <ConfirmDialog
      open
      title={`Remove ${account.name}?`}
      confirmLabel={loading ? 'Removing…' : 'Remove'}
      destructive
      busy={loading}
      error={error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <Typography>
        The service account <strong>{account.name}</strong> will be removed from {tenant.name}, and all its API keys
        revoked. <strong>{keysThatStop(account.keyCount)}</strong> This cannot be undone.
      </Typography>
    </ConfirmDialog>
  );
}
