import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { ApolloCache } from '@apollo/client';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { describeProblem } from './problem';
import { REVOKE_API_KEY } from './api-key-mutations';
import { ShowGraphql } from './show-graphql';

export interface RevokableKey {
  id: string;
  name: string;
}

export interface RevokeKeyDialogProps {
  /** The key to revoke; null keeps the dialog closed. */
  apiKey: RevokableKey | null;
  onClose: () => void;
  /** After the server confirmed; the key is already gone from the Apollo cache. */
  onRevoked?: (revoked: RevokableKey) => void;
}

/** Removes a revoked key from every cached list; lists read through dangling references drop it. */
export function evictApiKey(cache: ApolloCache, id: string): void {
  cache.evict({ id: cache.identify({ __typename: 'auth_api_key', id }) });
  cache.gc();
}

/** "Revoke API key": names the key, says what happens, and revokes on confirmation. */
export function RevokeKeyDialog({ apiKey, onClose, onRevoked }: RevokeKeyDialogProps) {
  const descriptionId = useId();
  const [error, setError] = useState<string | null>(null);
  // Keep the last key while the dialog animates out, so its name does not vanish mid-fade.
  const [shown, setShown] = useState<RevokableKey | null>(apiKey);
  if (apiKey && apiKey.id !== shown?.id) {
    setShown(apiKey);
    setError(null);
  }
  const [revoke, { loading }] = useMutation(REVOKE_API_KEY);
  const variables = { input: { key_id: shown?.id ?? '' } };

  const confirm = async () => {
    if (!shown || loading) return;
    setError(null);
    try {
      const result = await revoke({
        variables,
        update(cache, { data }) {
          if (data?.delete_api_key.success) evictApiKey(cache, shown.id);
        },
      });
      const payload = result.data?.delete_api_key;
      if (!payload?.success) {
        setError(payload?.error ?? 'The key was not revoked. Try again.');
        return;
      }
      onRevoked?.(shown);
    } catch (e) {
      setError(describeProblem(e).message);
    }
  };

  return (
    <Dialog
      open={apiKey !== null}
      onClose={loading ? undefined : onClose}
      aria-describedby={descriptionId}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle>Revoke API key</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText id={descriptionId}>
            Revoke <strong>{shown?.name}</strong>? Clients using this key will fail to authenticate at once. This
            cannot be undone.
          </DialogContentText>
          {error && <Alert severity="error">{error}</Alert>}
          <ShowGraphql document={REVOKE_API_KEY} variables={variables} />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={loading}>
          Cancel
        </Button>
        <Button variant="contained" color="error" onClick={confirm} disabled={loading}>
          {loading ? 'Revoking…' : 'Revoke'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
