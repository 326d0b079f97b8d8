// The rule for a canary key's description (where it was planted), shared by the form and
// the API. Pure: no Node, DOM or React.

export const MAX_CANARY_DESCRIPTION_LENGTH = 500;

export type DescriptionCheck = { ok: true; description: string | null } | { ok: false; message: string };

/** Controls other than line breaks and tabs, and the text-direction controls that can disguise text. */
const UNSAFE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** NFC and trimmed; empty is none. Line breaks are allowed (a note may list several places). */
export function checkCanaryDescription(value: string | null | undefined): DescriptionCheck {
  if (value === null || value === undefined) return { ok: true, description: null };
  const description = value.normalize('NFC').trim();
  if (description.length === 0) return { ok: true, description: null };
  if ([...description].length > MAX_CANARY_DESCRIPTION_LENGTH) {
    return { ok: false, message: `The description must be at most ${MAX_CANARY_DESCRIPTION_LENGTH} characters.` };
  }
  if (UNSAFE.test(description.replace(/[\n\t]/g, ''))) {
    return { ok: false, message: 'The description cannot contain control or text-direction characters.' };
  }
  return { ok: true, description };
}
