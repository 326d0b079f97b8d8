import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { PageSkeleton } from '../../components/loading-skeleton';
import { graphql } from '../../gql';
import { useApolloClients } from '../../lib/apollo-clients-context';
import { describeError } from '../../lib/errors';
import { safeNextPath } from '../../lib/safe-redirect';
import { AuthLayout } from './auth-layout';
import { SetupRequiredQuery } from './setup-required-query';

const LogInMutation = graphql(`
  mutation LogIn($input: log_in_input!) {
    log_in(input: $input) {
      user_id
      expires_at
    }
  }
`);

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const clients = useApolloClients();
  const setup = useQuery(SetupRequiredQuery, { fetchPolicy: 'network-only' });
  const [logIn, { loading }] = useMutation(LogInMutation);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const [failure, setFailure] = useState<string | null>(null);

  if (setup.data?.setup_required) return <Navigate to="/setup" replace />;
  if (setup.loading && !setup.data) return <PageSkeleton label="Loading" />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const nowMissing = { email: !email.trim(), password: !password };
    setMissing(nowMissing);
    setFailure(null);
    if (nowMissing.email || nowMissing.password) return;
    try {
      await logIn({ variables: { input: { email: email.trim(), password } } });
      // Whatever was cached belonged to nobody (or someone else): start clean.
      await clients.reset();
      navigate(next, { replace: true });
    } catch (error) {
      const detail = describeError(error);
      if (detail.code === 'RATE_LIMITED' || detail.code === 'NETWORK') setFailure(detail.message);
      else if (detail.code === 'INTERNAL_SERVER_ERROR') setFailure('Something went wrong on our side. Please try again.');
      // One message for every wrong email or password, as the server does.
      else setFailure('The email or password is incorrect.');
    }
  };

  return (
    <AuthLayout title="Sign in" subtitle="Sign in to manage your API keys, service accounts and team.">
      <form onSubmit={submit} noValidate>
        <Stack spacing={2}>
          {failure ? <Alert severity="error">{failure}</Alert> : null}
          <TextField
            label="Email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={missing.email}
            helperText={missing.email ? 'Enter your email.' : undefined}
            required
            fullWidth
            autoFocus
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={missing.password}
            helperText={missing.password ? 'Enter your password.' : undefined}
            required
            fullWidth
          />
          <Button type="submit" variant="contained" size="large" disabled={loading}>
            {loading ? 'Signing in…' : 'Sign in'}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
