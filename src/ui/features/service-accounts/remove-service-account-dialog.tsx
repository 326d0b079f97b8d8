import { useQuery } from '@apollo/client/react';
import { agentsThatStop } from '../../components/api-keys/agents-that-stop';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { graphql } from '../../gql';
import { useCurrentTenant } from '../../lib/tenant-context';
import { useConfirmedMutation } from '../../lib/use-confirmed-mutation';
import { useNow } from '../../lib/use-now';
import { useRetained } from '../../lib/use-retained';
import { useDeleteServiceAccount } from './use-delete-service-account';

/** The agents seen with any of the account's keys, asked for when the dialog opens. */
export const RemoveServiceAccountAgentsQuery = graphql(`
  query RemoveServiceAccountAgents($userId: uuid!) {
    auth_api_key(where: { user_id: { _eq: $userId } }, order_by: [{ last_used_at: desc_nulls_last }], limit: 100) {
      id
      agents(limit: 20) {
        id
        name
        last_queried
      }
    }
  }
`);

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
  const now = useNow();
  const agents = useQuery(RemoveServiceAccountAgentsQuery, {
    variables: { userId: shown?.id ?? '' },
    skip: account === null,
    fetchPolicy: 'network-only',
  });
  const stopping = agentsThatStop(agents.data?.auth_api_key.flatMap((key) => key.agents) ?? [], now, 'its keys');

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
      <strong>{keysThatStop(shown?.keyCount ?? 0)}</strong> {stopping ? <strong>{stopping} </strong> : null}This cannot be undone.
    </ConfirmDialog>
  );
}
