import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormTextField } from '../../components/form-text-field';
import { SuccessSnackbar } from '../../components/success-snackbar';
import { describeProblem, problemField } from '../../lib/errors';
import { passwordRule } from '../../lib/rules';
import { useChangePassword } from './use-change-password';

const FIELDS = ['current_password', 'new_password'] as const;

/** Current password, a new one by the shared rule, and the new one again. */
export function ChangePasswordForm({ email }: { email: string | null }) {
  const [change] = useChangePassword();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({ defaultValues: { current_password: '', new_password: '', confirm: '' } });
  const { isSubmitting, errors } = form.formState;

  const submit = form.handleSubmit(async ({ current_password, new_password }) => {
    try {
      await change(current_password, new_password);
      form.reset();
      setDone('Password changed. Your other sessions were signed out.');
    } catch (error) {
      const problem = describeProblem(error, { RATE_LIMITED: 'Too many wrong passwords. Wait a few minutes, then try again.' });
      const field = problemField(problem, FIELDS);
      if (field) form.setError(field, { message: problem.message });
      else form.setError('root.server', { message: problem.message });
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Change password">
      {/* For password managers: the account the new password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email ?? ''} readOnly hidden />
      <Stack spacing={2} sx={{ maxWidth: 420 }}>
        {errors.root?.server ? <Alert severity="error">{errors.root.server.message}</Alert> : null}
        <FormTextField
          control={form.control}
          name="current_password"
          rules={{ validate: (value) => value !== '' || 'Enter your current password.' }}
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          fullWidth
        />
        <FormTextField
          control={form.control}
          name="new_password"
          rules={{ validate: passwordRule }}
          label="New password"
          type="password"
          autoComplete="new-password"
          helperText="At least 10 characters."
          required
          fullWidth
        />
        <FormTextField
          control={form.control}
          name="confirm"
          rules={{ validate: (value, values) => value === values.new_password || 'The passwords do not match.' }}
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          required
          fullWidth
        />
        <div>
          <Button type="submit" variant="contained" disabled={isSubmitting}>
            {isSubmitting ? 'Changing…' : 'Change password'}
          </Button>
        </div>
      </Stack>
      <SuccessSnackbar message={done} onClose={() => setDone(null)} />
    </form>
  );
}
