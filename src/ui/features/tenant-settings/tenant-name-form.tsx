import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { MAX_NAME_LENGTH } from '../../../shared/names';
import { FormTextField } from '../../components/form-text-field';
import { graphql } from '../../gql';
import type { TenantNameForm_TenantFragment } from '../../gql/graphql';
import { describeProblem, problemField } from '../../lib/errors';
import { nameRule } from '../../lib/rules';
import { SettingsSection } from './settings-section';
import { useRenameTenant } from './use-rename-tenant';

export const TenantNameFormTenantFragment = graphql(`
  fragment TenantNameForm_tenant on tenant {
    id
    name
  }
`);

/** Team › Settings › Tenant name. */
export function TenantNameForm({ tenant }: { tenant: TenantNameForm_TenantFragment }) {
  const form = useForm({ defaultValues: { name: tenant.name } });
  const [rename] = useRenameTenant();
  const [saved, setSaved] = useState(false);
  const { isSubmitting, isDirty, errors } = form.formState;

  const submit = form.handleSubmit(async ({ name }) => {
    setSaved(false);
    try {
      await rename(tenant.id, name.trim());
      form.reset({ name: name.trim() });
      setSaved(true);
    } catch (error) {
      const problem = describeProblem(error);
      form.setError(problemField(problem, ['name'] as const) ?? 'root.server', { message: problem.message });
    }
  });

  return (
    <SettingsSection title="Tenant name" description="Shown in the tenant menu, on invitations and in the audit log.">
      <Box component="form" noValidate onSubmit={(event) => void submit(event)} sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <FormTextField
          control={form.control}
          name="name"
          rules={{ validate: nameRule('Tenant name') }}
          label="Tenant name"
          required
          sx={{ flex: '1 1 240px', maxWidth: 480 }}
          slotProps={{ htmlInput: { maxLength: MAX_NAME_LENGTH * 2 } }}
        />
        <Button type="submit" variant="contained" disabled={isSubmitting || !isDirty} sx={{ mt: 1 }}>
          {isSubmitting ? 'Saving…' : 'Save name'}
        </Button>
      </Box>
      <Typography role="status" variant="body2" sx={{ mt: 1, color: errors.root?.server ? 'error.main' : 'success.main', minHeight: '1.5em' }}>
        {errors.root?.server?.message ?? (saved && !isDirty ? 'Name saved.' : '')}
      </Typography>
    </SettingsSection>
  );
}
