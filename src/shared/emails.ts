// The email rule, shared by the forms that ask for one and the API. Pure: no Node,
// DOM or React.
//
// Only the shape is checked (something@domain.tld): whether a mailbox exists is for
// the mail server to say. Emails are compared lower-cased, so they are stored that way.

/** RFC 5321's limit for a forward path. */
export const MAX_EMAIL_LENGTH = 254;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// C0/C1 controls, and the bidirectional overrides and isolates that can disguise an address.
// eslint-disable-next-line no-control-regex -- these are exactly the characters refused
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

// Half of a surrogate pair is not text: stored as UTF-8 it would come back as U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type EmailProblem = 'required' | 'invalid';

export type EmailCheck = { ok: true; value: string } | { ok: false; problem: EmailProblem };

export function checkEmailText(value: string): EmailCheck {
  const email = value.trim().toLowerCase();
  if (email.length === 0) return { ok: false, problem: 'required' };
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email) || UNSAFE_CHARACTERS.test(email) || LONE_SURROGATE.test(email)) {
    return { ok: false, problem: 'invalid' };
  }
  return { ok: true, value: email };
}

export function emailProblemMessage(problem: EmailProblem): string {
  switch (problem) {
    case 'required':
      return 'Enter an email address.';
    case 'invalid':
      return 'Enter a valid email address.';
  }
}
