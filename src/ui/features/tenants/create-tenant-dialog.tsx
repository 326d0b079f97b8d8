import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent } from 'react';
import { graphql } from '../../gql';
import { describeError } from '../../lib/errors';

const CreateTenantMutation = graphql(`
  mutation CreateTenant($input: create_tenant_input!) {
    create_tenant(input: $input) {
      id
      slug
    }
  }
`);

interface CreateTenantDialogProps {
  onClose: () => void;
  onCreated: (slug: string) => void;
}

/** Creates a tenant with the caller as its administrator. */
export function CreateTenantDialog({ onClose, onCreated }: CreateTenantDialogProps) {
  const titleId = useId();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [slugError, setSlugError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  // The new tenant must appear in the switcher, which reads the AppShell query.
  const [createTenant, { loading }] = useMutation(CreateTenantMutation, {
    refetchQueries: ['AppShell'],
    awaitRefetchQueries: true,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNameError(null);
    setSlugError(null);
    setFormError(null);
    if (!name.trim()) {
      setNameError('Enter a name for the tenant.');
      return;
    }
    try {
      const result = await createTenant({
        variables: { input: { name: name.trim(), slug: slug.trim() || undefined } },
      });
      if (result.data) onCreated(result.data.create_tenant.slug);
    } catch (error) {
      const detail = describeError(error);
      if (detail.code === 'BAD_USER_INPUT' && detail.field?.includes('slug')) setSlugError(detail.message);
      else if (detail.code === 'BAD_USER_INPUT' && detail.field?.includes('name')) setNameError(detail.message);
      else setFormError(detail.message);
    }
  };

  return (
    <Dialog open onClose={loading ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth="xs">
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>Create tenant</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            A tenant is a separate team with its own members, service accounts and keys. You will be its
            administrator.
          </DialogContentText>
          <TextField
            label="Tenant name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={nameError != null}
            helperText={nameError}
            required
            fullWidth
            autoFocus
            margin="dense"
            slotProps={{ htmlInput: { maxLength: 100 } }}
          />
          <TextField
            label="URL name (optional)"
            value={slug}
            onChange={(e) => setSlug(e.target.value.toLowerCase())}
            error={slugError != null}
            helperText={slugError ?? 'Used in addresses like /acme/team/members. Leave blank to derive it from the name.'}
            fullWidth
            margin="dense"
          />
          {formError ? (
            <Alert severity="error" sx={{ mt: 2 }}>
              {formError}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={loading}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={loading}>
            Create tenant
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
