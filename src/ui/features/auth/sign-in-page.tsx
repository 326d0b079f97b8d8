import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { FormTextField } from '../../components/form-text-field';
import { PageSkeleton } from '../../components/loading-skeleton';
import { describeProblem } from '../../lib/errors';
import { paths, safeNextPath } from '../../lib/paths';
import { AuthLayout } from './auth-layout';
import { SetupRequiredQuery } from './setup-required-query';
import { useLogIn } from './use-log-in';

// One message for every wrong email or password, as the server does: which of the two
// was wrong, or whether the email has an account, is not for a visitor to learn.
const WRONG_CREDENTIALS = 'The email or password is incorrect.';

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const setup = useQuery(SetupRequiredQuery, { fetchPolicy: 'network-only' });
  const [logIn] = useLogIn();
  const form = useForm({ defaultValues: { email: '', password: '' } });
  const [forgotShown, setForgotShown] = useState(false);
  const { isSubmitting, errors } = form.formState;

  if (setup.data?.setup_required) return <Navigate to={paths.setup.href()} replace />;
  if (setup.loading && !setup.data) return <PageSkeleton label="Loading" />;

  const submit = form.handleSubmit(async ({ email, password }) => {
    try {
      await logIn({ email: email.trim(), password });
      void navigate(next, { replace: true });
    } catch (error) {
      const problem = describeProblem(error, {
        UNAUTHENTICATED: WRONG_CREDENTIALS,
        BAD_USER_INPUT: WRONG_CREDENTIALS,
        FORBIDDEN: WRONG_CREDENTIALS,
        NOT_FOUND: WRONG_CREDENTIALS,
      });
      form.setError('root.server', { message: problem.message });
    }
  });

  return (
    <AuthLayout title="Sign in" subtitle="Sign in to manage your API keys, service accounts and team.">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack spacing={2}>
          {errors.root?.server ? <Alert severity="error">{errors.root.server.message}</Alert> : null}
          <FormTextField
            control={form.control}
            name="email"
            rules={{ validate: (value) => value.trim() !== '' || 'Enter your email.' }}
            label="Email"
            type="email"
            autoComplete="username"
            required
            fullWidth
            autoFocus
          />
          <FormTextField
            control={form.control}
            name="password"
            rules={{ validate: (value) => value !== '' || 'Enter your password.' }}
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            fullWidth
          />
          <Button type="submit" variant="contained" size="large" disabled={isSubmitting}>
            {isSubmitting ? 'Signing in…' : 'Sign in'}
          </Button>
          <Link
            component="button"
            type="button"
            variant="body2"
            onClick={() => setForgotShown((shown) => !shown)}
            aria-expanded={forgotShown}
            sx={{ alignSelf: 'flex-start' }}
          >
            Forgot password?
          </Link>
          {forgotShown ? (
            // No email is sent: Keyplane has no mail server. An operator sets a new password from the host.
            <Alert severity="info">
              <Typography variant="body2" sx={{ mb: 1 }}>
                Ask the person who runs Keyplane to set a new password for you. On the server they run:
              </Typography>
              <Typography component="code" variant="body2" sx={{ display: 'block', fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
                keyplane admin reset-password --email you@example.com --password-stdin
              </Typography>
              <Typography variant="body2" sx={{ mt: 1 }}>
                Then sign in with the new password and change it under Account. No email is sent.
              </Typography>
            </Alert>
          ) : null}
        </Stack>
      </form>
    </AuthLayout>
  );
}
