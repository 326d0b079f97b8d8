import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useSetMembershipRole } from '../../components/memberships/use-set-membership-role';
import { FormDialog } from '../../components/form-dialog';
import { ROLES, roleLabel } from '../../lib/roles';
import { useConfirmedMutation } from '../../lib/use-confirmed-mutation';
import { useRetained } from '../../lib/use-retained';
import { SERVICE_ACCOUNT_ROLE_HELP } from './service-account-roles';

export interface RoleChangeTarget {
  name: string;
  membershipId: string;
  role: string;
}

interface ChangeRoleDialogProps {
  /** The account whose role to change; null keeps the dialog closed. */
  account: RoleChangeTarget | null;
  onClose: () => void;
  onChanged: (account: RoleChangeTarget, role: string) => void;
}

/** Picks a service account's role; its keys act with the new role from their next request. */
export function ChangeRoleDialog({ account, onClose, onChanged }: ChangeRoleDialogProps) {
  const labelId = useId();
  const shown = useRetained(account);
  // One field, no rules: a form library would add nothing here. Each opening starts at the account's role.
  const [role, setRole] = useState(account?.role ?? '');
  const [opened, setOpened] = useState(account);
  if (account && account !== opened) {
    setOpened(account);
    setRole(account.role);
  }
  const { error, run, clearError } = useConfirmedMutation(account !== null);
  const [setMembershipRole, { loading }] = useSetMembershipRole();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!shown || loading) return;
    if (role === shown.role) onClose();
    else
      void run(
        () => setMembershipRole({ membershipId: shown.membershipId, role }),
        () => onChanged(shown, role),
      );
  };

  return (
    <FormDialog
      open={account !== null}
      title={`Change role of ${shown?.name}`}
      error={error}
      submitLabel="Save"
      busyLabel="Saving…"
      busy={loading}
      onSubmit={submit}
      onClose={onClose}
      onExited={clearError}
      maxWidth="xs"
    >
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
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        Its keys act with the new role from their next request.
      </Typography>
    </FormDialog>
  );
}
