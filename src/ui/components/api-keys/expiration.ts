import { addDays, endOfDay, isValid, startOfDay } from 'date-fns';
import { latestExpiry } from '../../../shared/expiry';
import { POLICY_CLOCK_SLACK_MS } from '../../../shared/key-policy';

export const EXPIRATION_DAY_CHOICES = [7, 30, 60, 90] as const;
export type ExpirationDays = (typeof EXPIRATION_DAY_CHOICES)[number];

export type ExpirationChoice = `${ExpirationDays}` | 'custom' | 'never';

export const DEFAULT_EXPIRATION: ExpirationChoice = '30';

export const EXPIRATION_LABELS: Record<ExpirationChoice, string> = {
  '7': '7 days',
  '30': '30 days',
  '60': '60 days',
  '90': '90 days',
  custom: 'Custom date',
  never: 'Never expires',
};

export const EXPIRATION_CHOICES = Object.keys(EXPIRATION_LABELS) as ExpirationChoice[];

/** The choices a key policy leaves: day counts within its longest lifetime, a custom date always, never only when keys need not expire. */
export function allowedExpirationChoices(maxDays: number | null, mustExpire: boolean): ExpirationChoice[] {
  return EXPIRATION_CHOICES.filter((choice) => {
    if (choice === 'custom') return true;
    if (choice === 'never') return !mustExpire;
    return maxDays === null || Number(choice) <= maxDays;
  });
}

/** The default when the policy allows it; else its longest day count offered; else a custom date. */
export function startingExpiration(allowed: ExpirationChoice[]): ExpirationChoice {
  if (allowed.includes(DEFAULT_EXPIRATION)) return DEFAULT_EXPIRATION;
  return allowed.filter((choice) => choice !== 'custom' && choice !== 'never').at(-1) ?? 'custom';
}

/** The earliest day a custom date may be: a key that expires today is not worth creating. */
export function earliestCustomDate(now: Date = new Date()): Date {
  return startOfDay(addDays(now, 1));
}

/**
 * The last day a custom date may be: the last local day that ends within the shared expiry
 * rule's limit, and within the tenant's key policy when it sets a longest lifetime.
 */
export function latestCustomDate(now: Date = new Date(), maxDays: number | null = null): Date {
  const general = latestExpiry(now);
  const latest = maxDays === null ? general : new Date(Math.min(general.getTime(), now.getTime() + maxDays * 86_400_000 + POLICY_CLOCK_SLACK_MS));
  const day = startOfDay(latest);
  return endOfDay(day) <= latest ? day : addDays(day, -1);
}

export function customDateError(date: Date | null, now: Date = new Date()): string | null {
  if (date === null) return 'Choose a date';
  if (!isValid(date)) return 'Enter a valid date';
  if (date < earliestCustomDate(now)) return 'Choose a date from tomorrow on';
  return null;
}

/**
 * The `expires_at` the form sends: N days from now, the end of the chosen day (local time,
 * so the key works through the whole day the user picked), or null for never.
 * Throws on an invalid custom date: callers validate first.
 */
export function expiresAtFor(choice: ExpirationChoice, now: Date, customDate: Date | null): string | null {
  if (choice === 'never') return null;
  if (choice === 'custom') {
    const problem = customDateError(customDate, now);
    if (problem || !customDate) throw new Error(problem ?? 'Choose a date');
    return endOfDay(customDate).toISOString();
  }
  return addDays(now, Number(choice)).toISOString();
}
