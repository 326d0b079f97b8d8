// The bounds of a key's expiry, shared by the create-key form and the API. Pure: no
// Node, DOM or React; the caller passes `now`.

/**
 * How far ahead a key may expire. A key meant to live longer is one that should never
 * expire (and say so) or be rotated; five years also keeps every expiry in ISO-8601's
 * four-digit years.
 */
export const MAX_EXPIRY_YEARS = 5;

export type ExpiryProblem = 'invalid' | 'past' | 'too_far';

export type ExpiryCheck = { ok: true; value: string | null } | { ok: false; problem: ExpiryProblem };

/** The latest expiry the rule takes at `now`: the same moment, MAX_EXPIRY_YEARS later (UTC). */
export function latestExpiry(now: Date): Date {
  const latest = new Date(now.getTime());
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_EXPIRY_YEARS);
  return latest;
}

/** null means the key never expires; anything else must be a time after `now` and at most MAX_EXPIRY_YEARS after it. */
export function checkExpiry(iso: string | null | undefined, now: Date): ExpiryCheck {
  if (iso === null || iso === undefined) return { ok: true, value: null };
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return { ok: false, problem: 'invalid' };
  if (time <= now.getTime()) return { ok: false, problem: 'past' };
  if (time > latestExpiry(now).getTime()) return { ok: false, problem: 'too_far' };
  return { ok: true, value: iso };
}

export function expiryProblemMessage(problem: ExpiryProblem): string {
  switch (problem) {
    case 'invalid':
      return 'The expiration is not a valid time.';
    case 'past':
      return 'The expiration must be in the future.';
    case 'too_far':
      return `The expiration can be at most ${MAX_EXPIRY_YEARS} years from now.`;
  }
}
