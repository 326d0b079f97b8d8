import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { descriptionLength, MAX_DESCRIPTION_LENGTH } from '../../../shared/descriptions';
import { MAX_NAME_LENGTH, nameLength } from '../../../shared/names';
import { NewKeyDialog, type CreatedKey } from '../../components/api-keys/new-key-dialog';
import { ShowGraphql } from '../../components/api-keys/show-graphql';
import { FormDialog } from '../../components/form-dialog';
import { FormTextField } from '../../components/form-text-field';
import { showServerProblem } from '../../lib/form-problems';
import { descriptionRule, nameRule } from '../../lib/rules';
import { useCurrentTenant } from '../../lib/tenant-context';
import { CreateCanaryKeyMutation, useCreateCanaryKey } from './use-create-canary-key';

interface CanaryValues {
  name: string;
  description: string;
}

const DEFAULTS: CanaryValues = { name: '', description: '' };
const NAME_LABEL = 'Canary Key Name';

interface CreateCanaryKeyDialogProps {
  open: boolean;
  onClose: () => void;
  /** After the key has been shown and the dialog closed (the list refetches by itself). */
  onCreated: (name: string) => void;
}

/** Where a canary does its work: places a leaked key would be found or tried. */
function PlantingAdvice() {
  return (
    <Box component="section" aria-labelledby="where-to-plant-heading">
      <Typography variant="subtitle1" component="h3" id="where-to-plant-heading" gutterBottom>
        Where to plant it
      </Typography>
      <Typography variant="body2" component="div" color="text.secondary">
        Put it where a real key would be worth stealing, under a name a thief would try:
        <Box component="ul" sx={{ my: 1, pl: 3 }}>
          <li>a CI variable or secret, e.g. PREFECT__CLOUD__API_KEY in a pipeline that does not use it;</li>
          <li>a config file in a repository, or a .env file on a laptop or a shared server;</li>
          <li>a password manager vault or wiki page that many people can read.</li>
        </Box>
        It is a service-account key to anyone who finds it. Every use is refused as a revoked key is, and recorded here with the address and program it came
        from. Do not try it yourself: that trips it too.
      </Typography>
    </Box>
  );
}

/** "Create Canary Key": a name and where it will be planted; then the key, once, with advice on planting it. */
export function CreateCanaryKeyDialog({ open, onClose, onCreated }: CreateCanaryKeyDialogProps) {
  const tenant = useCurrentTenant();
  const form = useForm<CanaryValues>({ defaultValues: DEFAULTS, mode: 'onChange' });
  const [create] = useCreateCanaryKey();
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const { isSubmitting, errors } = form.formState;
  const [name, description] = useWatch({ control: form.control, name: ['name', 'description'] });
  const input = { tenant_id: tenant.id, name: name.normalize('NFC').trim(), description: description.trim() || null };

  const submit = form.handleSubmit(async () => {
    try {
      const canary = await create(input);
      setCreated({ id: canary.id, name: input.name, key: canary.key });
    } catch (error) {
      showServerProblem(form, error, ['name', 'description']);
    }
  });

  if (created) {
    return (
      <NewKeyDialog
        open={open}
        created={created}
        title="Your canary key has been created"
        instead={<PlantingAdvice />}
        onClose={onClose}
        onExited={() => {
          onCreated(created.name);
          setCreated(null);
          form.reset(DEFAULTS);
        }}
      />
    );
  }

  return (
    <FormDialog
      open={open}
      title="Create Canary Key"
      description={`A canary key is a decoy: a key that looks like any service account’s but can do nothing. Plant it where a leak would show; the first time anyone uses it, ${tenant.name}’s administrators see where from.`}
      error={errors.root?.server?.message}
      submitLabel="Create"
      busyLabel="Creating…"
      busy={isSubmitting}
      submitDisabled={errors.name !== undefined || errors.description !== undefined}
      onSubmit={submit}
      onClose={onClose}
      onExited={() => form.reset(DEFAULTS)}
    >
      <FormTextField
        control={form.control}
        name="name"
        rules={{ validate: nameRule(NAME_LABEL) }}
        label={NAME_LABEL}
        required
        autoFocus
        fullWidth
        helperText={`e.g. "deploy key in infra repo" (${nameLength(name)}/${MAX_NAME_LENGTH})`}
        slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
      />
      <FormTextField
        control={form.control}
        name="description"
        rules={{ validate: descriptionRule }}
        label="Where it will be planted"
        fullWidth
        multiline
        minRows={2}
        helperText={`Optional, for your team (${descriptionLength(description)}/${MAX_DESCRIPTION_LENGTH})`}
      />
      <ShowGraphql document={CreateCanaryKeyMutation} variables={{ input }} />
    </FormDialog>
  );
}
