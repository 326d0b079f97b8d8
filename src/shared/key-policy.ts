// A tenant's key policy as a rule both sides apply: the settings form and the API check
// the same day counts, and the create and rotate dialogs offer only the expiries the API
// then takes. Pure: no Node, DOM or React; the caller passes `now`.

import { latestExpiry } from './expiry.js';

/** The day counts a policy takes: one day to ten years. */
export const POLICY_MIN_DAYS = 1;
export const POLICY_MAX_DAYS = 3650;

const DAY_MS = 86_400_000;

/**
 * A key made "90 days from now" by a browser whose clock runs a little ahead of the
 * server's is still within a 90-day policy: the limit has this much slack.
 */
export const POLICY_CLOCK_SLACK_MS = 5 * 60_000;

export type PolicyKeyKind = 'user' | 'service';

/** What a policy says about new keys' lifetimes (the fields of tenant_policy it is made of). */
export interface KeyLifetimeRule {
  user_key_max_days: number | null;
  service_key_max_days: number | null;
  require_expiry: boolean;
}

export const NO_LIFETIME_LIMITS: KeyLifetimeRule = { user_key_max_days: null, service_key_max_days: null, require_expiry: false };

/** The longest a new key of this kind may live, in days; null: no limit. */
export function maxDaysFor(rule: KeyLifetimeRule, kind: PolicyKeyKind): number | null {
  return kind === 'user' ? rule.user_key_max_days : rule.service_key_max_days;
}

/** Whether a key of this kind must have an expiry: required outright, or implied by a longest lifetime. */
export function expiryRequired(rule: KeyLifetimeRule, kind: PolicyKeyKind): boolean {
  return rule.require_expiry || maxDaysFor(rule, kind) !== null;
}

/**
 * The latest expiry a new key of this kind may have at `now`, slack left out: `now` plus the
 * longest lifetime, else null (only the general rule of shared/expiry.ts applies).
 */
export function latestPolicyExpiry(rule: KeyLifetimeRule, kind: PolicyKeyKind, now: Date): Date | null {
  const days = maxDaysFor(rule, kind);
  return days === null ? null : new Date(now.getTime() + days * DAY_MS);
}

/**
 * The expiry an existing key is brought to when an administrator shortens the keys outside
 * the policy: the policy's latest, or for "every key must expire" without a longest
 * lifetime, the general rule's latest; null when the policy sets no bound for this kind.
 */
export function policyShortenedExpiry(rule: KeyLifetimeRule, kind: PolicyKeyKind, now: Date): Date | null {
  return latestPolicyExpiry(rule, kind, now) ?? (rule.require_expiry ? latestExpiry(now) : null);
}

const KIND_WORDS: Record<PolicyKeyKind, string> = { user: 'user keys', service: 'service-account keys' };

export function daysText(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

/** The policy in a sentence, for this kind of key; null when it sets no limit on them. */
export function policyLimitText(rule: KeyLifetimeRule, kind: PolicyKeyKind): string | null {
  const days = maxDaysFor(rule, kind);
  if (days !== null) return `This tenant's key policy limits ${KIND_WORDS[kind]} to ${daysText(days)}.`;
  if (rule.require_expiry) return "This tenant's key policy requires every key to expire.";
  return null;
}

/** Why this expiry (null: never) is outside the policy for a new key of this kind, or null when it is within. */
export function policyExpiryProblem(rule: KeyLifetimeRule, kind: PolicyKeyKind, expiresAt: string | null, now: Date): string | null {
  const limit = policyLimitText(rule, kind);
  if (limit === null) return null;
  const days = maxDaysFor(rule, kind);
  if (expiresAt === null) return `${limit} Choose an expiry${days === null ? '' : ` at most ${daysText(days)} from now`}.`;
  const latest = latestPolicyExpiry(rule, kind, now);
  if (latest !== null && Date.parse(expiresAt) > latest.getTime() + POLICY_CLOCK_SLACK_MS)
    return `${limit} Choose an expiry at most ${daysText(days!)} from now.`;
  return null;
}

/** A policy's day count as sent: null (no limit) or a whole number of days within the bounds; a message otherwise. */
export function policyDaysProblem(days: number | null | undefined): string | null {
  if (days === null || days === undefined) return null;
  if (!Number.isInteger(days) || days < POLICY_MIN_DAYS || days > POLICY_MAX_DAYS) {
    return `Give a whole number of days from ${POLICY_MIN_DAYS} to ${POLICY_MAX_DAYS}, or none for no limit.`;
  }
  return null;
}
