// The bounds of a key's expiry, shared by the create-key form and the API. Pure: no
// Node, DOM or React; the caller passes `now`.

/** ISO-8601 in the API has four-digit years. */
export const MAX_EXPIRY_YEAR = 9999;

export type ExpiryProblem = 'invalid' | 'past' | 'too_far';

export type ExpiryCheck = { ok: true; value: string | null } | { ok: false; problem: ExpiryProblem };

/** null means the key never expires; anything else must be a time after `now`, in a year up to 9999 (UTC). */
export function checkExpiry(iso: string | null | undefined, now: Date): ExpiryCheck {
  if (iso === null || iso === undefined) return { ok: true, value: null };
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return { ok: false, problem: 'invalid' };
  if (time <= now.getTime()) return { ok: false, problem: 'past' };
  if (new Date(time).getUTCFullYear() > MAX_EXPIRY_YEAR) return { ok: false, problem: 'too_far' };
  return { ok: true, value: iso };
}

export function expiryProblemMessage(problem: ExpiryProblem): string {
  switch (problem) {
    case 'invalid':
      return 'The expiration is not a valid time.';
    case 'past':
      return 'The expiration must be in the future.';
    case 'too_far':
      return 'The expiration is too far in the future.';
  }
}
