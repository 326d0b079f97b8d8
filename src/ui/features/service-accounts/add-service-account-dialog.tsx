import MenuItem from '@mui/material/MenuItem';
import { useForm, useWatch } from 'react-hook-form';
import { nameLength, MAX_NAME_LENGTH } from '../../../shared/names';
import { FormDialog } from '../../components/form-dialog';
import { FormTextField } from '../../components/form-text-field';
import { showServerProblem } from '../../lib/form-problems';
import { ROLES, roleLabel, type Role } from '../../lib/roles';
import { nameRule } from '../../lib/rules';
import { useCurrentTenant } from '../../lib/tenant-context';
import { SERVICE_ACCOUNT_ROLE_HELP } from './service-account-roles';
import { useCreateServiceAccount } from './use-create-service-account';

interface AccountValues {
  name: string;
  role: Role;
}

const DEFAULTS: AccountValues = { name: '', role: 'TENANT_ADMIN' };
const NAME_LABEL = 'Service Account Name';

interface AddServiceAccountDialogProps {
  open: boolean;
  onClose: () => void;
  /** After the server created the account (the list refetches by itself). */
  onAdded: (account: { id: string; name: string }) => void;
}

/** "Add Service Account": a name and a role (Administrator unless chosen otherwise). */
export function AddServiceAccountDialog({ open, onClose, onAdded }: AddServiceAccountDialogProps) {
  const tenant = useCurrentTenant();
  // Checked as the user types, so a refused name is marked before Add is pressed.
  const form = useForm<AccountValues>({ defaultValues: DEFAULTS, mode: 'onChange' });
  const [create] = useCreateServiceAccount();
  const { isSubmitting, errors } = form.formState;
  const [name, role] = useWatch({ control: form.control, name: ['name', 'role'] });

  const submit = form.handleSubmit(async ({ name, role }) => {
    try {
      const trimmed = name.normalize('NFC').trim();
      const id = await create({ tenant_id: tenant.id, name: trimmed, role });
      onAdded({ id, name: trimmed });
    } catch (error) {
      showServerProblem(form, error, ['name']);
    }
  });

  return (
    <FormDialog
      open={open}
      title="Add Service Account"
      description={`A service account is what a CI job, agent or script authenticates as in ${tenant.name}. After adding it, create an API key for it.`}
      error={errors.root?.server?.message}
      submitLabel="Add"
      busyLabel="Adding…"
      busy={isSubmitting}
      submitDisabled={errors.name !== undefined}
      onSubmit={submit}
      onClose={onClose}
      onExited={() => form.reset(DEFAULTS)}
    >
      <FormTextField
        control={form.control}
        name="name"
        rules={{ validate: nameRule(NAME_LABEL) }}
        label={NAME_LABEL}
        required
        autoFocus
        fullWidth
        helperText={`e.g. "github-actions" or "prod agent" (${nameLength(name)}/${MAX_NAME_LENGTH})`}
        slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
      />
      <FormTextField control={form.control} name="role" select label="Role" fullWidth helperText={SERVICE_ACCOUNT_ROLE_HELP[role]}>
        {ROLES.map((r) => (
          <MenuItem key={r} value={r}>
            {roleLabel(r)}
          </MenuItem>
        ))}
      </FormTextField>
    </FormDialog>
  );
}
