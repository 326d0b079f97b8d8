export const KEY_NAME_MAX = 100;

// The server refuses control characters in names (C0, DEL and C1).
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The server's rule, checked as the user types: 1–100 characters after trimming, no control characters.
 * `subject` names the thing in the message (service accounts follow the same rule).
 */
export function keyNameError(name: string, subject = 'the key'): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return `Enter a name for ${subject}`;
  if (trimmed.length > KEY_NAME_MAX) return `Use at most ${KEY_NAME_MAX} characters (now ${trimmed.length})`;
  if (CONTROL_CHARACTERS.test(trimmed)) return 'Remove control characters such as tabs and line breaks';
  return null;
}
