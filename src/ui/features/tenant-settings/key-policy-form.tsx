import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { daysText, policyShortenedExpiry } from '../../../shared/key-policy';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { TableSkeleton } from '../../components/loading-skeleton';
import { FormTextField } from '../../components/form-text-field';
import { QueryError } from '../../components/query-error';
import { graphql } from '../../gql';
import type { KeyPolicySection_PolicyFragment } from '../../gql/graphql';
import { describeProblem, problemField } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useConfirmedMutation } from '../../lib/use-confirmed-mutation';
import { SettingsSection } from './settings-section';

// What the section shows, read by its query and answered by set_tenant_policy alike.
export const KeyPolicySectionPolicyFragment = graphql(`
  fragment KeyPolicySection_policy on tenant_policy {
    tenant_id
    user_key_max_days
    service_key_max_days
    require_expiry
    idle_days
    keys_outside {
      user_keys
      service_account_keys
    }
  }
`);

export const KeyPolicySectionQueryDocument = graphql(`
  query KeyPolicySection($id: UUID!) {
    tenant_policy(tenant_id: $id) {
      ...KeyPolicySection_policy
    }
  }
`);

const SetTenantPolicyMutation = graphql(`
  mutation SetTenantPolicy($input: set_tenant_policy_input!) {
    set_tenant_policy(input: $input) {
      ...KeyPolicySection_policy
    }
  }
`);

const ShortenKeysMutation = graphql(`
  mutation ShortenKeysToTenantPolicy($input: shorten_keys_to_tenant_policy_input!) {
    shorten_keys_to_tenant_policy(input: $input) {
      shortened
    }
  }
`);

type Policy = KeyPolicySection_PolicyFragment;

/** The day counts offered; a count set through the API that is not one of them is offered too. */
const LIFETIME_DAYS = [7, 30, 60, 90, 180, 365];
const IDLE_DAYS = [30, 60, 90, 180, 365];
const NONE = 'none';

interface PolicyValues {
  userKeyMaxDays: string;
  serviceKeyMaxDays: string;
  requireExpiry: boolean;
  idleDays: string;
}

const valuesOf = (policy: Policy): PolicyValues => ({
  userKeyMaxDays: policy.user_key_max_days?.toString() ?? NONE,
  serviceKeyMaxDays: policy.service_key_max_days?.toString() ?? NONE,
  requireExpiry: policy.require_expiry,
  idleDays: policy.idle_days?.toString() ?? NONE,
});

const daysOf = (value: string): number | null => (value === NONE ? null : Number(value));

function dayChoices(offered: number[], current: string): number[] {
  const days = daysOf(current);
  return days === null || offered.includes(days) ? offered : [...offered, days].sort((a, b) => a - b);
}

/** Team › Settings › Key policy: limits on new keys' lifetimes, idle revocation, and the keys already outside. */
export function KeyPolicySection({ tenantId }: { tenantId: string }) {
  const { data, error, refetch } = useQuery(KeyPolicySectionQueryDocument, { variables: { id: tenantId } });
  const policy = data?.tenant_policy;
  return (
    <SettingsSection
      title="Key policy"
      description="Limits on the API keys created or rotated in this tenant from now on. Keys that already exist keep their expiry until you shorten them."
    >
      {error && !policy ? (
        <QueryError title="Could not load the key policy" error={error} onRetry={() => void refetch()} />
      ) : !policy ? (
        <TableSkeleton label="Loading the key policy" />
      ) : (
        <>
          <KeyPolicyForm policy={policy} />
          <KeysOutside policy={policy} />
        </>
      )}
    </SettingsSection>
  );
}

