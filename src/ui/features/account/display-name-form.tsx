import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormTextField } from '../../components/form-text-field';
import { SuccessSnackbar } from '../../components/success-snackbar';
import { describeProblem, problemField } from '../../lib/errors';
import { nameRule } from '../../lib/rules';
import { useUpdateProfile } from './use-update-profile';

const FIELDS = ['first_name', 'last_name'] as const;
/** Either name may be left empty; one that is given follows the shared name rule. */
const optional = (label: string) => (value: string) => value.trim() === '' || nameRule(label)(value);

export function DisplayNameForm({ firstName, lastName }: { firstName: string; lastName: string }) {
  const [save] = useUpdateProfile();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({ defaultValues: { first_name: firstName, last_name: lastName } });
  const { isSubmitting, isDirty, errors } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    try {
      await save(values.first_name, values.last_name);
      form.reset({ first_name: values.first_name.trim(), last_name: values.last_name.trim() });
      setDone('Name saved.');
    } catch (error) {
      const problem = describeProblem(error);
      const field = problemField(problem, FIELDS);
      if (field) form.setError(field, { message: problem.message });
      else form.setError('root.server', { message: problem.message });
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Display name">
      <Stack spacing={2} sx={{ maxWidth: 420 }}>
        {errors.root?.server ? <Alert severity="error">{errors.root.server.message}</Alert> : null}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <FormTextField
            control={form.control}
            name="first_name"
            rules={{ validate: optional('First name') }}
            label="First name"
            autoComplete="given-name"
            fullWidth
          />
          <FormTextField
            control={form.control}
            name="last_name"
            rules={{ validate: optional('Last name') }}
            label="Last name"
            autoComplete="family-name"
            fullWidth
          />
        </Stack>
        <div>
          <Button type="submit" variant="contained" disabled={isSubmitting || !isDirty}>
            {isSubmitting ? 'Saving…' : 'Save name'}
          </Button>
        </div>
      </Stack>
      <SuccessSnackbar message={done} onClose={() => setDone(null)} />
    </form>
  );
}
