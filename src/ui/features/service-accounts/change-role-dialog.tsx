import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { useId, useState, type FormEvent } from 'react';
import { describeProblem } from '../../components/api-keys/problem';
import { ROLES, roleLabel } from '../../lib/roles';
import { SERVICE_ACCOUNT_ROLE_HELP } from './service-account-roles';
import { SetServiceAccountRoleMutation } from './service-accounts-documents';

export interface RoleChangeTarget {
  name: string;
  membershipId: string;
  role: string;
}

interface ChangeRoleDialogProps {
  account: RoleChangeTarget;
  onClose: () => void;
  onChanged: (role: string) => void;
}

/** Picks a service account's role; its keys act with the new role from their next request. */
export function ChangeRoleDialog({ account, onClose, onChanged }: ChangeRoleDialogProps) {
  const labelId = useId();
  const [role, setRole] = useState(account.role);
  const [error, setError] = useState<string | null>(null);
  const [setMembershipRole, { loading }] = useMutation(SetServiceAccountRoleMutation, {
    refetchQueries: ['ServiceAccounts'],
    awaitRefetchQueries: true,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    if (role === account.role) {
      onClose();
      return;
    }
    setError(null);
    try {
      await setMembershipRole({ variables: { input: { membership_id: account.membershipId, role } } });
      onChanged(role);
    } catch (caught) {
      setError(describeProblem(caught).message);
    }
  };

  return (
    <Dialog
      open
      onClose={loading ? undefined : onClose}
      fullWidth
      maxWidth="xs"
      slotProps={{ paper: { component: 'form', onSubmit: submit, noValidate: true } as object }}
    >
      <DialogTitle>Change role of {account.name}</DialogTitle>
      <DialogContent>
        <FormControl>
          <FormLabel id={labelId}>Role</FormLabel>
          <RadioGroup aria-labelledby={labelId} value={role} onChange={(e) => setRole(e.target.value)}>
            {ROLES.map((r) => (
              <FormControlLabel
                key={r}
                value={r}
                control={<Radio />}
                sx={{ alignItems: 'flex-start', mt: 1, '& .MuiRadio-root': { pt: 0.5 } }}
                label={
                  <>
                    <Typography component="span" sx={{ display: 'block' }}>
                      {roleLabel(r)}
                    </Typography>
                    <Typography component="span" variant="body2" sx={{ display: 'block', color: 'text.secondary' }}>
                      {SERVICE_ACCOUNT_ROLE_HELP[r]}
                    </Typography>
                  </>
                }
              />
            ))}
          </RadioGroup>
        </FormControl>
        <Typography variant="body2" sx={{ mt: 2, color: 'text.secondary' }}>
          Its keys act with the new role from their next request.
        </Typography>
        {error ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={loading}>
          Cancel
        </Button>
        <Button type="submit" variant="contained" disabled={loading}>
          {loading ? 'Saving…' : 'Save'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