function KeyPolicyForm({ policy }: { policy: Policy }) {
  const form = useForm<PolicyValues>({ defaultValues: valuesOf(policy) });
  const [save] = useMutation(SetTenantPolicyMutation);
  const [saved, setSaved] = useState(false);
  const { isSubmitting, isDirty, errors } = form.formState;
  const values = form.watch();

  const submit = form.handleSubmit(async (sent) => {
    setSaved(false);
    try {
      await save({
        variables: {
          input: {
            tenant_id: policy.tenant_id,
            user_key_max_days: daysOf(sent.userKeyMaxDays),
            service_key_max_days: daysOf(sent.serviceKeyMaxDays),
            require_expiry: sent.requireExpiry,
            idle_days: daysOf(sent.idleDays),
          },
        },
      });
      form.reset(sent);
      setSaved(true);
    } catch (caught) {
      const problem = describeProblem(caught);
      const field = problemField(problem, ['user_key_max_days', 'service_key_max_days', 'idle_days'] as const);
      const fieldName = field === 'user_key_max_days' ? 'userKeyMaxDays' : field === 'service_key_max_days' ? 'serviceKeyMaxDays' : field ? 'idleDays' : null;
      form.setError(fieldName ?? 'root.server', { message: problem.message });
    }
  });

  const lifetimeField = (name: 'userKeyMaxDays' | 'serviceKeyMaxDays', label: string, helper: string) => (
    <FormTextField control={form.control} name={name} select label={label} helperText={helper} sx={{ flex: '1 1 240px' }}>
      <MenuItem value={NONE}>No limit</MenuItem>
      {dayChoices(LIFETIME_DAYS, values[name]).map((days) => (
        <MenuItem key={days} value={String(days)}>
          {daysText(days)}
        </MenuItem>
      ))}
    </FormTextField>
  );

  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        {lifetimeField('userKeyMaxDays', 'Longest lifetime of user keys', "Members' own keys, from their API Keys page.")}
        {lifetimeField('serviceKeyMaxDays', 'Longest lifetime of service-account keys', 'Keys for CI jobs and agents.')}
      </Box>
      <Controller
        control={form.control}
        name="requireExpiry"
        render={({ field }) => (
          <Box sx={{ mt: 1 }}>
            <FormControlLabel
              control={<Checkbox checked={field.value} onChange={(event) => field.onChange(event.target.checked)} onBlur={field.onBlur} />}
              label="Every key must expire"
            />
            <FormHelperText sx={{ mt: -0.5, ml: 4 }}>“Never expires” is not offered; a longest lifetime implies this for its kind of key.</FormHelperText>
          </Box>
        )}
      />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 2 }}>
        <FormTextField
          control={form.control}
          name="idleDays"
          select
          label="Revoke keys unused for"
          helperText="Owners are warned 7 days before a key is revoked; using the key keeps it."
          sx={{ flex: '1 1 240px', maxWidth: 480 }}
        >
          <MenuItem value={NONE}>Never</MenuItem>
          {dayChoices(IDLE_DAYS, values.idleDays).map((days) => (
            <MenuItem key={days} value={String(days)}>
              {daysText(days)}
            </MenuItem>
          ))}
        </FormTextField>
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 2, flexWrap: 'wrap' }}>
        <Button type="submit" variant="contained" disabled={isSubmitting || !isDirty}>
          {isSubmitting ? 'Saving…' : 'Save policy'}
        </Button>
        <Typography role="status" variant="body2" sx={{ color: errors.root?.server ? 'error.main' : 'success.main', minHeight: '1.5em' }}>
          {errors.root?.server?.message ?? (saved && !isDirty ? 'Policy saved.' : '')}
        </Typography>
      </Box>
    </Box>
  );
}

function keysText(count: number, kind: string): string {
  return `${count} ${kind} ${count === 1 ? 'key' : 'keys'}`;
}

/** What the policy leaves outside, and the administrator's choice to shorten those keys or leave them. */
function KeysOutside({ policy }: { policy: Policy }) {
  const [confirming, setConfirming] = useState(false);
  const [shortened, setShortened] = useState<number | null>(null);
  const [shorten, { loading }] = useMutation(ShortenKeysMutation, { refetchQueries: [KeyPolicySectionQueryDocument] });
  const { error, run } = useConfirmedMutation(confirming);
  const outside = policy.keys_outside;
  if (!outside) return null;
  const total = outside.user_keys + outside.service_account_keys;

  if (total === 0) {
    return (
      <Typography role="status" variant="body2" sx={{ mt: 2, color: 'text.secondary' }}>
        {shortened !== null ? `Shortened ${shortened === 1 ? '1 key' : `${shortened} keys`}. ` : ''}Every live key is within this policy.
      </Typography>
    );
  }

  const parts = [
    outside.user_keys > 0 ? keysText(outside.user_keys, 'user') : null,
    outside.service_account_keys > 0 ? keysText(outside.service_account_keys, 'service-account') : null,
  ].filter(Boolean);
  const now = new Date();
  const latest = (kind: 'user' | 'service') => policyShortenedExpiry(policy, kind, now);
  const bounds = [
    outside.user_keys > 0 && latest('user') ? `user keys by ${formatDate(latest('user')!.toISOString())}` : null,
    outside.service_account_keys > 0 && latest('service') ? `service-account keys by ${formatDate(latest('service')!.toISOString())}` : null,
  ].filter(Boolean);

  return (
    <>
      <Alert
        severity="warning"
        sx={{
          mt: 2,
          // On a phone the button goes under the text, which keeps the window's width.
          flexWrap: { xs: 'wrap', sm: 'nowrap' },
          '& .MuiAlert-message': { flex: '1 1 0', minWidth: 0 },
          '& .MuiAlert-action': { flexBasis: { xs: '100%', sm: 'auto' }, justifyContent: 'flex-end', pt: { xs: 0, sm: 0.5 } },
        }}
        action={
          <Button color="inherit" size="small" onClick={() => setConfirming(true)} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
            Shorten them
          </Button>
        }
      >
        {total === 1 ? 'A key that exists falls' : `${total} keys that exist fall`} outside this policy ({parts.join(' and ')}): they expire later, or never.
        They keep working as they are unless you shorten them.
      </Alert>
      <ConfirmDialog
        open={confirming}
        title={`Shorten ${total === 1 ? '1 key' : `${total} keys`}?`}
        confirmLabel="Shorten keys"
        busyLabel="Shortening…"
        busy={loading}
        error={error}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          void run(
            async () => {
              const result = await shorten({ variables: { input: { tenant_id: policy.tenant_id } } });
              setShortened(result.data?.shorten_keys_to_tenant_policy.shortened ?? 0);
            },
            () => setConfirming(false),
          )
        }
      >
        Each of them will expire at the policy&apos;s limit: {bounds.join(', ')}. Their owners see the new expiry in their lists; clients using them keep
        working until then.
      </ConfirmDialog>
    </>
  );
}
