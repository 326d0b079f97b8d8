import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import { MIN_PASSWORD_LENGTH } from '../../../shared/passwords';
import { ErrorState } from '../../components/error-state';
import { FormTextField } from '../../components/form-text-field';
import { PageSkeleton } from '../../components/loading-skeleton';
import { graphql } from '../../gql';
import { describeProblem, problemField } from '../../lib/errors';
import { roleLabel } from '../../lib/roles';
import { paths, tenantHome } from '../../lib/paths';
import { nameRule, passwordRule } from '../../lib/rules';
import { AuthLayout } from './auth-layout';
import { useAcceptInvitation } from './use-accept-invitation';

const InvitationPreviewQuery = graphql(`
  query InvitationPreview($token: String!) {
    invitation_preview(token: $token) {
      tenant_name
      email
      role
      status
    }
  }
`);

/** Who is signed in, if anyone (a 401 here just means nobody). */
const InvitationViewerQuery = graphql(`
  query InvitationViewer {
    user {
      id
      username
      email
    }
  }
`);

const UNUSABLE: Record<string, { title: string; message: string }> = {
  EXPIRED: {
    title: 'This invitation has expired',
    message: 'Invitation links last a limited time. Ask an administrator of the tenant to invite you again.',
  },
  USED: {
    title: 'This invitation has already been used',
    message: 'Each invitation link works once. If it was you, sign in to reach the tenant.',
  },
  REVOKED: {
    title: 'This invitation was withdrawn',
    message: 'An administrator revoked it. Ask them for a new invitation if you still need access.',
  },
};

export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const preview = useQuery(InvitationPreviewQuery, { variables: { token }, fetchPolicy: 'network-only' });
  const viewer = useQuery(InvitationViewerQuery, { fetchPolicy: 'network-only' });
  const [accept, { loading: accepting }] = useAcceptInvitation();
  const form = useForm({ defaultValues: { username: '', password: '', confirmation: '' } });
  const [failure, setFailure] = useState<string | null>(null);
  // The preview does not say whether the email has an account; accepting does (see finish).
  const [accountExists, setAccountExists] = useState<string | null>(null);

  if (preview.error) {
    return (
      <AuthLayout title="Accept invitation">
        <ErrorState title="Could not load the invitation" error={preview.error} onRetry={() => void preview.refetch()} />
      </AuthLayout>
    );
  }
  if (preview.loading || viewer.loading) return <PageSkeleton label="Loading invitation" />;

  const invitation = preview.data?.invitation_preview;
  if (!invitation) {
    return (
      <AuthLayout title="Invitation not found">
        <Alert severity="warning">This invitation link is not valid. Check that you copied all of it, or ask for a new one.</Alert>
      </AuthLayout>
    );
  }

  const unusable = UNUSABLE[invitation.status];
  if (unusable) {
    return (
      <AuthLayout title={unusable.title}>
        <Alert severity="warning">{unusable.message}</Alert>
        <Button component={RouterLink} to={paths.signIn.href()} sx={{ mt: 2 }}>
          Go to sign in
        </Button>
      </AuthLayout>
    );
  }

  const me = viewer.data?.user[0];
  const signedInAsInvitee = me?.email != null && me.email.toLowerCase() === invitation.email.toLowerCase();
  const subtitle = (
    <>
      You have been invited to <strong>{invitation.tenant_name}</strong> as <strong>{roleLabel(invitation.role)}</strong> ({invitation.email}).
    </>
  );

  const finish = async (input: { token: string; username?: string; password?: string }) => {
    setFailure(null);
    try {
      const slug = await accept(input);
      void navigate(slug ? tenantHome(slug) : paths.home.href(), { replace: true });
    } catch (error) {
      const problem = describeProblem(error);
      const field = problemField(problem, ['email', 'username', 'password'] as const);
      if (field === 'email') setAccountExists(problem.message);
      else if (field) form.setError(field, { message: problem.message });
      else setFailure(problem.message);
    }
  };

  const signInToJoin = paths.signIn.href(paths.invitation.href(token));

  if (me || accountExists) {
    return (
      <AuthLayout title={`Join ${invitation.tenant_name}`} subtitle={subtitle}>
        {failure ? (
          <Alert severity="error" sx={{ mb: 2 }}>
            {failure}
          </Alert>
        ) : null}
        {signedInAsInvitee ? (
          <Button variant="contained" size="large" fullWidth disabled={accepting} onClick={() => void finish({ token })}>
            Join {invitation.tenant_name}
          </Button>
        ) : (
          <>
            {accountExists ? (
              <Alert severity="info" sx={{ mb: 2 }}>
                {accountExists}
              </Alert>
            ) : me ? (
              <Typography sx={{ mb: 2 }}>{`You are signed in as ${me.username}. Sign in as ${invitation.email} to accept this invitation.`}</Typography>
            ) : null}
            <Button component={RouterLink} to={signInToJoin} variant="contained" size="large" fullWidth>
              Sign in to join
            </Button>
          </>
        )}
      </AuthLayout>
    );
  }

  const submit = form.handleSubmit(({ username, password }) => finish({ token, username: username.trim(), password }));

  return (
    <AuthLayout title={`Join ${invitation.tenant_name}`} subtitle={subtitle}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack spacing={2}>
          {failure ? (
            <Alert severity="error">
              <AlertTitle>Could not accept the invitation</AlertTitle>
              {failure}
            </Alert>
          ) : null}
          <TextField label="Email" value={invitation.email} fullWidth disabled autoComplete="email" />
          <FormTextField
            control={form.control}
            name="username"
            rules={{ validate: nameRule('Username') }}
            label="Username"
            autoComplete="username"
            required
            fullWidth
            autoFocus
          />
          <FormTextField
            control={form.control}
            name="password"
            rules={{ validate: passwordRule }}
            label="Password"
            type="password"
            autoComplete="new-password"
            helperText={`At least ${MIN_PASSWORD_LENGTH} characters.`}
            required
            fullWidth
          />
          <FormTextField
            control={form.control}
            name="confirmation"
            rules={{ validate: (value, values) => value === values.password || 'The passwords do not match.' }}
            label="Confirm password"
            type="password"
            autoComplete="new-password"
            required
            fullWidth
          />
          <Button type="submit" variant="contained" size="large" disabled={accepting}>
            {accepting ? 'Joining…' : 'Create account and join'}
          </Button>
          <Typography variant="body2" sx={{ textAlign: 'center' }}>
            Already have an account?{' '}
            <Link component={RouterLink} to={signInToJoin}>
              Sign in to join
            </Link>
          </Typography>
        </Stack>
      </form>
    </AuthLayout>
  );
}
