import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { addDays } from 'date-fns';
import { useState } from 'react';
import { daysText, policyExpiryProblem } from '../../../shared/key-policy';
import { DEFAULT_OVERLAP_SECONDS } from '../../../shared/rotation';
import { describeProblem } from '../../lib/errors';
import { useRetained } from '../../lib/use-retained';
import { FormDialog } from '../form-dialog';
import { NewKeyDialog, type CreatedKey } from './new-key-dialog';
import { ShowGraphql } from './show-graphql';
import { useKeyPolicy, type KeyPolicyForKind } from './use-key-policy';
import { RotateApiKeyMutation, useRotateApiKey, type RotateApiKeyInput } from './use-rotate-api-key';

export interface RotatableKey {
  id: string;
  name: string;
  /** The tenant it acts in, whose key policy the successor's expiry must follow. */
  tenantId: string;
  /** The old key's expiry, which "Same as the old key" keeps; null: never. */
  expiresAt: string | null;
  /** The key's owner when it is a service account, whose key count then refreshes. */
  userId?: string;
}

/** How long the old key may keep working, in seconds, as the menu offers it. */
const OVERLAPS: [number, string][] = [
  [3600, '1 hour'],
  [DEFAULT_OVERLAP_SECONDS, '24 hours'],
  [7 * 86_400, '7 days'],
  [30 * 86_400, '30 days'],
  [0, 'End the old key now'],
];

/** 'same', 'never', or a number of days. */
type ExpiryChoice = string;
const OFFERED_DAYS = [30, 90];

/**
 * The expiries the tenant's key policy leaves for the successor: the old key's when it is
 * within the policy, the day counts within its longest lifetime (the longest itself when
 * shorter than those), and never when keys need not expire.
 */
function expiryChoices(policy: KeyPolicyForKind, oldExpiry: string | null, now: Date): ExpiryChoice[] {
  const days = OFFERED_DAYS.filter((n) => policy.maxDays === null || n <= policy.maxDays);
  if (policy.maxDays !== null && !days.includes(policy.maxDays) && policy.maxDays < OFFERED_DAYS.at(-1)!) days.push(policy.maxDays);
  return [
    ...(policyExpiryProblem(policy.rule, policy.kind, oldExpiry, now) === null ? ['same'] : []),
    ...days.sort((a, b) => a - b).map(String),
    ...(policy.mustExpire ? [] : ['never']),
  ];
}

function expiryLabel(choice: ExpiryChoice): string {
  if (choice === 'same') return 'Same as the old key';
  if (choice === 'never') return 'Never expires';
  return daysText(Number(choice));
}

function rotationInput(keyId: string, overlap: number, expiry: ExpiryChoice, now: Date): RotateApiKeyInput {
  if (expiry === 'same') return { key_id: keyId, overlap };
  return { key_id: keyId, overlap, expires_at: expiry === 'never' ? null : addDays(now, Number(expiry)).toISOString() };
}

export interface RotateKeyDialogProps {
  /** The key to rotate; null keeps the dialog closed. */
  apiKey: RotatableKey | null;
  onClose: () => void;
  /** After the server issued the successor: its name, never the key. */
  onRotated?: (rotated: RotatableKey) => void;
}

/**
 * "Rotate API key": how long the old key keeps working (until the new one is first
 * used, at most the chosen time) and the new key's expiry; then the new key, shown once,
 * as at creation. The key lives in this component's state alone.
 */
export function RotateKeyDialog({ apiKey, onClose, onRotated }: RotateKeyDialogProps) {
  const shown = useRetained(apiKey);
  const open = apiKey !== null;
  const [overlap, setOverlap] = useState(DEFAULT_OVERLAP_SECONDS);
  const [expiry, setExpiry] = useState<ExpiryChoice>('same');
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [rotate, { loading }] = useRotateApiKey();
  const [now] = useState(() => new Date());
  const policy = useKeyPolicy(shown?.tenantId, shown?.userId ? 'service' : 'user');
  const choices = expiryChoices(policy, shown?.expiresAt ?? null, now);
  // A choice the policy does not leave (the old key's expiry, outside it) moves to the first it does.
  const chosen = choices.includes(expiry) ? expiry : (choices[0] ?? 'same');
  const input = rotationInput(shown?.id ?? '', overlap, chosen, now);

  const reset = () => {
    setOverlap(DEFAULT_OVERLAP_SECONDS);
    setExpiry('same');
    setError(null);
    setCreated(null);
  };

  if (created) return <NewKeyDialog open={open} created={created} onClose={onClose} onExited={reset} title="Your new API key has been created" />;

  const submit = async () => {
    if (!shown || loading) return;
    setError(null);
    try {
      const successor = await rotate(rotationInput(shown.id, overlap, chosen, new Date()), shown.userId);
      setCreated({ id: successor.id, name: shown.name, key: successor.key });
      onRotated?.(shown);
    } catch (caught) {
      setError(describeProblem(caught).message);
    }
  };

  return (
    <FormDialog
      open={open}
      title="Rotate API key"
      description={
        <>
          Issue a new key for <strong>{shown?.name}</strong>. The old key keeps working until the new one is first used, or until the time below ends, whichever
          comes first.
        </>
      }
      submitLabel="Rotate"
      busyLabel="Rotating…"
      busy={loading}
      submitDisabled={policy.loading}
      error={error}
      onSubmit={(event) => {
        event.preventDefault();
        return submit();
      }}
      onClose={onClose}
      onExited={reset}
    >
      <TextField select label="Old key keeps working for at most" value={overlap} onChange={(event) => setOverlap(Number(event.target.value))} fullWidth>
        {OVERLAPS.map(([seconds, label]) => (
          <MenuItem key={seconds} value={seconds}>
            {label}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label="New key expires"
        value={chosen}
        onChange={(event) => setExpiry(event.target.value)}
        fullWidth
        helperText={policy.why ?? undefined}
      >
        {choices.map((choice) => (
          <MenuItem key={choice} value={choice}>
            {expiryLabel(choice)}
          </MenuItem>
        ))}
      </TextField>
      <ShowGraphql document={RotateApiKeyMutation} variables={{ input }} />
    </FormDialog>
  );
}
