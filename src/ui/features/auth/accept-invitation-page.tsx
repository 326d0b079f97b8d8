import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import { ErrorState } from '../../components/error-state';
import { PageSkeleton } from '../../components/loading-skeleton';
import { graphql } from '../../gql';
import { useApolloClients } from '../../lib/apollo-clients-context';
import { describeError } from '../../lib/errors';
import { roleLabel } from '../../lib/roles';
import { signInPath } from '../../lib/safe-redirect';
import { AuthLayout } from './auth-layout';
import { MIN_PASSWORD_LENGTH, passwordProblem } from './password-rules';

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

const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: accept_membership_invitation_input!) {
    accept_membership_invitation(input: $input) {
      success
      tenant_id
      tenant_slug
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
  const clients = useApolloClients();
  const preview = useQuery(InvitationPreviewQuery, { variables: { token }, fetchPolicy: 'network-only' });
  const viewer = useQuery(InvitationViewerQuery, { fetchPolicy: 'network-only' });
  const [accept, { loading: accepting }] = useMutation(AcceptInvitationMutation);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string; confirmation?: string }>({});
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
        <Alert severity="warning">
          This invitation link is not valid. Check that you copied all of it, or ask for a new one.
        </Alert>
      </AuthLayout>
    );
  }

  const unusable = UNUSABLE[invitation.status];
  if (unusable) {
    return (
      <AuthLayout title={unusable.title}>
        <Alert severity="warning">{unusable.message}</Alert>
        <Button component={RouterLink} to="/sign-in" sx={{ mt: 2 }}>
          Go to sign in
        </Button>
      </AuthLayout>
    );
  }

  const me = viewer.data?.user[0];
  const signedInAsInvitee = me?.email != null && me.email.toLowerCase() === invitation.email.toLowerCase();
  const subtitle = (
    <>
      You have been invited to <strong>{invitation.tenant_name}</strong> as{' '}
      <strong>{roleLabel(invitation.role)}</strong> ({invitation.email}).
    </>
  );

  const finish = async (input: { token: string; username?: string; password?: string }) => {
    setFailure(null);
    try {
      const result = await accept({ variables: { input } });
      await clients.reset();
      const slug = result.data?.accept_membership_invitation.tenant_slug;
      navigate(slug ? `/${slug}/user/keys` : '/', { replace: true });
    } catch (error) {
      const detail = describeError(error);
      if (detail.code === 'BAD_USER_INPUT' && detail.field?.endsWith('email')) setAccountExists(detail.message);
      else if (detail.code === 'BAD_USER_INPUT' && detail.field?.endsWith('username')) setErrors({ username: detail.message });
      else if (detail.code === 'BAD_USER_INPUT' && detail.field?.endsWith('password')) setErrors({ password: detail.message });
      else setFailure(detail.code === 'INTERNAL_SERVER_ERROR' ? 'Something went wrong on our side. Please try again.' : detail.message);
    }
  };

  const signInToJoin = signInPath(`/invite/${token}`);

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
              <Typography sx={{ mb: 2 }}>
                {`You are signed in as ${me.username}. Sign in as ${invitation.email} to accept this invitation.`}
              </Typography>
            ) : null}
            <Button
              component={RouterLink}
              to={signInToJoin}
              variant="contained"
              size="large"
              fullWidth
            >
              Sign in to join
            </Button>
          </>
        )}
      </AuthLayout>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = { ...passwordProblem(password, confirmation) } as typeof errors;
    if (!username.trim()) found.username = 'Choose a username.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await finish({ token, username: username.trim(), password });
  };

  return (
    <AuthLayout title={`Join ${invitation.tenant_name}`} subtitle={subtitle}>
      <form onSubmit={submit} noValidate>
        <Stack spacing={2}>
          {failure ? (
            <Alert severity="error">
              <AlertTitle>Could not accept the invitation</AlertTitle>
              {failure}
            </Alert>
          ) : null}
          <TextField label="Email" value={invitation.email} fullWidth disabled autoComplete="email" />
          <TextField
            label="Username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={errors.username != null}
            helperText={errors.username}
            required
            fullWidth
            autoFocus
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.password != null}
            helperText={errors.password ?? `At least ${MIN_PASSWORD_LENGTH} characters.`}
            required
            fullWidth
          />
          <TextField
            label="Confirm password"
            type="password"
            autoComplete="new-password"
            value={confirmation}
            onChange={(e) => setConfirmation(e.target.value)}
            error={errors.confirmation != null}
            helperText={errors.confirmation}
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
