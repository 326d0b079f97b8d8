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
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { CopyButton } from '../../components/copy-button';
import { FormDialog } from '../../components/form-dialog';
import { FormTextField } from '../../components/form-text-field';
import { showServerProblem } from '../../lib/form-problems';
import { paths } from '../../lib/paths';
import { ROLES, roleLabel, type Role } from '../../lib/roles';
import { emailRule } from '../../lib/rules';
import { useCurrentTenant } from '../../lib/tenant-context';
import { MEMBER_ROLE_HELP } from './member-roles';
import { useInviteMember } from './use-invite-member';

interface InviteValues {
  email: string;
  role: Role;
}

const DEFAULTS: InviteValues = { email: '', role: 'USER' };

/** Two steps in one dialog: the invitation form, then the link, shown once. */
export function InviteMemberDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const tenant = useCurrentTenant();
  const form = useForm<InviteValues>({ defaultValues: DEFAULTS });
  const [invite] = useInviteMember();
  // The link lives here, in React state, and nowhere else; it goes when the dialog closes.
  const [sent, setSent] = useState<{ email: string; role: Role; link: string } | null>(null);
  const { isSubmitting, errors } = form.formState;
  const role = useWatch({ control: form.control, name: 'role' });

  const submit = form.handleSubmit(async ({ email, role }) => {
    try {
      const token = await invite({ tenant_id: tenant.id, email: email.trim(), role });
      if (token) setSent({ email: email.trim(), role, link: new URL(paths.invitation.href(token), window.location.origin).href });
    } catch (error) {
      showServerProblem(form, error, ['email']);
    }
  });

  const reset = () => {
    form.reset(DEFAULTS);
    setSent(null);
  };

  if (sent) return <InvitationLink {...sent} open={open} tenantName={tenant.name} onClose={onClose} onExited={reset} />;

  return (
    <FormDialog
      open={open}
      title="Invite member"
      description="You will get a link to send them. They choose a username and password when they accept."
      error={errors.root?.server?.message}
      submitLabel="Create invitation"
      busyLabel="Creating…"
      busy={isSubmitting}
      onSubmit={submit}
      onClose={onClose}
      onExited={reset}
      maxWidth="xs"
    >
      <FormTextField control={form.control} name="email" rules={{ validate: emailRule }} label="Email" type="email" required fullWidth autoFocus />
      <FormTextField control={form.control} name="role" select label="Role" helperText={MEMBER_ROLE_HELP[role]} fullWidth>
        {ROLES.map((r) => (
          <MenuItem key={r} value={r}>
            {roleLabel(r)}
          </MenuItem>
        ))}
      </FormTextField>
    </FormDialog>
  );
}

interface InvitationLinkProps {
  open: boolean;
  email: string;
  role: Role;
  link: string;
  tenantName: string;
  onClose: () => void;
  onExited: () => void;
}

function InvitationLink({ open, email, role, link, tenantName, onClose, onExited }: InvitationLinkProps) {
  const titleId = useId();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm" slotProps={{ transition: { onExited } }}>
      <DialogTitle id={titleId}>Invitation created</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          Send this link to <strong>{email}</strong>. It lets them join {tenantName} as {roleLabel(role)}.
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
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button variant="contained" onClick={onClose}>
          Done
        </Button>
      </DialogActions>
    </Dialog>
  );
}
