import TextField from '@mui/material/TextField';
import Stack from '@mui/material/Stack';
import { useState, type FormEvent } from 'react';
import { checkFoundAtText, MAX_FOUND_AT_LENGTH } from '../../../shared/key-format';
import { ShowGraphql } from '../../components/api-keys/show-graphql';
import { FormDialog } from '../../components/form-dialog';
import { describeProblem } from '../../lib/errors';
import { PASTED_KEY } from './pasted-key';
import { RevokeApiKeyAsLeakedMutation, useRevokeApiKeyAsLeaked } from './use-revoke-api-key-as-leaked';

interface RevokeLeakedDialogProps {
  open: boolean;
  /** The whole key (held in memory only) and what the lookup found about it. */
  target: { key: string; keyId: string; name: string; owner: string };
  onClose: () => void;
  onRevoked: () => void;
}

/** "Revoke as leaked": asks where the key was found, then revokes it; the audit log keeps both. */
export function RevokeLeakedDialog({ open, target, onClose, onRevoked }: RevokeLeakedDialogProps) {
  const [foundAt, setFoundAt] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [revoke, { loading }] = useRevokeApiKeyAsLeaked();
  const checked = checkFoundAtText(foundAt);
  const fieldProblem = checked.ok ? null : checked.message;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!checked.ok) return;
    setProblem(null);
    try {
      const refused = await revoke({ key: target.key, keyId: target.keyId, foundAt });
      if (refused) setProblem(refused);
      else onRevoked();
    } catch (error) {
      setProblem(describeProblem(error).message);
    }
  };

  return (
    <FormDialog
      open={open}
      title={`Revoke ${target.name} as leaked?`}
      description={
        <>
          {target.owner}&rsquo;s key {target.name} stops working at once: every client using it gets 401 on its next request. The audit log records that it was
          reported as leaked, and where it was found.
        </>
      }
      error={problem}
      submitLabel="Revoke as leaked"
      busyLabel="Revoking…"
      busy={loading}
      submitDisabled={!checked.ok}
      destructive
      onSubmit={submit}
      onClose={onClose}
      onExited={() => {
        setFoundAt('');
        setProblem(null);
      }}
      maxWidth="sm"
    >
      <Stack spacing={2}>
        <TextField
          label="Where was it found?"
          value={foundAt}
          onChange={(event) => setFoundAt(event.target.value)}
          autoFocus
          fullWidth
          autoComplete="off"
          error={fieldProblem !== null}
          helperText={fieldProblem ?? `A URL, a file or a place such as "CI log" (optional, at most ${MAX_FOUND_AT_LENGTH} characters).`}
        />
        <ShowGraphql
          document={RevokeApiKeyAsLeakedMutation}
          variables={{ input: { key: PASTED_KEY, found_at: checked.ok ? checked.value : foundAt.trim() } }}
        />
      </Stack>
    </FormDialog>
  );
}
