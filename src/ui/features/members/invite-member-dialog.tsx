import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent } from 'react';
import { CopyButton } from '../../components/copy-button';
import { describeError } from '../../lib/errors';
import { ROLES, roleLabel } from '../../lib/roles';
import { useCurrentTenant } from '../../lib/tenant-context';
import { InviteMemberMutation } from './members-documents';

const ROLE_HELP: Record<string, string> = {
  TENANT_ADMIN: 'Manages members, service accounts and their keys.',
  USER: 'Creates and revokes their own API keys.',
  READ_ONLY_USER: 'Their keys can read but not change anything.',
};

/** Two steps in one dialog: the invitation form, then the link, shown once. */
export function InviteMemberDialog({ onClose }: { onClose: () => void }) {
  const tenant = useCurrentTenant();
  const titleId = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>('USER');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [invite, { loading }] = useMutation(InviteMemberMutation, {
    refetchQueries: ['MemberInvitations'],
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) {
      setEmailError('Enter an email address.');
      return;
    }
    setEmailError(null);
    try {
      const result = await invite({
        variables: { input: { tenant_id: tenant.id, email: email.trim(), role } },
      });
      const token = result.data?.create_membership_invitation.token;
      if (token) setLink(new URL(`/invite/${encodeURIComponent(token)}`, window.location.origin).href);
    } catch (error) {
      const detail = describeError(error);
      if (detail.code === 'BAD_USER_INPUT' && detail.field?.endsWith('email')) setEmailError(detail.message);
      else setFailure(detail.message);
    }
  };

  if (link) {
    return (
      <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <DialogTitle id={titleId}>Invitation created</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            Send this link to <strong>{email.trim()}</strong>. It lets them join {tenant.name} as{' '}
            {roleLabel(role)}.
          </DialogContentText>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: { xs: 'wrap', sm: 'nowrap' } }}>
            <TextField
              label="Invitation link"
              value={link}
              fullWidth
              slotProps={{ htmlInput: { readOnly: true, onFocus: (e: React.FocusEvent<HTMLInputElement>) => e.target.select() } }}
            />
            <CopyButton value={link} sx={{ height: 56, flexShrink: 0 }} />
          </Box>
          <Alert severity="warning" sx={{ mt: 2 }}>
            This link is shown only once. Copy it now; if it is lost, revoke the invitation and create a new one.
          </Alert>
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={onClose}>
            Done
          </Button>
        </DialogActions>
      </Dialog>
    );
  }

  return (
    <Dialog open onClose={loading ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth="xs">
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>Invite member</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1 }}>
            You will get a link to send them. They choose a username and password when they accept.
          </DialogContentText>
          <TextField
            label="Email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={emailError != null}
            helperText={emailError}
            required
            fullWidth
            autoFocus
            margin="dense"
          />
          <TextField
            select
            label="Role"
            value={role}
            onChange={(e) => setRole(e.target.value)}
            helperText={ROLE_HELP[role]}
            fullWidth
            margin="dense"
          >
            {ROLES.map((r) => (
              <MenuItem key={r} value={r}>
                {roleLabel(r)}
              </MenuItem>
            ))}
          </TextField>
          {failure ? (
            <Alert severity="error" sx={{ mt: 2 }}>
              {failure}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={loading}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={loading}>
            Create invitation
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
