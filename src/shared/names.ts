// The rule for names people read (keys, accounts, tenants, usernames), shared by the
// form and the API. Pure: no Node, DOM or React.
//
// A name is NFC-normalised and trimmed, at most MAX_NAME_LENGTH characters (code
// points), and must show something: a name of zero-width spaces, word joiners, soft
// hyphens, Hangul fillers, Braille blanks, tag characters or combining marks alone
// would look empty in the list, and one character of them inside a name makes a
// lookalike of another ("admin" and "ad\u200Bmin"). So format and separator
// characters are refused except the ordinary space, and the joiners and variation
// selectors that emoji sequences need (👩‍👩‍👧, ❤️).

export const MAX_NAME_LENGTH = 100;

export type NameProblem = 'required' | 'too_long' | 'unsafe' | 'invisible' | 'not_text';

/** Joiners and variation selectors allowed where emoji sequences put them. */
const EMOJI_GLUE =
  /(?<=\p{Extended_Pictographic}(?:[\u{1F3FB}-\u{1F3FF}]|\uFE0F)?)\u200D(?=\p{Extended_Pictographic})|(?<=\p{Extended_Pictographic}|[0-9#*])\uFE0F/gu;

/**
 * Controls (C0, C1), format characters (bidirectional controls, zero-width
 * characters, soft hyphen, tags…), line and paragraph separators, spaces other than
 * U+0020, private-use and unassigned code points, and the fillers that render as blank.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Default_Ignorable_Code_Point}\u2800\u3164\uFFA0\u115F\u1160]|(?! )\p{Zs}/u;

/** Something a reader sees: not a space, not a mark alone. */
const VISIBLE = /[^\s\p{M}]/u;

// Half of a surrogate pair is not text: stored as UTF-8 it would come back as U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type NameCheck = { ok: true; name: string } | { ok: false; problem: NameProblem };

export function checkNameText(value: string): NameCheck {
  if (LONE_SURROGATE.test(value)) return { ok: false, problem: 'not_text' };
  const name = value.normalize('NFC').trim();
  if (name.length === 0) return { ok: false, problem: 'required' };
  if (nameLength(name) > MAX_NAME_LENGTH) return { ok: false, problem: 'too_long' };
  const problem = shownTextProblem(name);
  return problem ? { ok: false, problem } : { ok: true, name };
}

/** What the name rule refuses in a trimmed text of any length: hidden or unsafe characters, or nothing to see. */
export function shownTextProblem(text: string): 'unsafe' | 'invisible' | 'not_text' | null {
  if (LONE_SURROGATE.test(text)) return 'not_text';
  if (UNSAFE.test(text.replace(EMOJI_GLUE, ''))) return 'unsafe';
  if (!VISIBLE.test(text)) return 'invisible';
  return null;
}

/** How long a name is by this rule: code points after normalising and trimming (what a form's counter shows). */
export function nameLength(value: string): number {
  return [...value.normalize('NFC').trim()].length;
}

export function nameProblemMessage(label: string, problem: NameProblem): string {
  switch (problem) {
    case 'required':
      return `${label} is required.`;
    case 'too_long':
      return `${label} must be at most ${MAX_NAME_LENGTH} characters.`;
    case 'unsafe':
      return `${label} cannot contain control, invisible or text-direction characters.`;
    case 'invisible':
      return `${label} must contain a visible character.`;
    case 'not_text':
      return `${label} is not valid text.`;
  }
}

/**
 * A name as a reader tells names apart, for refusing one that would stand beside
 * another that looks the same (two tenants in the tenant menu): NFKC, so full-width
 * "Ａｃｍｅ" and ligatures read as the letters they show; case-folded (upper then lower,
 * so "ß" and "SS" meet, as do "ς", "σ" and "Σ"); and runs of spaces as one, as a page
 * shows them.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** Whether two names read as one (nameKey). */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}
