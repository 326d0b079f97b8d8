import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { ErrorState } from '../../components/error-state';
import { PageSkeleton } from '../../components/loading-skeleton';
import { graphql } from '../../gql';
import { useApolloClients } from '../../lib/apollo-clients-context';
import { describeError } from '../../lib/errors';
import { AuthLayout } from './auth-layout';
import { SetupRequiredQuery } from './setup-required-query';
import { MIN_PASSWORD_LENGTH, passwordProblem } from './password-rules';

const BootstrapMutation = graphql(`
  mutation Bootstrap($input: bootstrap_input!) {
    bootstrap(input: $input) {
      user_id
      tenant_id
      tenant_slug
    }
  }
`);

type Field = 'email' | 'username' | 'password' | 'confirmation' | 'tenant_name';
type Errors = Partial<Record<Field, string>>;

/** First run: creates the first administrator and tenant, then signs them in. */
export function SetupPage() {
  const navigate = useNavigate();
  const clients = useApolloClients();
  const status = useQuery(SetupRequiredQuery, { fetchPolicy: 'network-only' });
  const [bootstrap, { loading }] = useMutation(BootstrapMutation);
  const [values, setValues] = useState<Record<Field, string>>({
    email: '',
    username: '',
    password: '',
    confirmation: '',
    tenant_name: '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);

  if (status.error) {
    return (
      <AuthLayout title="Set up Keyplane">
        <ErrorState title="Could not reach Keyplane" error={status.error} onRetry={() => void status.refetch()} />
      </AuthLayout>
    );
  }
  if (!status.data) return <PageSkeleton label="Loading" />;
  if (!status.data.setup_required) return <Navigate to="/sign-in" replace />;

  const field = (name: Field) => ({
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    error: errors[name] != null,
    helperText: errors[name],
    fullWidth: true,
    required: true,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: Errors = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(values.email.trim())) found.email = 'Enter an email address.';
    if (!values.username.trim()) found.username = 'Choose a username.';
    Object.assign(found, passwordProblem(values.password, values.confirmation));
    if (!values.tenant_name.trim()) found.tenant_name = 'Name your first tenant, e.g. your team or company.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const result = await bootstrap({
        variables: {
          input: {
            email: values.email.trim(),
            username: values.username.trim(),
            password: values.password,
            tenant_name: values.tenant_name.trim(),
          },
        },
      });
      await clients.reset();
      const slug = result.data?.bootstrap.tenant_slug;
      navigate(slug ? `/${slug}/user/keys` : '/', { replace: true });
    } catch (error) {
      const detail = describeError(error);
      const known: Field[] = ['email', 'username', 'password', 'tenant_name'];
      const match = known.find((f) => detail.field === f || detail.field?.endsWith(`.${f}`));
      if (detail.code === 'BAD_USER_INPUT' && match) setErrors({ [match]: detail.message });
      else setFailure(detail.code === 'INTERNAL_SERVER_ERROR' ? 'Something went wrong on our side. Please try again.' : detail.message);
    }
  };

  return (
    <AuthLayout
      title="Set up Keyplane"
      subtitle="Create the first administrator and tenant. You can invite your team afterwards."
    >
      <form onSubmit={submit} noValidate>
        <Stack spacing={2}>
          {failure ? <Alert severity="error">{failure}</Alert> : null}
          <TextField label="Administrator email" type="email" autoComplete="email" autoFocus {...field('email')} />
          <TextField label="Username" autoComplete="username" {...field('username')} />
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            {...field('password')}
            helperText={errors.password ?? `At least ${MIN_PASSWORD_LENGTH} characters.`}
          />
          <TextField label="Confirm password" type="password" autoComplete="new-password" {...field('confirmation')} />
          <TextField
            label="Tenant name"
            {...field('tenant_name')}
            helperText={errors.tenant_name ?? 'Your team or company. You can create more tenants later.'}
          />
          <Button type="submit" variant="contained" size="large" disabled={loading}>
            {loading ? 'Setting up…' : 'Create administrator'}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
