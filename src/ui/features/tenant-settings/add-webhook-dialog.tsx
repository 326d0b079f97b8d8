import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { checkWebhookEvents, checkWebhookUrlForm, WEBHOOK_EVENTS, WEBHOOK_WILDCARDS } from '../../../shared/webhooks';

/** The checkboxes, in this order: each event, then every event of a kind (present and future). */
const CHOICES: readonly string[] = [...WEBHOOK_EVENTS, ...WEBHOOK_WILDCARDS];
import { CopyButton } from '../../components/copy-button';
import { SecretText } from '../../components/secret-text';
import { FormDialog } from '../../components/form-dialog';
import { describeProblem, problemField } from '../../lib/errors';
import { useCreateWebhook } from './use-webhooks';

interface AddWebhookDialogProps {
  open: boolean;
  tenantId: string;
  onClose: () => void;
}

/** Add webhook: its URL and events, then its secret, shown once with Copy. */
export function AddWebhookDialog({ open, tenantId, onClose }: AddWebhookDialogProps) {
  const [secret, setSecret] = useState<string | null>(null);
  const close = () => {
    onClose();
    setSecret(null);
  };
  if (secret) return <SecretReveal open={open} secret={secret} onClose={close} />;
  return <AddWebhookForm open={open} tenantId={tenantId} onClose={close} onCreated={setSecret} />;
}

function AddWebhookForm({ open, tenantId, onClose, onCreated }: AddWebhookDialogProps & { onCreated: (secret: string) => void }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['api_key.created', 'api_key.revoked']);
  const [problems, setProblems] = useState<{ url?: string; events?: string; other?: string }>({});
  const [create, state] = useCreateWebhook();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const urlCheck = checkWebhookUrlForm(url);
    const eventsCheck = checkWebhookEvents(events);
    const found = { url: urlCheck.ok ? undefined : urlCheck.message, events: eventsCheck.ok ? undefined : eventsCheck.message };
    setProblems(found);
    if (found.url || found.events) return;
    try {
      const created = await create({ tenant_id: tenantId, url: url.trim(), events });
      setUrl('');
      setProblems({});
      onCreated(created.secret);
    } catch (error) {
      const problem = describeProblem(error);
      const field = problemField(problem, ['url', 'events'] as const);
      setProblems(field ? { [field]: problem.message } : { other: problem.message });
    }
  };

  const toggle = (name: string, checked: boolean) =>
    setEvents((now) => (checked ? CHOICES.filter((e) => e === name || now.includes(e)) : now.filter((e) => e !== name)));

  return (
    <FormDialog
      open={open}
      title="Add webhook"
      description="Keyplane will post the events you choose to this URL, signed with a secret shown once after you add it."
      submitLabel="Add webhook"
      busyLabel="Adding…"
      busy={state.loading}
      error={problems.other ?? null}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextField
        label="URL"
        value={url}
        onChange={(event) => setUrl(event.target.value)}
        placeholder="https://example.com/keyplane-events"
        error={Boolean(problems.url)}
        helperText={problems.url ?? 'An https:// endpoint of yours.'}
        fullWidth
        autoFocus
        slotProps={{ htmlInput: { inputMode: 'url', spellCheck: false, autoComplete: 'off' } }}
      />
      <FormControl component="fieldset" error={Boolean(problems.events)} sx={{ mt: 2 }}>
        <FormLabel component="legend">Events</FormLabel>
        <FormGroup sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
          {CHOICES.map((name) => (
            <FormControlLabel
              key={name}
              control={<Checkbox size="small" checked={events.includes(name)} onChange={(event) => toggle(name, event.target.checked)} />}
              label={
                <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '0.85rem' }}>
                  {name}
                </Box>
              }
            />
          ))}
        </FormGroup>
        {problems.events ? <FormHelperText>{problems.events}</FormHelperText> : null}
      </FormControl>
    </FormDialog>
  );
}

/** The one time the secret is shown: Copy, and a plain warning; closing before copying asks first. */
function SecretReveal({ open, secret, onClose }: { open: boolean; secret: string; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const done = () => (copied || confirming ? onClose() : setConfirming(true));
  return (
    <Dialog open={open} onClose={done} aria-labelledby="webhook-secret-title" maxWidth="sm" fullWidth>
      <DialogTitle id="webhook-secret-title">Your webhook has been added</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          Copy this signing secret now and store it where your receiver can read it. <strong>You will not be able to see it again.</strong>
        </Alert>
        <Typography variant="subtitle2" component="h3" id="webhook-secret-label" gutterBottom>
          Signing secret
        </Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <SecretText labelledBy="webhook-secret-label" basis="18rem">
            {secret}
          </SecretText>
          <CopyButton value={secret} onCopied={() => setCopied(true)} variant="contained" />
        </Box>
        {confirming && !copied ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            You have not copied the secret. Close anyway? Without it, receivers cannot check signatures: you would have to delete the webhook and add it again.
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={done} variant={copied ? 'contained' : 'text'}>
          {confirming && !copied ? 'Close without copying' : 'Done'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
