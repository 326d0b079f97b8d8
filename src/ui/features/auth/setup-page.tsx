import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useForm } from 'react-hook-form';
import { Navigate, useNavigate } from 'react-router-dom';
import { MIN_PASSWORD_LENGTH } from '../../../shared/passwords';
import { ErrorState } from '../../components/error-state';
import { FormTextField } from '../../components/form-text-field';
import { PageSkeleton } from '../../components/loading-skeleton';
import { showServerProblem } from '../../lib/form-problems';
import { paths, tenantHome } from '../../lib/paths';
import { emailRule, nameRule, passwordRule } from '../../lib/rules';
import { AuthLayout } from './auth-layout';
import { SetupRequiredQuery } from './setup-required-query';
import { useBootstrap } from './use-bootstrap';

interface SetupValues {
  email: string;
  username: string;
  password: string;
  confirmation: string;
  tenant_name: string;
}

const FIELDS = ['email', 'username', 'password', 'tenant_name'] as const;

/** First run: creates the first administrator and tenant, then signs them in. */
export function SetupPage() {
  const navigate = useNavigate();
  const status = useQuery(SetupRequiredQuery, { fetchPolicy: 'network-only' });
  const [bootstrap] = useBootstrap();
  const form = useForm<SetupValues>({
    defaultValues: { email: '', username: '', password: '', confirmation: '', tenant_name: '' },
  });
  const { isSubmitting, errors } = form.formState;

  if (status.error) {
    return (
      <AuthLayout title="Set up Keyplane">
        <ErrorState title="Could not reach Keyplane" error={status.error} onRetry={() => void status.refetch()} />
      </AuthLayout>
    );
  }
  if (!status.data) return <PageSkeleton label="Loading" />;
  if (!status.data.setup_required) return <Navigate to={paths.signIn.href()} replace />;

  const submit = form.handleSubmit(async (values) => {
    try {
      const slug = await bootstrap({
        email: values.email.trim(),
        username: values.username.trim(),
        password: values.password,
        tenant_name: values.tenant_name.trim(),
      });
      void navigate(slug ? tenantHome(slug) : paths.home.href(), { replace: true });
    } catch (error) {
      showServerProblem(form, error, FIELDS);
    }
  });

  const common = { control: form.control, fullWidth: true, required: true } as const;
  return (
    <AuthLayout title="Set up Keyplane" subtitle="Create the first administrator and tenant. You can invite your team afterwards.">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack spacing={2}>
          {errors.root?.server ? <Alert severity="error">{errors.root.server.message}</Alert> : null}
          <FormTextField {...common} name="email" rules={{ validate: emailRule }} label="Administrator email" type="email" autoComplete="email" autoFocus />
          <FormTextField {...common} name="username" rules={{ validate: nameRule('Username') }} label="Username" autoComplete="username" />
          <FormTextField
            {...common}
            name="password"
            rules={{ validate: passwordRule }}
            label="Password"
            type="password"
            autoComplete="new-password"
            helperText={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          />
          <FormTextField
            {...common}
            name="confirmation"
            rules={{ validate: (value, values) => (value === '' ? 'Type the password again.' : value === values.password || 'The passwords do not match.') }}
            label="Confirm password"
            type="password"
            autoComplete="new-password"
          />
          <FormTextField
            {...common}
            name="tenant_name"
            rules={{ validate: nameRule('Tenant name') }}
            label="Tenant name"
            helperText="Your team or company. You can create more tenants later."
          />
          <Button type="submit" variant="contained" size="large" disabled={isSubmitting}>
            {isSubmitting ? 'Setting up…' : 'Create administrator'}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
