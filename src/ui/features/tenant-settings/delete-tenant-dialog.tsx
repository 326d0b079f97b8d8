import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { FormDialog } from '../../components/form-dialog';
import { describeProblem } from '../../lib/errors';
import { keysStopMessage } from './keys-stop-message';
import { useDeleteTenant } from './use-delete-tenant';

interface DeleteTenantDialogProps {
  open: boolean;
  tenant: { id: string; name: string; liveApiKeyCount: number | null };
  onClose: () => void;
  /** After the tenant is gone and the account refetched. */
  onDeleted: () => void;
}

/** Deletes the tenant once its name has been typed exactly. */
export function DeleteTenantDialog({ open, tenant, onClose, onDeleted }: DeleteTenantDialogProps) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [remove, { loading }] = useDeleteTenant();
  const matches = typed === tenant.name;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!matches) return;
    setProblem(null);
    try {
      await remove(tenant.id);
      onDeleted();
    } catch (error) {
      setProblem(describeProblem(error).message);
    }
  };

  return (
    <FormDialog
      open={open}
      title={`Delete ${tenant.name}?`}
      description={
        <>
          {keysStopMessage(tenant.liveApiKeyCount)} Its members lose access, its service accounts and pending invitations are removed, and this cannot be
          undone. The audit log keeps a record.
        </>
      }
      error={problem}
      submitLabel="Delete tenant"
      busyLabel="Deleting…"
      busy={loading}
      submitDisabled={!matches}
      destructive
      onSubmit={submit}
      onClose={onClose}
      onExited={() => {
        setTyped('');
        setProblem(null);
      }}
      maxWidth="xs"
    >
      <TextField
        label="Tenant name"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        autoFocus
        fullWidth
        autoComplete="off"
        helperText={
          <Typography component="span" variant="inherit">
            Type <strong>{tenant.name}</strong> to confirm.
          </Typography>
        }
      />
    </FormDialog>
  );
}
