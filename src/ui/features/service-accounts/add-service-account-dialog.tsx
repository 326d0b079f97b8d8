import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent } from 'react';
import { KEY_NAME_MAX, keyNameError } from '../../components/api-keys/key-name';
import { describeProblem } from '../../components/api-keys/problem';
import { ROLES, roleLabel } from '../../lib/roles';
import { useCurrentTenant } from '../../lib/tenant-context';
import { SERVICE_ACCOUNT_ROLE_HELP } from './service-account-roles';
import { CreateServiceAccountMutation } from './service-accounts-documents';

interface AddServiceAccountDialogProps {
  onClose: () => void;
  /** After the server created the account (the list is already refetched). */
  onAdded: (account: { id: string; name: string }) => void;
}

/** "Add Service Account": a name and a role (Administrator unless chosen otherwise). */
export function AddServiceAccountDialog({ onClose, onAdded }: AddServiceAccountDialogProps) {
  const tenant = useCurrentTenant();
  const descriptionId = useId();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [role, setRole] = useState<string>('TENANT_ADMIN');
  const [problem, setProblem] = useState<{ message: string; field?: string } | null>(null);
  const [create, { loading }] = useMutation(CreateServiceAccountMutation, {
    refetchQueries: ['ServiceAccounts'],
    awaitRefetchQueries: true,
  });

  const nameProblem = keyNameError(name, 'the service account') ?? (problem?.field === 'name' ? problem.message : null);
  const showNameError = touched && nameProblem !== null;
  const generalProblem = problem && problem.field !== 'name' ? problem.message : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (keyNameError(name) || loading) return;
    setProblem(null);
    try {
      const trimmed = name.trim();
      const result = await create({ variables: { input: { tenant_id: tenant.id, name: trimmed, role } } });
      const id = result.data?.create_service_account.id;
      if (!id) throw new Error('The server did not return the new account.');
      onAdded({ id, name: trimmed });
    } catch (error) {
      setProblem(describeProblem(error));
    }
  };

  return (
    <Dialog
      open
      onClose={loading ? undefined : onClose}
      aria-describedby={descriptionId}
      fullWidth
      maxWidth="sm"
      slotProps={{ paper: { component: 'form', onSubmit: submit, noValidate: true } as object }}
    >
      <DialogTitle>Add Service Account</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5}>
          <DialogContentText id={descriptionId}>
            A service account is what a CI job, agent or script authenticates as in {tenant.name}. After adding it,
            create an API key for it.
          </DialogContentText>
          {generalProblem ? <Alert severity="error">{generalProblem}</Alert> : null}
          <TextField
            label="Service Account Name"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setTouched(true);
              if (problem?.field === 'name') setProblem(null);
            }}
            onBlur={() => setTouched(true)}
            required
            autoFocus
            fullWidth
            error={showNameError}
            helperText={
              showNameError ? nameProblem : `e.g. "github-actions" or "prod agent" (${name.trim().length}/${KEY_NAME_MAX})`
            }
            slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
          />
          <TextField
            select
            label="Role"
            value={role}
            onChange={(e) => setRole(e.target.value)}
            fullWidth
            helperText={SERVICE_ACCOUNT_ROLE_HELP[role]}
          >
            {ROLES.map((r) => (
              <MenuItem key={r} value={r}>
                {roleLabel(r)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={loading}>
          Cancel
        </Button>
        <Button type="submit" variant="contained" disabled={loading || (touched && nameProblem !== null)}>
          {loading ? 'Adding…' : 'Add'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
