import { Suspense, useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { CREATE_API_KEY } from './api-key-mutations';
import {
  DEFAULT_EXPIRATION,
  EXPIRATION_CHOICES,
  EXPIRATION_LABELS,
  customDateError,
  earliestCustomDate,
  expiresAtFor,
  type ExpirationChoice,
} from './expiration';
import { describeProblem } from './problem';
import { formatDate } from '../../lib/format';
import { lazyNamed } from '../../lib/lazy';
import { KEY_NAME_MAX, keyNameError } from './key-name';
import { KeyReveal } from './key-reveal';
import { ShowGraphql } from './show-graphql';

export interface CreateKeyDialogTenant {
  id: string;
  name: string;
  slug: string;
}

export interface CreateKeyDialogProps {
  open: boolean;
  /** Called once the dialog may close (after the close guard, when a key was shown). */
  onClose: () => void;
  /** Who owns the new key: the caller, or a service account (administrators). */
  userId: string;
  /**
   * The tenants the key may act in; shows the Tenant field. Leave out for a service account's
   * key, which always acts in the account's tenant.
   */
  tenants?: CreateKeyDialogTenant[];
  /** The tenant selected at first (the current one). */
  defaultTenantId?: string;
  /** 'service-account' changes the advice shown for keys that never expire. */
  variant?: 'user' | 'service-account';
  title?: string;
  /** After the key exists (the dialog then shows it). Refresh lists here; the key is not passed on. */
  onCreated?: (created: { id: string; name: string }) => void;
}

interface CreatedKey {
  id: string;
  name: string;
  key: string;
}

const NEVER_EXPIRES_ADVICE = {
  user:
    'A key that never expires stays valid until you revoke it. For long-lived uses such as CI and agents, use a service-account key instead.',
  'service-account':
    'This key stays valid until someone revokes it. Keep it in a secret manager and rotate it regularly.',
} as const;

const NAME_EXAMPLE = { user: 'laptop', 'service-account': 'github actions' } as const;

const CUSTOM_DATE_HINT = 'The key works until the end of this day (your local time).';

// The date picker loads when the dialog opens, not with the page (see the effect below).
const ExpirationDatePicker = lazyNamed(() => import('./expiration-date-picker'), 'ExpirationDatePicker');

export function CreateKeyDialog({
  open,
  onClose,
  userId,
  tenants,
  defaultTenantId,
  variant = 'user',
  title = 'Create an API Key',
  onCreated,
}: CreateKeyDialogProps) {
  const ids = useId();
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [expiration, setExpiration] = useState<ExpirationChoice>(DEFAULT_EXPIRATION);
  const [customDate, setCustomDate] = useState<Date | null>(null);
  const [customTouched, setCustomTouched] = useState(false);
  const [pickerError, setPickerError] = useState<string | null>(null);
  const [tenantId, setTenantId] = useState(defaultTenantId ?? tenants?.[0]?.id ?? '');
  const [problem, setProblem] = useState<{ message: string; field?: string } | null>(null);
  // The key lives here, in React state, and nowhere else; it is dropped when the dialog closes.
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const [createKey, { loading }] = useMutation(CREATE_API_KEY, { fetchPolicy: 'no-cache' });
  // The dialog stays mounted while the user switches tenants; each opening starts in the current one.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open && !created) setTenantId(defaultTenantId ?? tenants?.[0]?.id ?? '');
  }
  // Fetch the picker while the user types a name, so "Custom date" shows it at once.
  useEffect(() => {
    if (open) void ExpirationDatePicker.preload().catch(() => undefined);
  }, [open]);

  const now = new Date();
  const nameProblem = keyNameError(name) ?? (problem?.field === 'name' ? problem.message : null);
  const customProblem =
    expiration === 'custom' ? (pickerError ?? customDateError(customDate, now)) : null;
  const expirationProblem = customProblem ?? (problem?.field === 'expires_at' ? problem.message : null);
  const tenantMissing = tenants !== undefined && !tenants.some((t) => t.id === tenantId);
  const formValid = !keyNameError(name) && !customProblem && !tenantMissing;

  const input = () => ({
    user_id: userId,
    name: name.trim(),
    expires_at: formValid ? expiresAtFor(expiration, new Date(), customDate) : null,
    ...(tenants ? { default_tenant_id: tenantId } : {}),
  });

  const reset = () => {
    setName('');
    setNameTouched(false);
    setExpiration(DEFAULT_EXPIRATION);
    setCustomDate(null);
    setCustomTouched(false);
    setPickerError(null);
    setTenantId(defaultTenantId ?? tenants?.[0]?.id ?? '');
    setProblem(null);
    setCreated(null);
    setCopied(false);
    setConfirmingClose(false);
  };

  const requestClose = () => {
    if (loading) return;
    if (created && !copied) {
      setConfirmingClose(true);
      return;
    }
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNameTouched(true);
    setCustomTouched(true);
    if (!formValid || loading || created) return;
    setProblem(null);
    try {
      const variables = { input: input() };
      const result = await createKey({ variables });
      const payload = result.data?.create_api_key;
      if (!payload) throw new Error('The server did not return the new key. Retry in a moment.');
      setCreated({ id: payload.id, name: variables.input.name, key: payload.key });
      onCreated?.({ id: payload.id, name: variables.input.name });
    } catch (error) {
      setProblem(describeProblem(error));
    }
  };

  const showNameError = nameTouched && nameProblem !== null;
  const showExpirationError = (customTouched || problem?.field === 'expires_at') && expirationProblem !== null;
  const generalProblem = problem && problem.field !== 'name' && problem.field !== 'expires_at' ? problem : null;

  return (
    <Dialog
      open={open}
      onClose={requestClose}
      fullWidth
      maxWidth="sm"
      slotProps={{
        // The paper is the form, so Enter in any field submits. noValidate: our messages, not the browser's.
        paper: created ? undefined : ({ component: 'form', onSubmit: submit, noValidate: true } as object),
        transition: { onExited: reset },
      }}
    >
      {created ? (
        <>
          <DialogTitle>Your API key has been created</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>
              <strong>{created.name}</strong> is ready.
            </DialogContentText>
            <KeyReveal apiKey={created.key} onCopied={() => setCopied(true)} />
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button variant="contained" onClick={requestClose}>
              Done
            </Button>
          </DialogActions>
          <Dialog
            open={confirmingClose}
            onClose={() => setConfirmingClose(false)}
            aria-describedby={`${ids}-close-guard`}
          >
            <DialogTitle>Close without copying the key?</DialogTitle>
            <DialogContent>
              <DialogContentText id={`${ids}-close-guard`}>
                You have not copied this key. Once this dialog closes, the key cannot be shown again; you would
                have to create a new one.
              </DialogContentText>
            </DialogContent>
            <DialogActions sx={{ px: 3, pb: 2 }}>
              <Button onClick={() => setConfirmingClose(false)} autoFocus>
                Go back
              </Button>
              <Button color="error" onClick={onClose}>
                Close without copying
              </Button>
            </DialogActions>
          </Dialog>
        </>
      ) : (
        <>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <Stack spacing={2.5} sx={{ pt: 1 }}>
              {generalProblem && <Alert severity="error">{generalProblem.message}</Alert>}
              <TextField
                label="API Key Name"
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setNameTouched(true);
                  if (problem?.field === 'name') setProblem(null);
                }}
                // Leaving an untouched, empty field is not a mistake yet; Create stays disabled anyway.
                onBlur={() => name !== '' && setNameTouched(true)}
                required
                autoFocus
                fullWidth
                error={showNameError}
                helperText={
                  showNameError
                    ? nameProblem
                    : `What the key is for, e.g. "${NAME_EXAMPLE[variant]}" (${name.trim().length}/${KEY_NAME_MAX})`
                }
                slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
              />
              <TextField
                select
                label="API Key Expiration"
                value={expiration}
                onChange={(e) => {
                  setExpiration(e.target.value as ExpirationChoice);
                  if (problem?.field === 'expires_at') setProblem(null);
                }}
                fullWidth
                helperText={expirationHint(expiration, now)}
              >
                {EXPIRATION_CHOICES.map((choice) => (
                  <MenuItem key={choice} value={choice}>
                    {EXPIRATION_LABELS[choice]}
                  </MenuItem>
                ))}
              </TextField>
              {expiration === 'custom' && (
                <Suspense
                  fallback={
                    // The same field, disabled, while the picker's code arrives (rarely seen: it was preloaded).
                    <TextField label="Expiration date" disabled required fullWidth helperText={CUSTOM_DATE_HINT} />
                  }
                >
                  <ExpirationDatePicker
                    label="Expiration date"
                    value={customDate}
                    onChange={(value) => {
                      setCustomDate(value);
                      setCustomTouched(true);
                    }}
                    onError={(reason) => setPickerError(pickerErrorMessage(reason))}
                    minDate={earliestCustomDate(now)}
                    slotProps={{
                      textField: {
                        required: true,
                        fullWidth: true,
                        onBlur: () => setCustomTouched(true),
                        error: showExpirationError,
                        helperText: showExpirationError ? expirationProblem : CUSTOM_DATE_HINT,
                      },
                    }}
                  />
                </Suspense>
              )}
              {expiration !== 'custom' && showExpirationError && (
                <Alert severity="error">{expirationProblem}</Alert>
              )}
              {expiration === 'never' && <Alert severity="warning">{NEVER_EXPIRES_ADVICE[variant]}</Alert>}
              {tenants && (
                <TextField
                  select
                  label="Tenant"
                  value={tenantMissing ? '' : tenantId}
                  onChange={(e) => setTenantId(e.target.value)}
                  required
                  fullWidth
                  helperText="The key acts in this tenant only."
                >
                  {tenants.map((tenant) => (
                    <MenuItem key={tenant.id} value={tenant.id}>
                      {tenant.name}
                    </MenuItem>
                  ))}
                </TextField>
              )}
              <ShowGraphql document={CREATE_API_KEY} variables={{ input: input() }} />
            </Stack>
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={requestClose} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" variant="contained" disabled={!formValid || loading}>
              {loading ? 'Creating…' : 'Create'}
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

function expirationHint(choice: ExpirationChoice, now: Date): string {
  if (choice === 'never') return 'The key will never expire.';
  if (choice === 'custom') return 'Pick the last day the key works.';
  return `The key will expire on ${formatDate(expiresAtFor(choice, now, null) as string)}.`;
}

function pickerErrorMessage(reason: string | null): string | null {
  switch (reason) {
    case null:
      return null;
    case 'minDate':
    case 'disablePast':
      return 'Choose a date from tomorrow on';
    case 'invalidDate':
      return 'Enter a valid date';
    default:
      return 'Choose another date';
  }
}
