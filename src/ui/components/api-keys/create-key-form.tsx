import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { endOfDay } from 'date-fns';
import { Suspense, useEffect, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { checkExpiry, expiryProblemMessage, MAX_EXPIRY_YEARS } from '../../../shared/expiry';
import { daysText, policyExpiryProblem } from '../../../shared/key-policy';
import { KEY_ROLES, rolesWithin, type KeyRole } from '../../../shared/key-roles';
import { MAX_NAME_LENGTH, nameLength } from '../../../shared/names';
import { describeProblem, problemField } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { lazyNamed } from '../../lib/lazy';
import { roleLabel } from '../../lib/roles';
import { nameRule } from '../../lib/rules';
import { FormDialog } from '../form-dialog';
import { FormTextField } from '../form-text-field';
import type { CreateKeyDialogTenant } from './create-key-dialog';
import {
  allowedExpirationChoices,
  DEFAULT_EXPIRATION,
  EXPIRATION_LABELS,
  customDateError,
  earliestCustomDate,
  expiresAtFor,
  latestCustomDate,
  startingExpiration,
  type ExpirationChoice,
} from './expiration';
import type { CreatedKey } from './new-key-dialog';
import { ShowGraphql } from './show-graphql';
import { CreateApiKeyMutation, useCreateApiKey } from './use-create-api-key';
import { useKeyPolicy, type KeyPolicyForKind } from './use-key-policy';

export interface CreateKeyFormProps {
  open: boolean;
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
  /** A service account's role (its keys' role can be at most this); for a person, each tenant's role is in `tenants`. */
  ownerRole?: string;
  /** 'service-account' changes the advice shown for keys that never expire. */
  variant?: 'user' | 'service-account';
  title?: string;
  /** With the new key, which the dialog then shows. */
  onCreated: (created: CreatedKey) => void;
}

interface KeyValues {
  name: string;
  expiration: ExpirationChoice;
  customDate: Date | null;
  tenantId: string;
  /** '' follows the owner's role. */
  role: string;
}

const NAME_LABEL = 'API Key Name';

const NEVER_EXPIRES_ADVICE = {
  user: 'A key that never expires stays valid until you revoke it. For long-lived uses such as CI and agents, use a service-account key instead.',
  'service-account': 'This key stays valid until someone revokes it. Keep it in a secret manager and rotate it regularly.',
} as const;

const NAME_EXAMPLE = { user: 'laptop', 'service-account': 'github actions' } as const;

const CUSTOM_DATE_HINT = 'The key works until the end of this day (your local time).';

// The date picker loads when the dialog opens, not with the page (see the effect below).
const ExpirationDatePicker = lazyNamed(() => import('./expiration-date-picker'), 'ExpirationDatePicker');

/**
 * The create-key form: name (the shared name rule, as the user types), expiration and
 * tenant, with Show GraphQL of exactly what Create sends. Create stays disabled until
 * the form is valid; the server's refusals land on their field, or above the buttons.
 */
export function CreateKeyForm({
  open,
  onClose,
  userId,
  tenants,
  defaultTenantId,
  ownerRole,
  variant = 'user',
  title = 'Create an API Key',
  onCreated,
}: CreateKeyFormProps) {
  const form = useForm<KeyValues>({
    mode: 'onChange',
    defaultValues: { name: '', expiration: DEFAULT_EXPIRATION, customDate: null, tenantId: startingTenant(tenants, defaultTenantId), role: '' },
  });
  const [create] = useCreateApiKey();
  // The picker's own verdict on what was typed (half a date, a day before minDate…).
  const [pickerError, setPickerError] = useState<string | null>(null);
  const { errors, isSubmitting, isSubmitted, isValid } = form.formState;
  const [name, expiration, customDate, tenantId, role] = useWatch({ control: form.control, name: ['name', 'expiration', 'customDate', 'tenantId', 'role'] });
  // The roles the key may carry: at most its owner's in the tenant it acts in.
  const ceiling = (tenants ? tenants.find((t) => t.id === tenantId)?.role : ownerRole) as KeyRole | undefined;
  const roleChoices = ceiling && KEY_ROLES.includes(ceiling) ? rolesWithin(ceiling) : [];
  const roleValid = role === '' || roleChoices.includes(role as KeyRole);
  // Another tenant, where the owner's role is lower: back to following the owner.
  useEffect(() => {
    if (!roleValid) form.setValue('role', '');
  }, [roleValid, form]);

  // The tenant's key policy leaves only some expirations; a choice it does not leave moves to one it does.
  const kind = variant === 'service-account' ? 'service' : 'user';
  const policy = useKeyPolicy(tenants ? tenantId : defaultTenantId, kind);
  const expirationChoices = allowedExpirationChoices(policy.maxDays, policy.mustExpire);
  const expirationAllowed = expirationChoices.includes(expiration);
  const { maxDays, mustExpire } = policy;
  useEffect(() => {
    if (!expirationAllowed) form.setValue('expiration', startingExpiration(allowedExpirationChoices(maxDays, mustExpire)), { shouldValidate: true });
  }, [expirationAllowed, maxDays, mustExpire, form]);

  // Fetch the picker while the user types a name, so "Custom date" shows it at once.
  useEffect(() => {
    if (open) void ExpirationDatePicker.preload().catch(() => undefined);
  }, [open]);

  const now = new Date();
  const customProblem = expiration === 'custom' ? (pickerError ?? customDateProblem(customDate, now, policy)) : null;
  const tenantMissing = tenants !== undefined && !tenants.some((t) => t.id === tenantId);
  const formValid = isValid && !customProblem && !tenantMissing && roleValid && expirationAllowed && !policy.loading;

  /** What Create sends for these values (and Show GraphQL shows); no expiry until the date is valid. */
  const inputFor = (values: KeyValues, valid: boolean) => ({
    user_id: userId,
    name: values.name.trim(),
    expires_at: valid ? expiresAtFor(values.expiration, new Date(), values.customDate) : null,
    ...(tenants ? { default_tenant_id: values.tenantId } : {}),
    ...(values.role ? { role: values.role } : {}),
  });

  // handleSubmit has checked the fields' rules; the date and tenant are checked here, on the values submitted.
  const submit = form.handleSubmit(async (values) => {
    const dateProblem = values.expiration === 'custom' ? (pickerError ?? customDateProblem(values.customDate, new Date(), policy)) : null;
    if (dateProblem || (tenants !== undefined && !tenants.some((t) => t.id === values.tenantId))) return;
    const sent = inputFor(values, true);
    try {
      const payload = await create(sent);
      onCreated({ id: payload.id, name: sent.name, key: payload.key, role: sent.role ?? null });
    } catch (error) {
      const problem = describeProblem(error);
      const field = problemField(problem, ['name', 'expires_at', 'role'] as const);
      if (field === 'name' || field === 'role') form.setError(field, { message: problem.message });
      else if (field === 'expires_at' && expiration === 'custom') form.setError('customDate', { message: problem.message });
      else form.setError('root.server', { message: problem.message });
    }
  });

  return (
    <FormDialog
      open={open}
      title={title}
      error={errors.root?.server?.message}
      submitLabel="Create"
      busyLabel="Creating…"
      busy={isSubmitting}
      submitDisabled={!formValid}
      onSubmit={submit}
      onClose={onClose}
    >
      <FormTextField
        control={form.control}
        name="name"
        rules={{ validate: nameRule(NAME_LABEL) }}
        label={NAME_LABEL}
        required
        autoFocus
        fullWidth
        helperText={`What the key is for, e.g. "${NAME_EXAMPLE[variant]}" (${nameLength(name)}/${MAX_NAME_LENGTH})`}
        slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
      />
      <FormTextField
        control={form.control}
        name="expiration"
        select
        label="API Key Expiration"
        fullWidth
        helperText={[expirationHint(expiration, now, policy.maxDays), policy.why].filter(Boolean).join(' ')}
      >
        {expirationChoices.map((choice) => (
          <MenuItem key={choice} value={choice}>
            {EXPIRATION_LABELS[choice]}
          </MenuItem>
        ))}
      </FormTextField>
      {expiration === 'custom' && (
        <Controller
          control={form.control}
          name="customDate"
          render={({ field, fieldState }) => {
            // The server's refusal of the date, until the date changes; else the form's own check, once touched.
            const message = fieldState.error?.message ?? customProblem;
            const shown = message !== null && (fieldState.error !== undefined || fieldState.isTouched || fieldState.isDirty || isSubmitted);
            return (
              <Suspense
                fallback={
                  // The same field, disabled, while the picker's code arrives (rarely seen: it was preloaded).
                  <TextField label="Expiration date" disabled required fullWidth helperText={CUSTOM_DATE_HINT} />
                }
              >
                <ExpirationDatePicker
                  label="Expiration date"
                  value={field.value}
                  onChange={(value) => field.onChange(value)}
                  onError={(reason) => setPickerError(pickerErrorMessage(reason, policy))}
                  minDate={earliestCustomDate(now)}
                  maxDate={latestCustomDate(now, policy.maxDays)}
                  slotProps={{
                    textField: {
                      required: true,
                      fullWidth: true,
                      onBlur: field.onBlur,
                      error: shown,
                      helperText: shown ? message : CUSTOM_DATE_HINT,
                    },
                  }}
                />
              </Suspense>
            );
          }}
        />
      )}
      {expiration === 'never' && <Alert severity="warning">{NEVER_EXPIRES_ADVICE[variant]}</Alert>}
      {tenants && (
        <FormTextField control={form.control} name="tenantId" select label="Tenant" required fullWidth helperText="The key acts in this tenant only.">
          {tenants.map((tenant) => (
            <MenuItem key={tenant.id} value={tenant.id}>
              {tenant.name}
            </MenuItem>
          ))}
        </FormTextField>
      )}
      {roleChoices.length > 0 && (
        <FormTextField
          control={form.control}
          name="role"
          select
          label="Key role"
          fullWidth
          helperText={
            role
              ? `The key acts as ${roleLabel(role)} at most, even if its owner's role is higher.`
              : `The key acts with its owner's role, now ${roleLabel(ceiling)}, as it changes.`
          }
        >
          <MenuItem value="">Owner's role ({roleLabel(ceiling)})</MenuItem>
          {roleChoices.map((choice) => (
            <MenuItem key={choice} value={choice}>
              {roleLabel(choice)}
            </MenuItem>
          ))}
        </FormTextField>
      )}
      <ShowGraphql document={CreateApiKeyMutation} variables={{ input: inputFor({ name, expiration, customDate, tenantId, role }, formValid) }} />
    </FormDialog>
  );
}

/** The current tenant when the key may act in it, else the first offered. */
function startingTenant(tenants: CreateKeyDialogTenant[] | undefined, current: string | undefined): string {
  if (!tenants) return '';
  return tenants.some((t) => t.id === current) ? (current as string) : (tenants[0]?.id ?? '');
}

/** The form's own check of a custom day, then the shared expiry bounds and the tenant's key policy for the end of it. */
function customDateProblem(date: Date | null, now: Date, policy: KeyPolicyForKind): string | null {
  const problem = customDateError(date, now);
  if (problem || !date) return problem;
  const end = endOfDay(date).toISOString();
  const checked = checkExpiry(end, now);
  if (!checked.ok) return expiryProblemMessage(checked.problem);
  return policyExpiryProblem(policy.rule, policy.kind, end, now);
}

function expirationHint(choice: ExpirationChoice, now: Date, maxDays: number | null): string {
  if (choice === 'never') return 'The key will never expire.';
  if (choice === 'custom') return `Pick the last day the key works, at most ${maxDays === null ? `${MAX_EXPIRY_YEARS} years` : daysText(maxDays)} from now.`;
  return `The key will expire on ${formatDate(expiresAtFor(choice, now, null) as string)}.`;
}

function pickerErrorMessage(reason: string | null, policy: KeyPolicyForKind): string | null {
  switch (reason) {
    case null:
      return null;
    case 'minDate':
    case 'disablePast':
      return 'Choose a date from tomorrow on';
    case 'maxDate':
      return policy.maxDays === null ? expiryProblemMessage('too_far') : `${policy.why} Choose a date at most ${daysText(policy.maxDays)} from now.`;
    case 'invalidDate':
      return 'Enter a valid date';
    default:
      return 'Choose another date';
  }
}
