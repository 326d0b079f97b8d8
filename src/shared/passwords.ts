// The password rule, shared by the setup and invitation forms and the API. Pure: no
// Node, DOM or React. Length is counted in code points, so an emoji counts as one
// character, as a person counts it.

export const MIN_PASSWORD_LENGTH = 10;
/** Long enough for any passphrase, short enough that hashing one is cheap. */
export const MAX_PASSWORD_LENGTH = 1000;

export type PasswordProblem = 'too_short' | 'too_long';

export type PasswordCheck = { ok: true; value: string } | { ok: false; problem: PasswordProblem };

/** A password is kept exactly as typed: no trimming or normalising, which would change what the user chose. */
export function checkPasswordText(value: string): PasswordCheck {
  const length = [...value].length;
  if (length < MIN_PASSWORD_LENGTH) return { ok: false, problem: 'too_short' };
  if (length > MAX_PASSWORD_LENGTH) return { ok: false, problem: 'too_long' };
  return { ok: true, value };
}

export function passwordProblemMessage(problem: PasswordProblem): string {
  switch (problem) {
    case 'too_short':
      return `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`;
    case 'too_long':
      return `Password must be at most ${MAX_PASSWORD_LENGTH} characters.`;
  }
}
