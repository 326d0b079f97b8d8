import { useQuery } from '@apollo/client/react';
import { ConfirmDialog } from '../confirm-dialog';
import { graphql } from '../../gql';
import { useConfirmedMutation } from '../../lib/use-confirmed-mutation';
import { useNow } from '../../lib/use-now';
import { useRetained } from '../../lib/use-retained';
import { agentsThatStop } from './agents-that-stop';
import { ShowGraphql } from './show-graphql';
import { RevokeApiKeyMutation, useRevokeApiKey } from './use-revoke-api-key';

/** The agents seen with the key, asked for when the dialog opens (not with the list: most keys run none). */
export const RevokeKeyAgentsQuery = graphql(`
  query RevokeKeyAgents($id: uuid!) {
    auth_api_key(where: { id: { _eq: $id } }, limit: 1) {
      id
      agents(limit: 20) {
        id
        name
        last_queried
      }
    }
  }
`);

export interface RevokableKey {
  id: string;
  name: string;
  /** The key's owner when it is a service account, whose key count then refreshes. */
  userId?: string;
}

export interface RevokeKeyDialogProps {
  /** The key to revoke; null keeps the dialog closed. */
  apiKey: RevokableKey | null;
  onClose: () => void;
  /** After the server confirmed; the lists refresh by themselves. */
  onRevoked?: (revoked: RevokableKey) => void;
}

/** "Revoke API key": names the key, says what happens, and revokes on confirmation. */
export function RevokeKeyDialog({ apiKey, onClose, onRevoked }: RevokeKeyDialogProps) {
  // Keep the last key while the dialog animates out, so its name does not vanish mid-fade.
  const shown = useRetained(apiKey);
  const { error, run, clearError } = useConfirmedMutation(apiKey !== null);
  const [revoke, { loading }] = useRevokeApiKey();
  const variables = { input: { key_id: shown?.id ?? '' } };
  const now = useNow();
  const agents = useQuery(RevokeKeyAgentsQuery, { variables: { id: shown?.id ?? '' }, skip: apiKey === null, fetchPolicy: 'network-only' });
  const stopping = agentsThatStop(agents.data?.auth_api_key[0]?.agents ?? [], now, 'this key');

  const confirm = () => {
    if (shown && !loading)
      void run(
        () => revoke(shown),
        () => onRevoked?.(shown),
      );
  };

  return (
    <ConfirmDialog
      open={apiKey !== null}
      title="Revoke API key"
      confirmLabel="Revoke"
      busyLabel="Revoking…"
      destructive
      busy={loading}
      error={error}
      details={<ShowGraphql document={RevokeApiKeyMutation} variables={variables} />}
      onConfirm={confirm}
      onClose={onClose}
      onExited={clearError}
      maxWidth="sm"
    >
      Revoke <strong>{shown?.name}</strong>? Clients using this key will fail to authenticate at once. {stopping ? <strong>{stopping} </strong> : null}This
      cannot be undone.
    </ConfirmDialog>
  );
}
