import { useForm } from 'react-hook-form';
import { MAX_NAME_LENGTH } from '../../../shared/names';
import { FormDialog } from '../../components/form-dialog';
import { FormTextField } from '../../components/form-text-field';
import { showServerProblem } from '../../lib/form-problems';
import { nameRule, optionalSlugRule } from '../../lib/rules';
import { useCreateTenant } from './use-create-tenant';

interface TenantValues {
  name: string;
  slug: string;
}

const DEFAULTS: TenantValues = { name: '', slug: '' };

interface CreateTenantDialogProps {
  open: boolean;
  onClose: () => void;
  onCreated: (slug: string) => void;
}

/** Creates a tenant with the caller as its administrator. */
export function CreateTenantDialog({ open, onClose, onCreated }: CreateTenantDialogProps) {
  const form = useForm<TenantValues>({ defaultValues: DEFAULTS });
  const [create] = useCreateTenant();
  const { isSubmitting, errors } = form.formState;

  const submit = form.handleSubmit(async ({ name, slug }) => {
    try {
      const created = await create({ name: name.trim(), slug: slug.trim() || undefined });
      if (created) onCreated(created);
    } catch (error) {
      showServerProblem(form, error, ['name', 'slug']);
    }
  });

  return (
    <FormDialog
      open={open}
      title="Create tenant"
      description="A tenant is a separate team with its own members, service accounts and keys. You will be its administrator."
      error={errors.root?.server?.message}
      submitLabel="Create tenant"
      busyLabel="Creating…"
      busy={isSubmitting}
      onSubmit={submit}
      onClose={onClose}
      onExited={() => form.reset(DEFAULTS)}
      maxWidth="xs"
    >
      <FormTextField
        control={form.control}
        name="name"
        rules={{ validate: nameRule('Tenant name') }}
        label="Tenant name"
        required
        fullWidth
        autoFocus
        // Room for a name a little too long, so the rule's message says so instead of the field cutting it.
        slotProps={{ htmlInput: { maxLength: MAX_NAME_LENGTH * 2 } }}
      />
      <FormTextField
        control={form.control}
        name="slug"
        rules={{ validate: optionalSlugRule }}
        label="URL name (optional)"
        fullWidth
        helperText="Used in addresses like /acme/team/members. Leave blank to derive it from the name."
      />
    </FormDialog>
  );
}
