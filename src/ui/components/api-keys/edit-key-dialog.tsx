import MenuItem from '@mui/material/MenuItem';
import { addDays } from 'date-fns';
import { useForm, useWatch } from 'react-hook-form';
import { descriptionLength, MAX_DESCRIPTION_LENGTH } from '../../../shared/descriptions';
import { MAX_NAME_LENGTH, nameLength } from '../../../shared/names';
import { formatDate } from '../../lib/format';
import { showServerProblem } from '../../lib/form-problems';
import { descriptionRule, nameRule } from '../../lib/rules';
import { useRetained } from '../../lib/use-retained';
import { FormDialog } from '../form-dialog';
import { FormTextField } from '../form-text-field';
import { ShowGraphql } from './show-graphql';
import { UpdateApiKeyMutation, useUpdateApiKey, type UpdateApiKeyInput } from './use-update-api-key';

export interface EditableKey {
  id: string;
  name: string;
  expires_at?: string | null;
  description?: string | null;
}

export interface EditKeyDialogProps {
  /** The key to edit; null keeps the dialog closed. */
  apiKey: EditableKey | null;
  onClose: () => void;
  /** After the server confirmed, with the key's name now. */
  onSaved?: (name: string) => void;
}

/** Earlier expiries the form offers: a key's expiry can be brought forward, never pushed back. */
const SHORTER_DAYS = [1, 7, 30, 60, 90] as const;

interface EditValues {
  name: string;
  /** 'keep', or a number of days from now. */
  expiry: string;
  description: string;
}

const NAME_LABEL = 'API Key Name';

/** The choices of expiry: keep it, or one of SHORTER_DAYS that ends before the key's own expiry. */
function expiryChoices(expiresAt: string | null | undefined, now: Date): number[] {
  const limit = expiresAt ? Date.parse(expiresAt) : Infinity;
  return SHORTER_DAYS.filter((days) => addDays(now, days).getTime() < limit);
}

/**
 * "Edit API key": its name, an earlier expiry and its description, the fields
 * update_api_key changes, checked by the rules the server applies. Only what changed is sent.
 */
export function EditKeyDialog({ apiKey, onClose, onSaved }: EditKeyDialogProps) {
  // Keep the last key while the dialog animates out.
  const shown = useRetained(apiKey);
  // A fresh form for each key, and for the same key once it has changed.
  return shown ? (
    <EditKeyForm
      key={[shown.id, shown.name, shown.expires_at, shown.description].join('|')}
      open={apiKey !== null}
      apiKey={shown}
      onClose={onClose}
      onSaved={onSaved}
    />
  ) : null;
}

function EditKeyForm({ open, apiKey, onClose, onSaved }: { open: boolean; apiKey: EditableKey; onClose: () => void; onSaved?: (name: string) => void }) {
  const form = useForm<EditValues>({
    mode: 'onChange',
    defaultValues: { name: apiKey.name, expiry: 'keep', description: apiKey.description ?? '' },
  });
  const [update] = useUpdateApiKey();
  const { errors, isSubmitting, isValid } = form.formState;
  const [name, expiry, description] = useWatch({ control: form.control, name: ['name', 'expiry', 'description'] });
  const now = new Date();
  const choices = expiryChoices(apiKey.expires_at, now);

  /** What Save sends for these values (and Show GraphQL shows): only the fields that changed. */
  const inputFor = (values: EditValues, at: Date): UpdateApiKeyInput => {
    const input: UpdateApiKeyInput = { key_id: apiKey.id };
    const trimmed = values.name.trim();
    if (trimmed !== apiKey.name) input.name = trimmed;
    if (values.expiry !== 'keep') input.expires_at = addDays(at, Number(values.expiry)).toISOString();
    const text = values.description.trim();
    if (text !== (apiKey.description ?? '')) input.description = text === '' ? null : text;
    return input;
  };
  const pending = inputFor({ name, expiry, description }, now);
  const unchanged = Object.keys(pending).length === 1;

  const submit = form.handleSubmit(async (values) => {
    try {
      const saved = await update(inputFor(values, new Date()));
      onSaved?.(saved.name);
    } catch (error) {
      showServerProblem(form, error, ['name', 'description']);
    }
  });

  return (
    <FormDialog
      open={open}
      title="Edit API key"
      description={
        <>
          The key itself stays the same: clients using it go on working.{' '}
          {apiKey.expires_at ? `It expires on ${formatDate(apiKey.expires_at)}; its expiry can be brought forward, not pushed back.` : 'It never expires.'}
        </>
      }
      error={errors.root?.server?.message}
      submitLabel="Save"
      busyLabel="Saving…"
      busy={isSubmitting}
      submitDisabled={!isValid || unchanged}
      onSubmit={submit}
      onClose={onClose}
    >
      <FormTextField
        control={form.control}
        name="name"
        rules={{ validate: nameRule(NAME_LABEL) }}
        label={NAME_LABEL}
        required
        fullWidth
        helperText={`${nameLength(name)}/${MAX_NAME_LENGTH}`}
        slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
      />
      <FormTextField
        control={form.control}
        name="expiry"
        select
        label="Expiration"
        fullWidth
        helperText={expiry === 'keep' ? 'Unchanged.' : `The key will expire on ${formatDate(addDays(now, Number(expiry)).toISOString())}.`}
      >
        <MenuItem value="keep">Keep the current expiry</MenuItem>
        {choices.map((days) => (
          <MenuItem key={days} value={String(days)}>
            {days === 1 ? 'In 1 day' : `In ${days} days`}
          </MenuItem>
        ))}
      </FormTextField>
      <FormTextField
        control={form.control}
        name="description"
        rules={{ validate: descriptionRule }}
        label="Description"
        multiline
        minRows={2}
        fullWidth
        helperText={`What the key is for and where it is kept, never the key itself (${descriptionLength(description)}/${MAX_DESCRIPTION_LENGTH})`}
      />
      <ShowGraphql document={UpdateApiKeyMutation} variables={{ input: pending }} />
    </FormDialog>
  );
}
